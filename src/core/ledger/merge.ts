/**
 * Merged cells as the officer sees them. Excel (and `range.values`, and the file) keeps a merged
 * range's value only in its top-left cell; the others read blank. A publicity notice with
 * 资金来源 merged over four rows is filled in on every one of them, so before any rule reads a
 * sheet, the top-left value is applied to every cell the range covers.
 *
 * Pure and bounded: a merge is clipped to the cells read, and a cell already holding a value
 * (which a well-formed file never has under a merge) keeps it.
 */
import type { SheetInput } from "../review/types";

export interface Area {
  /** 1-based worksheet rows and columns, inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function cellRef(s: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(s.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** "B3:B6" (or "Sheet1!B3:B6", "$B$3:$B$6") → its rectangle; null when unreadable. */
export function parseArea(a1: string): Area | null {
  const local = a1.slice(a1.lastIndexOf("!") + 1);
  const [p, q] = local.split(":");
  const s = cellRef(p ?? "");
  const e = q === undefined ? s : cellRef(q);
  if (!s || !e) return null;
  return {
    r0: Math.min(s.row, e.row),
    c0: Math.min(s.col, e.col),
    r1: Math.max(s.row, e.row),
    c1: Math.max(s.col, e.col),
  };
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Does any merge span more than one row at or below `row` (1-based)? */
export function hasVerticalMerges(merges: readonly string[] | undefined, row = 1): boolean {
  for (const m of merges ?? []) {
    const a = parseArea(m);
    if (a && a.r1 > a.r0 && a.r1 >= row) return true;
  }
  return false;
}

/**
 * The sheet with every merged range's top-left value copied into the cells it covers. The input
 * is not changed (rows that receive a value are copied). Without merges the same object is
 * returned.
 */
export function fillMerged(sheet: SheetInput): SheetInput {
  const merges = sheet.merges;
  if (!merges || merges.length === 0 || sheet.values.length === 0) return sheet;
  const row0 = sheet.origin?.row ?? 1;
  const col0 = sheet.origin?.column ?? 1;
  const rows = sheet.values.length;
  let width = 0;
  for (const r of sheet.values) if (r && r.length > width) width = r.length;
  const values = sheet.values.slice();
  const copied = new Set<number>();
  // Merges never overlap in a well-formed file; a hostile one cannot make this pass longer than
  // one write per cell read, whatever it claims.
  let budget = rows * Math.max(1, width);
  for (const m of merges) {
    const a = parseArea(m);
    if (!a) continue;
    const top = a.r0 - row0;
    const left = a.c0 - col0;
    if (top < 0 || left < 0 || top >= rows || left >= width) continue;
    const v = values[top]?.[left];
    if (isBlank(v)) continue;
    const bottom = Math.min(a.r1 - row0, rows - 1);
    const right = Math.min(a.c1 - col0, width - 1);
    for (let r = top; r <= bottom && budget > 0; r++) {
      if (!copied.has(r)) {
        const src = values[r] ?? [];
        const row = src.slice();
        while (row.length < width) row.push("");
        values[r] = row;
        copied.add(r);
      }
      const row = values[r];
      for (let c = r === top ? left + 1 : left; c <= right && budget > 0; c++, budget--)
        if (isBlank(row[c])) row[c] = v;
    }
  }
  return { ...sheet, values };
}
