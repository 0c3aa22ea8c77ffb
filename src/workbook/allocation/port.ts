/**
 * What the Allocation pane needs from a workbook: read the factor table the user selected, and
 * write a result sheet (table, optional live formulas, optional bar chart). The Office
 * implementation is src/excel/allocation.ts; MemoryAllocationWorkbook (./memory) serves tests and
 * the browser harness.
 */
import type { ResultSheetLayout } from "./layout";

/** The cells read from the workbook, with where they sit. */
export interface RangeSnapshot {
  sheet: string;
  /** Address as Excel gives it, e.g. "因素表!A1:F9". */
  address: string;
  /** 0-based sheet row and column of values[0][0]. */
  top: number;
  left: number;
  values: unknown[][];
}

export interface WrittenResult {
  sheetName: string;
  tableName: string;
  chart: boolean;
  formulas: boolean;
}

export interface AllocationWorkbook {
  /** The selected range; when a single cell is selected, the used range of its sheet. */
  readSelection(): Promise<RangeSnapshot>;
  /** Writes the layout on a new sheet named after `layout.sheetBaseName` (never overwriting one). */
  writeResult(layout: ResultSheetLayout): Promise<WrittenResult>;
}
