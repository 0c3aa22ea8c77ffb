/** Any sheet at all: the engine never throws, its findings are well formed, streaming agrees. */
import fc from "fast-check";
import { Finding, SheetInput, SheetReview, reviewSheet } from "../../../src/core/review";
import { compareFindings } from "../../../src/core/review/engine";
import { AS_OF } from "../../fixtures/ledgers";

const words = [
  "项目名称",
  "資金類型",
  "金额（万元）",
  "收到文件日期",
  "资金下达日期",
  "实施状态",
  "项目批复日期",
  "绩效目标",
  "年度",
  "资金总额",
  "结转结余",
  "监督举报电话",
  "建设内容",
  "中央提前下达",
  "本级预算",
  "部门未细化",
  "未开工",
  "终止",
  "购买公务用车",
  "合计",
  "单位：万元",
  "待定",
  "2020211",
  "2024-02-30",
  "2024年3月5日",
  "#N/A",
  "#VALUE!",
  "—",
  "12.5万",
  "(1,234.50)",
  "",
];

const cell = fc.oneof(
  fc.constantFrom(...words),
  fc.integer({ min: -100, max: 3_000_000 }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.constantFrom(Number.NaN, Infinity, 60, 45356, 20240305, 2958466),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 6 })
);

const sheetArb = fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { maxLength: 40 });

function wellFormed(fs: Finding[]) {
  for (const f of fs) {
    expect(f.message.zh.length).toBeGreaterThan(0);
    if (f.row === null) expect(f.cell).toBeNull();
    else expect(f.cell).toBe(`${f.column}${f.row}`);
    if (f.kind !== "DATA") expect(f.citation).not.toBeNull();
  }
  for (let i = 1; i < fs.length; i++)
    expect(compareFindings(fs[i - 1], fs[i])).toBeLessThanOrEqual(0);
}

describe("any sheet", () => {
  it("never throws, gives well-formed sorted findings, and streaming equals the whole sheet", () => {
    fc.assert(
      fc.property(sheetArb, fc.constantFrom("台账", "项目公示", "结转"), (values, name) => {
        const sheet: SheetInput = { name, values };
        const whole = reviewSheet(sheet, { asOf: AS_OF });
        wellFormed(whole.findings);
        const r = new SheetReview(name, { asOf: AS_OF });
        values.forEach((row, i) => r.addRow(i + 1, row));
        expect(r.finish()).toEqual(whole);
      }),
      { numRuns: 300, seed: 20251123 }
    );
  });
});
