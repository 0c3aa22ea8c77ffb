/**
 * The Filing pane's workbook (the in-memory fake, as the Excel and WPS adapters feed the same
 * check): a monthly progress report made by the pane and filled in by a preparer is held to
 * 76号 二（三） — a completed project's leftover is its funds less what was paid.
 */
import { MemoryFilingWorkbook } from "../../src/workbook/filing/memory";
import { PROGRESS_SPEC } from "../../src/core/filing/office-specs";
import { columnLetters } from "../../src/core/review/types";

const col = (key: string) => columnLetters(PROGRESS_SPEC.fields.findIndex((f) => f.key === key));

async function filled(leftover: unknown) {
  const wb = new MemoryFilingWorkbook([]);
  const made = await wb.createSheet({ kind: "progress", county: "某县", year: 2026 });
  const s = made.sheetName;
  const put: Record<string, unknown> = {
    month: "2026-07-31",
    project: "甲村产业路",
    status: "已验收",
    accepted: "2026-07-01",
    amount: 100,
    paid: 90,
    leftover,
    cleared: "统筹用于乙村饮水",
  };
  for (const [k, v] of Object.entries(put)) wb.setCell(s, `${col(k)}4`, v);
  return (await wb.check()).findings.filter((f) => f.sheet === s);
}

test("exactly funds − paid passes; a leftover one unit off is reported on its cell", async () => {
  expect(await filled(10)).toEqual([]);
  const f = await filled(9.9999);
  expect(f.map((x) => x.cell)).toEqual([`${col("leftover")}4`]);
  expect(f[0].citation?.clause).toBe("二（三）");
  expect(f[0].message.zh).toContain("100 − 90 = 10");
});

test("the plan sheet made by the pane: its own 文号 and dates judged (30 September in time, 1 October late)", async () => {
  const { PLAN } = await import("../../src/core/filing/specs");
  const pc = (key: string) => columnLetters(PLAN.fields.findIndex((f) => f.key === key));
  async function plan(drafted: string) {
    const wb = new MemoryFilingWorkbook([]);
    const s = (await wb.createSheet({ kind: "plan", county: "某县", year: 2026 })).sheetName;
    const put: Record<string, unknown> = {
      project: "甲村道路",
      year: 2026,
      source: "县级财政衔接资金",
      platform: "整村推进",
      amount: 100,
      content: "道路",
      schedule: "3月开工",
      responsible: "交通局",
      planDoc: "某政发〔2025〕12号",
      drafted,
      filed: "2026-01-10",
    };
    for (const [k, v] of Object.entries(put)) wb.setCell(s, `${pc(k)}4`, v);
    return (await wb.check()).findings.filter((f) => f.sheet === s).map((f) => f.cell);
  }
  expect(await plan("2025-09-30")).toEqual([]);
  expect(await plan("2025-10-01")).toEqual([`${pc("drafted")}4`]);
});
