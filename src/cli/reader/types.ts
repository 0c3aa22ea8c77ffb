/** The reader's interface, shared by every format (re-exported from ../read.ts). */
import type { ReadLimits } from "./limits";

/** A value as Office.js `range.values` gives it. */
export type CellValue = number | string | boolean;

/** What the file turned out to be (by its content, not its name). */
export type FileFormat = "xlsx" | "xlsm" | "csv" | "ods" | "xls" | "et";

export interface SheetStart {
  name: string;
  /** Position of the sheet in the workbook's tab order (0-based). */
  index: number;
  /**
   * Rows and columns of the sheet's <dimension>, when the file states one within Excel's limits.
   * A hint only (files lie): nothing is allocated from it.
   */
  dimension?: { rows: number; cols: number };
  /** Hidden sheets are read too; this says so. */
  state?: "visible" | "hidden" | "veryHidden";
}

export interface SheetEnd {
  /** Merged areas as A1 ranges ("A1:H1"). */
  merges: string[];
  /** 0-based columns in which some cell is formatted as a date (for the report's copy). */
  dateColumns: Set<number>;
  /** Column widths by 0-based column, as the file has them. */
  widths: Map<number, number>;
}

export interface SheetHandler {
  /** `values` from column A: values[0] is column A. Blank rows are not reported; rows ascend. */
  row(rowNumber: number, values: CellValue[]): void;
  end(info: SheetEnd): void;
}

export interface ReadOptions {
  /** Share of the workbook read so far (0–1), and the rows read so far. */
  onProgress?: (fraction: number, rows: number) => void;
  /** Caps for this file (defaults: DEFAULT_LIMITS). */
  limits?: Partial<ReadLimits>;
  /**
   * The text of the file's add-in (web-extension) parts, where Excel keeps add-in settings such
   * as the review trail; called once, before the first sheet, for .xlsx / .xlsm only.
   */
  onWebExtensions?: (parts: string[]) => void;
}

export interface WorkbookRead {
  format: FileFormat;
  /** Sheets handed to `onSheet`. */
  sheets: number;
}

export type OnSheet = (s: SheetStart) => SheetHandler;
