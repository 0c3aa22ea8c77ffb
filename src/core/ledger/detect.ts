/**
 * Finding the header of a ledger among title rows, unit rows, blank rows and two-row (merged)
 * headers, and reading the amount unit.
 *
 * Office's `range.values` puts a merged cell's text in its top-left cell and "" elsewhere, so a
 * two-row header looks like this:
 *
 *     row 3:  序号 | 项目名称 | 资金情况 |            |          | 实施单位
 *     row 4:       |          | 金额（万元）| 资金类型 | 下达日期 |
 *
 * Every row of the scan window is scored by how many distinct fields its cells name; a row
 * together with the next one or two (the sub-headers, whose cells win where both have text) is
 * scored too, and the best wins. At least two fields are needed — a title or a unit row names
 * none. With merged cells filled (./merge), a group cell repeats over its columns and a
 * vertically merged name repeats down the header rows; both read the same.
 */
import type { ColumnMapping, Field } from "../review/types";
import { MoneyUnit } from "../money";
import { normalize } from "../normal-form";
import { AMOUNT_FIELDS, HeaderMatch, matchHeader, normaliseHeader, unitOfHeader } from "./headers";

/** Rows scanned for the header (non-blank rows, from the top). */
export const HEADER_SCAN_ROWS = 30;
/** Fewest distinct fields a header row must name. */
export const MIN_HEADER_FIELDS = 2;

export interface RowIn {
  /** 1-based worksheet row. */
  row: number;
  /** Values from column A. */
  values: unknown[];
}

export interface HeaderInfo {
  /** First and last worksheet rows of the header (equal for a one-row header). */
  headerRow: number;
  lastHeaderRow: number;
  mapping: ColumnMapping;
  /** Header text per mapped column, as written. */
  headerText: Record<number, string>;
  /** Units the headers name, per column (金额（万元）). */
  columnUnits: Record<number, MoneyUnit>;
  /** Unit named by a 「单位：万元」 row above the header (or in the title). */
  unitRow: { row: number; unit: MoneyUnit } | null;
}

type RowMatches = Map<number, HeaderMatch>;

function matchRow(values: unknown[]): RowMatches {
  const m: RowMatches = new Map();
  for (let c = 0; c < values.length; c++) {
    const h = matchHeader(values[c]);
    if (h) m.set(c, h);
  }
  return m;
}

function distinctFields(m: RowMatches): number {
  const s = new Set<Field>();
  for (const h of m.values()) for (const f of h.fields) s.add(f);
  return s.size;
}

function filledCells(values: unknown[]): number {
  let n = 0;
  for (const v of values) if (v !== null && v !== undefined && v !== "") n++;
  return n;
}

const UNIT_ROW = /单位[:：]?(亿元|万元|元)/;

/** 「单位：万元」 in a cell (also inside a title such as 「……台账（单位：万元）」). */
export function unitInText(value: unknown): MoneyUnit | null {
  if (typeof value !== "string" || value.length > 200) return null;
  const m = UNIT_ROW.exec(normalize(value));
  return m ? (m[1] === "亿元" ? "亿元" : m[1] === "万元" ? "万元" : "元") : null;
}

/** Most rows a header may span (a group row, a sub-group row, the column names). */
export const MAX_HEADER_ROWS = 3;

/** Distinct non-blank texts in a row: a title (or a title merged across the row) has one. */
function distinctTexts(values: unknown[]): number {
  const s = new Set<string>();
  for (const v of values) if (typeof v === "string" && v.trim() !== "") s.add(v.trim());
  return s.size;
}

const SPECIFIC_AMOUNT: ReadonlySet<Field> = new Set<Field>(["total", "carryover"]);

/**
 * A column's field in a multi-row header: the lowest row that names one wins (资金情况 over
 * 金额 means 金额), except that a bare 金额 under a group that names a particular amount
 * (结转结余 over 金额 | 结转结余率) keeps the group's meaning.
 */
function combine(rows: RowMatches[]): { m: RowMatches; from: Map<number, number> } {
  const m: RowMatches = new Map();
  const from = new Map<number, number>();
  rows.forEach((row, k) => {
    for (const [c, h] of row) {
      const had = m.get(c);
      if (
        had &&
        had.fields.some((f) => SPECIFIC_AMOUNT.has(f)) &&
        h.fields.length === 1 &&
        h.fields[0] === "amount"
      ) {
        if (h.unit && !had.unit) m.set(c, { ...had, unit: h.unit });
        continue;
      }
      m.set(c, h);
      from.set(c, k);
    }
  });
  return { m, from };
}

/**
 * Finds the header among the first rows. `rows` are the sheet's non-blank rows in order (merged
 * cells already filled, or not); only the first HEADER_SCAN_ROWS are looked at. A header is one
 * row or up to MAX_HEADER_ROWS consecutive rows (group + sub-header) read together; the span
 * naming the most distinct fields wins, a longer span only when it names more. Null when no
 * span names two fields.
 */
export function detectHeader(rows: RowIn[]): HeaderInfo | null {
  const window = rows.slice(0, HEADER_SCAN_ROWS);
  const matches = window.map((r) => matchRow(r.values));
  const texts = window.map((r) => distinctTexts(r.values));
  let best: {
    i: number;
    span: number;
    m: RowMatches;
    from: Map<number, number>;
    score: number;
  } | null = null;
  for (let i = 0; i < window.length; i++) {
    for (let span = 1; span <= MAX_HEADER_ROWS && i + span <= window.length; span++) {
      const last = i + span - 1;
      if (span > 1) {
        // Consecutive rows; every upper row a header row itself (two different texts or more),
        // not a title such as 「XX县项目资金拨付台账」 (merged across the row, or in one cell).
        if (window[last].row !== window[last - 1].row + 1) break;
        if (texts[last - 1] < 2 || filledCells(window[last - 1].values) < 2) break;
      }
      if (matches[last].size === 0) continue;
      const { m, from } = combine(matches.slice(i, last + 1));
      const score = distinctFields(m);
      if (!best || score > best.score) best = { i, span, m, from, score };
    }
  }
  if (!best || best.score < MIN_HEADER_FIELDS) return null;
  const headerRow = window[best.i].row;
  const lastIdx = best.i + best.span - 1;
  const lastHeaderRow = window[lastIdx].row;
  const mapping: ColumnMapping = {};
  const headerText: Record<number, string> = {};
  const columnUnits: Record<number, MoneyUnit> = {};
  const cols = [...best.m.keys()].sort((a, b) => a - b);
  for (const c of cols) {
    const h = best.m.get(c)!;
    let used = false;
    for (const f of h.fields) {
      if (mapping[f] === undefined) {
        mapping[f] = c;
        used = true;
      }
    }
    if (!used) continue;
    headerText[c] = String(window[best.i + (best.from.get(c) ?? 0)].values[c]);
  }
  // Units named by any header cell (also one the user may map by hand): 金额（万元）, 拨款(元).
  // A group cell's unit — 「资金情况（万元）」 over 金额 | 下达日期 — holds for the columns under
  // it: its own column and, when merges were not filled, the blank ones after it.
  for (let i = best.i; i <= lastIdx; i++) {
    const vals = window[i].values;
    const upper = i < lastIdx;
    for (let c = 0; c < vals.length; c++) {
      const u = unitOfHeader(vals[c]);
      if (!u) continue;
      columnUnits[c] = u;
      if (upper)
        for (let k = c + 1; k < vals.length && (vals[k] === "" || vals[k] == null); k++)
          columnUnits[k] = u;
    }
  }
  let unitRow: HeaderInfo["unitRow"] = null;
  for (let i = 0; i <= lastIdx && !unitRow; i++) {
    for (const v of window[i].values) {
      const u = unitInText(v);
      if (u) {
        unitRow = { row: window[i].row, unit: u };
        break;
      }
    }
  }
  return { headerRow, lastHeaderRow, mapping, headerText, columnUnits, unitRow };
}

/**
 * A row below the header that repeats header words (a sub-header the header search did not
 * take, a header repeated at a page break): two cells or more name a column (or a rate such as
 * 结转结余率) and none holds a number. Such a row is never data.
 */
export function isHeaderLikeRow(values: unknown[]): boolean {
  let words = 0;
  for (const v of values) {
    if (typeof v === "number") return false;
    if (typeof v !== "string" || v.trim() === "" || v.length > 40) continue;
    if (matchHeader(v) || RATE_HEADER.test(normaliseHeader(v))) words++;
  }
  return words >= 2;
}

const RATE_HEADER = /^.{1,12}(率|比例|占比|比重)(\(%\)|%)?$/;

/** Applies a user's corrections on top of the recognised mapping (their fields win). */
export function applyMapping(
  recognised: ColumnMapping,
  user: ColumnMapping | undefined
): ColumnMapping {
  if (!user) return recognised;
  const out: ColumnMapping = { ...recognised };
  for (const [f, c] of Object.entries(user) as Array<[Field, number | undefined]>) {
    if (c === undefined || c === null || c < 0) delete out[f];
    else out[f] = c;
  }
  return out;
}

/**
 * Infers the unit of a column of amounts (docs/rules.md「读取台账」): many values above 10⁵ → 元; values
 * mostly below 10⁴, a good share of them with decimals → 万元; otherwise 元. Null when there
 * is nothing to infer from. Comparisons only — no arithmetic on the floats.
 */
export function inferUnit(samples: number[]): MoneyUnit | null {
  const n = samples.length;
  if (n === 0) return null;
  let big = 0;
  let small = 0;
  let fractional = 0;
  for (const v of samples) {
    const a = Math.abs(v);
    if (a > 1e5) big++;
    if (a < 1e4) small++;
    if (!Number.isInteger(v)) fractional++;
  }
  if (big * 10 >= n * 3) return "元";
  if (small * 10 >= n * 8 && fractional * 10 >= n * 3) return "万元";
  if (small === n && n > 0 && samples.every((v) => Math.abs(v) < 1000)) return "万元";
  return "元";
}

export const AMOUNT_FIELD_SET: ReadonlySet<Field> = new Set(AMOUNT_FIELDS);
