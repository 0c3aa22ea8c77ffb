/**
 * Reading and writing cells through WPS 表格's object model. The JS API is synchronous and
 * in-process (no request batching, no payload limit), so "few round trips" here means few calls:
 * whole blocks through Range.Value2 (one 2-D array per block), never a call per cell, and big
 * blocks cut into bounded pieces so that one call never builds an unbounded array.
 */
import type { EtApplication, EtRange, EtWorkbook, EtWorksheet } from "./api";
import { XL } from "./api";

/** Cells per Value2 read or write: a bound on one call's array, as in the Office adapter. */
export const CELLS_PER_CALL = 200_000;
/** Rows scanned for merged cells (the review engine only needs the header area's). */
export const MERGE_SCAN_ROWS = 50;

/**
 * VBA error values as a JS add-in may receive them in Value2 (CVErr HRESULTs 0x800A07D0 + code).
 * Excel's Office.js gives the error's text ("#N/A"); so do we. To be confirmed on a real WPS.
 */
const ERROR_TEXT: Record<number, string> = {
  [-2146826281]: "#DIV/0!",
  [-2146826246]: "#N/A",
  [-2146826259]: "#NAME?",
  [-2146826288]: "#NULL!",
  [-2146826252]: "#NUM!",
  [-2146826265]: "#REF!",
  [-2146826273]: "#VALUE!",
};

function cellOut(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" && ERROR_TEXT[v] !== undefined) return ERROR_TEXT[v];
  return v;
}

/** Value2 as rows × columns: a single cell's scalar becomes [[v]], blanks become "". */
export function matrix(value2: unknown, rows: number, cols: number): unknown[][] {
  const out: unknown[][] = [];
  if (!Array.isArray(value2)) return [[cellOut(value2)]];
  for (let r = 0; r < rows; r++) {
    const src = value2[r];
    const row: unknown[] = [];
    for (let c = 0; c < cols; c++) row.push(cellOut(Array.isArray(src) ? src[c] : undefined));
    out.push(row);
  }
  return out;
}

/** The block of `rows` × `cols` cells whose top-left is (row, col), 1-based. */
export function block(
  ws: EtWorksheet,
  row: number,
  col: number,
  rows: number,
  cols: number
): EtRange {
  return ws.Cells.Item(row, col).Resize(rows, cols);
}

/** Reads a block's values in pieces of whole rows, each under CELLS_PER_CALL cells. */
export function readBlock(
  ws: EtWorksheet,
  row: number,
  col: number,
  rows: number,
  cols: number
): unknown[][] {
  const step = Math.max(1, Math.floor(CELLS_PER_CALL / Math.max(1, cols)));
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r += step) {
    const n = Math.min(step, rows - r);
    for (const line of matrix(block(ws, row + r, col, n, cols).Value2, n, cols)) out.push(line);
  }
  return out;
}

/**
 * Writes rows of values from (row, col), 1-based, in pieces of whole rows. `formats` gives a
 * number format per column, set on each column of a piece before its values — so that text
 * written into a "@" column stays text, never a formula.
 */
export function writeBlock(
  ws: EtWorksheet,
  row: number,
  col: number,
  rows: unknown[][],
  formats?: readonly string[]
): void {
  if (rows.length === 0) return;
  const cols = rows[0].length;
  const step = Math.max(1, Math.floor(CELLS_PER_CALL / Math.max(1, cols)));
  for (let r = 0; r < rows.length; r += step) {
    const piece = rows.slice(r, r + step);
    if (formats) setColumnFormats(ws, row + r, col, piece.length, formats);
    block(ws, row + r, col, piece.length, cols).Value2 = piece;
  }
}

/** NumberFormat takes one format per range: one assignment per run of equal column formats. */
export function setColumnFormats(
  ws: EtWorksheet,
  row: number,
  col: number,
  rows: number,
  formats: readonly string[]
): void {
  let start = 0;
  for (let c = 1; c <= formats.length; c++) {
    if (c === formats.length || formats[c] !== formats[start]) {
      block(ws, row, col + start, rows, c - start).NumberFormat = formats[start];
      start = c;
    }
  }
}

export interface UsedRead {
  values: unknown[][];
  /** 1-based row and column of values[0][0]. */
  origin: { row: number; column: number };
  rows: number;
  cols: number;
}

/** The sheet's used range: its position and size; an empty sheet (UsedRange = a blank A1) is 0 × 0. */
export function usedBox(ws: EtWorksheet): {
  row: number;
  column: number;
  rows: number;
  cols: number;
} {
  const used = ws.UsedRange;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  if (rows === 1 && cols === 1 && cellOut(used.Value2) === "")
    return { row: 1, column: 1, rows: 0, cols: 0 };
  return { row: used.Row, column: used.Column, rows, cols };
}

/** Reads the used range's values with their origin. */
export function readUsed(ws: EtWorksheet): UsedRead {
  const box = usedBox(ws);
  if (box.rows === 0) return { values: [], origin: { row: 1, column: 1 }, rows: 0, cols: 0 };
  return {
    values: readBlock(ws, box.row, box.column, box.rows, box.cols),
    origin: { row: box.row, column: box.column },
    rows: box.rows,
    cols: box.cols,
  };
}

/**
 * Merged areas in the top MERGE_SCAN_ROWS rows of the used range ("A1:H1"). WPS has no
 * "merged areas of a range" call; MergeCells is false for a row without merged cells (one call
 * per row), and only rows that have some are looked at cell by cell.
 */
export function mergedAreas(
  ws: EtWorksheet,
  read: Pick<UsedRead, "origin" | "rows" | "cols">,
  maxRows: number = MERGE_SCAN_ROWS
): string[] {
  const seen = new Set<string>();
  const rows = Math.min(read.rows, maxRows);
  for (let r = 0; r < rows; r++) {
    const line = block(ws, read.origin.row + r, read.origin.column, 1, read.cols);
    if (line.MergeCells === false) continue;
    for (let c = 0; c < read.cols; c++) {
      const cell = ws.Cells.Item(read.origin.row + r, read.origin.column + c);
      if (cell.MergeCells) seen.add(cell.MergeArea.Address(false, false));
    }
  }
  return [...seen];
}

/** "#FFC7CE" → the BGR number Interior.Color takes. */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}

/** The BGR number Interior.Color gives → "#RRGGBB". */
export function hexOf(color: number): string {
  const r = color & 0xff;
  const g = (color >> 8) & 0xff;
  const b = (color >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

/** The active workbook, or an error the pane shows (WPS with no workbook open). */
export function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error("没有打开的工作簿 (no workbook is open)");
  return wb;
}

/** Every worksheet in workbook order (Sheets.Item is 1-based). */
export function worksheets(wb: EtWorkbook): EtWorksheet[] {
  const out: EtWorksheet[] = [];
  const sheets = wb.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) out.push(sheets.Item(i));
  return out;
}

export function sheetNamed(wb: EtWorkbook, name: string): EtWorksheet {
  const ws = worksheets(wb).find((s) => s.Name === name);
  if (!ws) throw new Error(`工作表不存在 (no sheet named) ${name}`);
  return ws;
}

/** A new worksheet named `name`, after the last one (Worksheets.Add makes it active). */
export function addSheet(wb: EtWorkbook, name: string): EtWorksheet {
  const all = worksheets(wb);
  const ws = wb.Worksheets.Add(undefined, all[all.length - 1]);
  ws.Name = name;
  return ws;
}

/** Shows the sheet and selects the cell (Select works only on the active sheet, as in VBA). */
export function selectCell(wb: EtWorkbook, sheet: string, cell: string | null): void {
  const ws = sheetNamed(wb, sheet);
  ws.Activate();
  ws.Range(cell ?? "A1").Select();
}

/** Freezes the top `rows` rows of `ws`: the window's split applies to the active sheet. */
export function freezeRows(app: EtApplication, ws: EtWorksheet, rows: number): void {
  ws.Activate();
  const win = app.ActiveWindow;
  win.FreezePanes = false;
  win.SplitColumn = 0;
  win.SplitRow = rows;
  win.FreezePanes = true;
}

/**
 * Adds a table (ListObject) over `range` with its header row; returns its name, or null when
 * this WPS has no tables — then the header gets an AutoFilter instead (said in docs/deploy.md).
 */
export function addTable(
  ws: EtWorksheet,
  range: EtRange,
  name: string,
  style: string
): string | null {
  try {
    const table = ws.ListObjects.Add(XL.srcRange, range, undefined, XL.yes);
    table.Name = name;
    table.TableStyle = style;
    return table.Name;
  } catch {
    range.AutoFilter();
    return null;
  }
}

/** Table names in the whole workbook (they are workbook-wide, as in Excel). */
export function tableNames(wb: EtWorkbook): string[] {
  const out: string[] = [];
  for (const ws of worksheets(wb)) {
    const list = ws.ListObjects;
    for (let i = 1; i <= list.Count; i++) out.push(list.Item(i).Name);
  }
  return out;
}
