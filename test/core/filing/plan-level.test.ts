/**
 * The pooling plan as a whole in its filing sheet (湖北 2015 意见 四（四）、五（一）): 方案印发文号,
 * 着手编制日期 and 报省备案日期, written once on any row, are judged as FUND.PLANCHECK judges them —
 * 30 September of the year before is in time, 1 October is late; blank, one note that they were
 * not checked.
 */
import { checkFilingSheet } from "../../../src/core/filing/check";
import { headerText } from "../../../src/core/filing/layout";
import { PLAN } from "../../../src/core/filing/specs";
import { columnLetters } from "../../../src/core/review/types";

const col = (key: string) => columnLetters(PLAN.fields.findIndex((f) => f.key === key));
const row = (o: Record<string, unknown>) =>
  PLAN.fields.map(
    (f) =>
      o[f.key] ??
      (
        {
          project: "甲村道路",
          year: 2026,
          source: "县级财政衔接资金",
          platform: "整村推进",
          amount: 100,
          content: "道路",
          schedule: "3月开工",
          responsible: "交通局",
        } as Record<string, unknown>
      )[f.key] ??
      ""
  );
const check = (rows: Record<string, unknown>[]) =>
  checkFilingSheet({
    name: PLAN.sheetName,
    values: [["标题"], ["副标题"], PLAN.fields.map(headerText), ...rows.map(row)],
  }).map((f) => `${f.rule}@${f.cell}:${f.severity}`);

test("drafted on 30 September of the year before, numbered and filed: nothing; on the first row only is enough", () => {
  expect(
    check([{ planDoc: "某政发〔2025〕12号", drafted: "2025-09-30", filed: "2026-01-10" }, {}])
  ).toEqual([]);
});

test("1 October is late; a missing 文号 and filing are named on their columns", () => {
  expect(check([{ drafted: "2025-10-01" }])).toEqual([
    `FILING-PLAN-PLANLEVEL-DRAFTED@${col("drafted")}4:warning`,
    "FILING-PLAN-PLANLEVEL-DOCNUMBER@null:warning",
    "FILING-PLAN-PLANLEVEL-FILED@null:warning",
  ]);
});

test("none of the three filled: one note that the plan's issue, timing and filing were not checked", () => {
  expect(check([{}])).toEqual(["FILING-PLAN-PLANLEVEL-UNCHECKED@null:info"]);
});

test("an unreadable date is the date check's finding, not also a missing date", () => {
  const got = check([{ planDoc: "x号", drafted: "秋天", filed: "2026-01-10" }]);
  expect(got).toEqual([`FILING-PLAN-drafted-DATE@${col("drafted")}4:error`]);
});
