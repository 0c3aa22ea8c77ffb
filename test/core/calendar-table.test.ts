/** The 节假日安排 table: one format for the sheet, the CSV/xlsx file and the JSON file. */
import {
  WorkCalendar,
  calendarTableFromJson,
  officialCalendar,
  parseCalendarTable,
} from "../../src/core/calendar";
import { formatIso, serialFromYmd } from "../../src/core/dates";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day);

describe("parseCalendarTable", () => {
  it("reads dates in any form the project reads, and every 类型 word", () => {
    const t = parseCalendarTable(
      [
        ["说明：按国务院办公厅通知填写", ""],
        ["日期", "类型", "说明"],
        [d(2027, 1, 1), "放假", "元旦"],
        ["2027年2月6日", "休息", ""],
        ["2027/2/20", "补班", ""],
        ["20270425", "调休上班", ""],
        ["２０２７－０５－０８", "上班", ""],
        ["", "", ""],
      ],
      1
    );
    expect(t.problems).toEqual([]);
    expect(t.holidays.map(formatIso)).toEqual(["2027-01-01", "2027-02-06"]);
    expect(t.workdays.map(formatIso)).toEqual(["2027-02-20", "2027-04-25", "2027-05-08"]);
    expect(t.years).toEqual([2027]);
  });

  it("reports every row it cannot read, by worksheet row", () => {
    const t = parseCalendarTable(
      [
        ["日期", "类型"],
        ["2027-02-30", "放假"],
        ["2027-03-01", "半天"],
        ["2027-03-02", "放假"],
        ["2027-03-02", "上班"],
      ],
      3
    );
    expect(t.problems.map((p) => p.row)).toEqual([4, 5, 7]);
    expect(t.problems[1].message.zh).toContain("放假、休息");
    expect(t.problems[2].message.zh).toContain("矛盾");
    expect(parseCalendarTable([["a", "b"]]).problems[0].message.zh).toContain("找不到表头");
  });

  it("the JSON form {holidays, workdays}", () => {
    const t = calendarTableFromJson('{"holidays":["2027-01-01"],"workdays":["2027-02-20"]}');
    expect(t.problems).toEqual([]);
    expect(t.holidays).toEqual([d(2027, 1, 1)]);
    expect(calendarTableFromJson('{"days":[]}').problems).toHaveLength(1);
    expect(calendarTableFromJson("[").problems[0].message.en).toContain("JSON");
  });
});

describe("a supplied table and the calendar", () => {
  it("covers its year (other days Monday–Friday) and overrides a bundled date", () => {
    const t = parseCalendarTable([
      ["日期", "类型"],
      ["2027-01-01", "放假"],
      // a correction of a known year: 2026-01-05 (a Monday) declared a rest day
      ["2026-01-05", "放假"],
    ]);
    const cal: WorkCalendar = officialCalendar().withOverrides(t);
    expect(cal.years).toContain(2027);
    expect(cal.isWorkday(d(2027, 1, 1))).toBe(false);
    expect(cal.isWorkday(d(2027, 1, 4))).toBe(true); // Monday
    expect(cal.isWorkday(d(2027, 1, 9))).toBe(false); // Saturday
    expect(cal.isWorkday(d(2026, 1, 5))).toBe(false);
    expect(officialCalendar().isWorkday(d(2026, 1, 5))).toBe(true);
    expect(() => cal.isWorkday(d(2028, 1, 3))).toThrow(/2028/);
  });
});
