/**
 * China's official working-day calendar (State Council arrangements): Monday–Friday unless a
 * statutory holiday, plus the make-up working weekends (调休上班日). Built once from
 * chinese-days' data into a day table with a running count of working days, so that
 * "is working day" and "working days between" are O(1) and "n-th working day after" is
 * O(log n) — never a day-by-day walk.
 *
 * The calendar knows which years it covers. A date in any other year is an error naming the
 * year (CalendarCoverageError), unless the office supplies that year's holidays and make-up
 * working days (`withOverrides`), which may also correct a known year.
 */
import data from "chinese-days/dist/chinese-days.json";
import { Bilingual, bi } from "../i18n";
import { parseIsoDate, serialFromYmd, weekday, yearOf, formatIso } from "../dates";

export class CalendarCoverageError extends Error {
  readonly text: Bilingual;
  constructor(readonly year: number) {
    const text = bi(
      `缺少 ${year} 年的节假日安排：请在“节假日/调休上班日”参数中提供该年数据`,
      `no holiday arrangement for ${year}: supply that year's holidays and make-up working days`
    );
    super(`${text.zh} (${text.en})`);
    this.text = text;
  }
}

export interface CalendarOverrides {
  /** Statutory rest days (serials): not working days even on a weekday. */
  holidays?: readonly number[];
  /** Make-up working days (serials): working days even on a weekend. */
  workdays?: readonly number[];
}

const enum Day {
  Work = 1, // ordinary working day or make-up working weekend
  Weekend = 2, // ordinary Saturday/Sunday
  Holiday = 4, // statutory holiday (法定休假日), including weekends inside the holiday period
  MakeUp = 8, // make-up working day (调休上班日)
}

export class WorkCalendar {
  /** First serial of the table (1 January of the first year). */
  private readonly base: number;
  /** Day kind per day from `base`. */
  private readonly kind: Uint8Array;
  /** cum[i] = working days in [base, base + i). Length kind.length + 1. */
  private readonly cum: Int32Array;
  private readonly covered: ReadonlySet<number>;

  private constructor(
    firstYear: number,
    lastYear: number,
    covered: Set<number>,
    holidays: Iterable<number>,
    workdays: Iterable<number>
  ) {
    this.base = serialFromYmd(firstYear, 1, 1);
    const end = serialFromYmd(lastYear, 12, 31);
    const n = end - this.base + 1;
    this.kind = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const w = weekday(this.base + i);
      this.kind[i] = w === 0 || w === 6 ? Day.Weekend : Day.Work;
    }
    for (const h of holidays)
      if (h >= this.base && h <= end) this.kind[h - this.base] = Day.Holiday;
    for (const w of workdays)
      if (w >= this.base && w <= end) this.kind[w - this.base] = Day.MakeUp | Day.Work;
    this.cum = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.cum[i + 1] = this.cum[i] + (this.kind[i] & Day.Work ? 1 : 0);
    this.covered = covered;
  }

  /** The official calendar from chinese-days (2004–2026 in 1.5.7). */
  static official(): WorkCalendar {
    const holidays = Object.keys(data.holidays).map(toSerial);
    const workdays = Object.keys(data.workdays).map(toSerial);
    const years = new Set([...holidays, ...workdays].map(yearOf));
    return new WorkCalendar(Math.min(...years), Math.max(...years), years, holidays, workdays);
  }

  private static officialSource(): { holidays: number[]; workdays: number[] } {
    return {
      holidays: Object.keys(data.holidays).map(toSerial),
      workdays: Object.keys(data.workdays).map(toSerial),
    };
  }

  /**
   * A calendar with an office's own arrangement added: every year named by a supplied date
   * becomes covered, and supplied dates override the bundled data for their day.
   */
  withOverrides(o: CalendarOverrides): WorkCalendar {
    const holidays = o.holidays ?? [];
    const workdays = o.workdays ?? [];
    if (holidays.length === 0 && workdays.length === 0) return this;
    const src = WorkCalendar.officialSource();
    const overridden = new Set<number>([...holidays, ...workdays]);
    const years = new Set<number>(this.covered);
    for (const s of overridden) years.add(yearOf(s));
    return new WorkCalendar(
      Math.min(...years),
      Math.max(...years),
      years,
      [...src.holidays.filter((d) => !overridden.has(d)), ...holidays],
      [...src.workdays.filter((d) => !overridden.has(d)), ...workdays]
    );
  }

  /** Years the calendar knows, ascending. */
  get years(): number[] {
    return [...this.covered].sort((a, b) => a - b);
  }

  covers(serial: number): boolean {
    return this.covered.has(yearOf(serial));
  }

  /** Throws CalendarCoverageError naming the first year in [a, b] the calendar does not know. */
  requireCoverage(a: number, b: number = a): void {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    for (let y = yearOf(lo); y <= yearOf(hi); y++)
      if (!this.covered.has(y)) throw new CalendarCoverageError(y);
  }

  isWorkday(serial: number): boolean {
    this.requireCoverage(serial);
    return (this.kind[serial - this.base] & Day.Work) !== 0;
  }

  /** A statutory holiday (法定休假日), as opposed to an ordinary weekend. */
  isHoliday(serial: number): boolean {
    this.requireCoverage(serial);
    return this.kind[serial - this.base] === Day.Holiday;
  }

  /** A weekend day on which people work (调休上班日). */
  isMakeUpWorkday(serial: number): boolean {
    this.requireCoverage(serial);
    return (this.kind[serial - this.base] & Day.MakeUp) !== 0;
  }

  /** Working days in [a, b], both ends included; negative when b < a (Excel's NETWORKDAYS). */
  workdaysBetween(a: number, b: number): number {
    this.requireCoverage(a, b);
    if (b < a) return 0 - this.workdaysBetween(b, a);
    return this.cum[b - this.base + 1] - this.cum[a - this.base];
  }

  /**
   * Excel's WORKDAY: the n-th working day after `start` (n > 0), before it (n < 0), or start
   * itself (n = 0). Start itself never counts.
   */
  addWorkdays(start: number, n: number): number {
    if (!Number.isInteger(n)) throw new RangeError(`working-day count must be whole: ${n}`);
    this.requireCoverage(start);
    if (n === 0) return start;
    const i = start - this.base;
    // Index j of the answer satisfies cum[j + 1] = cum[i + 1] + n (forward) with kind[j] work.
    const target = n > 0 ? this.cum[i + 1] + n : this.cum[i] + n + 1;
    if (target < 1 || target > this.cum[this.cum.length - 1]) {
      // Beyond the table: the first missing year, in the direction of travel.
      throw new CalendarCoverageError(
        n > 0 ? yearOf(this.base + this.kind.length - 1) + 1 : yearOf(this.base) - 1
      );
    }
    // Smallest j with cum[j + 1] >= target.
    let lo = 0;
    let hi = this.kind.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid + 1] >= target) hi = mid;
      else lo = mid + 1;
    }
    const result = this.base + lo;
    this.requireCoverage(start, result);
    return result;
  }

  /** The first working day on or after `serial`. */
  nextWorkdayOnOrAfter(serial: number): number {
    return this.isWorkday(serial) ? serial : this.addWorkdays(serial, 1);
  }

  /** The first day on or after `serial` that is not a statutory holiday (strict rolling). */
  nextNonHolidayOnOrAfter(serial: number): number {
    let d = serial;
    while (this.isHoliday(d)) d++;
    return d;
  }

  describe(serial: number): string {
    return formatIso(serial);
  }
}

function toSerial(iso: string): number {
  const s = parseIsoDate(iso);
  if (s === null) throw new Error(`chinese-days: bad date ${iso}`);
  return s;
}

let official: WorkCalendar | null = null;

/** The bundled official calendar, built once. */
export function officialCalendar(): WorkCalendar {
  return (official ??= WorkCalendar.official());
}

export * from "./table";
