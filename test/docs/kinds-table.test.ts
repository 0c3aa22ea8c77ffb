/**
 * docs/adding-a-rule.md lists every finding kind in a table made from the one list
 * (src/core/review/kinds): the page must hold exactly what the list makes now. After adding or
 * changing a kind: npm run docs:kinds.
 */
import * as fs from "fs";
import * as path from "path";
import { KIND_MODULES } from "../../src/core/review/kinds";
import { kindsTable } from "../../src/core/review/kinds/table";

const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "adding-a-rule.md"), "utf8");

test("the kinds table in docs/adding-a-rule.md is the one the list makes (npm run docs:kinds)", () => {
  const m = /<!-- kinds-table:start[^>]*-->\n([\s\S]*?)\n<!-- kinds-table:end -->/.exec(doc);
  expect(m).not.toBeNull();
  expect(m![1]).toBe(kindsTable(KIND_MODULES));
});

test("the table has one row per kind, in order, with its names and rule count", () => {
  const table = kindsTable(KIND_MODULES);
  const rows = table.split("\n").slice(2);
  expect(rows).toHaveLength(KIND_MODULES.length);
  const sorted = [...KIND_MODULES].sort((a, b) => a.order - b.order);
  rows.forEach((r, i) => {
    const k = sorted[i];
    const own = k.rules.filter((x) => x.kind === k.id).length;
    expect(
      r.startsWith(`| ${k.order} | \`${k.id}\` | ${k.label.zh} ${k.label.en} | ${own} |`)
    ).toBe(true);
  });
});

test("every file the page names is in the repository", () => {
  const named = [...doc.matchAll(/`((?:src|test|docs|scripts)\/[^`*…]+?\.(?:ts|tsx|md))`/g)].map(
    (x) => x[1]
  );
  expect(named.length).toBeGreaterThan(10);
  for (const f of named)
    expect([f, fs.existsSync(path.join(__dirname, "..", "..", f))]).toEqual([f, true]);
});
