/**
 * Factor-method allocation (因素法), exact to the unit: 34号（一）–（三）, 004 第10条, 34号（十三）
 * for the carry-over deduction. docs/rules.md「因素法分配」gives the form offices use:
 *
 *   share_i = Σ_j w_j · x_ij / Σ_k x_kj            (direction "+": more → more)
 *   share_i = Σ_j w_j · (1/x_ij) / Σ_k (1/x_kj)    (direction "−": less → more, e.g. income)
 *   amount_i = pool · share_i / Σ_j w_j
 *
 * Then: policy coefficients (share × c, renormalised); guaranteed minimums funded first and the
 * rest split by share; caps, with the excess going to the uncapped by share (repeated until no
 * one is over); the carry-over deduction; and rounding to the unit by largest remainder so the
 * amounts add up to what is distributed exactly.
 *
 * Arithmetic: inputs and results are Decimal; inside, money is a whole number of units and
 * shares are fixed-point integers with 30 decimals (./exact) — exact where the maths is exact
 * (sums, products, the pool in units, the largest-remainder step), and rounded down at 10⁻³⁰
 * where it is a ratio. Integers are BigInt, or JS numbers where checked bounds prove them exact
 * (./factors); floating point never decides an amount.
 *
 * Phases, in order (each refuses its own inputs, so the first problem found is the one reported):
 * validate inputs → normalise factors → weights → raw shares → coefficients → limits →
 * placement → deductions → rounding → result.
 */
import { Decimal } from "../money";
import { bi } from "../i18n";
import { ALLOCATION_CITATIONS, CARRYOVER, PERFORMANCE_WEIGHT } from "./citations";
import { DEFAULT_CARRYOVER_THRESHOLD } from "../rules/carryover";
import {
  ceilDiv,
  commonScale,
  floorDiv,
  ratio,
  roundHalfUpDiv,
  Scaled,
  scaledToDecimal,
  toDecimal,
} from "./exact";
import { F, FP, normaliseFactors, POW10_EXACT, rawShares, weighFactors } from "./factors";
import { fail, need, optionalList, Stop } from "./stop";
import type {
  AllocationInput,
  AllocationNotice,
  AllocationOutcome,
  AllocationResult,
} from "./types";

const SAFE = 2n ** 53n;
const pct = (d: Decimal) => d.times(100).toDecimalPlaces(2).toString();
const sumOf = (xs: bigint[]) => {
  let s = 0n;
  for (const x of xs) s += x;
  return s;
};

/**
 * Splits `remaining` (units × F) among the `eligible` recipients in proportion to `shares`,
 * without taking anyone above `caps` (counting `base` already given): whoever would go over is
 * held at the cap and the rest is split again among the others, until no one is over. Always
 * rounds down, so never hands out more than `remaining`. Returns null when money is left but no
 * eligible recipient has a share to take it.
 */
function fill(
  remaining: bigint,
  base: bigint[],
  shares: bigint[],
  eligible: boolean[],
  caps: (bigint | null)[] | null,
  capped: boolean[]
): bigint[] | null {
  const n = base.length;
  const extra = new Array<bigint>(n).fill(0n);
  const active = eligible.slice();
  const heldHere = new Array<boolean>(n).fill(false);
  let left = remaining;
  for (;;) {
    if (left <= 0n) return extra;
    let s = 0n;
    for (let i = 0; i < n; i++) if (active[i]) s += shares[i];
    if (s === 0n) return null;
    let over = false;
    if (caps) {
      for (let i = 0; i < n; i++) {
        const cap = caps[i];
        if (!active[i] || cap === null) continue;
        if (base[i] + (left * shares[i]) / s > cap) {
          extra[i] = cap - base[i];
          active[i] = false;
          capped[i] = true;
          heldHere[i] = true;
          over = true;
        }
      }
    }
    if (over) {
      let given = 0n;
      for (let i = 0; i < n; i++) if (heldHere[i]) given += extra[i];
      left = remaining - given;
      continue;
    }
    for (let i = 0; i < n; i++) if (active[i]) extra[i] = (left * shares[i]) / s;
    return extra;
  }
}

/**
 * Largest remainder on fixed-point quotas (`q[i] / scale` units, q ≥ 0): floors, then one unit
 * each to the largest remainders until `target`; ties by larger `ties[i]`, then lower index.
 */
function largestRemainderInt(
  q: bigint[],
  scale: bigint,
  target: bigint,
  ties: bigint[] | null
): bigint[] {
  const n = q.length;
  const out = new Array<bigint>(n);
  const rem = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const f = q[i] / scale;
    out[i] = f;
    rem[i] = q[i] % scale; // = q − f·scale (both truncate)
  }
  const missing = shortfall(out, target);
  if (missing <= 0) return out;
  giveOnes(out, rem, ties, missing);
  return out;
}

/** Larger remainder first, then larger tie-break, then lower index. */
function exactOrder(rem: bigint[], ties: bigint[] | null, a: number, b: number): number {
  if (rem[a] !== rem[b]) return rem[b] > rem[a] ? 1 : -1;
  if (ties && ties[a] !== ties[b]) return ties[b] > ties[a] ? 1 : -1;
  return a - b;
}

/** The k-th smallest of `a` (0-based), by quickselect; reorders `a`. */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * target − Σ floors, as a number: summed in numbers while every floor is a safe non-negative
 * integer (then a sum computed below 2^53 is exact), else in BigInt.
 */
function shortfall(floors: bigint[], target: bigint): number {
  let sumN = 0;
  let safe = target < SAFE;
  for (let i = 0; i < floors.length && safe; i++) {
    const f = floors[i];
    if (f >= 0n && f < SAFE) sumN += Number(f);
    else safe = false;
  }
  if (safe && sumN < 2 ** 53) return Number(target) - sumN;
  let sum = 0n;
  for (const f of floors) sum += f;
  return Number(target - sum);
}

/**
 * Adds one unit to each of the `missing` rows with the largest remainders (rem > 0); ties by
 * larger `ties[i]`, then lower index. Only which rows are among the largest matters, not their
 * order: the nearest double of each remainder (rounding is monotone) finds the cut; the rows
 * whose double equals the cut's are ordered exactly (remainder, tie-break, row).
 */
function giveOnes(out: bigint[], rem: bigint[], ties: bigint[] | null, missing: number): void {
  const n = out.length;
  if (missing <= 0) return;
  const cand: number[] = [];
  for (let i = 0; i < n; i++) if (rem[i] > 0n) cand.push(i);
  if (missing >= cand.length) {
    for (const i of cand) out[i] += 1n;
    return;
  }
  if (cand.length <= 32) {
    // A few (a row's factor parts in the explanation): ordered exactly, no buffers.
    cand.sort((a, b) => exactOrder(rem, ties, a, b));
    for (let k = 0; k < missing; k++) out[cand[k]] += 1n;
    return;
  }
  const key = new Float64Array(cand.length);
  for (let k = 0; k < cand.length; k++) key[k] = Number(rem[cand[k]]);
  const cut = kthSmallest(Float64Array.from(key), cand.length - missing);
  const atCut: number[] = [];
  for (let k = 0; k < cand.length; k++) {
    if (key[k] > cut) {
      out[cand[k]] += 1n;
      missing--;
    } else if (key[k] === cut) atCut.push(cand[k]);
  }
  atCut.sort((a, b) => exactOrder(rem, ties, a, b));
  for (let k = 0; k < atCut.length && missing > 0; k++, missing--) out[atCut[k]] += 1n;
}

/** Replaces `key` on `obj` by a getter computing `make()` on first use (Decimal is costly). */
function lazy<T, K extends keyof T>(obj: T, key: K, make: () => T[K]): void {
  Object.defineProperty(obj, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = make();
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true });
      return value;
    },
  });
}

/** 34号（三）: performance weight not below 30 % of the total (the bound itself is fine). */
function performanceCheck(
  input: AllocationInput,
  w: bigint[],
  W: bigint
): { performanceShare: Decimal; notice: AllocationNotice | null } {
  const floor =
    input.performanceFloor === undefined
      ? new Decimal("0.3")
      : scaledToDecimal(need(input.performanceFloor, "绩效权重下限", "performance floor"));
  let perf = 0n;
  input.specs.forEach((s, j) => {
    if (s.kind === "performance") perf += w[j];
  });
  const performanceShare = new Decimal(perf.toString()).dividedBy(W.toString());
  const notice: AllocationNotice | null = performanceShare.lessThan(floor)
    ? {
        code: "performance-weight-low",
        citation: PERFORMANCE_WEIGHT,
        message: bi(
          `绩效因素权重占总权重 ${pct(performanceShare)}%，低于所设下限 ${pct(floor)}%（桂政发〔2014〕34号 第（三）条：绩效因素权重不低于总权重的一定比例；所存原文此处十位数字无法辨认（「?0%」），通常读作 30%，可按本地文件调整下限）`,
          `performance factors carry ${pct(performanceShare)}% of the total weight, below the floor set, ${pct(floor)}% (34号 (3) sets a minimum share; the tens digit is illegible in our copy ("?0%") and is usually read as 30 %; adjust the floor to your copy)`
        ),
      }
    : null;
  return { performanceShare, notice };
}

export function allocate(input: AllocationInput): AllocationOutcome {
  try {
    return compute(input);
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.problem };
    throw e;
  }
}

/**
 * m × 10^e as the nearest double, as Decimal#toNumber gives it: one correctly rounded division
 * (or product) of exact doubles when m and 10^|e| are exact, otherwise through Decimal.
 */
function scaledToNumber(m: bigint, e: number): number {
  const k = Math.abs(e);
  if (m > -SAFE && m < SAFE && k < POW10_EXACT.length)
    return e < 0 ? Number(m) / POW10_EXACT[k] : Number(m) * POW10_EXACT[k];
  return toDecimal(m, e).toNumber();
}

/** What every later phase needs: sizes, the unit and the pool in units, the weights. */
interface Setup {
  n: number;
  m: number;
  unitS: Scaled;
  unit: Decimal;
  pool: Decimal;
  poolU: bigint;
  /** Weights as integers on one scale, and their sum (> 0). */
  w: bigint[];
  W: bigint;
  /** A whole number of units as Decimal money. */
  money: (units: bigint) => Decimal;
}

/** Phase "validate inputs": sizes, unit, pool (a whole number of units), weights. */
function validateInputs(input: AllocationInput): Setup {
  const n = input.factors.length;
  const m = input.specs.length;
  if (n === 0)
    fail("empty", "没有分配对象（因素表为空）", "no recipients (the factor table is empty)");
  if (m === 0) fail("empty", "没有分配因素", "no factors");

  const unitS: Scaled =
    input.unit === undefined ? { m: 1n, e: -2 } : need(input.unit, "取整单位", "unit");
  const unit = scaledToDecimal(unitS);
  if (unitS.m <= 0n)
    fail("unit", `取整单位必须大于 0，收到 ${unit}`, `the unit must be above 0, got ${unit}`);
  const poolS = need(input.pool, "资金总额", "pool");
  const pool = scaledToDecimal(poolS);
  if (poolS.m < 0n)
    fail("pool", `资金总额不能为负：${pool}`, `the pool cannot be negative: ${pool}`);
  const pr = ratio(poolS, unitS);
  if (pr.num % pr.den !== 0n)
    fail(
      "pool-not-multiple",
      `资金总额 ${pool} 不是取整单位 ${unit} 的整数倍`,
      `the pool ${pool} is not a whole multiple of the unit ${unit}`
    );

  const wS = input.specs.map((s, j) => {
    const w = need(s.weight, `第 ${j + 1} 个因素的权重`, `weight of factor ${j + 1}`, {
      factor: j,
    });
    if (w.m < 0n)
      fail(
        "negative-weight",
        `第 ${j + 1} 个因素的权重为负：${scaledToDecimal(w)}`,
        `factor ${j + 1} has a negative weight: ${scaledToDecimal(w)}`,
        { factor: j }
      );
    return w;
  });
  const w = commonScale(wS).ints;
  const W = sumOf(w);
  if (W === 0n) fail("weights-zero", "权重之和为 0", "the weights sum to zero");
  const money = (units: bigint) => toDecimal(units * unitS.m, unitS.e);
  return { n, m, unitS, unit, pool, poolU: pr.num / pr.den, w, W, money };
}

/** Phase "coefficients" (34号（二）): shares × policy coefficient, renormalised to F. */
function coefficientShares(input: AllocationInput, raw: bigint[], n: number): bigint[] {
  const coefS = optionalList(input.coefficients, n, "政策系数", "policy coefficient");
  if (!coefS) return raw;
  const filled = coefS.map((c, i) => {
    if (c && c.m < 0n)
      fail(
        "coefficient",
        `第 ${i + 1} 行政策系数为负：${scaledToDecimal(c)}`,
        `row ${i + 1}: negative policy coefficient ${scaledToDecimal(c)}`,
        { row: i }
      );
    return c ?? { m: 1n, e: 0 };
  });
  const c = commonScale(filled).ints;
  const p = raw.map((r, i) => r * c[i]);
  const total = sumOf(p);
  if (total === 0n)
    fail(
      "no-shares",
      "乘以政策系数后所有份额均为 0",
      "every share is zero after the policy coefficients"
    );
  return p.map((x) => (x * F) / total);
}

/** Minimums (rounded up to the unit) and caps (rounded down), in units. */
interface Limits {
  minU: bigint[];
  minTotalU: bigint;
  capU: (bigint | null)[] | null;
}

/** Phase "limits": minimums and caps read, checked against each other and the pool. */
function readLimits(input: AllocationInput, s: Setup): Limits {
  const { n, unitS, poolU, pool, money } = s;
  const minsIn = optionalList(input.minimums, n, "保底金额", "minimum");
  const minU = new Array<bigint>(n).fill(0n);
  if (minsIn)
    for (let i = 0; i < n; i++) {
      const mi = minsIn[i];
      if (mi === null) continue;
      if (mi.m < 0n)
        fail(
          "negative-minimum",
          `第 ${i + 1} 行保底金额为负：${scaledToDecimal(mi)}`,
          `row ${i + 1}: negative minimum ${scaledToDecimal(mi)}`,
          { row: i }
        );
      const r = ratio(mi, unitS);
      minU[i] = ceilDiv(r.num, r.den);
    }
  const minTotalU = minsIn ? sumOf(minU) : 0n;
  if (minTotalU > poolU)
    fail(
      "minimums-exceed-pool",
      `保底金额合计 ${money(minTotalU)} 超过资金总额 ${pool}`,
      `the minimums add up to ${money(minTotalU)}, more than the pool ${pool}`
    );
  const capsIn = optionalList(input.caps, n, "上限", "cap");
  const capU = capsIn
    ? capsIn.map((c, i) => {
        if (c === null) return null;
        const r = ratio(c, unitS);
        const cu = floorDiv(r.num, r.den);
        if (cu < minU[i])
          fail(
            "cap-below-minimum",
            `第 ${i + 1} 行上限 ${money(cu)} 低于保底金额 ${money(minU[i])}`,
            `row ${i + 1}: cap ${money(cu)} is below the minimum ${money(minU[i])}`,
            { row: i }
          );
        return cu;
      })
    : null;
  if (capU && capU.every((c) => c !== null)) {
    const capTotal = sumOf(capU as bigint[]);
    if (capTotal < poolU)
      fail(
        "caps-below-pool",
        `上限合计 ${money(capTotal)} 小于资金总额 ${pool}，资金无法分完`,
        `the caps add up to ${money(capTotal)}, less than the pool ${pool}: it cannot all be placed`
      );
  }
  return { minU, minTotalU, capU };
}

/** Quotas in units × F: minimums, and the rest placed by share within the caps. */
interface Placed {
  minQ: bigint[];
  capQ: (bigint | null)[] | null;
  sharePart: bigint[];
  capped: boolean[];
}

/** Phase "placement": minimums first, the rest by share (within caps). */
function placeShares(s: Setup, limits: Limits, shares: bigint[]): Placed {
  const { n, poolU } = s;
  const { minU, minTotalU, capU } = limits;
  const capQ = capU ? capU.map((c) => (c === null ? null : c * F)) : null;
  const capped = new Array<boolean>(n).fill(false);
  const minQ = minTotalU === 0n ? minU : minU.map((x) => x * F);
  const sharePart = fill(
    (poolU - minTotalU) * F,
    minQ,
    shares,
    new Array<boolean>(n).fill(true),
    capQ,
    capped
  );
  if (!sharePart)
    fail(
      "no-shares",
      "剩余资金无对象可分（有份额的对象都已达上限）",
      "money is left but every recipient with a share is at its cap"
    );
  return { minQ, capQ, sharePart, capped };
}

/** What the carry-over deduction took (units) and gave back (units × F). */
interface Deducted {
  dedU: bigint[];
  extraQ: bigint[] | null;
  retainedU: bigint;
  warnings: AllocationNotice[];
}

/**
 * Phase "deductions" (34号（十三）): a rate strictly above the threshold deducts the whole
 * carry-over (at most the row's allocation); the money is retained or redistributed by share.
 */
function deductions(input: AllocationInput, s: Setup, placed: Placed, shares: bigint[]): Deducted {
  const { n, unitS, money } = s;
  const { minQ, sharePart, capQ, capped } = placed;
  const warnings: AllocationNotice[] = [];
  const dedU = new Array<bigint>(n).fill(0n);
  const co = input.carryover;
  if (!co) return { dedU, extraQ: null, retainedU: 0n, warnings };
  let extraQ: bigint[] | null = null;
  let retainedU = 0n;
  const carry = optionalList(co.carryover, n, "结转结余", "carry-over");
  const total = optionalList(co.total, n, "当年资金总额", "year's total");
  const th = need(co.threshold ?? DEFAULT_CARRYOVER_THRESHOLD, "结转率阈值", "threshold");
  let deducted = 0n;
  for (let i = 0; i < n; i++) {
    const c = carry?.[i] ?? null;
    if (c === null || c.m === 0n) continue;
    if (c.m < 0n)
      fail(
        "carryover",
        `第 ${i + 1} 行结转结余为负：${scaledToDecimal(c)}`,
        `row ${i + 1}: negative carry-over ${scaledToDecimal(c)}`,
        { row: i }
      );
    const t = total?.[i] ?? null;
    if (t === null || t.m <= 0n)
      fail(
        "carryover",
        `第 ${i + 1} 行有结转结余但当年资金总额缺失或不大于 0，无法计算结转率`,
        `row ${i + 1} has a carry-over but no positive year's total: the rate cannot be computed`,
        { row: i }
      );
    // carry / total > threshold  ⇔  carry > threshold × total (大于: the bound itself is not)
    const r = ratio(c, { m: th.m * t.m, e: th.e + t.e });
    if (r.num <= r.den) continue;
    const cu = ratio(c, unitS);
    const want = roundHalfUpDiv(cu.num, cu.den);
    const most = (minQ[i] + sharePart[i]) / F;
    const d = want < most ? want : most;
    if (d < want)
      warnings.push({
        code: "deduction-limited",
        row: i,
        citation: CARRYOVER,
        message: bi(
          `第 ${i + 1} 行应扣减结转 ${money(want)}，超过其分配额，只扣减 ${money(d)}`,
          `row ${i + 1}: the carry-over deduction ${money(want)} exceeds its allocation; ${money(d)} deducted`
        ),
      });
    dedU[i] = d;
    deducted += d;
  }
  if (deducted > 0n) {
    let placedBack = false;
    if (co.disposal === "redistribute") {
      const eligible = dedU.map((d) => d === 0n);
      const base = minQ.map((x, i) => x + sharePart[i] - dedU[i] * F);
      const extra = fill(deducted * F, base, shares, eligible, capQ, capped);
      if (extra) {
        extraQ = extra;
        placedBack = true;
      } else
        warnings.push({
          code: "nothing-to-redistribute",
          citation: CARRYOVER,
          message: bi(
            "扣减的结转资金无未扣减对象可再分配，已留存",
            "no recipient without a deduction can take the deducted carry-over: it is retained"
          ),
        });
    }
    if (!placedBack) retainedU = deducted;
  }
  return { dedU, extraQ, retainedU, warnings };
}

/** Phase "rounding": exact quotas (units × F), then largest remainder to whole units. */
function rounding(
  s: Setup,
  placed: Placed,
  ded: Deducted,
  shares: bigint[]
): { quotaQ: bigint[]; amountU: bigint[]; distributedU: bigint } {
  const { n, poolU } = s;
  const { minQ, sharePart } = placed;
  const { dedU, extraQ, retainedU } = ded;
  const quotaQ = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    let q = sharePart[i];
    if (minQ[i] !== 0n) q += minQ[i];
    if (dedU[i] !== 0n) q -= dedU[i] * F;
    if (extraQ && extraQ[i] !== 0n) q += extraQ[i];
    quotaQ[i] = q;
  }
  const distributedU = poolU - retainedU;
  return { quotaQ, amountU: largestRemainderInt(quotaQ, F, distributedU, shares), distributedU };
}

/**
 * Phases "placement" and "rounding" at once when there are no caps and no carry-over, the
 * common case: with R = pool − minimums (units) and s = Σ shares, row i's quota is
 * minimum_i + ⌊R·F·share_i / s⌋ / F units, whose floor is minimum_i + ⌊R·share_i / s⌋ and whose
 * remainder is ⌊ρ_i·F / s⌋ with ρ_i = R·share_i mod s. As s ≤ F (shares are fractions of F
 * rounded down), that remainder grows strictly with ρ_i, so the largest-remainder step can order
 * rows by ρ_i: the same amounts as placeShares + rounding, with one BigInt division fewer per
 * row. The share parts (units × F) are made on demand. Null when s > F (then the general path).
 */
function roundDirect(
  s: Setup,
  limits: Limits,
  shares: bigint[]
): { amountU: bigint[]; sharePart: () => bigint[] } | null {
  const { n, poolU } = s;
  const { minU, minTotalU } = limits;
  const R = poolU - minTotalU;
  let total = 0n;
  for (const x of shares) total += x;
  if (R > 0n && total === 0n)
    fail(
      "no-shares",
      "剩余资金无对象可分（有份额的对象都已达上限）",
      "money is left but every recipient with a share is at its cap"
    );
  if (total > F) return null;
  const out = new Array<bigint>(n);
  const rho = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    if (R === 0n) {
      out[i] = minU[i];
      rho[i] = 0n;
      continue;
    }
    const t = R * shares[i];
    const f = t / total;
    rho[i] = t - f * total;
    out[i] = minTotalU === 0n ? f : minU[i] + f;
  }
  giveOnes(out, rho, shares, shortfall(out, poolU));
  let part: bigint[] | null = null;
  const sharePart = () =>
    (part ??= rho.map((r, i) => (R === 0n ? 0n : ((R * shares[i]) / total) * F + (r * F) / total)));
  return { amountU: out, sharePart };
}

function compute(input: AllocationInput): AllocationOutcome {
  const setup = validateInputs(input);
  const { n, m, unitS, w, W, money } = setup;
  const columns = normaliseFactors(input.factors, input.specs, w);
  const { raw, parts } = rawShares(weighFactors(columns, w, W), n, m);
  const shares = coefficientShares(input, raw, n);
  const limits = readLimits(input, setup);
  const direct = !limits.capU && !input.carryover ? roundDirect(setup, limits, shares) : null;
  let amountU: bigint[];
  let distributedU: bigint;
  let sharePartOf: () => bigint[];
  let quotasOf: () => bigint[];
  let capped: boolean[];
  let ded: Deducted;
  if (direct) {
    ({ amountU } = direct);
    distributedU = setup.poolU;
    sharePartOf = direct.sharePart;
    quotasOf = () => {
      const part = direct.sharePart();
      return limits.minU.map((x, i) => (x === 0n ? part[i] : x * F + part[i]));
    };
    capped = new Array<boolean>(n).fill(false);
    ded = { dedU: new Array<bigint>(n).fill(0n), extraQ: null, retainedU: 0n, warnings: [] };
  } else {
    const placed = placeShares(setup, limits, shares);
    ded = deductions(input, setup, placed, shares);
    const rounded = rounding(setup, placed, ded, shares);
    ({ amountU, distributedU } = rounded);
    sharePartOf = () => placed.sharePart;
    quotasOf = () => rounded.quotaQ;
    capped = placed.capped;
  }

  // Phase "result".
  const { minU } = limits;
  const { dedU, retainedU, warnings } = ded;
  const extraQ = ded.extraQ ?? new Array<bigint>(n).fill(0n);
  // Explanation (computed when first asked for): each row's share part split by factor in
  // proportion to its weighted part, in whole units by largest remainder within the row, adding
  // up to the row's quota rounded half-up; `rounding` is what the pool-wide step then added or
  // took (−1, 0 or +1 unit).
  let explained: { contribU: bigint[][]; extraU: bigint[]; roundU: bigint[] } | null = null;
  const explain = () => {
    if (explained) return explained;
    const v = parts();
    const sharePart = sharePartOf();
    const contribU: bigint[][] = new Array(n);
    const extraU = new Array<bigint>(n);
    const roundU = new Array<bigint>(n);
    const pieces = new Array<bigint>(m + 1);
    for (let i = 0; i < n; i++) {
      let sum = 0n;
      for (let j = 0; j < m; j++) {
        pieces[j] = raw[i] === 0n ? 0n : (sharePart[i] * v[j][i]) / raw[i];
        sum += pieces[j];
      }
      pieces[m] = extraQ[i];
      sum += extraQ[i];
      const target = roundHalfUpDiv(sum, F);
      const shown = largestRemainderInt(pieces, F, target, pieces);
      contribU[i] = shown.slice(0, m);
      extraU[i] = shown[m];
      roundU[i] = amountU[i] - target - minU[i] + dedU[i];
    }
    explained = { contribU, extraU, roundU };
    return explained;
  };

  const { performanceShare, notice } = performanceCheck(input, w, W);
  if (notice) warnings.unshift(notice);

  const result = {
    ok: true,
    unit: setup.unit,
    pool: setup.pool,
    capped,
    distributed: money(distributedU),
    retained: money(retainedU),
    performanceShare,
    warnings,
    citations: input.carryover ? [...ALLOCATION_CITATIONS, CARRYOVER] : ALLOCATION_CITATIONS,
  } as AllocationResult;
  // Decimal results are made on first use: most callers read only the amounts.
  lazy(result, "amounts", () => amountU.map(money));
  lazy(result, "amountValues", () =>
    unitS.m === 1n
      ? amountU.map((u) => scaledToNumber(u, unitS.e))
      : amountU.map((u) => scaledToNumber(u * unitS.m, unitS.e))
  );
  lazy(result, "shares", () => {
    const total = sumOf(shares);
    return shares.map((s) => new Decimal(s.toString()).dividedBy(total.toString()));
  });
  const qDecimal = (q: bigint) => toDecimal(q * unitS.m, unitS.e - FP);
  lazy(result, "quotas", () => quotasOf().map(qDecimal));
  lazy(result, "contributions", () => explain().contribU.map((r) => r.map(money)));
  lazy(result, "minimums", () => minU.map(money));
  lazy(result, "deductions", () => dedU.map(money));
  lazy(result, "redistributed", () => explain().extraU.map(money));
  lazy(result, "rounding", () => explain().roundU.map(money));
  return result;
}
