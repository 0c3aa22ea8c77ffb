import { daxie, sample } from "../../src/functions/functions";

type Err = { code: string; message: string };
const isErr = (v: unknown): v is Err => typeof v === "object" && v !== null && "code" in v;
const col = (xs: unknown[]) => xs.map((x) => [x]);

describe("FUND.DAXIE", () => {
  test.each([
    [1010.5, "壹仟零壹拾元伍角"],
    [100000, "壹拾万元整"],
    [0.05, "伍分"],
    [10, "壹拾元整"],
    [100000000, "壹亿元整"],
    [1004.06, "壹仟零肆元零陆分"],
    ["100,000,100.00", "壹亿零壹佰元整"],
    [0, "零元整"],
    [-1004.06, "负壹仟零肆元零陆分"],
    ["1,234.50", "壹仟贰佰叁拾肆元伍角"],
    ["12.5万", "壹拾贰万伍仟元整"],
    ["(10)", "负壹拾元整"],
  ])("%p → %s", (a, expected) => expect(daxie(a)).toBe(expected));

  test("a float Excel hands over is read at 15 digits (0.1 + 0.2 is 0.3)", () => {
    expect(daxie(0.1 + 0.2)).toBe("叁角");
  });

  test("1×1 ranges work like values", () => expect(daxie([[10]])).toBe("壹拾元整"));

  test("整 after 角 on request", () => expect(daxie(1010.5, true)).toBe("壹仟零壹拾元伍角整"));

  test.each([
    [1.234, "#VALUE!", "两位小数"],
    ["待定", "#VALUE!", "待定"],
    ["", "#VALUE!", "缺少金额"],
    [null, "#VALUE!", "缺少金额"],
    [true, "#VALUE!", "数字"],
    [1e17, "#VALUE!", "范围"],
  ])("%p → %s saying what was wrong", (a, code, words) => {
    const r: unknown = daxie(a);
    expect(isErr(r)).toBe(true);
    expect((r as Err).code).toBe(code);
    expect((r as Err).message).toContain(words);
  });
});

describe("FUND.SAMPLE", () => {
  const ids = col(Array.from({ length: 14 }, (_, i) => `县${i + 1}`));

  test("ceil(fraction × n) ids, in input order, reproducible", () => {
    const r = sample(ids, 0.6, 2025) as unknown[][];
    expect(r).toEqual(col(["县1", "县2", "县3", "县6", "县8", "县9", "县10", "县11", "县13"]));
    expect(sample(ids, "60%", "2025")).toEqual(r);
  });

  test("blank cells are skipped and numbers stay numbers", () => {
    const r = sample([[101], [""], [102], [null], [103]], 1, "x");
    expect(r).toEqual([[101], [102], [103]]);
  });

  test("with amounts and threshold only amounts ≥ threshold are drawn (inclusive)", () => {
    const names = col(["a", "b", "c", "d"]);
    const amounts = col([50, 49.99, "80万", 10]);
    // plain numbers take the threshold's unit (万元)
    expect(sample(names, 1, 1, amounts, "50万")).toEqual(col(["a", "c"]));
    // a plain threshold is in 元: 50万 = 500000 元 and plain numbers are 元
    expect(sample(names, 1, 1, col([500000, 499999, "80万", 10]), 500000)).toEqual(col(["a", "c"]));
  });

  test("30 % of eligible projects, rounded up", () => {
    const names = col(Array.from({ length: 10 }, (_, i) => `p${i}`));
    const amounts = col(Array.from({ length: 10 }, (_, i) => 45 + i)); // 5 are ≥ 50
    expect((sample(names, 0.3, 9, amounts, "50万") as unknown[][]).length).toBe(2);
  });

  test.each([
    [[ids, 0, 1], "#VALUE!", "大于 0"],
    [[ids, 1.5, 1], "#VALUE!", "不超过 1"],
    [[ids, "多", 1], "#VALUE!", "比例"],
    [[ids, 0.5, ""], "#VALUE!", "种子"],
    [[ids, 0.5, true], "#VALUE!", "种子"],
    [[ids, 0.5, 1, col([1, 2])], "#VALUE!", "同时提供"],
    [[ids, 0.5, 1, col([1, 2]), 5], "#VALUE!", "大小必须相同"],
    [[col(["a"]), 0.5, 1, col(["待定"]), 5], "#VALUE!", "待定"],
    [[col(["", ""]), 0.5, 1], "#N/A", "没有"],
  ] as [unknown[], string, string][])("%#: bad input → %s", (args, code, words) => {
    const r = (sample as (...a: unknown[]) => unknown)(...args);
    expect(isErr(r)).toBe(true);
    expect((r as Err).code).toBe(code);
    expect((r as Err).message).toContain(words);
  });
});
