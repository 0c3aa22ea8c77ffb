/** 34号（十八）: the blacklist — unit matching, the 3-year ban's last day, the list's problems. */
import {
  banEnd,
  creditCodeIn,
  findListing,
  isValidCreditCode,
  parseBlacklist,
  unitKey,
} from "../../../src/core/rules/blacklist";
import { formatIso, serialFromYmd } from "../../../src/core/dates";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day);
const CODE = "91450100MA5K0001X6"; // check character computed per GB 32100-2015
const OTHER = "91450100MA5K0002X7";

const LIST = [
  ["本单位扶持黑名单"],
  ["单位或个人名称", "统一社会信用代码", "列入日期", "列入事由"],
  ["廣西某某建設工程（集團）有限責任公司", "", "2024-03-05", "虚报冒领"],
  ["南宁甲乙农业开发有限公司", CODE, "2023-02-28", "挪用"],
  ["", "", "", ""],
  ["张三", "", "2022/12/31", ""],
];

describe("credit codes", () => {
  it("checks the check character (GB 32100-2015)", () => {
    expect(isValidCreditCode("9144030071526726XG")).toBe(true); // a published code
    expect(isValidCreditCode("9144030071526726XH")).toBe(false);
    expect(isValidCreditCode(CODE)).toBe(true);
  });
  it("finds a code in text, full-width or lower case", () => {
    expect(creditCodeIn(`某公司 ${CODE.toLowerCase()}`)).toBe(CODE);
    expect(creditCodeIn("９１４５０１００ＭＡ５Ｋ０００１Ｘ６")).toBe(CODE);
    expect(creditCodeIn("91450100MA5K0001X5")).toBeNull();
  });
});

describe("unit names in one normal form", () => {
  it("Traditional, full-width, brackets and 有限责任公司 all meet", () => {
    const k = unitKey("广西某某建设工程(集团)有限公司");
    expect(unitKey("廣西某某建設工程（集團）有限責任公司")).toBe(k);
    expect(unitKey(" 广西某某建设工程【集团】有限责任公司 ")).toBe(k);
    expect(unitKey("广西某某建设工程有限公司")).not.toBe(k); // 集团 is part of the name
  });
});

describe("the list", () => {
  const { entries, problems } = parseBlacklist(LIST);
  it("reads rows below a title, skipping blank rows", () => {
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.row, e.name, e.code, formatIso(e.listed)])).toEqual([
      [3, "廣西某某建設工程（集團）有限責任公司", null, "2024-03-05"],
      [4, "南宁甲乙农业开发有限公司", CODE, "2023-02-28"],
      [6, "张三", null, "2022-12-31"],
    ]);
  });
  it("reports bad rows by row, never drops them", () => {
    const bad = parseBlacklist([
      ["名称", "统一社会信用代码", "列入日期"],
      ["甲公司", "91450100MA5K0001X5", "2024-01-01"],
      ["乙公司", "", "待定"],
      ["", "", "2024-01-01"],
    ]);
    expect(bad.entries).toEqual([]);
    expect(bad.problems.map((p) => p.row)).toEqual([2, 3, 4]);
    expect(bad.problems[0].message.zh).toContain("统一社会信用代码");
    expect(bad.problems[1].message.zh).toContain("列入日期");
  });
  it("a sheet without the header says so", () => {
    expect(parseBlacklist([["甲", "乙"]]).problems[0].message.zh).toContain("找不到表头");
  });
});

describe("the 3-year ban", () => {
  const { entries } = parseBlacklist(LIST);
  it("ends on the corresponding day 3 years on, or the month's last day", () => {
    expect(formatIso(banEnd(d(2024, 3, 5)))).toBe("2027-03-05");
    expect(formatIso(banEnd(d(2024, 2, 29)))).toBe("2027-02-28");
  });
  it("covers the listing day through the last day, inclusive; the next day is free", () => {
    const unit = "广西某某建设工程(集团)有限公司";
    expect(findListing(entries, unit, d(2024, 3, 4))).toBeNull();
    expect(findListing(entries, unit, d(2024, 3, 5))?.entry.row).toBe(3);
    expect(findListing(entries, unit, d(2027, 3, 5))?.end).toBe(d(2027, 3, 5));
    expect(findListing(entries, unit, d(2027, 3, 6))).toBeNull();
  });
  it("matches by code when both carry one; the code alone decides", () => {
    const hit = findListing(entries, `南宁甲乙农业开发有限责任公司 ${CODE}`, d(2025, 1, 1));
    expect(hit?.matchedBy).toBe("code");
    expect(hit?.evidence).toContain(`统一社会信用代码 ${CODE} 相同`);
    expect(hit?.evidence).toContain("禁止期至 2026-02-28");
    // same name, another code: not the listed unit
    expect(findListing(entries, `南宁甲乙农业开发有限公司 ${OTHER}`, d(2025, 1, 1))).toBeNull();
    // no code on the unit's side: the name decides
    expect(findListing(entries, "南寧甲乙農業開發有限責任公司", d(2025, 1, 1))?.matchedBy).toBe(
      "name"
    );
  });
  it("without a date, returns the listing with its end", () => {
    expect(formatIso(findListing(entries, "张三", null)!.end)).toBe("2025-12-31");
    expect(findListing(entries, "李四", null)).toBeNull();
  });
});
