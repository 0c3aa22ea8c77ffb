/**
 * Factor-method allocation (因素法), exact to the unit: 34号（一）–（三）, 004 第10条, 34号（十三）
 * for the carry-over deduction. rules.md §3 gives the form offices use:
 *
 *   share_i = Σ_j w_j · x_ij / Σ_k x_kj            (direction "+": more → more)
 *   share_i = Σ_j w_j · (1/x_ij) / Σ_k (1/x_kj)    (direction "−": less → more, e.g. income)
 *   amount_i = pool · share_i / Σ_j w_j
 *
 * Then: policy coefficients (share × c, renormalised); guaranteed minimums funded first and the
 * rest split by share; caps, with the excess going to the uncapped by share (repeated until no
 * one is over); the carry-over deduction; and rounding to the unit by largest remainder so the
 * amounts add up to what is distributed exactly. All arithmetic is Decimal.
 */
import { Decimal } from "../money";
import { bi } from "../i18n";
import { largestRemainder, roundUnits } from "./round";
import { ALLOCATION_CITATIONS, CARRYOVER, PERFORMANCE_WEIGHT } from "./citations";
import type {
  AllocationErrorCode,
  AllocationInput,
  AllocationNotice,
  AllocationOutcome,
  AllocationProblem,
  Direction,
} from "./types";

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

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

function dec(v: Decimal.Value | null | undefined, zh: string, en: string, row?: number): Decimal {
  let d: Decimal;
  try {
    d = v instanceof Decimal ? v : new Decimal(v as Decimal.Value);
  } catch {
    return fail("not-a-number", `${zh}不是数字：「${v}」`, `${en} is not a number: "${v}"`, {
      row,
    });
  }
  if (!d.isFinite())
    fail("not-a-number", `${zh}不是有限数字`, `${en} is not a finite number`, { row });
  return d;
}

function optionalList(
  list: (Decimal.Value | null)[] | undefined,
  n: number,
  zh: string,
  en: string
): (Decimal | null)[] | null {
  if (!list) return null;
  if (list.length !== n)
    fail(
      "size",
      `${zh}有 ${list.length} 个，与 ${n} 个分配对象不一致`,
      `${en}: ${list.length} values for ${n} recipients`
    );
  return list.map((v, i) =>
    v === null || v === undefined ? null : dec(v, `第 ${i + 1} 行${zh}`, `${en} in row ${i + 1}`, i)
  );
}

const pct = (d: Decimal) => d.times(100).toDecimalPlaces(2).toString();

/**
 * Splits `remaining` among the `eligible` recipients in proportion to `shares`, without taking
 * anyone above `caps` (counting `base` already given): whoever would go over is held at the cap
 * and the rest is split again among the others, until no one is over. Returns null when money is
 * left but no eligible recipient has a share to take it.
 */
function fill(
  remaining: Decimal,
  base: Decimal[],
  shares: Decimal[],
  eligible: boolean[],
  caps: (Decimal | null)[] | null,
  capped: boolean[]
): Decimal[] | null {
  const n = base.length;
  const extra = new Array<Decimal>(n).fill(ZERO);
  const active = eligible.slice();
  let left = remaining;
  for (;;) {
    if (left.isZero()) return extra;
    let s = ZERO;
    for (let i = 0; i < n; i++) if (active[i]) s = s.plus(shares[i]);
    if (s.isZero()) return null;
    let over = false;
    if (caps) {
      for (let i = 0; i < n; i++) {
        const cap = caps[i];
        if (!active[i] || cap === null) continue;
        if (base[i].plus(left.times(shares[i]).dividedBy(s)).greaterThan(cap)) {
          extra[i] = cap.minus(base[i]);
          active[i] = false;
          capped[i] = true;
          over = true;
        }
      }
    }
    if (over) {
      let given = ZERO;
      for (let i = 0; i < n; i++) if (capped[i] && eligible[i]) given = given.plus(extra[i]);
      left = remaining.minus(given);
      if (left.isNegative()) left = ZERO;
      continue;
    }
    for (let i = 0; i < n; i++) if (active[i]) extra[i] = left.times(shares[i]).dividedBy(s);
    return extra;
  }
}

export function allocate(input: AllocationInput): AllocationOutcome {
  try {
    return compute(input);
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.problem };
    throw e;
  }
}

function compute(input: AllocationInput): AllocationOutcome {
  const n = input.factors.length;
  const m = input.specs.length;
  if (n === 0)
    fail("empty", "没有分配对象（因素表为空）", "no recipients (the factor table is empty)");
  if (m === 0) fail("empty", "没有分配因素", "no factors");

  // Units and pool.
  const unit = input.unit === undefined ? new Decimal("0.01") : dec(input.unit, "取整单位", "unit");
  if (!unit.greaterThan(0))
    fail("unit", `取整单位必须大于 0，收到 ${unit}`, `the unit must be above 0, got ${unit}`);
  const pool = dec(input.pool, "资金总额", "pool");
  if (pool.isNegative())
    fail("pool", `资金总额不能为负：${pool}`, `the pool cannot be negative: ${pool}`);
  if (!pool.mod(unit).isZero())
    fail(
      "pool-not-multiple",
      `资金总额 ${pool} 不是取整单位 ${unit} 的整数倍`,
      `the pool ${pool} is not a whole multiple of the unit ${unit}`
    );

  // Weights.
  const weights = input.specs.map((s, j) => {
    const w = dec(s.weight, `第 ${j + 1} 个因素的权重`, `weight of factor ${j + 1}`);
    if (w.isNegative())
      fail(
        "negative-weight",
        `第 ${j + 1} 个因素的权重为负：${w}`,
        `factor ${j + 1} has a negative weight: ${w}`,
        {
          factor: j,
        }
      );
    return w;
  });
  const totalWeight = weights.reduce((a, b) => a.plus(b), ZERO);
  if (totalWeight.isZero()) fail("weights-zero", "权重之和为 0", "the weights sum to zero");

  // Factor matrix → weighted parts v_ij = w_j/W · (normalised factor value).
  const label = (j: number) => input.specs[j].name || `第 ${j + 1} 个因素`;
  const labelEn = (j: number) => input.specs[j].name || `factor ${j + 1}`;
  const x: Decimal[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = input.factors[i];
    if (!row || row.length !== m)
      fail(
        "size",
        `第 ${i + 1} 行有 ${row ? row.length : 0} 个因素值，应为 ${m} 个（与权重个数一致）`,
        `row ${i + 1} has ${row ? row.length : 0} factor values, expected ${m} (one per weight)`,
        { row: i }
      );
    const xr = new Array<Decimal>(m);
    for (let j = 0; j < m; j++) {
      const v = dec(row[j], `第 ${i + 1} 行「${label(j)}」`, `row ${i + 1}, ${labelEn(j)},`, i);
      if (v.isNegative())
        fail(
          "negative-factor",
          `第 ${i + 1} 行「${label(j)}」为负数：${v}`,
          `row ${i + 1}: ${labelEn(j)} is negative: ${v}`,
          { row: i, factor: j }
        );
      xr[j] = v;
    }
    x[i] = xr;
  }
  const v: Decimal[][] = new Array(n);
  for (let i = 0; i < n; i++) v[i] = new Array<Decimal>(m).fill(ZERO);
  for (let j = 0; j < m; j++) {
    if (weights[j].isZero()) continue; // a factor without weight has no effect (nor checks)
    const dir: Direction = input.specs[j].direction ?? "+";
    let col: Decimal[];
    if (dir === "-") {
      col = new Array<Decimal>(n);
      for (let i = 0; i < n; i++) {
        if (x[i][j].isZero())
          fail(
            "zero-in-inverse-factor",
            `「${label(j)}」是逆向因素（越少越多），第 ${i + 1} 行为 0，无法取倒数`,
            `${labelEn(j)} is a "−" factor (less means more) and is 0 in row ${i + 1}: 1/0 is undefined`,
            { row: i, factor: j }
          );
        col[i] = ONE.dividedBy(x[i][j]);
      }
    } else {
      col = x.map((r) => r[j]);
    }
    let sum = ZERO;
    for (let i = 0; i < n; i++) sum = sum.plus(col[i]);
    if (sum.isZero())
      fail(
        "zero-factor",
        `「${label(j)}」对所有对象都为 0，无法按它分配`,
        `${labelEn(j)} is zero for every recipient: nothing to split by`,
        { factor: j }
      );
    const k = weights[j].dividedBy(totalWeight.times(sum));
    for (let i = 0; i < n; i++) v[i][j] = k.times(col[i]);
  }
  const raw = new Array<Decimal>(n);
  for (let i = 0; i < n; i++) {
    let s = ZERO;
    for (let j = 0; j < m; j++) s = s.plus(v[i][j]);
    raw[i] = s;
  }

  // Policy coefficients (34号（二）), renormalised.
  const coef = optionalList(input.coefficients, n, "政策系数", "policy coefficient");
  let shares = raw;
  if (coef) {
    const p = raw.map((r, i) => {
      const c = coef[i] ?? ONE;
      if (c.isNegative())
        fail(
          "coefficient",
          `第 ${i + 1} 行政策系数为负：${c}`,
          `row ${i + 1}: negative policy coefficient ${c}`,
          {
            row: i,
          }
        );
      return r.times(c);
    });
    const total = p.reduce((a, b) => a.plus(b), ZERO);
    if (total.isZero())
      fail(
        "no-shares",
        "乘以政策系数后所有份额均为 0",
        "every share is zero after the policy coefficients"
      );
    shares = p.map((d) => d.dividedBy(total));
  }

  // Minimums (rounded up to the unit) and caps (rounded down).
  const minsIn = optionalList(input.minimums, n, "保底金额", "minimum");
  const minimums = new Array<Decimal>(n).fill(ZERO);
  let minTotal = ZERO;
  if (minsIn)
    for (let i = 0; i < n; i++) {
      const mi = minsIn[i];
      if (mi === null) continue;
      if (mi.isNegative())
        fail(
          "negative-minimum",
          `第 ${i + 1} 行保底金额为负：${mi}`,
          `row ${i + 1}: negative minimum ${mi}`,
          {
            row: i,
          }
        );
      minimums[i] = mi.dividedBy(unit).ceil().times(unit);
      minTotal = minTotal.plus(minimums[i]);
    }
  if (minTotal.greaterThan(pool))
    fail(
      "minimums-exceed-pool",
      `保底金额合计 ${minTotal} 超过资金总额 ${pool}`,
      `the minimums add up to ${minTotal}, more than the pool ${pool}`
    );
  const capsIn = optionalList(input.caps, n, "上限", "cap");
  const caps = capsIn
    ? capsIn.map((c, i) => {
        if (c === null) return null;
        const cu = c.dividedBy(unit).floor().times(unit);
        if (cu.lessThan(minimums[i]))
          fail(
            "cap-below-minimum",
            `第 ${i + 1} 行上限 ${cu} 低于保底金额 ${minimums[i]}`,
            `row ${i + 1}: cap ${cu} is below the minimum ${minimums[i]}`,
            { row: i }
          );
        return cu;
      })
    : null;
  if (caps && caps.every((c) => c !== null)) {
    const capTotal = caps.reduce((a: Decimal, c) => a.plus(c as Decimal), ZERO);
    if (capTotal.lessThan(pool))
      fail(
        "caps-below-pool",
        `上限合计 ${capTotal} 小于资金总额 ${pool}，资金无法分完`,
        `the caps add up to ${capTotal}, less than the pool ${pool}: it cannot all be placed`
      );
  }

  // Minimums first, the rest by share (within caps).
  const capped = new Array<boolean>(n).fill(false);
  const all = new Array<boolean>(n).fill(true);
  const sharePart = fill(pool.minus(minTotal), minimums, shares, all, caps, capped);
  if (!sharePart)
    fail(
      "no-shares",
      "剩余资金无对象可分（有份额的对象都已达上限）",
      "money is left but every recipient with a share is at its cap"
    );
  const warnings: AllocationNotice[] = [];

  // Carry-over deduction (34号（十三）): rate strictly above the threshold deducts the whole amount.
  const deductions = new Array<Decimal>(n).fill(ZERO);
  const redistributed = new Array<Decimal>(n).fill(ZERO);
  let retained = ZERO;
  const co = input.carryover;
  if (co) {
    const carry = optionalList(co.carryover, n, "结转结余", "carry-over");
    const total = optionalList(co.total, n, "当年资金总额", "year's total");
    const threshold =
      co.threshold === undefined
        ? new Decimal("0.1")
        : dec(co.threshold, "结转率阈值", "threshold");
    let deducted = ZERO;
    for (let i = 0; i < n; i++) {
      const c = carry?.[i] ?? ZERO;
      if (c.isZero()) continue;
      if (c.isNegative())
        fail(
          "carryover",
          `第 ${i + 1} 行结转结余为负：${c}`,
          `row ${i + 1}: negative carry-over ${c}`,
          {
            row: i,
          }
        );
      const t = total?.[i] ?? null;
      if (t === null || !t.greaterThan(0))
        fail(
          "carryover",
          `第 ${i + 1} 行有结转结余但当年资金总额缺失或不大于 0，无法计算结转率`,
          `row ${i + 1} has a carry-over but no positive year's total: the rate cannot be computed`,
          { row: i }
        );
      if (!c.greaterThan(threshold.times(t))) continue;
      const base = minimums[i].plus(sharePart[i]);
      const want = roundUnits(c.dividedBy(unit)).times(unit);
      const most = base.dividedBy(unit).floor().times(unit);
      const d = Decimal.min(want, most);
      if (d.lessThan(want))
        warnings.push({
          code: "deduction-limited",
          row: i,
          citation: CARRYOVER,
          message: bi(
            `第 ${i + 1} 行应扣减结转 ${want}，超过其分配额，只扣减 ${d}`,
            `row ${i + 1}: the carry-over deduction ${want} exceeds its allocation; ${d} deducted`
          ),
        });
      deductions[i] = d;
      deducted = deducted.plus(d);
    }
    if (deducted.greaterThan(0)) {
      let placed = false;
      if (co.disposal === "redistribute") {
        const eligible = deductions.map((d) => d.isZero());
        const base = minimums.map((mi, i) => mi.plus(sharePart[i]));
        const extra = fill(deducted, base, shares, eligible, caps, capped);
        if (extra) {
          for (let i = 0; i < n; i++) redistributed[i] = extra[i];
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
      if (!placed) retained = deducted;
    }
  }

  // Exact quotas, then largest remainder to the unit.
  const quotas = new Array<Decimal>(n);
  const inUnits = new Array<Decimal>(n);
  for (let i = 0; i < n; i++) {
    quotas[i] = minimums[i].plus(sharePart[i]).minus(deductions[i]).plus(redistributed[i]);
    inUnits[i] = quotas[i].dividedBy(unit);
  }
  const distributed = pool.minus(retained);
  const units = largestRemainder(inUnits, distributed.dividedBy(unit), shares);
  const amounts = units.map((u) => u.times(unit));

  // Explanation: the share part of each row split by factor, in proportion to its weighted part.
  const contributions: Decimal[][] = new Array(n);
  const redistributedShown = new Array<Decimal>(n);
  const rounding = new Array<Decimal>(n);
  for (let i = 0; i < n; i++) {
    const pieces = new Array<Decimal>(m + 1);
    if (raw[i].isZero()) for (let j = 0; j < m; j++) pieces[j] = ZERO;
    else {
      const g = sharePart[i].dividedBy(raw[i].times(unit));
      for (let j = 0; j < m; j++) pieces[j] = g.times(v[i][j]);
    }
    pieces[m] = redistributed[i].dividedBy(unit);
    let sum = ZERO;
    for (let j = 0; j <= m; j++) sum = sum.plus(pieces[j]);
    const target = roundUnits(sum);
    const shown = largestRemainder(pieces, target, pieces);
    contributions[i] = shown.slice(0, m).map((p) => p.times(unit));
    redistributedShown[i] = shown[m].times(unit);
    rounding[i] = units[i].minus(target).times(unit).minus(minimums[i]).plus(deductions[i]);
  }

  // 34号（三）: performance weight not below 30 % of the total (the bound itself is fine).
  const floor =
    input.performanceFloor === undefined
      ? new Decimal("0.3")
      : dec(input.performanceFloor, "绩效权重下限", "performance floor");
  let perf = ZERO;
  input.specs.forEach((s, j) => {
    if (s.kind === "performance") perf = perf.plus(weights[j]);
  });
  const performanceShare = perf.dividedBy(totalWeight);
  if (performanceShare.lessThan(floor))
    warnings.unshift({
      code: "performance-weight-low",
      citation: PERFORMANCE_WEIGHT,
      message: bi(
        `绩效因素权重占总权重 ${pct(performanceShare)}%，低于 ${pct(floor)}%（桂政发〔2014〕34号 第（三）条：不低于总权重的 30%）`,
        `performance factors carry ${pct(performanceShare)}% of the total weight, below ${pct(floor)}% (34号 (3): at least 30 % of the total)`
      ),
    });

  return {
    ok: true,
    unit,
    pool,
    amounts,
    shares,
    quotas,
    contributions,
    minimums,
    deductions,
    redistributed: redistributedShown,
    rounding,
    capped,
    distributed,
    retained,
    performanceShare,
    warnings,
    citations: co ? [...ALLOCATION_CITATIONS, CARRYOVER] : ALLOCATION_CITATIONS,
  };
}
