import fc from "fast-check";
import { allocate, AllocationInput, AllocationResult } from "../../src/core/allocation";
import { Decimal } from "../../src/core/money";

const UNITS = ["0.01", "1", "100"];

/** A valid random input: n recipients × m factors, at least one positive weight. */
const inputs = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    m: fc.integer({ min: 1, max: 4 }),
    unit: fc.constantFrom(...UNITS),
    poolUnits: fc.integer({ min: 0, max: 1_000_000_000 }),
    seed: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 48, maxLength: 48 }),
    weights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
    dirs: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .map(({ n, m, unit, poolUnits, seed, weights, dirs }) => {
    const w = weights.slice(0, m);
    if (!w.some((x) => x > 0)) w[0] = 1;
    const specs = w.map((weight, j) => ({
      weight,
      direction: dirs[j] ? ("-" as const) : ("+" as const),
    }));
    const factors: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row: number[] = [];
      for (let j = 0; j < m; j++) {
        let v = seed[(i * 4 + j) % 48];
        if (specs[j].direction === "-" && v === 0) v = 1; // 1/0 is refused, by design
        row.push(v);
      }
      factors.push(row);
    }
    for (let j = 0; j < m; j++) if (factors.every((r) => r[j] === 0)) factors[0][j] = 1;
    const pool = new Decimal(poolUnits).times(unit);
    return { pool, unit, factors, specs };
  });

function run(input: AllocationInput): AllocationResult {
  const r = allocate(input);
  if (!r.ok) throw new Error(r.error.message.en);
  return r;
}

/** Exact quota straight from docs/rules.md「因素法分配」, written independently of the implementation. */
function referenceQuotas(input: AllocationInput): Decimal[] {
  const n = input.factors.length;
  const W = input.specs.reduce((a, s) => a.plus(s.weight), new Decimal(0));
  const share = new Array(n).fill(new Decimal(0));
  input.specs.forEach((s, j) => {
    if (new Decimal(s.weight).isZero()) return;
    const col = input.factors.map((r) =>
      s.direction === "-" ? new Decimal(1).dividedBy(r[j]) : new Decimal(r[j])
    );
    const tot = col.reduce((a, b) => a.plus(b));
    for (let i = 0; i < n; i++)
      share[i] = share[i].plus(new Decimal(s.weight).times(col[i]).dividedBy(tot));
  });
  return share.map((s: Decimal) => new Decimal(input.pool).times(s).dividedBy(W));
}

const sum = (a: Decimal[]) => a.reduce((x, y) => x.plus(y), new Decimal(0));

describe("allocate: properties", () => {
  it("sums to the pool exactly; each amount a multiple of the unit, within one unit of its quota", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const r = run(input);
        expect(sum(r.amounts).equals(input.pool)).toBe(true);
        const q = referenceQuotas(input);
        r.amounts.forEach((a, i) => {
          expect(a.mod(input.unit).isZero()).toBe(true);
          expect(a.minus(q[i]).abs().lessThan(input.unit)).toBe(true);
        });
      }),
      { numRuns: 300 }
    );
  });

  it("the explanation adds up to each amount exactly; rounding is −1, 0 or +1 unit", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const r = run(input);
        r.amounts.forEach((a, i) => {
          const parts = sum(r.contributions[i])
            .plus(r.minimums[i])
            .minus(r.deductions[i])
            .plus(r.redistributed[i])
            .plus(r.rounding[i]);
          expect(parts.equals(a)).toBe(true);
          expect(r.rounding[i].abs().lessThanOrEqualTo(input.unit)).toBe(true);
          r.contributions[i].forEach((c) => expect(c.mod(input.unit).isZero()).toBe(true));
        });
      }),
      { numRuns: 200 }
    );
  });

  it("equal rows get amounts within one unit of each other", () => {
    fc.assert(
      fc.property(inputs, fc.nat(), (input, k) => {
        const i = k % input.factors.length;
        const twin = { ...input, factors: [...input.factors, [...input.factors[i]]] };
        const r = run(twin);
        const d = r.amounts[i].minus(r.amounts[r.amounts.length - 1]).abs();
        expect(d.lessThanOrEqualTo(input.unit)).toBe(true);
      }),
      { numRuns: 200 }
    );
  });

  it("a factor with weight zero has no effect", () => {
    fc.assert(
      fc.property(
        inputs,
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 13, maxLength: 13 }),
        (input, extra) => {
          const base = run(input);
          const widened = run({
            ...input,
            factors: input.factors.map((r, i) => [...r, extra[i]]),
            specs: [...input.specs, { weight: 0 }],
          });
          expect(widened.amounts.map(String)).toEqual(base.amounts.map(String));
        }
      ),
      { numRuns: 200 }
    );
  });

  it("raising a county's “+” factor never lowers its amount by more than one unit", () => {
    fc.assert(
      fc.property(inputs, fc.nat(), fc.integer({ min: 1, max: 5000 }), (input, k, bump) => {
        const j = input.specs.findIndex(
          (s) => s.direction === "+" && !new Decimal(s.weight).isZero()
        );
        if (j < 0) return;
        const i = k % input.factors.length;
        const before = run(input);
        const raised: number[][] = input.factors.map((r) => [...r]);
        raised[i][j] += bump;
        const after = run({ ...input, factors: raised });
        expect(after.amounts[i].greaterThanOrEqualTo(before.amounts[i].minus(input.unit))).toBe(
          true
        );
      }),
      { numRuns: 200 }
    );
  });

  it("with minimums and caps: still sums to the pool, every amount between its minimum and cap", () => {
    fc.assert(
      fc.property(
        inputs,
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }),
        (input, pcts) => {
          const n = input.factors.length;
          const u = new Decimal(input.unit);
          const poolUnits = new Decimal(input.pool).dividedBy(u);
          // minimums: up to half the pool in total; caps: above the minimum, jointly ≥ pool
          const minimums = pcts.slice(0, n).map((p) =>
            poolUnits
              .times(p)
              .dividedBy(200 * n)
              .floor()
              .times(u)
          );
          const caps = minimums.map((m, i) =>
            i === 0 ? null : m.plus(poolUnits.times(pcts[i]).dividedBy(100).floor().times(u))
          );
          // Row 0 is the uncapped one: give it a share so the money above the caps has a home
          // (with a zero share there, "every recipient with a share is at its cap" is right).
          const factors = input.factors.map((row, i) =>
            i === 0 ? row.map((x) => (new Decimal(x).isZero() ? 1 : x)) : row
          );
          const r = run({ ...input, factors, minimums, caps });
          expect(sum(r.amounts).equals(input.pool)).toBe(true);
          r.amounts.forEach((a, i) => {
            expect(a.greaterThanOrEqualTo(minimums[i])).toBe(true);
            const c = caps[i];
            if (c) expect(a.lessThanOrEqualTo(c)).toBe(true);
          });
        }
      ),
      { numRuns: 200 }
    );
  });
});
