import * as fns from "../../src/functions/functions";
import chineseDaysData from "chinese-days/dist/chinese-days.json";
import { serialFromYmd, formatIso } from "../../src/core/dates";

/** Excel passes null for an omitted optional argument, whatever its declared type. */

const NULL = null as unknown as any[][];
const d = (iso: string) => {
  const [y, m, day] = iso.split("-").map(Number);
  return serialFromYmd(y, m, day);
};
/** What Excel would show: a CustomFunctions.Error's code and message. */
const err = (v: unknown) => {
  expect(v).toBeInstanceOf(CustomFunctions.Error);
  return v as CustomFunctions.Error;
};

describe("FUND.DEADLINE", () => {
  test.each([
    [d("2025-04-30"), "中央提前下达", "2025-09-01"],
    ["2025-05-31", "1个月", "2025-06-30"],
    ["2025/12/30", "CENTRAL_NEW", "2026-02-28"],
    ["2026年1月30日", "4 months", "2026-06-01"],
    [d("2026-08-20"), "本级预算", "2026-11-18"],
    [d("2025-07-15"), "60个工作日", "2025-10-13"],
    [d("2025-07-15"), "DEPT_UNDETAILED", "2025-10-13"],
  ])("(%p, %p) → %s", (start, rule, expected) => {
    expect(formatIso(fns.deadline(start, rule) as number)).toBe(expected);
  });

  test("optional arguments may be omitted or null; ranges arrive as matrices", () => {
    expect(fns.deadline(d("2025-04-30"), "4个月", null, NULL, NULL)).toBe(d("2025-09-01"));
    expect(fns.deadline([[d("2025-04-30")]], [["4个月"]], [[true]])).toBe(d("2025-08-30"));
  });

  test("a 2027 date errors (#N/A naming the year) until 2027 is supplied, then computes with it", () => {
    const e = err(fns.deadline(d("2026-12-15"), "60个工作日"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("2027");
    // The office supplies 2027's New Year and Spring Festival arrangement as date cells.
    const holidays = [
      ["2027-01-01"],
      [d("2027-02-06")],
      [d("2027-02-07")],
      [d("2027-02-08")],
      [d("2027-02-09")],
      [d("2027-02-10")],
      [d("2027-02-11")],
      [d("2027-02-12")],
      [""],
    ];
    const workdays = [[d("2027-02-13")]];
    const r = fns.deadline(d("2026-12-15"), "60个工作日", null, holidays, workdays) as number;
    expect(typeof r).toBe("number");
    expect(formatIso(r)).toBe(
      formatIso(fns.workday(d("2026-12-15"), 60, holidays, workdays) as number)
    );
    expect(fns.isWorkday(d("2027-02-13"), holidays, workdays)).toBe(true); // make-up Saturday
    expect(fns.isWorkday(d("2027-02-08"), holidays, workdays)).toBe(false);
  });

  test("bad input gives an Excel error with a Chinese message, never a throw", () => {
    expect(err(fns.deadline("待定", "4个月")).code).toBe("#VALUE!");
    expect(err(fns.deadline("待定", "4个月")).message).toContain("开始日期");
    expect(err(fns.deadline(d("2025-01-01"), "其他")).message).toContain("无法识别的时限规则");
    expect(err(fns.deadline(d("2025-01-01"), 4)).code).toBe("#VALUE!");
    expect(err(fns.deadline(null, "4个月")).message).toContain("缺少开始日期");
    expect(err(fns.deadline("2024-02-30", "4个月")).code).toBe("#VALUE!");
    expect(err(fns.deadline("2020211", "4个月")).message).toContain("歧义");
    expect(err(fns.deadline(d("2025-01-01"), "4个月", "maybe")).code).toBe("#VALUE!");
    expect(err(fns.deadline(60, "4个月")).code).toBe("#VALUE!");
  });
});

describe("FUND.DAYSLATE", () => {
  test("judged by done when given, else by as_of; on the deadline day is on time", () => {
    expect(fns.daysLate(d("2025-04-30"), "中央提前下达", d("2025-09-01"))).toBe(0);
    expect(fns.daysLate(d("2025-04-30"), "中央提前下达", d("2025-09-05"))).toBe(4);
    expect(fns.daysLate(d("2025-04-30"), "中央提前下达", null, d("2025-09-11"))).toBe(10);
    expect(fns.daysLate(d("2025-04-30"), "中央提前下达", "", d("2025-08-01"))).toBe(0);
    // done wins over as_of
    expect(fns.daysLate(d("2025-04-30"), "中央提前下达", d("2025-09-02"), d("2026-01-01"))).toBe(1);
  });
  test("with neither done nor as_of, an error asking for one", () => {
    const e = err(fns.daysLate(d("2025-04-30"), "中央提前下达"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("审查日期");
  });
});

describe("FUND.WORKDAY, FUND.NETWORKDAYS, FUND.ISWORKDAY", () => {
  test("Excel's conventions on China's calendar", () => {
    expect(formatIso(fns.workday(d("2025-09-26"), 1) as number)).toBe("2025-09-28"); // make-up Sunday
    expect(formatIso(fns.workday(d("2025-10-09"), -1) as number)).toBe("2025-09-30");
    expect(fns.workday(d("2025-10-01"), 0)).toBe(d("2025-10-01"));
    expect(fns.networkdays(d("2025-09-29"), d("2025-10-12"))).toBe(5);
    expect(fns.networkdays(d("2025-10-12"), d("2025-09-29"))).toBe(-5);
    expect(fns.isWorkday("2026-02-28")).toBe(true);
    expect(fns.isWorkday(d("2025-10-08"))).toBe(false);
  });
  test("Excel's own WORKDAY(start, 60, holidays) misses the make-up days: 2025-07-15 + 60", () => {
    // Excel counts Monday–Friday minus the holiday list, so it skips the make-up working
    // Sunday 2025-09-28 and Saturday 2025-10-11 and lands two working days late.
    const holidays = new Set(Object.keys(chineseDaysData.holidays).map((k) => d(k)));
    let s = d("2025-07-15");
    for (let n = 60; n > 0;) {
      s++;
      const w = (s + 6) % 7;
      if (w !== 0 && w !== 6 && !holidays.has(s)) n--;
    }
    expect(formatIso(s)).toBe("2025-10-15");
    expect(formatIso(fns.workday(d("2025-07-15"), 60) as number)).toBe("2025-10-13");
  });
  test("bad input", () => {
    expect(err(fns.workday(d("2025-01-01"), "ten")).code).toBe("#VALUE!");
    expect(err(fns.isWorkday("2027-06-01")).code).toBe("#N/A");
    expect(err(fns.networkdays(d("2025-01-01"), "#N/A")).message).toContain("错误值");
    expect(err(fns.isWorkday(d("2025-01-01"), [["not a date"]])).message).toContain(
      "节假日第 1 项"
    );
  });
});

describe("FUND.AMOUNT", () => {
  test.each([
    ["1,234.50", null, 1234.5],
    ["１２３４．５", null, 1234.5],
    ["(1,234.50)", null, -1234.5],
    ["12.5万", null, 125000],
    ["12.5万", "万元", 12.5],
    ["300元", "万元", 0.03],
    [1234.5, null, 1234.5],
    ["1.2亿元", "万元", 12000],
  ])("(%p, %p) → %p", (text, unit, expected) => {
    expect(fns.amount(text, unit)).toBe(expected);
  });
  test("unreadable text, unknown units, booleans and blanks are errors that say what they saw", () => {
    expect(err(fns.amount("待定")).message).toContain("待定");
    expect(err(fns.amount("100", "美元")).message).toContain("美元");
    expect(err(fns.amount(true)).code).toBe("#VALUE!");
    expect(err(fns.amount("")).message).toContain("金额为空");
  });
});
