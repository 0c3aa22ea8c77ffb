/**
 * Without --json the worker sends the command only the findings its summary lists, with a tally
 * of all of them (outcome-pack.ts listedOnly): the summary, the counts and the exit status must
 * be exactly what the whole outcome gives — an error past the listed findings still counts.
 */
import { LISTED_PER_FILE, summary } from "../../src/cli/review-command";
import { listedOnly, packOutcome, tallyOf, unpackOutcome } from "../../src/cli/outcome-pack";
import type { FileOutcome } from "../../src/cli/review-file";
import type { Finding, FindingKind, Severity } from "../../src/core/review/types";
import type { Mark } from "../../src/core/review/trail";

const KINDS: FindingKind[] = ["DATA", "OVERDUE", "PROHIBITED", "IDLE"];

function outcome(n: number, errorAt: number): FileOutcome {
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const severity: Severity = i === errorAt ? "error" : i % 3 === 0 ? "info" : "warning";
    findings.push({
      kind: KINDS[i % KINDS.length],
      rule: `R${i % 5}`,
      severity,
      sheet: "台账",
      row: i + 2,
      column: "C",
      cell: `C${i + 2}`,
      message: { zh: `第 ${i} 条`, en: `number ${i}` },
      evidence: `证据 ${i}`,
      citation: null,
    });
  }
  const mark = (i: number): Mark => ({
    key: `k${i}`,
    status: i % 2 ? "verified" : "false-alarm",
    note: "",
    by: "张三",
    at: "2026-05-08 14:30",
    where: `台账!C${i + 2}`,
  });
  return {
    path: "台账.xlsx",
    sheets: [{ name: "台账", recognised: true }],
    findings,
    rows: n + 1,
    trail: {
      lastRun: "2026-05-08 14:30",
      marks: findings.map((_, i) => (i % 7 === 0 ? mark(i) : null)),
      states: findings.map((_, i) => (i % 4 === 0 ? "new" : "open")),
      resolved: 2,
      resolvedMarks: [],
    },
  };
}

test("the cut outcome carries the listed findings and the tally of all", () => {
  const full = outcome(200, 150);
  const cut = listedOnly(full, LISTED_PER_FILE);
  expect(cut.findings).toEqual(full.findings.slice(0, LISTED_PER_FILE));
  expect(cut.trail!.marks).toHaveLength(LISTED_PER_FILE);
  expect(tallyOf(cut)).toEqual(tallyOf(full));
  expect(tallyOf(cut).findings).toBe(200);
  // the only error is past the listed findings: it is still counted (the exit status reads this)
  expect(cut.findings.some((f) => f.severity === "error")).toBe(false);
  expect(tallyOf(cut).severity.error).toBe(1);
});

test("the terminal summary is the same from the cut outcome as from the whole one", () => {
  const full = outcome(200, 150);
  const cut = unpackOutcome(packOutcome(listedOnly(full, LISTED_PER_FILE)));
  const text = summary([cut], "2026-11-23", "zh", "test");
  expect(text).toBe(summary([full], "2026-11-23", "zh", "test"));
  expect(text).toContain("问题 findings: 200");
  expect(text).toContain(`另有 ${200 - LISTED_PER_FILE} 条`);
  expect(text).toMatch(/已标记 marked 29 \(/); // marks on every 7th of 200 findings
});

test("an outcome with no more findings than are listed is sent whole", () => {
  const small = outcome(LISTED_PER_FILE, 3);
  expect(listedOnly(small, LISTED_PER_FILE)).toBe(small);
});
