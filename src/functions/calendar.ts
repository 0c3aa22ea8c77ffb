/**
 * Working days and deadlines on China's official calendar: FUND.ISWORKDAY, FUND.WORKDAY,
 * FUND.NETWORKDAYS, FUND.DEADLINE, FUND.DAYSLATE. None is volatile; "today" is always an
 * argument (one review-date cell referenced by every row).
 */
import { CalendarCoverageError } from "../core/calendar";
import { calendarFor } from "./calendar-args";
import {
  daysLate as lateBy,
  deadline as deadlineOf,
  Period,
  resolveRule,
  UnknownRuleError,
} from "../core/deadlines";
import {
  booleanArg,
  dateArg,
  integerArg,
  isOmitted,
  optionalDateArg,
  scalar,
  textArg,
} from "./args";
import { FunctionInputError, guard, inputError } from "./errors";

/** Calendar and rule problems as Excel errors: a year without data is #N/A naming the year. */
function calendarGuard<T>(body: () => T): T | CustomFunctions.Error {
  return guard(() => {
    try {
      return body();
    } catch (e) {
      if (e instanceof CalendarCoverageError) throw new FunctionInputError("na", e.text);
      if (e instanceof UnknownRuleError) throw new FunctionInputError("value", e.text);
      throw e;
    }
  });
}

/**
 * Whether a date is an official working day in China: Monday to Friday unless a statutory holiday, plus the make-up working weekends.
 * @customfunction ISWORKDAY
 * @helpurl https://localhost:3000/help/functions.html#FUND.ISWORKDAY
 * @param date The date (an Excel date, or text such as 2026-02-28 or 2026年2月28日).
 * @param [holidays] Statutory holidays your office supplies, for years the bundled calendar lacks or to correct it.
 * @param [workdays] Make-up working days your office supplies.
 * @returns TRUE for a working day, FALSE for a rest day.
 */
export function isWorkday(date: any, holidays?: any[][], workdays?: any[][]): any {
  return calendarGuard(() =>
    calendarFor(holidays, workdays).isWorkday(dateArg(date, ["日期", "date"]))
  );
}

/**
 * The date a number of official working days after (or before) a start date, like Excel's WORKDAY but counting make-up working weekends.
 * @customfunction WORKDAY
 * @helpurl https://localhost:3000/help/functions.html#FUND.WORKDAY
 * @param start The start date; it is never counted itself.
 * @param days Working days to add: positive for after, negative for before, 0 for the start date itself.
 * @param [holidays] Statutory holidays your office supplies, for years the bundled calendar lacks or to correct it.
 * @param [workdays] Make-up working days your office supplies.
 * @returns The date as an Excel date serial (format the cell as a date).
 */
export function workday(start: any, days: any, holidays?: any[][], workdays?: any[][]): any {
  return calendarGuard(() => {
    const s = dateArg(start, ["开始日期", "start"]);
    const n = integerArg(days, ["工作日数", "days"]);
    // a day the calendar covers, so a valid Excel date (a year it lacks is #N/A above)
    return calendarFor(holidays, workdays).addWorkdays(s, n);
  });
}

/**
 * Official working days from a start date to an end date, both included, like Excel's NETWORKDAYS but on China's calendar.
 * @customfunction NETWORKDAYS
 * @helpurl https://localhost:3000/help/functions.html#FUND.NETWORKDAYS
 * @param start The first date.
 * @param end The last date; when it is before start the count is negative.
 * @param [holidays] Statutory holidays your office supplies, for years the bundled calendar lacks or to correct it.
 * @param [workdays] Make-up working days your office supplies.
 * @returns The number of working days.
 */
export function networkdays(start: any, end: any, holidays?: any[][], workdays?: any[][]): any {
  return calendarGuard(() =>
    calendarFor(holidays, workdays).workdaysBetween(
      dateArg(start, ["开始日期", "start"]),
      dateArg(end, ["结束日期", "end"])
    )
  );
}

/**
 * The disbursement deadline for a start date under a rule of Gui Zheng Fa (2014) No. 34, clause 13, or a period such as "4 months" or "60 working days", counted as the Civil Code says.
 * @customfunction DEADLINE
 * @helpurl https://localhost:3000/help/functions.html#FUND.DEADLINE
 * @param start The day the period runs from, not counted: receipt of the allocation document for the central rules, the people's congress approving the budget for the others (a project's approval date is not a start).
 * @param rule A rule id (CENTRAL_ADVANCE, CENTRAL_NEW, REGION_BUDGET, DEPT_DETAILED, DEPT_UNDETAILED), its Chinese name, or a period ("4 months", "60 working days", "30 days").
 * @param [strict] TRUE to extend a deadline only past statutory holidays, not ordinary weekends. Default FALSE.
 * @param [holidays] Statutory holidays your office supplies, for years the bundled calendar lacks or to correct it.
 * @param [workdays] Make-up working days your office supplies.
 * @returns The deadline as an Excel date serial (format the cell as a date).
 */
export function deadline(
  start: any,
  rule: any,
  strict?: any,
  holidays?: any[][],
  workdays?: any[][]
): any {
  return calendarGuard(() => {
    const s = dateArg(start, ["开始日期", "start"]);
    const r = ruleText(rule);
    return deadlineOf(s, r, calendarFor(holidays, workdays), {
      strict: booleanArg(strict, false, ["严格模式", "strict"]),
    });
  });
}

/**
 * Calendar days by which a disbursement missed its deadline: 0 when on time. Judged by the done date when given, otherwise by the as-of date.
 * @customfunction DAYSLATE
 * @helpurl https://localhost:3000/help/functions.html#FUND.DAYSLATE
 * @param start The day the period runs from: receipt of the allocation document for CENTRAL_ADVANCE and CENTRAL_NEW, the people's congress approving the budget for REGION_BUDGET, DEPT_DETAILED and DEPT_UNDETAILED.
 * @param rule A rule id, its Chinese name, or a period, as for FUND.DEADLINE.
 * @param [done] The date the money was passed down, if it has been.
 * @param [as_of] The review date, used when there is no done date: reference one review-date cell rather than TODAY().
 * @param [strict] TRUE to extend a deadline only past statutory holidays, not ordinary weekends. Default FALSE.
 * @param [holidays] Statutory holidays your office supplies, for years the bundled calendar lacks or to correct it.
 * @param [workdays] Make-up working days your office supplies.
 * @returns Calendar days late; 0 when done on or before the deadline.
 */
export function daysLate(
  start: any,
  rule: any,
  done?: any,
  as_of?: any,
  strict?: any,
  holidays?: any[][],
  workdays?: any[][]
): any {
  return calendarGuard(() => {
    const s = dateArg(start, ["开始日期", "start"]);
    const r = ruleText(rule);
    const d = optionalDateArg(done, ["完成日期", "done"]);
    const a = optionalDateArg(as_of, ["审查日期", "as_of"]);
    const judged = d ?? a;
    if (judged === null) {
      throw inputError(
        "value",
        "请提供完成日期（done）或审查日期（as_of）",
        "give the done date or the as-of date"
      );
    }
    const due = deadlineOf(s, r, calendarFor(holidays, workdays), {
      strict: booleanArg(strict, false, ["严格模式", "strict"]),
    });
    return lateBy(due, judged);
  });
}

/** The period a rule argument names (resolved once per distinct text); unknown text → #VALUE! with the accepted forms. */
function ruleText(rule: unknown): Period {
  const x = scalar(rule);
  if (isOmitted(x) || x === "") throw inputError("value", "缺少时限规则", "rule is missing");
  return resolveRule(textArg(x, ["时限规则", "rule"])).period;
}
