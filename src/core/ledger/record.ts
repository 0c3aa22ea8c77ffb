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
import { Decimal, MoneyUnit, parseAmount, convertUnit, decimalFromExcel } from "../money";
import { DateProblem, formatIso, isExcelErrorText, parseDate, serialFromYmd } from "../dates";
import { toHalfWidth } from "../text";
import { FIELD_SYNONYMS, normaliseHeader } from "./headers";

export type AmountField = "amount" | "total" | "carryover";
export type DateField = "receivedDate" | "budgetDate" | "passDownDate" | "approvalDate";
export type TextField = Exclude<Field, AmountField | DateField>;

export const TEXT_FIELDS: readonly TextField[] = [
  "project",
  "projectNo",
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
const DATES: readonly DateField[] = ["receivedDate", "budgetDate", "passDownDate", "approvalDate"];

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
  /** Amounts as read (convert with `yuanOf`). Absent when blank or unreadable. */
  amounts: Partial<Record<AmountField, AmountCell>>;
  /** Dates as serials. Absent when blank or unreadable. */
  dates: Partial<Record<DateField, number>>;
}

/**
 * An amount as the cell holds it: a number straight from Excel (kept as is — most rows never
 * need arithmetic, and a Decimal per cell is the cost of a million-row review) or a Decimal
 * read from text; `unit` is the cell's own unit (「12.5万」) or else its column's.
 */
export interface AmountCell {
  value: number | Decimal;
  unit: MoneyUnit;
}

function toDecimal(v: number | Decimal): Decimal {
  return typeof v === "number" ? decimalFromExcel(v) : v;
}

/** The amount in 元, exactly. */
export function yuanOf(a: AmountCell): Decimal {
  const d = toDecimal(a.value);
  return a.unit === "元" ? d : convertUnit(d, a.unit, "元");
}

/** The amount in `unit`, exactly. */
export function amountIn(a: AmountCell, unit: MoneyUnit): Decimal {
  const d = toDecimal(a.value);
  return a.unit === unit ? d : convertUnit(d, a.unit, unit);
}

/**
 * A canonical text of the amount in `unit` (equal amounts give equal keys, 120.5 = "120.50" =
 * 1205000元 in a 万元 column…), without building a Decimal for the common case of a number in
 * its column's unit whose shortest form has at most 15 digits (Excel's precision).
 */
export function amountKey(a: AmountCell, unit: MoneyUnit): string {
  if (typeof a.value === "number" && a.unit === unit) {
    const s = String(a.value);
    if (s.length <= 15 && !s.includes("e")) return s === "-0" ? "0" : s;
  }
  return amountIn(a, unit).toString();
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

// 合计 / 总计 / 小计 / 累计 / 共计 / 本页合计, Simplified or Traditional, spaces allowed between.
const TOTAL_ROW = /^\s*(本页)?(合|总|總|小|累|共)\s*(计|計)/;
const PROJECT_HEADERS = new Set(FIELD_SYNONYMS.project);

/** Shared empty set for the (usual) row without error values; never added to. */
const NO_COLUMNS = new Set<number>();

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

// A dash, slash or 无 where a table has nothing to say: offices' way of writing "none".
const NOTHING = /^\s*([-—–－/／\\]+|无|無)\s*$/;

/** Blank, or a placeholder meaning "nothing" (—, -, /, 无) in an amount or date cell. */
function isNothing(v: unknown): boolean {
  return isBlank(v) || (typeof v === "string" && v.length <= 4 && NOTHING.test(v));
}

// A dash alone in an amount cell is zero, as accounting sheets write it.
const DASH_ZERO = /^\s*[-—–－]+\s*$/;

/** "-" / "—" in an amount cell: zero (accounting sheets' way of writing nil). */
export function isDashZero(v: unknown): boolean {
  return typeof v === "string" && v.length <= 4 && DASH_ZERO.test(v);
}

// What offices write in a field they leave empty: a slash, a dash, 无, 暂无, 空.
const PLACEHOLDER = /^\s*([-—–－/／\\]+|无|無|暂无|暫無|空)\s*$/;

/**
 * The text written in a must-fill cell that fills nothing ("/", "／", "—", "-", "无", "暂无",
 * "空"), trimmed, or null when the cell says something (or is blank).
 */
export function placeholderOf(v: unknown): string | null {
  return typeof v === "string" && v.length <= 6 && PLACEHOLDER.test(v) ? v.trim() : null;
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
    if (TOTAL_ROW.test(v)) return true;
  }
  return false;
}

function fieldOfColumn(mapping: ColumnMapping, col: number): Field | null {
  for (const [f, c] of Object.entries(mapping)) if (c === col) return f as Field;
  return null;
}

/** A plan's mapped fields with their columns, in the order parseRow reads them. */
interface PlanColumns {
  text: [TextField, number][];
  amounts: [AmountField, number][];
  dates: [DateField, number][];
}

// Worked out once per plan (a plan is made once per sheet and not changed after its first row).
const PLAN_COLUMNS = new WeakMap<ColumnPlan, PlanColumns>();

function columnsOf(plan: ColumnPlan): PlanColumns {
  let cols = PLAN_COLUMNS.get(plan);
  if (cols === undefined) {
    const m = plan.mapping;
    const mapped = <F extends Field>(fields: readonly F[]) =>
      fields.filter((f) => m[f] !== undefined).map((f): [F, number] => [f, m[f]!]);
    cols = { text: mapped(TEXT_FIELDS), amounts: mapped(AMOUNTS), dates: mapped(DATES) };
    PLAN_COLUMNS.set(plan, cols);
  }
  return cols;
}

/** Parses one row below the header. `fieldOf` maps a column to its field (for addresses). */
export function parseRow(row: number, values: unknown[], plan: ColumnPlan): RowOutcome {
  const problems: CellProblem[] = [];
  if (isBlankRow(values)) return { kind: "skip", why: "blank", problems };
  let errorCols: Set<number> = NO_COLUMNS;
  for (let c = 0; c < values.length; c++) {
    const e = errorText(values[c]);
    if (e === null) continue;
    if (errorCols === NO_COLUMNS) errorCols = new Set();
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
    if (typeof p === "string" && p.length <= 12 && PROJECT_HEADERS.has(normaliseHeader(p)))
      return { kind: "skip", why: "header", problems };
  }
  const cols = columnsOf(plan);
  const text: LedgerRecord["text"] = {};
  for (const [f, c] of cols.text) text[f] = errorCols.has(c) ? "" : cellText(values[c]);
  // Only a row about a project is parsed further: a signature or note row («审核人：李四» under
  // a date column) is not a record, and its text is not a date that failed to parse.
  let anyAmount = false;
  for (const [, c] of cols.amounts) {
    if (!errorCols.has(c) && !isNothing(values[c])) anyAmount = true;
  }
  const subject = !!text.project || !!text.content || !!text.fundType || !!text.year || anyAmount;
  if (!subject) return { kind: "skip", why: "note", problems };
  const amounts: LedgerRecord["amounts"] = {};
  for (const [f, c] of cols.amounts) {
    if (errorCols.has(c)) continue;
    const v = values[c];
    const colUnit = plan.units[f] ?? "元";
    if (isDashZero(v)) {
      amounts[f] = { value: 0, unit: colUnit };
      continue;
    }
    if (isNothing(v)) continue;
    if (typeof v === "number" && Number.isFinite(v)) {
      amounts[f] = { value: v, unit: colUnit };
      continue;
    }
    const p = parseAmount(v);
    if (p.ok) {
      amounts[f] = { value: p.value, unit: p.unit ?? colUnit };
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
  for (const [f, c] of cols.dates) {
    if (errorCols.has(c)) continue;
    const v = values[c];
    if (isNothing(v)) continue;
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
