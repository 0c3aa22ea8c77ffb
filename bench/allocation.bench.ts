/**
 * Allocation benchmark: 3,000 recipients × 10 factors, pool 1,234,567,890.12 元 to the 分.
 * Ours (Decimal, factor shares → largest remainder → explanation) against dinero.js v2
 * `allocate` doing the same apportionment: the same factor shares computed the spreadsheet way
 * (floats, as SUMPRODUCT would), scaled to integer ratios, the pool in 分. Both in one run,
 * timed in alternation after warm-up; the ratio is the median of the per-pair ratios.
 * Targets: ours < 30 ms, ≤ 3× dinero.js. `npm run bench -- allocation`.
 */
import { allocate } from "../src/core/allocation";
import type { AllocationInput } from "../src/core/allocation";

const N = 3000;
const M = 10;
const RUNS = 25;
const WARM = 5;

/** Deterministic pseudo-random numbers (mulberry32): same input every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeInput(): AllocationInput & {
  factors: number[][];
  weights: number[];
  dirs: ("+" | "-")[];
} {
  const r = rng(20241123);
  const factors: number[][] = [];
  for (let i = 0; i < N; i++) {
    const row: number[] = [];
    for (let j = 0; j < M; j++) row.push(1 + Math.floor(r() * 100000) / 100);
    factors.push(row);
  }
  const weights = [15, 10, 10, 10, 10, 5, 10, 10, 10, 10];
  const dirs: ("+" | "-")[] = weights.map((_, j) => (j === 1 || j === 2 ? "-" : "+"));
  const specs = weights.map((weight, j) => ({
    weight,
    direction: dirs[j],
    kind: j >= 6 ? ("performance" as const) : ("objective" as const),
  }));
  return { pool: "1234567890.12", factors, specs, unit: "0.01", weights, dirs };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/**
 * Two functions timed in alternation (a, b, a, b…) after warm-up, so that a busy machine slows
 * both alike: their times, and the median of the per-pair ratios a/b.
 */
function interleaved(
  a: () => unknown,
  b: () => unknown
): { a: number[]; b: number[]; ratio: number } {
  for (let i = 0; i < WARM; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS * 2; i++) {
    let t0 = process.hrtime.bigint();
    a();
    ta.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    b();
    tb.push(Number(process.hrtime.bigint() - t0) / 1e6);
    ratios.push(ta[i] / tb[i]);
  }
  return { a: ta, b: tb, ratio: median(ratios) };
}

function time(fn: () => unknown): number[] {
  for (let i = 0; i < WARM; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

/** Float shares the spreadsheet way (SUMPRODUCT of normalised factors), as integer ratios. */
function floatRatios(input: ReturnType<typeof makeInput>): number[] {
  const { factors, weights, dirs } = input;
  const W = weights.reduce((a, b) => a + b, 0);
  const share = new Array<number>(N).fill(0);
  for (let j = 0; j < M; j++) {
    let tot = 0;
    for (let i = 0; i < N; i++) tot += dirs[j] === "-" ? 1 / factors[i][j] : factors[i][j];
    for (let i = 0; i < N; i++)
      share[i] += (weights[j] * (dirs[j] === "-" ? 1 / factors[i][j] : factors[i][j])) / tot / W;
  }
  return share.map((s) => Math.round(s * 1e12));
}

export async function run(): Promise<void> {
  // dinero.js is ESM-only; the import is dynamic so this file also loads under CommonJS.
  const dinero = (await import("dinero.js")) as unknown as {
    dinero: (o: { amount: number; currency: unknown }) => unknown;
    allocate: (d: unknown, ratios: number[]) => unknown[];
    toSnapshot: (d: unknown) => { amount: number };
    CNY: unknown;
  };
  const input = makeInput();
  const poolFen = 123456789012;

  // Ours as FUND.ALLOCATE uses it (factors → amounts as numbers for Excel), interleaved with
  // dinero.js doing the same apportionment.
  let amounts: number[] = [];
  let dineroAmounts: number[] = [];
  const pair = interleaved(
    () => {
      const r = allocate(input);
      if (!r.ok) throw new Error(r.error.message.en);
      amounts = r.amountValues;
    },
    () => {
      const ratios = floatRatios(input);
      const parts = dinero.allocate(
        dinero.dinero({ amount: poolFen, currency: dinero.CNY }),
        ratios
      );
      dineroAmounts = parts.map((p) => dinero.toSnapshot(p).amount);
    }
  );
  const ours = pair.a;
  const theirs = pair.b;
  // And with the explanation the pane and FUND.ALLOCATE.EXPLAIN show (contributions per factor).
  const explained = time(() => {
    const r = allocate(input);
    if (!r.ok) throw new Error(r.error.message.en);
    void r.contributions;
    void r.rounding;
  });

  // FUND.ALLOCATE itself, given the ranges as Excel passes them (number[][]).
  const cell = await import("../src/functions/allocation");
  const weightsRow = [input.weights];
  const dirsRow = [input.dirs];
  const fn = time(() => cell.allocate(1234567890.12, input.factors, weightsRow, dirsRow));

  const ratios = floatRatios(input);
  const apportionOnly = time(() => {
    dinero.allocate(dinero.dinero({ amount: poolFen, currency: dinero.CNY }), ratios);
  });

  const oursFen = amounts.map((a) => Math.round(a * 100));
  const sumOurs = oursFen.reduce((a, b) => a + b, 0);
  const sumTheirs = dineroAmounts.reduce((a, b) => a + b, 0);
  const differ = oursFen.filter((a, i) => a !== dineroAmounts[i]).length;
  const mo = median(ours);
  const md = median(theirs);
  console.log(`allocation: ${N} recipients × ${M} factors, pool 1,234,567,890.12 元 to the 分`);
  console.log(
    `  ours (exact, amounts as FUND.ALLOCATE returns them): median ${mo.toFixed(2)} ms over ${ours.length} runs (min ${Math.min(...ours).toFixed(2)}) — target < 30 ms: ${mo < 30 ? "met" : "NOT met"}`
  );
  console.log(`  FUND.ALLOCATE on the ranges Excel passes: median ${median(fn).toFixed(2)} ms`);
  console.log(
    `  ours with the explanation (contributions per factor, rounding): median ${median(explained).toFixed(2)} ms (min ${Math.min(...explained).toFixed(2)})`
  );
  console.log(
    `  dinero.js allocate (float shares → integer ratios): median ${md.toFixed(2)} ms (min ${Math.min(...theirs).toFixed(2)}); allocate alone on ready ratios ${median(apportionOnly).toFixed(2)} ms`
  );
  console.log(
    `  ratio ours / dinero.js (runs interleaved): median of the per-pair ratios ${pair.ratio.toFixed(2)}× (target ≤ 3×: ${pair.ratio <= 3 ? "met" : "NOT met"}); of the medians ${(mo / md).toFixed(2)}×; of the minimums ${(Math.min(...ours) / Math.min(...theirs)).toFixed(2)}×`
  );
  console.log(
    `  sums: ours ${sumOurs} 分, dinero.js ${sumTheirs} 分 (pool ${poolFen}); amounts differing by a 分 or more: ${differ} of ${N}`
  );
}

if (require.main === module) void run();
