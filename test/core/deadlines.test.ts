import { officialCalendar } from "../../src/core/calendar";
import { formatIso, serialFromYmd } from "../../src/core/dates";
import {
  daysLate,
  deadline,
  DISBURSEMENT_RULES,
  findDeadlineRule,
  parsePeriod,
  periodEnd,
  UnknownRuleError,
} from "../../src/core/deadlines";

const d = (iso: string) => {
  const [y, m, day] = iso.split("-").map(Number);
  return serialFromYmd(y, m, day);
};
const cal = officialCalendar();

describe("the public examples of docs/rules.md「期间的计算」", () => {
  test.each([
    ["2025-04-30", "4个月", "2025-09-01"],
    ["2025-05-31", "1个月", "2025-06-30"],
    ["2025-12-30", "2个月", "2026-02-28"],
    ["2026-01-30", "4个月", "2026-06-01"],
    ["2026-08-20", "60个工作日", "2026-11-18"],
    ["2025-07-15", "60个工作日", "2025-10-13"],
  ])("%s + %s → %s", (start, rule, expected) => {
    expect(formatIso(deadline(d(start), rule, cal))).toBe(expected);
  });
});

describe("holiday edges 2025–2026", () => {
  test("a month deadline inside the National Day holiday rolls to the first working day after it", () => {
    // 2025-06-03 + 4 months = 2025-10-03 (holiday) → 2025-10-09.
    expect(formatIso(deadline(d("2025-06-03"), "4个月", cal))).toBe("2025-10-09");
  });
  test("a deadline on a make-up working Sunday stays (2025-09-28 was a working Sunday)", () => {
    expect(formatIso(deadline(d("2025-07-28"), "2个月", cal))).toBe("2025-09-28");
  });
  test("Spring Festival 2026: 2025-12-17 + 2 months = 2026-02-17 (holiday) → 2026-02-24", () => {
    expect(formatIso(deadline(d("2025-12-17"), "中央新增", cal))).toBe("2026-02-24");
  });
  test("strict mode rolls only past statutory holidays, not ordinary weekends", () => {
    // 2025-04-30 + 4 months = 2025-08-30, an ordinary Saturday: strict keeps it.
    expect(formatIso(deadline(d("2025-04-30"), "4个月", cal, { strict: true }))).toBe("2025-08-30");
    // 2025-10-03 is a statutory holiday: strict moves to the day after the holiday ends (10-09).
    expect(formatIso(deadline(d("2025-06-03"), "4个月", cal, { strict: true }))).toBe("2025-10-09");
  });
  test("days periods roll like months; no-roll mode gives the raw day", () => {
    expect(formatIso(deadline(d("2025-09-01"), "30天", cal))).toBe("2025-10-09");
    expect(formatIso(periodEnd(d("2025-09-01"), { n: 30, unit: "day" }, cal, "none"))).toBe(
      "2025-10-01"
    );
  });
});

describe("the five rules of 桂政发〔2014〕34号 第（十三）条", () => {
  test("each has an id, a period, Chinese aliases and a citation quoting the clause", () => {
    expect(DISBURSEMENT_RULES.map((r) => [r.id, r.period.n, r.period.unit])).toEqual([
      ["CENTRAL_ADVANCE", 4, "month"],
      ["CENTRAL_NEW", 2, "month"],
      ["REGION_BUDGET", 60, "workday"],
      ["DEPT_DETAILED", 1, "month"],
      ["DEPT_UNDETAILED", 60, "workday"],
    ]);
    for (const r of DISBURSEMENT_RULES) {
      expect(r.citation.document).toBe("桂政发〔2014〕34号");
      expect(r.citation.clause).toBe("第（十三）条");
      expect(r.citation.quote.length).toBeGreaterThan(20);
    }
  });

  test.each([
    ["CENTRAL_ADVANCE", "CENTRAL_ADVANCE"],
    ["central_advance", "CENTRAL_ADVANCE"],
    ["中央提前下达", "CENTRAL_ADVANCE"],
    ["中央财政提前下达", "CENTRAL_ADVANCE"],
    ["中央提前下達", "CENTRAL_ADVANCE"],
    ["中央新增", "CENTRAL_NEW"],
    ["当年中央新增资金", "CENTRAL_NEW"],
    ["本级预算", "REGION_BUDGET"],
    ["自治区本级", "REGION_BUDGET"],
    ["省级本级", "REGION_BUDGET"],
    ["部门已细化", "DEPT_DETAILED"],
    ["部门整合（已细化）", "DEPT_DETAILED"],
    ["部門整合（未細化）", "DEPT_UNDETAILED"],
    ["部门未细化", "DEPT_UNDETAILED"],
  ])("%p → %s", (text, id) => {
    expect(findDeadlineRule(text)?.id).toBe(id);
  });

  test("unknown rule text is an error listing what is accepted", () => {
    expect(findDeadlineRule("其他资金")).toBeNull();
    expect(() => deadline(d("2025-01-01"), "其他资金", cal)).toThrow(UnknownRuleError);
  });

  test("overdue and days late: done on the deadline day is on time", () => {
    const due = deadline(d("2025-04-30"), "CENTRAL_ADVANCE", cal);
    expect(daysLate(due, d("2025-09-01"))).toBe(0);
    expect(daysLate(due, d("2025-08-15"))).toBe(0);
    expect(daysLate(due, d("2025-09-02"))).toBe(1);
  });
});

describe("parsePeriod", () => {
  test.each([
    ["4个月", 4, "month"],
    ["4个月内", 4, "month"],
    ["两个月", 2, "month"],
    ["六十个工作日", 60, "workday"],
    ["60个工作日内", 60, "workday"],
    ["30天", 30, "day"],
    ["30日", 30, "day"],
    ["2年", 2, "year"],
    ["2 months", 2, "month"],
    ["60 working days", 60, "workday"],
    ["30 days", 30, "day"],
    ["1 month", 1, "month"],
  ])("%p", (text, n, unit) => {
    expect(parsePeriod(text)).toEqual({ n, unit });
  });
  test.each([["月"], ["0个月"], ["-3 days"], ["soon"]])("%p is not a period", (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});
