/**
 * A factor table as offices lay it out: a header row (perhaps under a title), one row per county
 * (县/地区/单位), numeric factor columns, and optionally a key-county flag (重点县/片区县), the
 * carry-over (结转结余) with the year's total, minimums (保底), caps (上限) and coefficients (系数).
 * Columns are recognised from their headers; the pane lets the user change every guess.
 */
import { Decimal, parseAmount } from "../money";
import { bi, Bilingual } from "../i18n";
import { compact } from "../text";
import { normalize } from "../normal-form";
import { DEFAULT_CARRYOVER_THRESHOLD } from "../rules/carryover";
import type { AllocationInput, Direction, FactorKind } from "./types";

export type ColumnRole =
  "name" | "factor" | "flag" | "carryover" | "total" | "minimum" | "cap" | "coefficient" | "ignore";

export interface ColumnGuess {
  index: number;
  header: string;
  role: ColumnRole;
  direction: Direction;
  kind: FactorKind;
}

export interface FactorTable {
  /** 0-based row of the header within the values read. */
  headerRow: number;
  columns: ColumnGuess[];
  /** 0-based rows (within the values read) that hold recipients: blank and total rows left out. */
  dataRows: number[];
  values: unknown[][];
}

const cellText = (v: unknown) => (v === null || v === undefined ? "" : String(v));
/** Header without spaces, line breaks or a unit suffix such as （万元）/(元)/(%). */
export function headerKey(h: string): string {
  return normalize(h)
    .replace(/\((万元|元|亿元|%|％|人|户|万人|个)\)$/, "")
    .replace(/（(万元|元|亿元|%|％|人|户|万人|个)）$/, "");
}

export function guessRole(header: string): ColumnRole {
  const h = headerKey(header);
  if (h === "") return "ignore";
  if (/重点县|片区县|是否重点|重点|片区|key/i.test(h)) return "flag";
  if (/系数|coefficient/i.test(h)) return "coefficient";
  if (/保底|最低|minimum/i.test(h)) return "minimum";
  if (/上限|封顶|cap/i.test(h)) return "cap";
  if (/结转|结余|carry/i.test(h)) return "carryover";
  if (/当年资金|资金总额|年度资金|到位资金|total/i.test(h)) return "total";
  if (/^(序号|编号|no\.?|#)$/i.test(h)) return "ignore";
  if (/县|地区|单位|名称|区域|市|county|region|name/i.test(h) && !/人均|收入|人口|率/.test(h))
    return "name";
  return "factor";
}

/** Income and revenue: less means more money (docs/rules.md「因素法分配」); growth rates are "+". */
export function guessDirection(header: string): Direction {
  const h = headerKey(header);
  return /收入|财力|人均.*预算|income|revenue/i.test(h) && !/增长|增幅|growth/i.test(h) ? "-" : "+";
}

/** 34号（三）: growth of income, fall in poverty, use of funds are performance factors. */
export function guessKind(header: string): FactorKind {
  const h = headerKey(header);
  return /增长|增幅|减少|下降|进度|绩效|考核|成效|performance|growth/i.test(h)
    ? "performance"
    : "objective";
}

function isBlankRow(row: unknown[]): boolean {
  return row.every((c) => cellText(c).trim() === "");
}

/** Distinct texts that are not numbers: a title merged across the row counts once. */
function textCount(row: unknown[]): number {
  const s = new Set<string>();
  for (const c of row ?? [])
    if (typeof c === "string" && c.trim() !== "" && !parseAmount(c).ok) s.add(c.trim());
  return s.size;
}

function hasNumber(row: unknown[]): boolean {
  return (row ?? []).some(
    (c) => typeof c === "number" || (typeof c === "string" && parseAmount(c).ok)
  );
}

/** Most rows a header may span (a group row over the column names, a unit row under them). */
const MAX_HEADER_ROWS = 3;

/**
 * Finds the header (the first of the top rows with two or more different texts, with up to two
 * more rows of text under it — a sub-header — read together) and the columns.
 */
export function recogniseTable(values: unknown[][]): FactorTable {
  let headerRow = 0;
  const top = Math.min(values.length, 6);
  for (let r = 0; r < top; r++) {
    if (textCount(values[r]) >= 2) {
      headerRow = r;
      break;
    }
  }
  let lastHeaderRow = headerRow;
  while (
    lastHeaderRow + 1 < values.length &&
    lastHeaderRow - headerRow + 1 < MAX_HEADER_ROWS &&
    textCount(values[lastHeaderRow + 1]) >= 2 &&
    !hasNumber(values[lastHeaderRow + 1])
  )
    lastHeaderRow++;
  // A column's header: its texts from the header rows, top to bottom, each once (a merged group
  // cell filled over its columns, or a name merged down the rows, is not repeated).
  const width = Math.max(
    0,
    ...values.slice(headerRow, lastHeaderRow + 1).map((r) => r?.length ?? 0)
  );
  const header: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = headerRow; r <= lastHeaderRow; r++) {
      const t = cellText(values[r]?.[c]).trim();
      if (t && !parts.includes(t)) parts.push(t);
    }
    header.push(parts.join(""));
  }
  const dataRows: number[] = [];
  for (let r = lastHeaderRow + 1; r < values.length; r++) {
    const row = values[r];
    if (isBlankRow(row)) continue;
    dataRows.push(r);
  }
  const columns: ColumnGuess[] = header.map((h, index) => {
    const text = cellText(h).trim();
    let role = guessRole(text);
    // A column with no numbers under it cannot be a factor.
    if (role === "factor" && !dataRows.some((r) => parseAmount(values[r][index]).ok))
      role = "ignore";
    return { index, header: text, role, direction: guessDirection(text), kind: guessKind(text) };
  });
  let names = columns.filter((c) => c.role === "name");
  if (names.length === 0) {
    const firstText = columns.find((c) =>
      dataRows.some(
        (r) => typeof values[r][c.index] === "string" && !parseAmount(values[r][c.index]).ok
      )
    );
    if (firstText) firstText.role = "name";
    names = firstText ? [firstText] : [];
  }
  for (const extra of names.slice(1)) extra.role = "ignore";
  // A total row (合计/总计) is not a recipient.
  const nameCol = names[0]?.index;
  const kept =
    nameCol === undefined
      ? dataRows
      : dataRows.filter(
          (r) => !/^(合计|总计|小计|total)$/i.test(compact(cellText(values[r][nameCol])))
        );
  return { headerRow, columns, dataRows: kept, values };
}

export interface FactorSetting {
  column: number;
  name: string;
  /** As typed: "30", "0.3", "30%": only relative sizes matter. */
  weight: string;
  direction: Direction;
  kind: FactorKind;
}

export interface AllocationPlan {
  pool: string;
  unit: string;
  nameColumn: number;
  factors: FactorSetting[];
  flagColumn: number | null;
  /** Coefficient for flagged key counties (34号（二）), e.g. "1.2". */
  keyCoefficient: string;
  coefficientColumn: number | null;
  minimumColumn: number | null;
  /** One minimum for every recipient when there is no minimum column. */
  minimumAll: string;
  capColumn: number | null;
  carryoverColumn: number | null;
  totalColumn: number | null;
  threshold: string;
  disposal: "retain" | "redistribute";
  performanceFloor: string;
}

export type PlanOutcome =
  { ok: true; input: AllocationInput; names: string[] } | { ok: false; message: Bilingual };

/** A number as typed in the pane or found in a cell: 1,234.5 / １２ / 30% / 12.5万 (→ 元). */
export function readNumber(v: unknown): Decimal | null {
  if (typeof v === "string") {
    const t = compact(v);
    const p = /^(.*)[%％]$/.exec(t);
    if (p) {
      const q = parseAmount(p[1]);
      return q.ok && q.unit === null ? q.value.dividedBy(100) : null;
    }
  }
  const q = parseAmount(v);
  if (!q.ok) return null;
  return q.unit === "万元"
    ? q.value.times(10000)
    : q.unit === "亿元"
      ? q.value.times(100000000)
      : q.value;
}

const FLAG_TRUE = /^(是|y|yes|true|1|√|✓|✔|重点县|片区县|重点|片区|国家重点县|自治区重点县)$/i;

export function isFlagged(v: unknown): boolean {
  if (v === true) return true;
  if (typeof v === "number") return v !== 0;
  return FLAG_TRUE.test(compact(cellText(v)));
}

/** Turns the recognised table and the pane's settings into the allocation's input. */
export function planToInput(table: FactorTable, plan: AllocationPlan): PlanOutcome {
  const err = (zh: string, en: string): PlanOutcome => ({ ok: false, message: bi(zh, en) });
  const pool = readNumber(plan.pool);
  if (pool === null)
    return err(`资金总额无法识别：「${plan.pool}」`, `unreadable pool: "${plan.pool}"`);
  const unit = readNumber(plan.unit);
  if (unit === null)
    return err(`取整单位无法识别：「${plan.unit}」`, `unreadable unit: "${plan.unit}"`);
  if (plan.factors.length === 0)
    return err("请至少选择一个因素列", "choose at least one factor column");
  const rows = table.dataRows;
  const v = table.values;
  const header = (c: number) => table.columns[c]?.header || `#${c + 1}`;
  const names = rows.map((r) => cellText(v[r][plan.nameColumn]).trim());
  const factors: Decimal[][] = [];
  for (const r of rows) {
    const row: Decimal[] = [];
    for (const f of plan.factors) {
      const d = readNumber(v[r][f.column]);
      if (d === null)
        return err(
          `第 ${r + 1} 行「${header(f.column)}」无法识别为数字：「${cellText(v[r][f.column])}」`,
          `row ${r + 1}, "${header(f.column)}": not a number: "${cellText(v[r][f.column])}"`
        );
      row.push(d);
    }
    factors.push(row);
  }
  const specs = [];
  for (const f of plan.factors) {
    const w = readNumber(f.weight);
    if (w === null)
      return err(
        `「${f.name}」的权重无法识别：「${f.weight}」`,
        `weight of "${f.name}" unreadable: "${f.weight}"`
      );
    specs.push({ name: f.name, weight: w, direction: f.direction, kind: f.kind });
  }
  const column = (c: number | null, what: [string, string], blank: Decimal | null) => {
    if (c === null) return undefined;
    const out: (Decimal | null)[] = [];
    for (const r of rows) {
      const raw = v[r][c];
      if (cellText(raw).trim() === "") {
        out.push(blank);
        continue;
      }
      const d = readNumber(raw);
      if (d === null)
        throw bi(
          `第 ${r + 1} 行${what[0]}无法识别：「${cellText(raw)}」`,
          `row ${r + 1}: unreadable ${what[1]}: "${cellText(raw)}"`
        );
      out.push(d);
    }
    return out;
  };
  try {
    const input: AllocationInput = { pool, unit, factors, specs };
    const floor = readNumber(plan.performanceFloor);
    if (floor !== null) input.performanceFloor = floor;
    let coefficients = column(plan.coefficientColumn, ["政策系数", "coefficient"], null);
    if (plan.flagColumn !== null) {
      const k = readNumber(plan.keyCoefficient);
      if (k === null)
        return err(
          `重点县系数无法识别：「${plan.keyCoefficient}」`,
          `unreadable key-county coefficient: "${plan.keyCoefficient}"`
        );
      coefficients = rows.map((r, i) => {
        const base = coefficients?.[i] ?? new Decimal(1);
        return isFlagged(v[r][plan.flagColumn as number]) ? base.times(k) : base;
      });
    }
    if (coefficients) input.coefficients = coefficients;
    const minimums = column(plan.minimumColumn, ["保底金额", "minimum"], null);
    if (minimums) input.minimums = minimums;
    else if (plan.minimumAll.trim() !== "") {
      const mAll = readNumber(plan.minimumAll);
      if (mAll === null)
        return err(
          `保底金额无法识别：「${plan.minimumAll}」`,
          `unreadable minimum: "${plan.minimumAll}"`
        );
      input.minimums = rows.map(() => mAll);
    }
    const caps = column(plan.capColumn, ["上限", "cap"], null);
    if (caps) input.caps = caps;
    if (plan.carryoverColumn !== null) {
      const carry = column(plan.carryoverColumn, ["结转结余", "carry-over"], null) ?? [];
      const total =
        column(plan.totalColumn, ["当年资金总额", "year's total"], null) ?? rows.map(() => null);
      const threshold = readNumber(plan.threshold);
      input.carryover = {
        carryover: carry,
        total,
        threshold: threshold ?? undefined,
        disposal: plan.disposal,
      };
    }
    return { ok: true, input, names };
  } catch (e) {
    if (e && typeof e === "object" && "zh" in e) return { ok: false, message: e as Bilingual };
    throw e;
  }
}

/** The pane's starting settings for a recognised table: equal weights, guessed directions. */
export function defaultPlan(table: FactorTable): AllocationPlan {
  const find = (role: ColumnRole) => table.columns.find((c) => c.role === role)?.index ?? null;
  const factorCols = table.columns.filter((c) => c.role === "factor");
  const each = factorCols.length
    ? new Decimal(100).dividedBy(factorCols.length).toDecimalPlaces(2)
    : new Decimal(0);
  return {
    pool: "",
    unit: "0.01",
    nameColumn: find("name") ?? 0,
    factors: factorCols.map((c) => ({
      column: c.index,
      name: c.header,
      weight: each.toString(),
      direction: c.direction,
      kind: c.kind,
    })),
    flagColumn: find("flag"),
    keyCoefficient: "1.2",
    coefficientColumn: find("coefficient"),
    minimumColumn: find("minimum"),
    minimumAll: "",
    capColumn: find("cap"),
    carryoverColumn: find("carryover"),
    totalColumn: find("total"),
    threshold: `${DEFAULT_CARRYOVER_THRESHOLD.times(100).toString()}%`,
    disposal: "retain",
    performanceFloor: "30%",
  };
}

/** Performance weight ÷ total weight as typed, or null when a weight is unreadable or all are 0. */
export function performanceShareOf(factors: FactorSetting[]): Decimal | null {
  let total = new Decimal(0);
  let perf = new Decimal(0);
  for (const f of factors) {
    const w = readNumber(f.weight);
    if (w === null || w.isNegative()) return null;
    total = total.plus(w);
    if (f.kind === "performance") perf = perf.plus(w);
  }
  return total.isZero() ? null : perf.dividedBy(total);
}
