/**
 * Factor-method allocation in cells: FUND.ALLOCATE, FUND.ALLOCATE.EXPLAIN, FUND.CARRYOVER.
 * Thin wrappers over src/core/allocation; Decimal throughout, JS numbers only at the very edge
 * (values already rounded to the unit).
 */
import {
  allocate as allocateCore,
  carryoverDeduction as carryoverCore,
  readNumber,
} from "../core/allocation";
import type { AllocationResult, Direction } from "../core/allocation";
import { Decimal, decimalFromExcel } from "../core/money";
import { compact } from "../core/text";
import { isOmitted } from "./args";
import { guard, inputError } from "./errors";

type Cell = unknown;

/** A range argument as rows of cells (a scalar becomes a 1×1 range). */
function grid(v: unknown): Cell[][] {
  if (isOmitted(v)) return [];
  if (!Array.isArray(v)) return [[v]];
  return (v as unknown[]).map((r) => (Array.isArray(r) ? r : [r]));
}

const blank = (c: Cell) =>
  c === null || c === undefined || (typeof c === "string" && c.trim() === "");

/** A row or a column → its cells in order; a block with several rows and columns is refused. */
function vector(v: unknown, what: [string, string]): Cell[] {
  const g = grid(v);
  if (g.length === 0) return [];
  if (g.length === 1) return g[0];
  if (g.every((r) => r.length === 1)) return g.map((r) => r[0]);
  throw inputError(
    "value",
    `${what[0]}应为一行或一列`,
    `${what[1]} must be a single row or column`
  );
}

/** A number from a cell: Excel's numbers pass straight to the core (read there exactly at 15 digits). */
function numberCell(c: Cell, zh: string, en: string): Decimal.Value {
  if (typeof c === "number" && Number.isFinite(c)) return c;
  if (typeof c === "boolean")
    throw inputError("value", `${zh}不是数字：${c}`, `${en} is not a number: ${c}`);
  const d = readNumber(c);
  if (d === null) {
    if (blank(c)) throw inputError("value", `${zh}为空`, `${en} is empty`);
    throw inputError(
      "value",
      `${zh}不是数字：「${String(c)}」`,
      `${en} is not a number: "${String(c)}"`
    );
  }
  return d;
}

/** One value for everyone, or one per recipient; blank cells are null. */
function perRecipient(
  v: unknown,
  n: number,
  what: [string, string]
): (Decimal.Value | null)[] | undefined {
  const cells = vector(v, what);
  if (cells.length === 0 || cells.every(blank)) return undefined;
  if (cells.length === 1) {
    const d = numberCell(cells[0], what[0], what[1]);
    return new Array(n).fill(d);
  }
  if (cells.length !== n)
    throw inputError(
      "value",
      `${what[0]}有 ${cells.length} 个，与因素表的 ${n} 行不一致`,
      `${what[1]}: ${cells.length} values for the ${n} rows of factors`
    );
  return cells.map((c, i) =>
    blank(c) ? null : numberCell(c, `第 ${i + 1} 行${what[0]}`, `${what[1]} in row ${i + 1}`)
  );
}

function direction(c: Cell, j: number): Direction {
  if (blank(c)) return "+";
  if (typeof c === "number") {
    if (c > 0) return "+";
    if (c < 0) return "-";
  }
  const t = compact(String(c)).toLowerCase();
  if (["+", "正", "正向", "1", "more", "positive"].includes(t)) return "+";
  if (["-", "−", "–", "逆", "逆向", "负", "负向", "反向", "-1", "less", "negative"].includes(t))
    return "-";
  throw inputError(
    "value",
    `第 ${j + 1} 个因素的方向应为 + 或 -（正/逆），收到「${String(c)}」`,
    `direction of factor ${j + 1} must be + or - (正/逆), got "${String(c)}"`
  );
}

/** Reads the shared arguments of ALLOCATE and ALLOCATE.EXPLAIN and runs the allocation. */
function run(
  pool: unknown,
  factors: unknown,
  weights: unknown,
  directions: unknown,
  unit: unknown,
  minimums: unknown,
  coefficients: unknown
): AllocationResult {
  const poolCell = vector(pool, ["资金总额", "pool"]);
  if (poolCell.length !== 1 || blank(poolCell[0]))
    throw inputError("value", "资金总额应为一个数", "pool must be one number");
  const poolValue = numberCell(poolCell[0], "资金总额", "pool");
  const rows = grid(factors);
  if (rows.length === 0) throw inputError("value", "缺少因素表", "factors are missing");
  const w = vector(weights, ["权重", "weights"]);
  const m = w.length;
  if (m === 0) throw inputError("value", "缺少权重", "weights are missing");
  const matrix = rows.map((r, i) => {
    if (r.length !== m)
      throw inputError(
        "value",
        `因素表有 ${r.length} 列，权重有 ${m} 个，应一一对应`,
        `factors have ${r.length} columns but there are ${m} weights: one weight per factor column`
      );
    // Numbers go straight through; the message is built only for a cell that is not one.
    return r.map((c, j) =>
      typeof c === "number" && Number.isFinite(c)
        ? c
        : numberCell(
            c,
            `因素表第 ${i + 1} 行第 ${j + 1} 列`,
            `factors row ${i + 1}, column ${j + 1}`
          )
    );
  });
  const dirs = vector(directions, ["方向", "directions"]);
  if (dirs.length > 0 && !(dirs.length === 1 && blank(dirs[0])) && dirs.length !== m)
    throw inputError(
      "value",
      `方向有 ${dirs.length} 个，权重有 ${m} 个，应一一对应`,
      `${dirs.length} directions for ${m} weights: one per factor`
    );
  const specs = w.map((c, j) => ({
    weight: numberCell(c, `第 ${j + 1} 个权重`, `weight ${j + 1}`),
    direction: dirs.length === m ? direction(dirs[j], j) : ("+" as Direction),
  }));
  const unitCell = vector(unit, ["取整单位", "unit"]);
  const unitValue =
    unitCell.length === 0 || blank(unitCell[0])
      ? new Decimal("0.01")
      : numberCell(unitCell[0], "取整单位", "unit");
  const n = matrix.length;
  const outcome = allocateCore({
    pool: poolValue,
    factors: matrix,
    specs,
    unit: unitValue,
    minimums: perRecipient(minimums, n, ["保底金额", "minimums"]),
    coefficients: perRecipient(coefficients, n, ["政策系数", "coefficients"]),
  });
  if (!outcome.ok) throw inputError("value", outcome.error.message.zh, outcome.error.message.en);
  return outcome;
}

/** A matrix result, or the Excel error that replaces it. */
function matrixResult(body: () => number[][]): number[][] {
  return guard(body) as number[][];
}

/**
 * Splits a pool among recipients by the factor method (weighted factors), exact to the unit:
 * largest-remainder rounding, so the amounts add up to the pool exactly.
 * @customfunction ALLOCATE
 * @helpurl https://localhost:3000/help/functions.html#FUND.ALLOCATE
 * @param pool The amount to split (a whole multiple of the unit).
 * @param factors One row per recipient, one column per factor; values 0 or more.
 * @param weights One weight per factor column (a row or a column); only relative sizes matter.
 * @param [directions] Per factor: "+" more means more money, "-" less means more (e.g. income); also 正/逆. Default "+".
 * @param [unit] Rounding unit, default 0.01.
 * @param [minimums] Guaranteed minimum: one value for every recipient, or one per row; funded first.
 * @param [coefficients] Policy coefficient: one value, or one per row (e.g. 1.2 for key counties); shares are renormalised.
 * @returns A column of amounts, one per row of factors.
 */
export function allocate(
  pool: number,
  factors: any[][],
  weights: any[][],
  directions?: any[][],
  unit?: number,
  minimums?: any[][],
  coefficients?: any[][]
): number[][] {
  return matrixResult(() =>
    run(pool, factors, weights, directions, unit, minimums, coefficients).amountValues.map((a) => [
      a,
    ])
  );
}

/**
 * Explains FUND.ALLOCATE row by row: the amount each factor brings, the minimum, the rounding
 * adjustment, the share and the amount. The parts add up to the amount exactly.
 * @customfunction ALLOCATE.EXPLAIN
 * @helpurl https://localhost:3000/help/functions.html#FUND.ALLOCATE.EXPLAIN
 * @param pool The amount to split (a whole multiple of the unit).
 * @param factors One row per recipient, one column per factor; values 0 or more.
 * @param weights One weight per factor column (a row or a column).
 * @param [directions] Per factor: "+" or "-" (also 正/逆). Default "+".
 * @param [unit] Rounding unit, default 0.01.
 * @param [minimums] Guaranteed minimum: one value, or one per row.
 * @param [coefficients] Policy coefficient: one value, or one per row.
 * @returns Per row: one column per factor, then minimum, rounding, share and amount.
 */
export function allocateExplain(
  pool: number,
  factors: any[][],
  weights: any[][],
  directions?: any[][],
  unit?: number,
  minimums?: any[][],
  coefficients?: any[][]
): number[][] {
  return matrixResult(() => {
    const r = run(pool, factors, weights, directions, unit, minimums, coefficients);
    return r.amounts.map((a, i) => [
      ...r.contributions[i].map((c) => c.toNumber()),
      r.minimums[i].toNumber(),
      r.rounding[i].toNumber(),
      r.shares[i].toNumber(),
      a.toNumber(),
    ]);
  });
}

/**
 * The carry-over deduction: the whole carry-over when carry-over ÷ total is above the threshold
 * (strictly), otherwise 0.
 * @customfunction CARRYOVER
 * @helpurl https://localhost:3000/help/functions.html#FUND.CARRYOVER
 * @param carryover The year's carry-over and balance (结转结余).
 * @param total The year's total funds.
 * @param [threshold] Rate above which the carry-over is deducted; default 10% (0.1).
 * @returns The amount to deduct from next year's allocation.
 */
export function carryoverDeduction(carryover: number, total: number, threshold?: number): number {
  return guard(() => {
    const c = vector(carryover, ["结转结余", "carry-over"]);
    const t = vector(total, ["当年资金总额", "total"]);
    if (c.length !== 1 || t.length !== 1)
      throw inputError(
        "value",
        "结转结余和资金总额各应为一个数",
        "carry-over and total must be one number each"
      );
    const th = vector(threshold, ["结转率阈值", "threshold"]);
    const dec = (x: Decimal.Value) =>
      typeof x === "number" ? decimalFromExcel(x) : new Decimal(x);
    const out = carryoverCore(
      dec(numberCell(c[0], "结转结余", "carry-over")),
      dec(numberCell(t[0], "当年资金总额", "total")),
      th.length === 0 || blank(th[0])
        ? undefined
        : dec(numberCell(th[0], "结转率阈值", "threshold"))
    );
    if (!out.ok) throw inputError("value", out.message.zh, out.message.en);
    return out.deduction.toNumber();
  }) as number;
}
