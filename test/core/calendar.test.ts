import chineseDays from "chinese-days";
import { CalendarCoverageError, officialCalendar, WorkCalendar } from "../../src/core/calendar";
import { formatIso, serialFromYmd } from "../../src/core/dates";

const d = (iso: string) => {
  const [y, m, day] = iso.split("-").map(Number);
  return serialFromYmd(y, m, day);
};
const cal = officialCalendar();

describe("the official calendar", () => {
  test("covers 2004–2026 and agrees with chinese-days on every day", () => {
    expect(cal.years[0]).toBe(2004);
    expect(cal.years[cal.years.length - 1]).toBe(2026);
    for (let s = d("2004-01-01"); s <= d("2026-12-31"); s++) {
      const ours = cal.isWorkday(s);
      const theirs = chineseDays.isWorkday(formatIso(s));
      if (ours !== theirs) throw new Error(`${formatIso(s)}: ours ${ours}, chinese-days ${theirs}`);
    }
  });

  test("make-up working weekends count; holidays do not", () => {
    expect(cal.isWorkday(d("2026-02-28"))).toBe(true); // Saturday, 春节调休
    expect(cal.isMakeUpWorkday(d("2026-02-28"))).toBe(true);
    expect(cal.isWorkday(d("2025-10-08"))).toBe(false); // 国庆中秋
    expect(cal.isHoliday(d("2025-10-08"))).toBe(true);
    expect(cal.isHoliday(d("2025-11-01"))).toBe(false); // ordinary Saturday
    expect(cal.isWorkday(d("2025-11-01"))).toBe(false);
  });

  test("working days between (NETWORKDAYS semantics) match a day-by-day count", () => {
    const pairs = [
      ["2025-09-29", "2025-10-12"],
      ["2024-12-30", "2025-02-10"],
      ["2004-01-01", "2026-12-31"],
      ["2026-05-01", "2026-05-01"],
    ];
    for (const [a, b] of pairs) {
      let n = 0;
      for (let s = d(a); s <= d(b); s++) if (chineseDays.isWorkday(formatIso(s))) n++;
      expect(cal.workdaysBetween(d(a), d(b))).toBe(n);
      expect(cal.workdaysBetween(d(b), d(a))).toBe(0 - n);
    }
    expect(cal.workdaysBetween(d("2025-09-29"), d("2025-10-12"))).toBe(5);
  });

  test("n-th working day after and before (WORKDAY semantics) match stepping day by day", () => {
    const starts = [
      "2025-07-15",
      "2026-08-20",
      "2025-09-30",
      "2026-02-14",
      "2005-05-01",
      "2020-01-23",
    ];
    for (const start of starts) {
      for (const n of start < "2026"
        ? [1, 2, 5, 20, 60, 250, -1, -5, -60]
        : [1, 2, 5, 20, 60, -1, -5, -60]) {
        let s = d(start);
        let left = Math.abs(n);
        while (left > 0) {
          s += Math.sign(n);
          if (chineseDays.isWorkday(formatIso(s))) left--;
        }
        expect(formatIso(cal.addWorkdays(d(start), n))).toBe(formatIso(s));
      }
      expect(cal.addWorkdays(d(start), 0)).toBe(d(start));
    }
  });

  test("a year without data is an error naming the year, never a guess", () => {
    expect(() => cal.isWorkday(d("2027-03-01"))).toThrow(CalendarCoverageError);
    try {
      cal.addWorkdays(d("2026-12-01"), 60);
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarCoverageError);
      expect((e as CalendarCoverageError).year).toBe(2027);
      expect((e as CalendarCoverageError).text.zh).toContain("2027");
    }
    expect(() => cal.workdaysBetween(d("2026-12-01"), d("2027-01-10"))).toThrow(
      CalendarCoverageError
    );
    expect(() => cal.isWorkday(d("2003-06-02"))).toThrow(CalendarCoverageError);
  });

  test("an office's own arrangement covers a new year and overrides a known one", () => {
    // A 2027 arrangement as an office might type it (New Year 1–3 Jan; 2 Jan 2027 is a Saturday).
    const holidays = ["2027-01-01", "2027-01-02", "2027-01-03"].map(d);
    const workdays = ["2027-01-09"].map(d); // a make-up Saturday
    const c: WorkCalendar = cal.withOverrides({ holidays, workdays });
    expect(c.years).toContain(2027);
    expect(c.isWorkday(d("2027-01-01"))).toBe(false);
    expect(c.isWorkday(d("2027-01-04"))).toBe(true);
    expect(c.isWorkday(d("2027-01-09"))).toBe(true);
    expect(c.isWorkday(d("2027-01-10"))).toBe(false);
    expect(formatIso(c.addWorkdays(d("2026-12-31"), 1))).toBe("2027-01-04");
    // Overriding a known year: declare 2026-03-02 (a Monday) a holiday.
    const o = cal.withOverrides({ holidays: [d("2026-03-02")] });
    expect(o.isWorkday(d("2026-03-02"))).toBe(false);
    expect(cal.isWorkday(d("2026-03-02"))).toBe(true);
  });
});
