/**
 * Where everything goes on a filing sheet, computed once for both writers (Office.js in
 * src/excel/filing.ts, exceljs in src/cli/template.ts): title row, subtitle row, header row,
 * the table's range, each column's number format and drop-down, print setup, and a sheet
 * name that never overwrites an existing sheet.
 */
import { bi, Bilingual } from "../i18n";
import { citationLabel } from "../rules/citation";
import { columnLetters, uniqueSheetName, uniqueTableName } from "../a1";
import type { FieldSpec, SheetSpec } from "./specs";

/** Row numbers (1-based, as Excel shows them). */
export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;
/** Printed at the top of every page: the title, the subtitle and the header. */
export const PRINT_TITLE_ROWS = `$${TITLE_ROW}:$${HEADER_ROW}`;

export const NUMBER_FORMATS = {
  amount: "#,##0.00",
  date: "yyyy-mm-dd",
  year: "0",
  text: "@",
  choice: "@",
} as const;

/** Earliest and latest dates the date columns accept (Excel serials of 2000-01-01, 2099-12-31). */
export const DATE_MIN_SERIAL = 36526;
export const DATE_MAX_SERIAL = 73050;

export type ValidationRule =
  | { type: "list"; choices: readonly string[]; strict: boolean }
  | { type: "decimal"; min: number }
  | { type: "date"; min: number; max: number }
  | { type: "whole"; min: number; max: number };

export interface ColumnLayout {
  field: FieldSpec;
  /** 0-based column index on the sheet. */
  index: number;
  letter: string;
  /** Header text, with "*" after a required field's name. */
  header: string;
  numberFormat: string;
  validation: ValidationRule | null;
  width: number;
}

export interface SheetLayout {
  spec: SheetSpec;
  sheetName: string;
  renamed: boolean;
  tableName: string;
  title: string;
  subtitle: string;
  columns: ColumnLayout[];
  /** "A1:N1" — merged title. */
  titleRange: string;
  subtitleRange: string;
  /** "A3:N3". */
  headerRange: string;
  /** Number of body rows the table gets (at least 1: an Excel table cannot be empty). */
  bodyRows: number;
  /** "A3:N4" — header plus body. */
  tableRange: string;
  /** "A4:N4" — body only. */
  bodyRange: string;
  /** The column's body range, e.g. "C4:C4". */
  columnBody(index: number): string;
  printTitleRows: string;
  freezeRows: number;
  footer: string;
}

/** Headers mark required fields with a trailing "*"; recognition ignores it. */
export function headerText(f: FieldSpec): string {
  return f.required ? `${f.header}*` : f.header;
}

function validationOf(f: FieldSpec): ValidationRule | null {
  switch (f.type) {
    case "choice":
      return { type: "list", choices: f.choices ?? [], strict: f.strict ?? true };
    case "amount":
      return { type: "decimal", min: 0 };
    case "date":
      return { type: "date", min: DATE_MIN_SERIAL, max: DATE_MAX_SERIAL };
    case "year":
      return { type: "whole", min: 2000, max: 2099 };
    default:
      return null;
  }
}

/** The county and year as the title shows them: "某某县 2025年度 项目公告公示表". */
export function sheetTitle(spec: SheetSpec, county: string, year: number | null): string {
  const parts = [county.trim(), year ? `${year}年度` : "", spec.name.zh].filter((p) => p !== "");
  return parts.join(" ");
}

/** An ideographic space between the subtitle's parts. */
const GAP = "\u3000";

export function sheetSubtitle(spec: SheetSpec, note?: string): string {
  const unit = spec.fields.some((f) => f.type === "amount") ? `金额单位：万元${GAP}` : "";
  const basis = `依据：${citationLabel(spec.citation)}${GAP}带 * 的为必填项`;
  return `${unit}${basis}${note ? `${GAP}${note}` : ""}`;
}

export { safeSheetName, uniqueSheetName, uniqueTableName } from "../a1";

export interface LayoutOptions {
  county: string;
  year: number | null;
  /** Number of data rows that will be written (0 → one empty row). */
  rows: number;
  existingSheets?: readonly string[];
  existingTables?: readonly string[];
  /** Extra words for the subtitle (the spot-check list says how it was drawn). */
  note?: string;
}

export function sheetLayout(spec: SheetSpec, o: LayoutOptions): SheetLayout {
  const sheetName = uniqueSheetName(spec.sheetName, o.existingSheets ?? []);
  const columns: ColumnLayout[] = spec.fields.map((f, index) => ({
    field: f,
    index,
    letter: columnLetters(index),
    header: headerText(f),
    numberFormat: NUMBER_FORMATS[f.type],
    validation: validationOf(f),
    width: f.width,
  }));
  const last = columns[columns.length - 1].letter;
  const bodyRows = Math.max(1, o.rows);
  const lastRow = HEADER_ROW + bodyRows;
  return {
    spec,
    sheetName,
    renamed: sheetName !== spec.sheetName,
    tableName: uniqueTableName(spec.tableName, o.existingTables ?? []),
    title: sheetTitle(spec, o.county, o.year),
    subtitle: sheetSubtitle(spec, o.note),
    columns,
    titleRange: `A${TITLE_ROW}:${last}${TITLE_ROW}`,
    subtitleRange: `A${SUBTITLE_ROW}:${last}${SUBTITLE_ROW}`,
    headerRange: `A${HEADER_ROW}:${last}${HEADER_ROW}`,
    bodyRows,
    tableRange: `A${HEADER_ROW}:${last}${lastRow}`,
    bodyRange: `A${FIRST_DATA_ROW}:${last}${lastRow}`,
    columnBody: (i: number) => `${columnLetters(i)}${FIRST_DATA_ROW}:${columnLetters(i)}${lastRow}`,
    printTitleRows: PRINT_TITLE_ROWS,
    freezeRows: HEADER_ROW,
    footer: "第 &P 页，共 &N 页",
  };
}

/** What a preparer is told after creating a sheet. */
export function createdMessage(layout: SheetLayout): Bilingual {
  return layout.renamed
    ? bi(
        `已有同名工作表，新表命名为「${layout.sheetName}」`,
        `a sheet of that name exists; the new sheet is named "${layout.sheetName}"`
      )
    : bi(`已创建「${layout.sheetName}」`, `created "${layout.sheetName}"`);
}

/**
 * Text that Excel would read as a formula (=, +, -, @ at the start) gets the text prefix, so
 * a description beginning with "=" stays text. Used for text and choice cells only.
 */
export function asTextCell(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}
