import {
  addMonths,
  formatIso,
  parseDate,
  serialFromYmd,
  weekday,
  ymdFromSerial,
  isValidSerial,
} from "../../src/core/dates";

describe("Excel serials", () => {
  test.each([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 3, 1, 61],
    [1970, 1, 1, 25569],
    [2024, 3, 5, 45356],
    [2026, 11, 23, 46349],
    [9999, 12, 31, 2958465],
  ])("%i-%i-%i is serial %i, both ways", (y, m, d, serial) => {
    expect(serialFromYmd(y, m, d)).toBe(serial);
    expect(ymdFromSerial(serial)).toEqual({ year: y, month: m, day: d });
  });

  test("serial 60, Excel's fictional 1900-02-29, is not a day", () => {
    expect(isValidSerial(60)).toBe(false);
    expect(() => ymdFromSerial(60)).toThrow(RangeError);
    expect(() => serialFromYmd(1900, 2, 29)).toThrow(RangeError);
    const p = parseDate(60);
    expect(p.ok).toBe(false);
  });

  test("round trip over every day 1900-03-01 … 2100-12-31", () => {
    let prev = ymdFromSerial(61);
    for (let s = 62; s <= serialFromYmd(2100, 12, 31); s++) {
      const d = ymdFromSerial(s);
      expect(serialFromYmd(d.year, d.month, d.day)).toBe(s);
      const advanced =
        d.day === 1 ? d.month === 1 || prev.month !== d.month : prev.day + 1 === d.day;
      if (!advanced) throw new Error(`not consecutive at ${s}`);
      prev = d;
    }
  });

  test("weekdays: 1900-01-01 Monday, 1900-03-01 Thursday, 2026-02-28 Saturday", () => {
    expect(weekday(1)).toBe(1);
    expect(weekday(61)).toBe(4);
    expect(weekday(serialFromYmd(2026, 2, 28))).toBe(6);
    expect(weekday(serialFromYmd(2026, 11, 23))).toBe(1);
  });
});

describe("month arithmetic (民法典 第二百零二条)", () => {
  const iso = (s: string) => {
    const [y, m, d] = s.split("-").map(Number);
    return serialFromYmd(y, m, d);
  };
  test.each([
    ["2025-05-31", 1, "2025-06-30"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2025-04-30", 4, "2025-08-30"],
    ["2025-12-30", 2, "2026-02-28"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
  ])("%s + %i months = %s", (start, n, expected) => {
    expect(formatIso(addMonths(iso(start), n))).toBe(expected);
  });
});

describe("parseDate: the forms of docs/rules.md「读取台账」", () => {
  test.each([
    [45356, "2024-03-05", "serial"],
    [45356.75, "2024-03-05", "serial"],
    ["2024-08-19", "2024-08-19", "iso"],
    ["2024/8/19", "2024-08-19", "slash"],
    ["2024.8.19", "2024-08-19", "dot"],
    ["2024年8月9日", "2024-08-09", "zh"],
    ["2024年08月09号", "2024-08-09", "zh"],
    ["20240305", "2024-03-05", "compact"],
    [20240305, "2024-03-05", "compact"],
    ["２０２４－０３－０５", "2024-03-05", "iso"],
    ["2024-03-05 00:00:00", "2024-03-05", "iso"],
    [" 2024/3/5 ", "2024-03-05", "slash"],
  ])("%p → %s", (input, expected, form) => {
    const p = parseDate(input);
    expect(p.ok && formatIso(p.serial)).toBe(expected);
    expect(p.ok && p.form).toBe(form);
  });

  test("a 7-digit run like 2020211 is ambiguous and reported, not guessed", () => {
    const p = parseDate("2020211");
    expect(p.ok).toBe(false);
    expect(!p.ok && p.problem).toBe("ambiguous");
    expect(!p.ok && p.message.zh).toContain("2020211");
    // The same digits typed into a number cell are not the serial of a day in the year 7431.
    const n = parseDate(2020211);
    expect(!n.ok && n.problem).toBe("ambiguous");
    expect(!parseDate(202035).ok).toBe(true);
  });

  test.each([["2024-02-30"], ["2023年2月29日"], ["20241301"], [20240230]])(
    "%p is impossible",
    (input) => {
      const p = parseDate(input);
      expect(!p.ok && p.problem).toBe("impossible");
    }
  );

  test.each([["待定"], ["2024年8月"], ["24.3.5"], [true]])(
    "%p is unreadable and says what it saw",
    (input) => {
      const p = parseDate(input);
      expect(!p.ok && p.problem).toBe("unreadable");
    }
  );

  test("blank and error values", () => {
    expect(parseDate("").ok).toBe(false);
    expect(!parseDate(null).ok && (parseDate(null) as { problem: string }).problem).toBe("empty");
    const e = parseDate("#N/A");
    expect(!e.ok && e.problem).toBe("error-value");
  });
});
