/**
 * The factor table's phases, exact and without per-cell BigInt where the sizes allow it:
 *
 *   normaliseFactors — every cell read once as m × 10^e (the same m, e as `scaled` gives), each
 *     weighted column brought to one scale, "−" columns inverted as ⌊G / x⌋ with G = 10^(30+d+2)
 *     (d the digits of the column's largest value), checked for zeros;
 *   weighFactors     — each column's multiplier as a fraction N_j / D_j = w_j·F / (W·Σ_k x_kj);
 *   rawShares        — raw_i = Σ_j ⌊x_ij · N_j / D_j⌋ (fixed point, F = 10^30), each part rounded
 *     down on its own.
 *
 * Speed without floating-point decisions: a column is worked in JS numbers only when bounds
 * checked beforehand (with BigInt) prove every intermediate an integer below 2^53, so every
 * product, sum and difference is exact. Quotients start from the number division's estimate and
 * are then fixed by the exact remainder (r = a − d·b, stepped until 0 ≤ r < b), so the estimate
 * never decides anything. Big results are carried as limbs of 21 bits and made BigInt once per
 * row. Any column outside those bounds goes through BigInt cell by cell, as any cell that the
 * "−" shortcut cannot settle. `parts()` recomputes the per-factor parts in BigInt straight from
 * the definition, for the explanation.
 */
import type { Decimal } from "../money";
import type { Direction, FactorSpec } from "./types";
import { pow10, scaled, scaledToDecimal } from "./exact";
import { fail } from "./stop";

/** Fixed-point scale of shares and of quotas within a unit. */
export const FP = 30;
export const F = pow10(FP);

const TWO53 = 2 ** 53;
const BIG53 = 2n ** 53n;
const LIMB = 2 ** 21;
const LIMB_BITS = 21n;
const LIMB_MASK = (1n << LIMB_BITS) - 1n;
const PAIR_BITS = 2n * LIMB_BITS;
/** Σ over number-worked columns of their largest multiplier of a limb stays below this. */
const LIMB_BUDGET = 2 ** 31;
/** 10^k as exact doubles (10^22 is the last one a double holds exactly). */
export const POW10_EXACT = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

/** Little-endian limbs of 21 bits of x ≥ 0. */
function limbsOf(x: bigint): number[] {
  const out: number[] = [];
  while (x > 0n) {
    out.push(Number(x & LIMB_MASK));
    x >>= LIMB_BITS;
  }
  return out;
}

/**
 * top · 2^(21·count) + Σ_k limbs[k] · 2^(21k), for limbs below 2^21 and top below 2^32: made of
 * chunks of two limbs (below 2^42; the last one may hold top, below 2^53), exact as numbers.
 */
function fromLimbs(limbs: ArrayLike<number>, count: number, top: number): bigint {
  let k = count;
  let acc: bigint;
  if (k % 2 === 1) {
    k--;
    acc = BigInt(limbs[k] + top * LIMB);
  } else acc = BigInt(top);
  while (k > 0) {
    k -= 2;
    acc = (acc << PAIR_BITS) + BigInt(limbs[k] + limbs[k + 1] * LIMB);
  }
  return acc;
}

/** Scratch buffers reused from call to call for what no result keeps (cells, limb sums). */
let scratchF = new Float64Array(0);
let scratchI = new Int32Array(0);
let scratchS = new Float64Array(0);
function scratchCells(len: number): { mant: Float64Array; exps: Int32Array } {
  if (scratchF.length < len) {
    scratchF = new Float64Array(len);
    scratchI = new Int32Array(len);
  }
  return { mant: scratchF.subarray(0, len), exps: scratchI.subarray(0, len) };
}
function scratchSums(len: number): Float64Array {
  if (scratchS.length < len) scratchS = new Float64Array(len);
  const out = scratchS.subarray(0, len);
  out.fill(0);
  return out;
}

/** Scratch of `readCell`: the cell is QM × 10^QE (QM a safe integer) or QB × 10^QE. */
let QM = 0;
let QE = 0;
let QB = 0n;
const SMALL = 0;
const BIG = 1;
const NAN = 2;

/** Reads a cell as `scaled` does (same m and e), as a number when m is a safe integer. */
function readCell(v: Decimal.Value): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return NAN;
    if (Number.isInteger(v) && Math.abs(v) < 1e15) {
      QM = v;
      QE = 0;
      return SMALL;
    }
    if (Math.abs(v) < 1e9)
      for (let k = 1, p = 10; k <= 6; k++, p *= 10) {
        const r = Math.round(v * p);
        if (r / p === v) {
          QM = r;
          QE = -k;
          return SMALL;
        }
      }
  }
  const s = scaled(v);
  if (!s) return NAN;
  QE = s.e;
  if (s.m > -BIG53 && s.m < BIG53) {
    QM = Number(s.m);
    return SMALL;
  }
  QB = s.m;
  return BIG;
}

/** One weighted factor column on one scale (after inversion for "−"). */
export interface Column {
  j: number;
  dir: Direction;
  /** "+" columns whose integers are all safe: the integers as numbers. */
  small: Float64Array | null;
  /** Otherwise the integers as BigInt ("−" columns: the inverted ⌊G/x⌋, made on demand). */
  big: bigint[] | null;
  /** "−" columns with safe integers: the integers before inversion, and G. */
  inverseOf: Float64Array | null;
  G: bigint;
  total: bigint;
}

const label = (specs: FactorSpec[], j: number) => specs[j].name || `第 ${j + 1} 个因素`;
const labelEn = (specs: FactorSpec[], j: number) => specs[j].name || `factor ${j + 1}`;

/** ⌊G/x⌋ for every x of a column (x > 0), as BigInt. */
function invertedBig(col: Column): bigint[] {
  if (col.big) return col.big;
  const src = col.inverseOf!;
  const out = new Array<bigint>(src.length);
  for (let i = 0; i < src.length; i++) out[i] = col.G / BigInt(src[i]);
  col.big = out;
  return out;
}

/**
 * ⌊G/x⌋ summed over a column of safe integers x > 0 below 2^31, in numbers: long division of G's
 * limbs by each x (remainder r < x, so r·2^21 + limb < 2^52), the quotient limbs summed.
 */
function inverseTotal(xs: Float64Array, G: bigint): bigint {
  const g = limbsOf(G);
  const L = g.length;
  const acc = new Float64Array(L);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    let r = 0;
    for (let k = L - 1; k >= 0; k--) {
      const t = r * LIMB + g[k];
      let d = Math.floor(t / x);
      r = t - d * x;
      while (r < 0) {
        d--;
        r += x;
      }
      while (r >= x) {
        d++;
        r -= x;
      }
      acc[k] += d;
    }
  }
  // acc[k] < n·2^21 < 2^53: carry into BigInt.
  let total = 0n;
  for (let k = L - 1; k >= 0; k--) total = (total << LIMB_BITS) + BigInt(acc[k]);
  return total;
}

/**
 * Phase "normalise factors": reads and checks every cell (row by row: size, number, sign), then
 * for each column with a weight brings it to one scale, inverts "−" columns (refusing a 0) and
 * refuses a column that is 0 for everyone.
 */
export function normaliseFactors(
  factors: Decimal.Value[][],
  specs: FactorSpec[],
  w: bigint[]
): Column[] {
  const n = factors.length;
  const m = specs.length;
  const { mant, exps } = scratchCells(n * m);
  let bigs: Map<number, bigint> | null = null;
  for (let i = 0; i < n; i++) {
    const row = factors[i];
    if (!row || row.length !== m)
      fail(
        "size",
        `第 ${i + 1} 行有 ${row ? row.length : 0} 个因素值，应为 ${m} 个（与权重个数一致）`,
        `row ${i + 1} has ${row ? row.length : 0} factor values, expected ${m} (one per weight)`,
        { row: i }
      );
    for (let j = 0; j < m; j++) {
      const kind = readCell(row[j]);
      if (kind === NAN)
        fail(
          "not-a-number",
          `第 ${i + 1} 行「${label(specs, j)}」不是数字：「${row[j]}」`,
          `row ${i + 1}, ${labelEn(specs, j)}: not a number: "${row[j]}"`,
          { row: i, factor: j }
        );
      const at = i * m + j;
      exps[at] = QE;
      if (kind === BIG) {
        if (QB < 0n) {
          const shown = scaledToDecimal({ m: QB, e: QE });
          fail(
            "negative-factor",
            `第 ${i + 1} 行「${label(specs, j)}」为负数：${shown}`,
            `row ${i + 1}: ${labelEn(specs, j)} is negative: ${shown}`,
            { row: i, factor: j }
          );
        }
        (bigs ??= new Map()).set(at, QB);
        mant[at] = NaN;
      } else {
        if (QM < 0) {
          const shown = scaledToDecimal({ m: BigInt(QM), e: QE });
          fail(
            "negative-factor",
            `第 ${i + 1} 行「${label(specs, j)}」为负数：${shown}`,
            `row ${i + 1}: ${labelEn(specs, j)} is negative: ${shown}`,
            { row: i, factor: j }
          );
        }
        mant[at] = QM;
      }
    }
  }

  const columns: Column[] = [];
  for (let j = 0; j < m; j++) {
    if (w[j] === 0n) continue; // a factor without weight has no effect (nor checks)
    const dir: Direction = specs[j].direction ?? "+";
    // One scale: the finest exponent of the column.
    let e = 0;
    for (let i = 0; i < n; i++) if (exps[i * m + j] < e) e = exps[i * m + j];
    let small: Float64Array | null = new Float64Array(n);
    for (let i = 0; i < n && small; i++) {
      const x = mant[i * m + j];
      const d = exps[i * m + j] - e;
      const y = d < POW10_EXACT.length ? x * POW10_EXACT[d] : NaN;
      // A rounded product below 2^53 means the exact one is too, so y is exact.
      if (y < TWO53) small[i] = y;
      else small = null;
    }
    let big: bigint[] | null = null;
    if (!small) {
      big = new Array<bigint>(n);
      for (let i = 0; i < n; i++) {
        const at = i * m + j;
        const x = Number.isNaN(mant[at]) ? bigs!.get(at)! : BigInt(mant[at]);
        big[i] = x * pow10(exps[at] - e);
      }
    }
    const col: Column = {
      j,
      dir,
      small: null,
      big: null,
      inverseOf: null,
      G: 0n,
      total: 0n,
    };
    if (dir === "-") {
      let widest = 1;
      let most = 0;
      for (let i = 0; i < n; i++) {
        const zero = small ? small[i] === 0 : big![i] === 0n;
        if (zero)
          fail(
            "zero-in-inverse-factor",
            `「${label(specs, j)}」是逆向因素（越少越多），第 ${i + 1} 行为 0，无法取倒数`,
            `${labelEn(specs, j)} is a "−" factor (less means more) and is 0 in row ${i + 1}: 1/0 is undefined`,
            { row: i, factor: j }
          );
        if (small) {
          if (small[i] > most) most = small[i];
        } else {
          const len = big![i].toString().length;
          if (len > widest) widest = len;
        }
      }
      if (small) widest = String(most).length; // digits of the largest (all are integers)
      col.G = pow10(FP + widest + 2); // 1/x to more than 30 significant digits
      if (small && most < 2 ** 31) {
        col.inverseOf = small;
        col.total = inverseTotal(small, col.G);
      } else {
        const src = big ?? Array.from(small!, (x) => BigInt(x));
        col.big = src.map((x) => col.G / x);
        let t = 0n;
        for (const x of col.big) t += x;
        col.total = t;
      }
    } else if (small) {
      col.small = small;
      let t = 0;
      for (let i = 0; i < n; i++) t += small[i];
      // Non-negative integers: a computed sum below 2^53 was exact at every step.
      if (t < TWO53) col.total = BigInt(t);
      else {
        let s = 0n;
        for (let i = 0; i < n; i++) s += BigInt(small[i]);
        col.total = s;
      }
    } else {
      col.big = big;
      let t = 0n;
      for (const x of big!) t += x;
      col.total = t;
    }
    if (col.total === 0n)
      fail(
        "zero-factor",
        `「${label(specs, j)}」对所有对象都为 0，无法按它分配`,
        `${labelEn(specs, j)} is zero for every recipient: nothing to split by`,
        { factor: j }
      );
    columns.push(col);
  }
  return columns;
}

/** A column's multiplier N/D (weighted part of row i = ⌊x_i · N / D⌋), N = w_j·F, D = W·total. */
export interface Weighed {
  col: Column;
  N: bigint;
  D: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Phase "weights": each column's weight over its total, w_j·F / (W · Σ_k x_kj), in lowest terms
 * (⌊x·N/D⌋ does not depend on how the fraction is written; a smaller D lets more columns be
 * worked in numbers).
 */
export function weighFactors(columns: Column[], w: bigint[], W: bigint): Weighed[] {
  return columns.map((col) => {
    const N = w[col.j] * F;
    const D = W * col.total;
    const g = gcd(N, D);
    return { col, N: N / g, D: D / g };
  });
}

/** Raw shares, and the per-factor parts they add up (made on demand, for the explanation). */
export interface RawShares {
  raw: bigint[];
  /** parts()[j][i] = ⌊x_ij · N_j / D_j⌋ (0 for a factor without weight). */
  parts: () => bigint[][];
}

/**
 * Phase "raw shares": raw_i = Σ_j ⌊x_ij · N_j / D_j⌋, exactly.
 *
 * "+" columns in numbers: with N = q·D + ρ, ⌊x·N/D⌋ = x·q + ⌊x·ρ/D⌋; when (max x + 1)·D ≤ 2^53,
 * x·ρ and ⌊x·ρ/D⌋·D are exact, and x·q is added limb by limb (q in 21-bit limbs).
 * "−" columns in numbers: with x' = ⌊G/x⌋ = G/x − δ (0 ≤ δ < 1), N < D (so q = 0) and
 * P = G·N/D = p + π/D, ⌊x'·N/D⌋ = ⌊P/x − δ·N/D⌋, which is ⌊p/x⌋ whenever p mod x ≥ 1 and
 * x·N < D (then the fractional part of P/x is at least 1/x > δ·N/D). ⌊p/x⌋ is a long division of
 * p's limbs by x; the cells with p mod x = 0 are done in BigInt.
 */
export function rawShares(weighed: Weighed[], n: number, m: number): RawShares {
  const parts = () => {
    const v: bigint[][] = Array.from({ length: m }, () => new Array<bigint>(n).fill(0n));
    for (const { col, N, D } of weighed) {
      const vj = v[col.j];
      if (col.small) for (let i = 0; i < n; i++) vj[i] = (BigInt(col.small[i]) * N) / D;
      else {
        const xs = invertedBig(col);
        for (let i = 0; i < n; i++) vj[i] = (xs[i] * N) / D;
      }
    }
    return v;
  };

  let budget = 0;
  let K = 0;
  const plus: { xs: Float64Array; q: number[]; rho: number; D: number; e?: Float64Array }[] = [];
  const minus: { xs: Float64Array; p: number[]; col: Column; N: bigint; D: bigint }[] = [];
  const slow: Weighed[] = [];
  for (const wc of weighed) {
    const { col, N, D } = wc;
    if (col.small) {
      let most = 0;
      for (let i = 0; i < n; i++) if (col.small[i] > most) most = col.small[i];
      if (BigInt(most + 1) * D <= BIG53 && budget + most < LIMB_BUDGET) {
        budget += most;
        const q = limbsOf(N / D);
        if (q.length > K) K = q.length;
        plus.push({ xs: col.small, q, rho: Number(N % D), D: Number(D) });
        continue;
      }
    } else if (col.inverseOf) {
      let most = 0;
      for (let i = 0; i < n; i++) if (col.inverseOf[i] > most) most = col.inverseOf[i];
      if (N < D && BigInt(most) * N < D && budget + 1 < LIMB_BUDGET) {
        budget += 1;
        const p = limbsOf((col.G * N) / D);
        if (p.length > K) K = p.length;
        minus.push({ xs: col.inverseOf, p, col, N, D });
        continue;
      }
    }
    slow.push(wc);
  }

  // Limb sums S[k][i] (each < 2^31 · 2^21 = 2^52) and the small parts E[i] (< 2^31).
  const sums = scratchSums((K + 1) * n);
  const S = Array.from({ length: K }, (_, k) => sums.subarray((k + 1) * n, (k + 2) * n));
  const E = sums.subarray(0, n);
  for (const { xs, q, rho, D } of plus) {
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      const a = x * rho; // < (max x)·D < 2^53: exact
      let d = Math.floor(a / D);
      let r = a - d * D;
      while (r < 0) {
        d--;
        r += D;
      }
      while (r >= D) {
        d++;
        r -= D;
      }
      E[i] += d;
    }
    for (let k = 0; k < q.length; k++) {
      const qk = q[k];
      if (qk === 0) continue;
      const Sk = S[k];
      for (let i = 0; i < n; i++) Sk[i] += xs[i] * qk;
    }
  }
  let extra: bigint[] | null = null;
  const digits = new Float64Array(K);
  for (const { xs, p, col, N, D } of minus) {
    const L = p.length;
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      let r = 0;
      for (let k = L - 1; k >= 0; k--) {
        const t = r * LIMB + p[k]; // r < x < 2^31: t < 2^52
        let d = Math.floor(t / x);
        r = t - d * x;
        while (r < 0) {
          d--;
          r += x;
        }
        while (r >= x) {
          d++;
          r -= x;
        }
        digits[k] = d;
      }
      if (r === 0) {
        // p divisible by x: the shortcut cannot tell ⌊p/x⌋ from one less; exact BigInt.
        extra ??= new Array<bigint>(n).fill(0n);
        extra[i] += ((col.G / BigInt(x)) * N) / D;
        continue;
      }
      for (let k = 0; k < L; k++) S[k][i] += digits[k];
    }
  }
  for (const { col, N, D } of slow) {
    extra ??= new Array<bigint>(n).fill(0n);
    const xs = col.small ? Array.from(col.small, (x) => BigInt(x)) : invertedBig(col);
    for (let i = 0; i < n; i++) extra[i] += (xs[i] * N) / D;
  }

  const raw = new Array<bigint>(n);
  const limbs = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    let t = E[i];
    for (let k = 0; k < K; k++) {
      t += S[k][i]; // < 2^52 + 2^32
      const hi = Math.floor(t / LIMB); // a power of two: exact
      limbs[k] = t - hi * LIMB;
      t = hi;
    }
    const fast = K === 0 ? BigInt(t) : fromLimbs(limbs, K, t);
    raw[i] = extra ? fast + extra[i] : fast;
  }
  return { raw, parts };
}
