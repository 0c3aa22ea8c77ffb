/**
 * The quick path of `allocate` (a plain allocation decided in doubles) must give exactly the
 * exact kernel's amounts — or step aside. Random tables large enough to take it (≥ 64 rows),
 * with the hard cases: duplicate rows (tied remainders), small integer factors, "−" factors,
 * values with more than 15 significant digits, coarse units.
 */
import fc from "fast-check";
import { allocate, allocateExactOnly, quickPathUse } from "../../src/core/allocation/allocate";
import type { AllocationInput, AllocationResult } from "../../src/core/allocation";

function ok(r: ReturnType<typeof allocate>): AllocationResult {
  if (!r.ok) throw new Error(r.error.message.en);
  return r;
}

const table = fc
  .record({
    n: fc.integer({ min: 64, max: 400 }),
    m: fc.integer({ min: 1, max: 6 }),
    kind: fc.constantFrom("cents", "integers", "long", "duplicates"),
    unit: fc.constantFrom("0.01", "1", "100", "0.5"),
    poolUnits: fc.integer({ min: 0, max: 2 ** 40 }),
    seed: fc.integer(),
    weights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }),
    dirs: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map(({ n, m, kind, unit, poolUnits, seed, weights, dirs }): AllocationInput => {
    let s = seed >>> 0;
    const next = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    const w = weights.slice(0, m);
    if (!w.some((x) => x > 0)) w[0] = 1;
    const cell = (): number =>
      kind === "integers"
        ? 1 + Math.floor(next() * 5)
        : kind === "long"
          ? 1 + next() * 1000 // full-precision doubles (read at 15 digits)
          : 1 + Math.floor(next() * 1_000_000) / 100;
    const distinct = kind === "duplicates" ? 7 : n;
    const rows = Array.from({ length: distinct }, () => Array.from({ length: m }, cell));
    const factors = Array.from({ length: n }, (_, i) => [...rows[i % distinct]]);
    return {
      pool: (poolUnits * Number(unit)).toFixed(2),
      unit,
      factors,
      specs: w.map((weight, j) => ({ weight, direction: dirs[j] ? "-" : "+" })),
    };
  });

describe("allocate: the quick path gives the exact kernel's amounts", () => {
  it("on random tables, amounts (Decimal and number) identical to the exact kernel's", () => {
    const before = { ...quickPathUse };
    fc.assert(
      fc.property(table, (input) => {
        const quick = ok(allocate(input));
        const exact = ok(allocateExactOnly(input));
        expect(quick.amounts.map(String)).toEqual(exact.amounts.map(String));
        expect(quick.amountValues).toEqual(exact.amountValues);
        expect(quick.amountValues).toEqual(exact.amounts.map((a) => a.toNumber()));
        expect(quick.distributed.equals(exact.distributed)).toBe(true);
        expect(quick.warnings).toEqual(exact.warnings);
      }),
      { numRuns: 150 }
    );
    // Not vacuous: most tables were decided by the quick path, some (the tied ones) were not.
    const decided = quickPathUse.decided - before.decided;
    const declined = quickPathUse.declined - before.declined;
    expect(decided).toBeGreaterThan(50);
    expect(declined).toBeGreaterThan(0);
  });

  it("the explanation still adds up to the quick amounts", () => {
    const input: AllocationInput = {
      pool: "1000000.00",
      factors: Array.from({ length: 100 }, (_, i) => [1 + (i % 9), 100 + ((i * 37) % 53)]),
      specs: [{ weight: 60 }, { weight: 40, direction: "-" }],
    };
    const r = ok(allocate(input));
    r.amounts.forEach((a, i) => {
      const parts = r.contributions[i]
        .reduce((x, y) => x.plus(y), r.minimums[i])
        .minus(r.deductions[i])
        .plus(r.redistributed[i])
        .plus(r.rounding[i]);
      expect(parts.equals(a)).toBe(true);
    });
  });

  it("a table the doubles cannot decide (all rows equal: every remainder tied) is left to the kernel, exactly", () => {
    const input: AllocationInput = {
      pool: "100.00",
      factors: Array.from({ length: 300 }, () => [1]),
      specs: [{ weight: 1 }],
    };
    const declined = quickPathUse.declined;
    const r = ok(allocate(input));
    expect(quickPathUse.declined).toBe(declined + 1);
    // 10000 分 over 300 rows: 33 分 each and one more for the first 100 (ties to the lower index).
    expect(r.amountValues.slice(0, 101)).toEqual([...new Array(100).fill(0.34), 0.33]);
    expect(r.amounts.reduce((x, y) => x.plus(y)).toString()).toBe("100");
  });
});
