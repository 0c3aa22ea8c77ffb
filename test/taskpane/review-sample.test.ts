/**
 * The harness's sample workbook against the real engine: every planted fault is found where it
 * was planted, and the clean rows yield nothing — so the harness and the screenshot show what a
 * reviewer would see.
 */
import { MemoryReviewWorkbook } from "../../src/workbook/review/memory";
import { reviewWorkbook } from "../../src/core/review";
import { serialFromYmd } from "../../src/core/dates";

test("the sample workbook yields its planted findings, each cited except DATA", async () => {
  const wb = new MemoryReviewWorkbook();
  const sheets = await Promise.all(wb.sheets.map((s) => wb.readSheet(s.name)));
  const result = reviewWorkbook(sheets, { asOf: serialFromYmd(2025, 9, 1) });
  expect(result.sheets.map((s) => [s.name, s.recognised, s.kind])).toEqual([
    ["资金拨付台账", true, "ledger"],
    ["结转结余", true, "carryover"],
    ["项目公示", true, "publicity"],
  ]);
  const seen = result.findings
    .filter((f) => f.kind !== "PROHIBITED")
    .map((f) => `${f.kind} ${f.sheet}!${f.cell}`)
    .sort();
  expect(seen).toEqual(
    [
      "OVERDUE 资金拨付台账!H8", // received 2024-01-10, passed down 2024-06-20
      "OVERDUE 资金拨付台账!H9", // never passed down
      "IDLE 资金拨付台账!L10", // approved 2021-05-10, 未开工
      "PERFORMANCE 资金拨付台账!N13",
      "DUPLICATE 资金拨付台账!B14",
      "DATA 资金拨付台账!F15", // 待定
      "DATA 资金拨付台账!H15", // 2020211
      "CARRYOVER 结转结余!C4", // 210 / 1500 = 14 %
      "PUBLICITY 项目公示!J4", // no hotline
    ].sort()
  );
  // The vehicle purchase (row 11) and the Traditional-script office building (row 12) are the
  // planted negative-list rows; the classifier lands on its own branch.
  for (const f of result.findings.filter((x) => x.kind === "PROHIBITED")) {
    expect([11, 12]).toContain(f.row);
  }
  for (const f of result.findings) {
    if (f.kind === "DATA") expect(f.citation).toBeNull();
    else expect(f.citation?.document).toMatch(/号$/);
  }
  // Clean rows (4–7) yield nothing.
  expect(
    result.findings.filter((f) => f.sheet === "资金拨付台账" && f.row! >= 4 && f.row! <= 7)
  ).toEqual([]);
});
