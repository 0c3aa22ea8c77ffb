/**
 * The monthly progress report (76号 二（三）): a completed project's leftover agrees with its funds
 * less what was paid, and a leftover above zero says how it was cleared and pooled; a leftover of
 * zero needs no such note; a project still being built is held to neither.
 */
import { checkFilingSheet } from "../../../src/core/filing/check";
import { PROGRESS_SPEC } from "../../../src/core/filing/office-specs";

const HEADER = PROGRESS_SPEC.fields.map((f) => f.header);
const row = (o: Record<string, unknown>) => PROGRESS_SPEC.fields.map((f) => o[f.key] ?? "");
const base = { month: "2026-07-31", project: "甲村产业路", amount: 100, paid: 90 };

function check(rows: Record<string, unknown>[]) {
  const findings = checkFilingSheet({
    name: "项目实施进度月报",
    values: [HEADER, ...rows.map(row)],
  });
  return findings.map((f) => `${f.rule}@${f.cell}`);
}

test("leftover = funds − paid exactly is fine; one unit off is a warning on the leftover cell", () => {
  const done = { ...base, status: "已完工", accepted: "2026-07-01", cleared: "已统筹用于乙村" };
  expect(check([{ ...done, leftover: 10 }])).toEqual([]);
  const off = check([{ ...done, leftover: 10.0001 }]);
  const col = String.fromCharCode(65 + PROGRESS_SPEC.fields.findIndex((f) => f.key === "leftover"));
  expect(off).toEqual([`FILING-PROGRESS-leftover-MISMATCH@${col}2`]);
});

test("a leftover above zero needs its clearing note; a leftover of zero does not", () => {
  const done = { ...base, status: "已验收", accepted: "2026-07-01" };
  expect(check([{ ...done, leftover: 10 }])).toEqual([
    expect.stringMatching(/^FILING-PROGRESS-cleared@/),
  ]);
  expect(check([{ ...done, paid: 100, leftover: 0 }])).toEqual([]);
  expect(check([{ ...done, paid: 100, leftover: "-" }])).toEqual([]);
});

test("a project being built is held to neither", () => {
  expect(check([{ ...base, status: "在建", leftover: 3 }])).toEqual([]);
});
