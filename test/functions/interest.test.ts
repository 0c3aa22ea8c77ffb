/**
 * FUND.INTEREST (34号 第（十二）条1): exactly the benchmark is allowed; a banded table holds 5
 * years in 一至五年（含五年）; without a term a rate between the bands cannot be judged.
 */
import { interest } from "../../src/functions/functions";

type Err = { code: string; message: string };
// The test's own figures, not a claim about any year's rates.
const BANDED = [
  ["起始日期", "基准利率（%）", "贷款期限"],
  ["2015-10-24", "4.35%", "一年以内（含一年）"],
  ["2015-10-24", "4.75%", "一至五年（含五年）"],
  ["2015-10-24", "4.90%", "五年以上"],
];
const SINGLE = [
  ["起始日期", "基准利率"],
  ["2015-08-26", "4.6%"],
  ["2015-10-24", "4.35%"],
];

test("one rate per date: equal is allowed, above is named, the table in force on the date", () => {
  expect(interest("4.35%", SINGLE)).toBe("");
  expect(interest("4.36%", SINGLE)).toBe("高于基准利率 4.35%（2015-10-24 起）");
  expect(interest("4.5%", SINGLE, null, "2015-09-01")).toBe("");
  expect(interest("4.5%", SINGLE, null, "2015-01-01")).toBe(
    "无法判断：2015-01-01 没有适用的基准利率"
  );
});

test("banded: exactly 5 years at 4.75 % is allowed, 4.76 % is above; 61 months is in 五年以上", () => {
  expect(interest(0.0475, BANDED, "5年")).toBe("");
  expect(interest(0.0476, BANDED, 60)).toBe(
    "高于基准利率 4.75%（档次「一至五年（含五年）」，2015-10-24 起）"
  );
  expect(interest(0.0476, BANDED, "61个月")).toBe("");
  expect(interest("4.5%", BANDED)).toBe(
    "无法判断：基准利率按期限分档（4.35%–4.9%），请给出贷款期限"
  );
  expect(interest("4.91%", BANDED)).toContain("各档次中最高");
});

test("bad input is #VALUE! with the reason", () => {
  expect((interest("高", BANDED) as Err).code).toBe("#VALUE!");
  expect((interest("4%", BANDED, "很久") as Err).code).toBe("#VALUE!");
  expect((interest("4%", [...BANDED, ["2015-10-24", "5%", "长期"]]) as Err).message).toContain(
    "第5行"
  );
});
