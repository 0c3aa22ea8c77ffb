/**
 * The review with a 贷款基准利率 sheet banded by 贷款期限 (34号 第（十二）条1): each row is held to
 * its term's band; a row without a term is judged only where the answer is the same for every band.
 */
import { reviewSheet } from "../../../src/core/review";
import { readOfficeLists } from "../../../src/core/review/office";
import { serialFromYmd } from "../../../src/core/dates";

const asOf = serialFromYmd(2026, 8, 1);
// The office's own table (the test's figures); 公布文件 left blank, 贷款期限 last as the template writes it.
const BANDED = [
  ["起始日期", "基准利率（%）", "公布文件", "贷款期限"],
  ["2015-10-24", "4.35%", "", "一年以内（含一年）"],
  ["2015-10-24", "4.75%", "", "一至五年（含五年）"],
  ["2015-10-24", "4.90%", "", "五年以上"],
];
const LEDGER = {
  name: "项目台账",
  values: [
    ["项目名称", "建设内容", "金额（元）", "项目批复日期"],
    ["产业贷款贴息", "贷款期限5年，贴息利率4.75%", 1000, "2026-03-01"],
    ["产业贷款贴息", "贷款期限5年，贴息利率4.76%", 1000, "2026-03-01"],
    ["产业贷款贴息", "贷款期限61个月，贴息利率4.76%", 1000, "2026-03-01"],
    ["小额信贷贴息", "贴息利率4.35%", 1000, "2026-03-01"],
    ["小额信贷贴息", "贴息利率4.50%", 1000, "2026-03-01"],
    ["小额信贷贴息", "贴息利率4.91%", 1000, "2026-03-01"],
  ],
};

function run(values: unknown[][]) {
  const { lists, problems } = readOfficeLists([{ name: "贷款基准利率", values }]);
  return { problems, r: reviewSheet(LEDGER, { asOf, office: lists }) };
}

test("each row against its term's band; a row without a term only where every band agrees", () => {
  const { problems, r } = run(BANDED);
  expect(problems).toEqual([]);
  const got = r.findings
    .filter((f) => f.rule === "GX34-12-1-INTEREST" || f.rule === "DATA-NO-TERM")
    .map((f) => `${f.rule}@${f.cell}`);
  expect(got).toEqual([
    "GX34-12-1-INTEREST@B3", // 5 years is in 一至五年（含五年）: 4.76 % > 4.75 %
    "DATA-NO-TERM@B6", // 4.50 %: above the 1-year band, within the others
    "GX34-12-1-INTEREST@B7", // 4.91 %: above every band
  ]);
  expect(r.findings.find((f) => f.cell === "B3")!.evidence).toContain("一至五年（含五年）");
});

test("a band that cannot be read, or a date partly banded, stops with the row named", () => {
  expect(run([...BANDED, ["2015-10-24", "4.9%", "", "长期"]]).problems[0].row).toBe(5);
  const mixed = run([...BANDED, ["2015-10-24", "4.9%", "", ""]]).problems;
  expect(mixed.map((p) => p.row)).toEqual([5]);
});
