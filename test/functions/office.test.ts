/** FUND.BLACKLISTED (34号（十八）) and FUND.MGMTFEE (（十）), called as Excel calls them. */
import { blacklisted, mgmtFee } from "../../src/functions/functions";
import { serialFromYmd } from "../../src/core/dates";

type Err = { code: string; message: string };
const isErr = (v: unknown): v is Err => typeof v === "object" && v !== null && "code" in v;

const LIST = [
  ["单位或个人名称", "统一社会信用代码", "列入日期", "列入事由"],
  ["", "", "", ""],
  ["某某建設（集團）有限公司", "", serialFromYmd(2024, 3, 5), "虚报冒领"],
  ["甲乙农业开发有限公司", "91450100MA5K0001X6", "2023-02-28", ""],
];

describe("FUND.BLACKLISTED", () => {
  it("banned through the last day of the 3 years, both ends included", () => {
    const unit = "某某建设(集团)有限责任公司";
    expect(blacklisted(unit, LIST, "2024-03-04")).toBe("");
    expect(blacklisted(unit, LIST, serialFromYmd(2024, 3, 5))).toBe(
      "黑名单第3行「某某建設（集團）有限公司」（名称相同）：2024-03-05 列入，至 2027-03-05"
    );
    expect(blacklisted(unit, LIST, serialFromYmd(2027, 3, 5))).toContain("至 2027-03-05");
    expect(blacklisted(unit, LIST, serialFromYmd(2027, 3, 6))).toBe("");
  });
  it("matches by credit code when the unit gives one; without a date returns the listing", () => {
    expect(blacklisted("91450100MA5K0001X6", LIST)).toBe(
      "黑名单第4行「甲乙农业开发有限公司」（统一社会信用代码相同）：2023-02-28 列入，至 2026-02-28"
    );
    expect(blacklisted("甲乙农业开发有限公司 91450100MA5K0002X7", LIST)).toBe("");
  });
  it("a blank unit is not listed; a bad list row or date is #VALUE! naming it", () => {
    expect(blacklisted("", LIST)).toBe("");
    const bad = blacklisted("x", [
      ["名称", "列入日期"],
      ["甲", "待定"],
    ]) as Err;
    expect(isErr(bad) && bad.code).toBe("#VALUE!");
    expect(bad.message).toContain("第2行");
    const badDate = blacklisted("甲", LIST, "明天") as Err;
    expect(isErr(badDate) && badDate.code).toBe("#VALUE!");
    expect(isErr(blacklisted("甲", [["甲", "乙"]]))).toBe(true);
  });
});

describe("FUND.MGMTFEE", () => {
  it("exactly the cap is within; above returns the excess exactly", () => {
    expect(mgmtFee(10000, 1000000, "1%")).toBe(0);
    expect(mgmtFee(10000.01, 1000000, 0.01)).toBe(0.01);
    expect(mgmtFee("1.2万", "100万", 1)).toBe(2000);
  });
  it("no share, an unreadable share or a zero total is an error with its reason", () => {
    const none = mgmtFee(1, 100, null) as Err;
    expect(none.code).toBe("#VALUE!");
    expect(none.message).toContain("不设默认值");
    expect((mgmtFee(1, 100, "一成") as Err).code).toBe("#VALUE!");
    expect((mgmtFee(1, 0, "1%") as Err).code).toBe("#VALUE!");
  });
});
