/**
 * Whole-day dates as Excel serial numbers (1900 date system), never JS Dates.
 *
 * Serial 1 = 1900-01-01. Excel also counts a fictional 1900-02-29 as serial 60 (the Lotus
 * 1-2-3 bug), so from 1900-03-01 (serial 61) on, serial = days since 1899-12-30. Serial 60
 * names no real day and is rejected. Arithmetic on serials is plain integer arithmetic.
 */
import { Bilingual, bi } from "../i18n";
import { toHalfWidth } from "../text";

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export const MIN_SERIAL = 1; // 1900-01-01
export const MAX_SERIAL = 2958465; // 9999-12-31
export const FICTIONAL_1900_02_29 = 60;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): CivilDate {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const EPOCH = daysFromCivil(1899, 12, 30); // serial 0 for dates from 1900-03-01 on
const EPOCH_EARLY = daysFromCivil(1899, 12, 31); // serial 0 for 1900-01-01 … 1900-02-28

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2
    ? isLeapYear(y)
      ? 29
      : 28
    : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1900 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** Excel serial of a real civil date (1900-01-01 … 9999-12-31). Throws RangeError otherwise. */
export function serialFromYmd(y: number, m: number, d: number): number {
  if (!isValidYmd(y, m, d)) throw new RangeError(`no such date ${y}-${m}-${d}`);
  const days = daysFromCivil(y, m, d);
  return y === 1900 && m <= 2 ? days - EPOCH_EARLY : days - EPOCH;
}

export function isValidSerial(serial: number): boolean {
  return (
    Number.isInteger(serial) &&
    serial >= MIN_SERIAL &&
    serial <= MAX_SERIAL &&
    serial !== FICTIONAL_1900_02_29
  );
}

/** Civil date of an Excel serial. Throws RangeError for serial 60 (1900-02-29 never existed) and out-of-range serials. */
export function ymdFromSerial(serial: number): CivilDate {
  if (!isValidSerial(serial)) throw new RangeError(`not a valid Excel date serial: ${serial}`);
  return civilFromDays(serial < FICTIONAL_1900_02_29 ? serial + EPOCH_EARLY : serial + EPOCH);
}

export function yearOf(serial: number): number {
  return ymdFromSerial(serial).year;
}

/** 0 = Sunday … 6 = Saturday (serial 61 = 1900-03-01 was a Thursday). */
export function weekday(serial: number): number {
  // 1900-01-01 (serial 1) was a Monday; serial 0 of the later count, 1899-12-30, a Saturday.
  return serial < FICTIONAL_1900_02_29 ? serial % 7 : (serial + 6) % 7;
}

/**
 * N months after a date (N may be negative): the same day number in the target month, or that
 * month's last day when it has none (民法典 第二百零二条).
 */
export function addMonths(serial: number, n: number): number {
  const { year, month, day } = ymdFromSerial(serial);
  const idx = year * 12 + (month - 1) + n;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return serialFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(serial: number, n: number): number {
  return addMonths(serial, 12 * n);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** ISO 8601 calendar date, e.g. "2025-09-01". */
export function formatIso(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "2025年9月1日". */
export function formatZh(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${year}年${month}月${day}日`;
}

// ── Parsing ─────────────────────────────────────────────────────────────────

export type DateProblem = "empty" | "ambiguous" | "impossible" | "unreadable" | "error-value";

export type DateParse =
  | { ok: true; serial: number; form: DateForm }
  | { ok: false; problem: DateProblem; message: Bilingual };

export type DateForm = "serial" | "iso" | "slash" | "dot" | "zh" | "compact" | "serial-text";

const EXCEL_ERROR =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/i;

/** True for the text Excel shows for an error value ("#N/A", "#VALUE!", …). */
export function isExcelErrorText(s: string): boolean {
  return EXCEL_ERROR.test(s.trim());
}

function fail(problem: DateProblem, zh: string, en: string): DateParse {
  return { ok: false, problem, message: bi(zh, en) };
}

function fromParts(y: number, m: number, d: number, form: DateForm, seen: string): DateParse {
  if (!isValidYmd(y, m, d))
    return fail("impossible", `日期不存在：「${seen}」`, `no such date: "${seen}"`);
  return { ok: true, serial: serialFromYmd(y, m, d), form };
}

/** Characters of the longest date text read (full-width "2024年12月31日 23:59:59.999" with spaces fits). */
const MAX_DATE_TEXT = 64;

const SEP_FORMS: Array<[RegExp, DateForm]> = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, "iso"],
  [/^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, "slash"],
  [/^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, "dot"],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/, "zh"],
];

/**
 * Reads a date as ledgers hold it (docs/rules.md「读取台账」): an Excel serial (a number, possibly with a
 * time fraction), or text 2024-08-19, 2024/8/19, 2024.8.19, 2024年8月9日, 20240305, in
 * full-width or half-width digits, optionally followed by a time. Never guesses: a 6- or
 * 7-digit run like 2020211 (as text or as a number) is ambiguous; 2024-02-30 is impossible; both are reported.
 */
export function parseDate(value: unknown): DateParse {
  if (value === null || value === undefined) return fail("empty", "日期为空", "date is empty");
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      return fail("unreadable", "日期不是有效数字", "date is not a finite number");
    if (value >= 19000101 && value <= 99991231 && Number.isInteger(value)) {
      const s = String(value);
      return fromParts(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8), "compact", s);
    }
    if (Number.isInteger(value) && value >= 100000 && value < 10000000) {
      // A 6- or 7-digit number in a date cell is a date typed without separators (2020211),
      // not an Excel serial of the year 2173 or later: ambiguous, reported rather than guessed.
      return fail(
        "ambiguous",
        `日期有歧义，无法确定月和日：${value}`,
        `ambiguous date, month and day cannot be told apart: ${value}`
      );
    }
    const serial = Math.floor(value);
    if (!isValidSerial(serial)) {
      return serial === FICTIONAL_1900_02_29
        ? fail(
            "impossible",
            "Excel 序列号 60 对应不存在的 1900-02-29",
            "Excel serial 60 is the fictional 1900-02-29"
          )
        : fail("impossible", `日期序列号超出范围：${value}`, `date serial out of range: ${value}`);
    }
    return { ok: true, serial, form: "serial" };
  }
  if (typeof value === "boolean")
    return fail("unreadable", `不是日期：${value ? "TRUE" : "FALSE"}`, `not a date: ${value}`);
  if (typeof value !== "string") return fail("unreadable", "无法识别的日期", "unreadable date");
  const raw = value;
  let s = toHalfWidth(raw).trim();
  if (s === "") return fail("empty", "日期为空", "date is empty");
  if (isExcelErrorText(s))
    return fail("error-value", `单元格是错误值 ${s}`, `cell holds the error value ${s}`);
  // No date is written in more characters than this; a longer cell is not parsed (and the
  // expressions below never see it: an unanchored one is quadratic in the run of spaces).
  if (s.length > MAX_DATE_TEXT) {
    const shown = s.slice(0, 20) + "…";
    return fail("unreadable", `无法识别的日期：「${shown}」`, `unreadable date: "${shown}"`);
  }
  // A trailing time ("2024-03-05 00:00:00", "2024/3/5 8:30") does not change the day.
  s = s.replace(/[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, "").replace(/\s+/g, "");
  for (const [re, form] of SEP_FORMS) {
    const m = re.exec(s);
    if (m) return fromParts(+m[1], +m[2], +m[3], form, raw.trim());
  }
  if (/^\d+$/.test(s)) {
    if (s.length === 8)
      return fromParts(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8), "compact", raw.trim());
    if (s.length === 6 || s.length === 7) {
      return fail(
        "ambiguous",
        `日期有歧义，无法确定月和日：「${raw.trim()}」`,
        `ambiguous date, month and day cannot be told apart: "${raw.trim()}"`
      );
    }
    if (s.length <= 5) {
      const serial = Number(s);
      if (isValidSerial(serial)) return { ok: true, serial, form: "serial-text" };
    }
  }
  return fail(
    "unreadable",
    `无法识别的日期：「${raw.trim()}」`,
    `unreadable date: "${raw.trim()}"`
  );
}

/** "YYYY-MM-DD" → serial, strictly (for options and arguments we define ourselves). */
export function parseIsoDate(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m || !isValidYmd(+m[1], +m[2], +m[3])) return null;
  return serialFromYmd(+m[1], +m[2], +m[3]);
}
