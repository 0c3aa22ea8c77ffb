/**
 * The layer rule (docs/development.md): src/core imports nothing of ours outside core and uses no
 * DOM or Node; src/workbook imports only core; excel/, wps/ and cli/ never import the pane
 * (src/taskpane); cli/ never imports an Office/WPS adapter or React; and src has no import cycle.
 * Checked three ways: ESLint's per-folder rules (shown here to refuse each kind of import), the
 * import graph of the files as they are, and the compiler with nothing but ES2022 (tsconfig.core.json).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cycles, importGraph } from "./graph";
import { ROOT, importsOf, packageOf, read, resolveLocal } from "./imports";

const tsc = require.resolve("typescript/bin/tsc");

interface Case {
  file: string;
  code: string;
  refused: boolean;
}

const CASES: Case[] = [
  { file: "src/excel/x.ts", code: 'import { App } from "../taskpane/App";', refused: true },
  { file: "src/excel/x.ts", code: 'import { x } from "../workbook/review/port";', refused: false },
  { file: "src/excel/x.ts", code: 'import { x } from "../wps/host";', refused: true },
  {
    file: "src/cli/x.ts",
    code: 'import { R } from "../taskpane/review/ReviewPane";',
    refused: true,
  },
  { file: "src/cli/x.ts", code: 'import { h } from "../excel/host";', refused: true },
  { file: "src/cli/x.ts", code: 'import { w } from "../wps/host";', refused: true },
  { file: "src/cli/x.ts", code: 'import * as React from "react";', refused: true },
  { file: "src/cli/x.ts", code: 'import { e } from "../workbook/review/engine";', refused: false },
  { file: "src/wps/x.ts", code: 'import { h } from "../taskpane/host";', refused: true },
  { file: "src/wps/mount.tsx", code: 'import { App } from "../taskpane/App";', refused: false },
  {
    file: "src/wps/mount.tsx",
    code: 'import { R } from "../taskpane/review/ReviewPane";',
    refused: true,
  },
  { file: "src/core/x.ts", code: 'import * as fs from "fs";', refused: true },
  { file: "src/core/x.ts", code: 'import * as p from "node:path";', refused: true },
  { file: "src/core/x.ts", code: 'import * as React from "react";', refused: true },
  { file: "src/core/x.ts", code: 'import { h } from "../workbook/host";', refused: true },
  { file: "src/core/review/x.ts", code: 'import { A } from "../../taskpane/App";', refused: true },
  { file: "src/core/review/x.ts", code: 'import { d } from "../dates";', refused: false },
  { file: "src/workbook/x.ts", code: 'import { A } from "../taskpane/App";', refused: true },
  { file: "src/workbook/x.ts", code: 'import { h } from "../excel/host";', refused: true },
  { file: "src/workbook/x.ts", code: 'import { b } from "../core/i18n";', refused: false },
  { file: "src/functions/x.ts", code: 'import { h } from "../excel/host";', refused: true },
];

test("ESLint refuses each import across a layer, and lets the allowed ones through", () => {
  // ESLint loads eslint.config.mjs with import(), which jest's module sandbox does not run: lint
  // the cases in a plain Node process through ESLint's API.
  const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code + "\\n", { filePath: c.file });
        out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports").length > 0);
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    input: JSON.stringify(CASES),
    encoding: "utf8",
    timeout: 120000,
  });
  expect(r.stderr).toBe("");
  const refused: boolean[] = JSON.parse(r.stdout);
  expect(CASES.map((c, i) => ({ ...c, refused: refused[i] }))).toEqual(CASES);
}, 120000);

const src = importGraph(["src"]);
const folder = (f: string) => f.split("/")[1];

/** Imports of `from` files whose target lies in one of `folders` (of src). */
function crossing(fromFolders: string[], toFolders: string[], except: string[] = []) {
  return [...src]
    .filter(([f]) => fromFolders.includes(folder(f)) && !except.includes(f))
    .flatMap(([f, to]) =>
      to.filter((t) => toFolders.includes(folder(t))).map((t) => `${f} → ${t}`)
    );
}

test("the files as they are keep the layer rule", () => {
  expect(src.size).toBeGreaterThan(100);
  const ours = [...new Set([...src.keys()].map(folder))].filter((d) => d.indexOf(".") < 0);
  expect(ours).toEqual(
    expect.arrayContaining(["core", "workbook", "excel", "wps", "cli", "taskpane"])
  );
  expect(
    crossing(
      ["core"],
      ours.filter((d) => d !== "core")
    )
  ).toEqual([]);
  expect(
    crossing(
      ["workbook"],
      ours.filter((d) => d !== "core" && d !== "workbook")
    )
  ).toEqual([]);
  // WPS's pane page mounts the pane's App, as src/taskpane/mount.tsx does over Excel
  expect(crossing(["excel", "wps", "cli"], ["taskpane"], ["src/wps/mount.tsx"])).toEqual([]);
  expect(src.get("src/wps/mount.tsx")?.filter((t) => folder(t) === "taskpane")).toEqual([
    "src/taskpane/App.tsx",
  ]);
  expect(crossing(["cli"], ["excel", "wps", "functions", "commands"])).toEqual([]);
  const cliPackages = [...src]
    .filter(([f]) => folder(f) === "cli")
    .flatMap(([f]) => importsOf(read(f)).map((r) => packageOf(r.specifier)))
    .filter((p) => p && /^(react|react-dom|@fluentui\/)/.test(p));
  expect(cliPackages).toEqual([]);
});

test("core uses only pure packages: nothing of Node, the DOM, Office or React", () => {
  const core = [...src.keys()].filter((f) => folder(f) === "core");
  const outside = core.flatMap((f) =>
    importsOf(read(f))
      .filter((r) => !r.specifier.startsWith("."))
      .map((r) => ({ f, specifier: r.specifier, pkg: packageOf(r.specifier) }))
  );
  expect(outside.length).toBeGreaterThan(0);
  // a Node built-in ("fs", "node:path") has no package: none may appear
  expect(outside.filter((x) => x.pkg === null)).toEqual([]);
  // whatever core imports from outside is one of these pure libraries
  const PURE = ["decimal.js", "chinese-days", "opencc-js"];
  expect(outside.filter((x) => !PURE.includes(x.pkg!))).toEqual([]);
  // and no relative import leaves src/core
  for (const f of core)
    for (const r of importsOf(read(f))) {
      const to = resolveLocal(f, r.specifier);
      if (to)
        expect({ f, to, inCore: to.startsWith("src/core/") }).toEqual({ f, to, inCore: true });
    }
});

/**
 * A known cycle made of type imports only, being removed: each entry names a file every such
 * cycle passes through, and why. None may carry a run-time (value) cycle (checked below).
 */
const KNOWN_TYPE_CYCLES: { through: string; why: string }[] = [
  {
    // the kind modules take RuleDef/Vars (types) from the registry, which lists the kinds
    through: "src/core/review/registry.ts",
    why: "src/core/review's kind registry (issue 14, part 2): its rule types are to leave registry.ts",
  },
];

test("no import cycle in src (a known type-only one aside, listed with its reason)", () => {
  const found = cycles(src);
  const unknown = found.filter((c) => !KNOWN_TYPE_CYCLES.some((k) => c.includes(k.through)));
  expect(unknown).toEqual([]);
  // the known ones are type imports only: no cycle among the value imports
  const values = new Map(
    [...src.keys()].map((f) => [
      f,
      importsOf(read(f))
        .filter((r) => !r.typeOnly)
        .map((r) => resolveLocal(f, r.specifier))
        .filter((t): t is string => t !== null),
    ])
  );
  expect(cycles(values)).toEqual([]);
});

test("the cycle finder finds a cycle", () => {
  const g = new Map([
    ["a", ["b"]],
    ["b", ["c"]],
    ["c", ["a"]],
    ["d", ["a"]],
    ["e", ["e"]],
  ]);
  expect(cycles(g).map((c) => c.join())).toEqual(expect.arrayContaining(["a,b,c", "e"]));
  expect(cycles(g)).toHaveLength(2);
});

describe("tsconfig.core.json: src/core and src/workbook type-check with ES2022 alone", () => {
  test("they do", () => {
    expect(() =>
      execFileSync(process.execPath, [tsc, "-p", "tsconfig.core.json"], {
        cwd: ROOT,
        stdio: "pipe",
      })
    ).not.toThrow();
  }, 120000);

  test("a DOM or Node name in a file it checks is an error", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-core-purity-"));
    try {
      fs.writeFileSync(
        path.join(dir, "impure.ts"),
        "export const a = document.title;\nexport const b = process.env.HOME;\nexport const c = Buffer.from('x');\n"
      );
      fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({ extends: path.join(ROOT, "tsconfig.core.json"), include: ["impure.ts"] })
      );
      const r = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
      expect(r.status).not.toBe(0);
      expect(r.stdout).toMatch(/Cannot find name 'document'/);
      expect(r.stdout).toMatch(/Cannot find name 'process'/);
      expect(r.stdout).toMatch(/Cannot find name 'Buffer'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);
});
