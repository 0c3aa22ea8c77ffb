/**
 * Rows → typed records. Amounts become Decimal 元 (the column's unit applied unless the cell
 * names its own, e.g. 「12.5万」); dates become Excel serials. A cell that cannot be read — an
 * unreadable amount (待定), an impossible or ambiguous date (2024-02-30, 2020211), an Excel
 * error value (#N/A) in any column — becomes a CellProblem with its address; none is skipped
 * silently and none is guessed.
 */
import type { ColumnMapping, Field } from "../review/types";
import { columnLetters } from "../review/types";
import { Bilingual, bi } from "../i18n";
import { Decimal, MoneyUnit, parseAmount, convertUnit } from "../money";
import { DateProblem, formatIso, isExcelErrorText, parseDate, serialFromYmd } from "../dates";
import { toHalfWidth } from "../text";
import { simplify } from "./simplify";
import { FIELD_SYNONYMS, normaliseHeader } from "./headers";

export type AmountField = "amount" | "total" | "carryover";
export type DateField = "receivedDate" | "passDownDate" | "approvalDate";
export type TextField = Exclude<Field, AmountField | DateField>;

export const TEXT_FIELDS: readonly TextField[] = [
  "project",
  "content",
  "fundType",
  "source",
  "docNumber",
  "econCode",
  "status",
  "place",
  "implementer",
  "responsible",
  "hotline",
  "period",
  "performance",
  "year",
];
const AMOUNTS: readonly AmountField[] = ["amount", "total", "carryover"];
const DATES: readonly DateField[] = ["receivedDate", "passDownDate", "approvalDate"];

/** A date cell earlier than this is not a fund-ledger date (a year typed as 2024 is serial 2024). */
export const EARLIEST_PLAUSIBLE = serialFromYmd(1990, 1, 1);

export interface ColumnPlan {
  mapping: ColumnMapping;
  /** Unit of each amount field's column. */
  units: Partial<Record<AmountField, MoneyUnit>>;
}

export interface LedgerRecord {
  /** Worksheet row as Excel shows it. */
  row: number;
  /** The row's values from column A (as given). */
  values: unknown[];
  /** Trimmed text of mapped text columns ("" for blank). */
  text: Partial<Record<TextField, string>>;
  /** Amounts in 元. Absent when blank or unreadable. */
  amounts: Partial<Record<AmountField, Decimal>>;
  /** Dates as serials. Absent when blank or unreadable. */
  dates: Partial<Record<DateField, number>>;
}

export type CellProblemKind =
  "error-value" | "amount" | Exclude<DateProblem, "empty" | "error-value">;

export interface CellProblem {
  row: number;
  col: number;
  cell: string;
  field: Field | null;
  problem: CellProblemKind;
  /** The cell's value as text. */
  seen: string;
  message: Bilingual;
}

export type RowOutcome =
  | { kind: "record"; record: LedgerRecord; problems: CellProblem[] }
  | { kind: "skip"; why: "blank" | "total" | "header" | "note"; problems: CellProblem[] };

/** Text of a cell value as the user sees it, trimmed. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "object" && typeof (v as { error?: unknown }).error === "string")
    return (v as { error: string }).error;
  return String(v).trim();
}

function errorText(v: unknown): string | null {
  if (typeof v === "string") {
    return v.length > 0 &&
      v.length < 16 &&
      (v[0] === "#" || v[0] === "＃") &&
      isExcelErrorText(toHalfWidth(v))
      ? v.trim()
      : null;
  }
  if (v && typeof v === "object" && typeof (v as { error?: unknown }).error === "string") {
    const e = (v as { error: string }).error;
    return isExcelErrorText(e) ? e : null;
  }
  return null;
}

const TOTAL_ROW = /^(合计|总计|小计|累计|本页合计|共计)/;
const PROJECT_HEADERS = new Set(FIELD_SYNONYMS.project);

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function isBlankRow(values: unknown[]): boolean {
  for (const v of values) if (!isBlank(v)) return false;
  return true;
}

/** 合计 / 总计 / 小计 in one of the first cells that hold text. */
function isTotalRow(values: unknown[]): boolean {
  let seen = 0;
  for (let c = 0; c < values.length && seen < 3; c++) {
    const v = values[c];
    if (typeof v !== "string" || v.trim() === "") continue;
    seen++;
    if (TOTAL_ROW.test(simplify(v.replace(/\s+/g, "")))) return true;
  }
  return false;
}

function fieldOfColumn(mapping: ColumnMapping, col: number): Field | null {
  for (const [f, c] of Object.entries(mapping)) if (c === col) return f as Field;
  return null;
}

/** Parses one row below the header. `fieldOf` maps a column to its field (for addresses). */
export function parseRow(row: number, values: unknown[], plan: ColumnPlan): RowOutcome {
  const problems: CellProblem[] = [];
  if (isBlankRow(values)) return { kind: "skip", why: "blank", problems };
  const errorCols = new Set<number>();
  for (let c = 0; c < values.length; c++) {
    const e = errorText(values[c]);
    if (e === null) continue;
    errorCols.add(c);
    problems.push({
      row,
      col: c,
      cell: columnLetters(c) + row,
      field: fieldOfColumn(plan.mapping, c),
      problem: "error-value",
      seen: e,
      message: bi(`单元格是错误值 ${e}`, `the cell holds the error value ${e}`),
    });
  }
  if (isTotalRow(values)) return { kind: "skip", why: "total", problems };
  const m = plan.mapping;
  if (m.project !== undefined) {
    const p = values[m.project];
    if (typeof p === "string" && PROJECT_HEADERS.has(normaliseHeader(p)))
      return { kind: "skip", why: "header", problems };
  }
  const text: LedgerRecord["text"] = {};
  for (const f of TEXT_FIELDS) {
    const c = m[f];
    if (c !== undefined) text[f] = errorCols.has(c) ? "" : cellText(values[c]);
  }
  // Only a row about a project is parsed further: a signature or note row («审核人：李四» under
  // a date column) is not a record, and its text is not a date that failed to parse.
  let anyAmount = false;
  for (const f of AMOUNTS) {
    const c = m[f];
    if (c !== undefined && !errorCols.has(c) && !isBlank(values[c])) anyAmount = true;
  }
  const subject = !!text.project || !!text.content || !!text.fundType || !!text.year || anyAmount;
  if (!subject) return { kind: "skip", why: "note", problems };
  const amounts: LedgerRecord["amounts"] = {};
  for (const f of AMOUNTS) {
    const c = m[f];
    if (c === undefined || errorCols.has(c)) continue;
    const v = values[c];
    if (isBlank(v)) continue;
    const p = parseAmount(v);
    if (p.ok) {
      const unit = plan.units[f] ?? "元";
      amounts[f] = convertUnit(p.value, p.unit ?? unit, "元");
    } else if (p.problem !== "empty") {
      problems.push({
        row,
        col: c,
        cell: columnLetters(c) + row,
        field: f,
        problem: "amount",
        seen: cellText(v),
        message: p.message,
      });
    }
  }
  const dates: LedgerRecord["dates"] = {};
  for (const f of DATES) {
    const c = m[f];
    if (c === undefined || errorCols.has(c)) continue;
    const v = values[c];
    if (isBlank(v)) continue;
    const d = parseDate(v);
    if (d.ok) {
      if (d.serial < EARLIEST_PLAUSIBLE) {
        problems.push({
          row,
          col: c,
          cell: columnLetters(c) + row,
          field: f,
          problem: "impossible",
          seen: cellText(v),
          message: bi(
            `日期不合理：「${cellText(v)}」即 ${formatIso(d.serial)}`,
            `implausible date: "${cellText(v)}" is ${formatIso(d.serial)}`
          ),
        });
      } else dates[f] = d.serial;
    } else if (d.problem !== "empty" && d.problem !== "error-value") {
      problems.push({
        row,
        col: c,
        cell: columnLetters(c) + row,
        field: f,
        problem: d.problem,
        seen: cellText(v),
        message: d.message,
      });
    }
  }
  return { kind: "record", record: { row, values, text, amounts, dates }, problems };
}
