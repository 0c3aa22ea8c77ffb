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
 * shares are fixed-point integers with 30 decimals (./exact), all BigInt — exact where the maths
 * is exact (sums, products, the pool in units, the largest-remainder step), and rounded down at
 * 10⁻³⁰ where it is a ratio. Same guarantees as Decimal at precision 40, a tenth of the time.
 */
import { Decimal } from "../money";
import { bi } from "../i18n";
import { ALLOCATION_CITATIONS, CARRYOVER, PERFORMANCE_WEIGHT } from "./citations";
import {
  ceilDiv,
  commonScale,
  floorDiv,
  pow10,
  ratio,
  roundHalfUpDiv,
  Scaled,
  scaled,
  scaledToDecimal,
  toDecimal,
} from "./exact";
import type {
  AllocationErrorCode,
  AllocationInput,
  AllocationNotice,
  AllocationOutcome,
  AllocationProblem,
  AllocationResult,
  Direction,
} from "./types";

/** Fixed-point scale of shares and of quotas within a unit. */
const FP = 30;
const F = pow10(FP);

class Stop extends Error {
  constructor(public readonly problem: AllocationProblem) {
    super(problem.message.en);
  }
}

function fail(
  code: AllocationErrorCode,
  zh: string,
  en: string,
  where: { row?: number; factor?: number } = {}
): never {
  throw new Stop({ code, message: bi(zh, en), ...where });
}

function need(
  v: Decimal.Value | null | undefined,
  zh: string,
  en: string,
  where: { row?: number; factor?: number } = {}
): Scaled {
  const s = scaled(v);
  if (!s) fail("not-a-number", `${zh}不是数字：「${v}」`, `${en} is not a number: "${v}"`, where);
  return s;
}

function optionalList(
  list: (Decimal.Value | null)[] | undefined,
  n: number,
  zh: string,
  en: string
): (Scaled | null)[] | null {
  if (!list) return null;
  if (list.length !== n)
    fail(
      "size",
      `${zh}有 ${list.length} 个，与 ${n} 个分配对象不一致`,
      `${en}: ${list.length} values for ${n} recipients`
    );
  return list.map((v, i) =>
    v === null || v === undefined
      ? null
      : need(v, `第 ${i + 1} 行${zh}`, `${en} in row ${i + 1}`, { row: i })
  );
}

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
  let sum = 0n;
  for (let i = 0; i < n; i++) {
    const f = q[i] / scale;
    out[i] = f;
    rem[i] = q[i] - f * scale;
    sum += f;
  }
  let missing = Number(target - sum);
  if (missing <= 0) return out;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (rem[i] > 0n) order.push(i);
  order.sort((a, b) => {
    if (rem[a] !== rem[b]) return rem[b] > rem[a] ? 1 : -1;
    if (ties && ties[a] !== ties[b]) return ties[b] > ties[a] ? 1 : -1;
    return a - b;
  });
  for (let k = 0; k < order.length && missing > 0; k++, missing--) out[order[k]] += 1n;
  return out;
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

const POW10_EXACT = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

/**
 * m × 10^e as the nearest double, as Decimal#toNumber gives it: one correctly rounded division
 * (or product) of exact doubles when m and 10^|e| are exact, otherwise through Decimal.
 */
function scaledToNumber(m: bigint, e: number): number {
  const k = Math.abs(e);
  if (m > -(2n ** 53n) && m < 2n ** 53n && k < POW10_EXACT.length)
    return e < 0 ? Number(m) / POW10_EXACT[k] : Number(m) * POW10_EXACT[k];
  return toDecimal(m, e).toNumber();
}

function compute(input: AllocationInput): AllocationOutcome {
  const n = input.factors.length;
  const m = input.specs.length;
  if (n === 0)
    fail("empty", "没有分配对象（因素表为空）", "no recipients (the factor table is empty)");
  if (m === 0) fail("empty", "没有分配因素", "no factors");

  // Unit and pool: the pool as a whole number of units.
  const unitS: Scaled =
    input.unit === undefined ? { m: 1n, e: -2 } : need(input.unit, "取整单位", "unit");
  const unit = scaledToDecimal(unitS);
  if (unitS.m <= 0n)
    fail("unit", `取整单位必须大于 0，收到 ${unit}`, `the unit must be above 0, got ${unit}`);
  const money = (units: bigint) => toDecimal(units * unitS.m, unitS.e);
  const moneyValue = (units: bigint) => scaledToNumber(units * unitS.m, unitS.e);
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
  const poolU = pr.num / pr.den;

  // Weights, as integers on one scale.
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

  // Factor cells, read and checked.
  const label = (j: number) => input.specs[j].name || `第 ${j + 1} 个因素`;
  const labelEn = (j: number) => input.specs[j].name || `factor ${j + 1}`;
  const cols: Scaled[][] = Array.from({ length: m }, () => new Array<Scaled>(n));
  for (let i = 0; i < n; i++) {
    const row = input.factors[i];
    if (!row || row.length !== m)
      fail(
        "size",
        `第 ${i + 1} 行有 ${row ? row.length : 0} 个因素值，应为 ${m} 个（与权重个数一致）`,
        `row ${i + 1} has ${row ? row.length : 0} factor values, expected ${m} (one per weight)`,
        { row: i }
      );
    for (let j = 0; j < m; j++) {
      const s = scaled(row[j]);
      if (!s)
        fail(
          "not-a-number",
          `第 ${i + 1} 行「${label(j)}」不是数字：「${row[j]}」`,
          `row ${i + 1}, ${labelEn(j)}: not a number: "${row[j]}"`,
          { row: i, factor: j }
        );
      if (s.m < 0n)
        fail(
          "negative-factor",
          `第 ${i + 1} 行「${label(j)}」为负数：${scaledToDecimal(s)}`,
          `row ${i + 1}: ${labelEn(j)} is negative: ${scaledToDecimal(s)}`,
          { row: i, factor: j }
        );
      cols[j][i] = s;
    }
  }

  // Weighted parts v_ij = w_j/W · (normalised factor value), fixed-point F, rounded down.
  const v: bigint[][] = Array.from({ length: m }, () => new Array<bigint>(n).fill(0n));
  for (let j = 0; j < m; j++) {
    if (w[j] === 0n) continue; // a factor without weight has no effect (nor checks)
    const dir: Direction = input.specs[j].direction ?? "+";
    let col = commonScale(cols[j]).ints;
    if (dir === "-") {
      let widest = 1;
      for (let i = 0; i < n; i++) {
        if (col[i] === 0n)
          fail(
            "zero-in-inverse-factor",
            `「${label(j)}」是逆向因素（越少越多），第 ${i + 1} 行为 0，无法取倒数`,
            `${labelEn(j)} is a "−" factor (less means more) and is 0 in row ${i + 1}: 1/0 is undefined`,
            { row: i, factor: j }
          );
        const len = col[i].toString().length;
        if (len > widest) widest = len;
      }
      const G = pow10(FP + widest + 2); // 1/x to more than 30 significant digits
      col = col.map((x) => G / x);
    }
    const total = sumOf(col);
    if (total === 0n)
      fail(
        "zero-factor",
        `「${label(j)}」对所有对象都为 0，无法按它分配`,
        `${labelEn(j)} is zero for every recipient: nothing to split by`,
        { factor: j }
      );
    const num = w[j] * F;
    const den = W * total;
    const vj = v[j];
    for (let i = 0; i < n; i++) vj[i] = (col[i] * num) / den;
  }
  const raw = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    let s = 0n;
    for (let j = 0; j < m; j++) s += v[j][i];
    raw[i] = s;
  }

  // Policy coefficients (34号（二）), renormalised.
  const coefS = optionalList(input.coefficients, n, "政策系数", "policy coefficient");
  let shares = raw;
  if (coefS) {
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
    shares = p.map((x) => (x * F) / total);
  }

  // Minimums (rounded up to the unit) and caps (rounded down), in units.
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
  const minTotalU = sumOf(minU);
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
  const capQ = capU ? capU.map((c) => (c === null ? null : c * F)) : null;

  // Minimums first, the rest by share (within caps). Quotas are units × F.
  const capped = new Array<boolean>(n).fill(false);
  const minQ = minU.map((x) => x * F);
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
  const warnings: AllocationNotice[] = [];

  // Carry-over deduction (34号（十三）): rate strictly above the threshold deducts the whole amount.
  const dedU = new Array<bigint>(n).fill(0n);
  let extraQ = new Array<bigint>(n).fill(0n);
  let retainedU = 0n;
  const co = input.carryover;
  if (co) {
    const carry = optionalList(co.carryover, n, "结转结余", "carry-over");
    const total = optionalList(co.total, n, "当年资金总额", "year's total");
    const th =
      co.threshold === undefined ? { m: 1n, e: -1 } : need(co.threshold, "结转率阈值", "threshold");
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
      let placed = false;
      if (co.disposal === "redistribute") {
        const eligible = dedU.map((d) => d === 0n);
        const base = minQ.map((x, i) => x + sharePart[i] - dedU[i] * F);
        const extra = fill(deducted * F, base, shares, eligible, capQ, capped);
        if (extra) {
          extraQ = extra;
          placed = true;
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
      if (!placed) retainedU = deducted;
    }
  }

  // Exact quotas (units × F), then largest remainder to whole units.
  const quotaQ = new Array<bigint>(n);
  for (let i = 0; i < n; i++) quotaQ[i] = minQ[i] + sharePart[i] - dedU[i] * F + extraQ[i];
  const distributedU = poolU - retainedU;
  const amountU = largestRemainderInt(quotaQ, F, distributedU, shares);

  // Explanation (computed when first asked for): each row's share part split by factor in proportion to its weighted part, in
  // whole units by largest remainder within the row, adding up to the row's quota rounded
  // half-up; `rounding` is what the pool-wide step then added or took (−1, 0 or +1 unit).
  let explained: { contribU: bigint[][]; extraU: bigint[]; roundU: bigint[] } | null = null;
  const explain = () => {
    if (explained) return explained;
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
    unit,
    pool,
    capped,
    distributed: money(distributedU),
    retained: money(retainedU),
    performanceShare,
    warnings,
    citations: co ? [...ALLOCATION_CITATIONS, CARRYOVER] : ALLOCATION_CITATIONS,
  } as AllocationResult;
  // Decimal results are made on first use: most callers read only the amounts.
  lazy(result, "amounts", () => amountU.map(money));
  lazy(result, "amountValues", () => amountU.map(moneyValue));
  lazy(result, "shares", () => {
    const total = sumOf(shares);
    return shares.map((s) => new Decimal(s.toString()).dividedBy(total.toString()));
  });
  const qDecimal = (q: bigint) => toDecimal(q * unitS.m, unitS.e - FP);
  lazy(result, "quotas", () => quotaQ.map(qDecimal));
  lazy(result, "contributions", () => explain().contribU.map((r) => r.map(money)));
  lazy(result, "minimums", () => minU.map(money));
  lazy(result, "deductions", () => dedU.map(money));
  lazy(result, "redistributed", () => explain().extraU.map(money));
  lazy(result, "rounding", () => explain().roundU.map(money));
  return result;
}
