/**
 * An office's own tables kept in the workbook, read before each review through the port's
 * readSheet: 节假日安排 (holidays for years the bundled calendar lacks, or corrections) and
 * 资金类型对照 (its fund-type names mapped to the 34号（十三） rules). They are never reviewed
 * themselves. A table with an unreadable row stops the run with the rows named: a half-read
 * table would judge deadlines silently wrong.
 */
import { CALENDAR_SHEET, parseCalendarTable } from "../../core/calendar";
import { FUND_TYPE_SHEET, parseFundTypeTable } from "../../core/deadlines";
import type { Bilingual } from "../../core/i18n";
import type { ReviewParams, SheetInput } from "../../core/review/types";

export { CALENDAR_SHEET, FUND_TYPE_SHEET };

/** Whether a sheet is one of the office's tables (not a ledger to review). */
export function isOfficeTableSheet(name: string): boolean {
  const n = name.trim();
  return n === CALENDAR_SHEET || n === FUND_TYPE_SHEET;
}

export type OfficeTables =
  | { ok: true; params: Pick<ReviewParams, "holidays" | "workdays" | "fundTypes">; read: string[] }
  | { ok: false; message: Bilingual };

function firstRowOf(s: SheetInput): number {
  return s.origin?.row ?? 1;
}

function problemsMessage(
  sheet: string,
  problems: { row: number; message: Bilingual }[]
): Bilingual {
  const rows = problems.slice(0, 5);
  return {
    zh: `「${sheet}」有无法读取的行，请先改正：${rows.map((p) => `第 ${p.row} 行 ${p.message.zh}`).join("；")}`,
    en: `"${sheet}" has rows that cannot be read; fix them first: ${rows.map((p) => `row ${p.row} ${p.message.en}`).join("; ")}`,
  };
}

/** Reads whichever of the two tables the workbook has (by sheet name). */
export async function readOfficeTables(
  workbook: { readSheet(name: string): Promise<SheetInput> },
  sheetNames: readonly string[]
): Promise<OfficeTables> {
  const params: Pick<ReviewParams, "holidays" | "workdays" | "fundTypes"> = {};
  const read: string[] = [];
  const cal = sheetNames.find((n) => n.trim() === CALENDAR_SHEET);
  if (cal) {
    const s = await workbook.readSheet(cal);
    const t = parseCalendarTable(s.values, firstRowOf(s));
    if (t.problems.length) return { ok: false, message: problemsMessage(cal, t.problems) };
    if (t.years.length) {
      params.holidays = t.holidays;
      params.workdays = t.workdays;
      read.push(cal);
    }
  }
  const ft = sheetNames.find((n) => n.trim() === FUND_TYPE_SHEET);
  if (ft) {
    const s = await workbook.readSheet(ft);
    const t = parseFundTypeTable(s.values, firstRowOf(s));
    if (t.problems.length) return { ok: false, message: problemsMessage(ft, t.problems) };
    params.fundTypes = Object.fromEntries(t.map);
    read.push(ft);
  }
  return { ok: true, params, read };
}
