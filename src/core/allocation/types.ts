/** The factor-method allocation's inputs and results (docs/rules.md「因素法分配」; 34号（一）–（三）, 广西 2014 意见 第10条). */
import type { Decimal } from "../money";
import type { Bilingual } from "../i18n";
import type { Citation } from "../rules/citation";

/** "+": more means more money (population, poverty headcount); "−": less means more (income). */
export type Direction = "+" | "-";

/** 客观因素 objective or 绩效因素 performance (34号（三）). */
export type FactorKind = "objective" | "performance";

export interface FactorSpec {
  name?: string;
  weight: Decimal.Value;
  direction?: Direction;
  kind?: FactorKind;
}

/** 34号（十三）: a county whose carry-over rate is above the threshold loses its carry-over amount. */
export interface CarryoverInput {
  /** Carry-over (结转结余) per recipient, same money unit as the pool; null = none. */
  carryover: (Decimal.Value | null)[];
  /** That year's total funds per recipient (the rate's denominator); null = none. */
  total: (Decimal.Value | null)[];
  /** Rate above which (strictly) the carry-over is deducted. Default 0.1 (10 %). */
  threshold?: Decimal.Value;
  /** What happens to deducted money: kept back, or split among the counties not deducted. */
  disposal?: "retain" | "redistribute";
}

export interface AllocationInput {
  /** The pool to split, in the money unit of every other amount (元, or 万元…). */
  pool: Decimal.Value;
  /** recipients × factors, values ≥ 0. */
  factors: Decimal.Value[][];
  specs: FactorSpec[];
  /** Rounding unit, default 0.01 (分 when amounts are in 元). */
  unit?: Decimal.Value;
  /** Guaranteed minimum per recipient (funded first); null = none. Rounded up to the unit. */
  minimums?: (Decimal.Value | null)[];
  /** Maximum per recipient; the excess goes to the others by their shares. Rounded down to the unit. */
  caps?: (Decimal.Value | null)[];
  /** Policy coefficient per recipient (e.g. 1.2 for key counties); shares are renormalised. */
  coefficients?: (Decimal.Value | null)[];
  carryover?: CarryoverInput;
  /** Minimum fraction of the total weight that performance factors must carry. Default 0.3. */
  performanceFloor?: Decimal.Value;
}

export type AllocationErrorCode =
  | "empty"
  | "size"
  | "not-a-number"
  | "negative-factor"
  | "zero-factor"
  | "zero-in-inverse-factor"
  | "negative-weight"
  | "weights-zero"
  | "pool"
  | "unit"
  | "pool-not-multiple"
  | "negative-minimum"
  | "minimums-exceed-pool"
  | "coefficient"
  | "cap-below-minimum"
  | "caps-below-pool"
  | "no-shares"
  | "carryover";

export interface AllocationProblem {
  code: AllocationErrorCode;
  message: Bilingual;
  /** 0-based recipient row, when the problem is in one row. */
  row?: number;
  /** 0-based factor column, when the problem is in one factor. */
  factor?: number;
}

export interface AllocationNotice {
  code: "performance-weight-low" | "deduction-limited" | "nothing-to-redistribute";
  message: Bilingual;
  citation?: Citation;
  row?: number;
}

/**
 * The allocation, exact to the unit, with its explanation. For every recipient i:
 *
 *   amounts[i] = Σ_j contributions[i][j] + minimums[i] − deductions[i] + redistributed[i] + rounding[i]
 *
 * exactly, every term a whole multiple of the unit. `contributions` and `redistributed` are the
 * exact factor parts rounded to the unit within the row (largest remainder) so that they add up
 * to the row's exact quota rounded half-up; `rounding` (−1, 0 or +1 unit) is then what the
 * pool-wide largest-remainder step added or took away so that the column sums to the pool.
 */
export interface AllocationResult {
  ok: true;
  unit: Decimal;
  pool: Decimal;
  amounts: Decimal[];
  /** The amounts as JS numbers (each the double nearest the exact amount), for Excel. */
  amountValues: number[];
  /** Combined factor share after policy coefficients (Σ = 1); not rounded. */
  shares: Decimal[];
  /** Exact amounts before rounding. */
  quotas: Decimal[];
  contributions: Decimal[][];
  minimums: Decimal[];
  deductions: Decimal[];
  redistributed: Decimal[];
  rounding: Decimal[];
  /** Recipients held at their cap. */
  capped: boolean[];
  /** Σ amounts: the pool, less what was deducted and retained. */
  distributed: Decimal;
  /** Deducted carry-over kept back (disposal "retain"). */
  retained: Decimal;
  /** Performance weights ÷ total weight. */
  performanceShare: Decimal;
  warnings: AllocationNotice[];
  citations: Citation[];
}

export type AllocationOutcome = AllocationResult | { ok: false; error: AllocationProblem };
