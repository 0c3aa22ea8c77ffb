/** Cell addresses, number formats and the row hand-over shared by every format's reader. */
import { bi } from "../../core/i18n";
import {
  Budget,
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_COLS,
  EXCEL_MAX_ROWS,
  damaged,
  tooLarge,
} from "./limits";
import type { CellValue, SheetHandler } from "./types";

/** "G7" → {row: 7, col: 6} (0-based column); null unless within Excel's rows and columns. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  const n = ref.length;
  for (; i < n && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || col > EXCEL_MAX_COLS || i === n || n - i > 7) return null;
  let row = 0;
  for (let j = i; j < n; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (row < 1 || row > EXCEL_MAX_ROWS) return null;
  return { row, col: col - 1 };
}

/** A cell or row address outside what Excel can hold: the file was not written by a spreadsheet. */
export function badAddress(what: string, sheet: string): Error {
  const shown = what.length > 20 ? what.slice(0, 20) + "…" : what;
  return damaged(
    bi(
      `工作表「${sheet}」中的地址「${shown}」超出 Excel 的范围（最多 1,048,576 行、XFD 列）`,
      `address "${shown}" in sheet "${sheet}" is outside Excel's sheet (1,048,576 rows, column XFD)`
    )
  );
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (ECMA-376 §22.9.2.19). */
export function decodeOoxmlEscapes(s: string): string {
  return s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A cell's value from the text of its <v> (or inline string) by its type `t`, but shared strings. */
export function plainCellValue(t: string | undefined, text: string): CellValue {
  switch (t) {
    case "str":
    case "inlineStr":
      return decodeOoxmlEscapes(text);
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true";
    case "e":
      return text;
    case "d": {
      // ISO 8601 date (strict OOXML): its serial, as Excel would show it
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
      if (!m) return text;
      const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
      return ms / 86400000 + 25569;
    }
    default: {
      if (text === "") return "";
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
  }
}

/**
 * Built-in number formats that show dates (ECMA-376 §18.8.30, with the East Asian ids Excel uses
 * in Chinese: 27–36 and 50–58 are "yyyy年m月d日" and the like).
 */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATE_IDS.has(id);
  // drop [colour]/[$-804] and "literal" parts, then look for date/time letters
  const f = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhs]/i.test(f);
}

/** Hands rows of one sheet to its handler, holding them to Excel's limits and the budget. */
export class RowSink {
  rows = 0;
  private last = 0;

  constructor(
    private readonly handler: SheetHandler,
    private readonly budget: Budget,
    private readonly sheet: string
  ) {}

  /** Checks one cell's text against Excel's 32,767 characters. */
  text(s: string, where: string): string {
    if (s.length > EXCEL_MAX_CELL_CHARS) {
      throw tooLarge(
        bi(
          `工作表「${this.sheet}」的 ${where} 超过 Excel 单元格的 32,767 个字符`,
          `cell ${where} of sheet "${this.sheet}" holds more than Excel's 32,767 characters`
        ),
        bi("请检查该单元格后另存再审查", "check that cell, save the file again and review it again")
      );
    }
    return s;
  }

  row(r: number, values: CellValue[]): void {
    if (r > EXCEL_MAX_ROWS) throw badAddress(String(r), this.sheet);
    if (r <= this.last) {
      throw damaged(
        bi(
          `工作表「${this.sheet}」的第 ${r} 行出现在第 ${this.last} 行之后`,
          `row ${r} of sheet "${this.sheet}" comes after row ${this.last}`
        )
      );
    }
    this.last = r;
    this.rows++;
    this.budget.addCells(values.length);
    this.handler.row(r, values);
  }
}
