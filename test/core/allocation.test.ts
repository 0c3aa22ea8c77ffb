import {
  allocate,
  AllocationResult,
  carryoverDeduction,
  largestRemainder,
} from "../../src/core/allocation";
import { Decimal } from "../../src/core/money";

const D = (v: Decimal.Value) => new Decimal(v);
const strs = (a: Decimal[]) => a.map((d) => d.toFixed(2));

function ok(r: ReturnType<typeof allocate>): AllocationResult {
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message.en}`);
  return r;
}

/**
 * Five counties, three factors, pool 1,000,000.00 元, unit 0.01 元. Computed by hand:
 *  贫困人口 (+, w 40): 10 20 30 15 25 → normalised 0.10 0.20 0.30 0.15 0.25
 *  农民人均纯收入 (−, w 30): 5000 10000 4000 8000 5000 → 1/x ∝ 1.6 0.8 2 1 1.6 (×8000), Σ 7
 *  增长率 (+, performance, w 30): 2 3 1 2 2 → 0.2 0.3 0.1 0.2 0.2
 *  share = 0.4·a + 0.3·b + 0.3·c:
 *    A 0.04 + 0.48/7 + 0.06 = 0.168571428571…   → 168,571.428571… 元
 *    B 0.08 + 0.24/7 + 0.09 = 0.204285714285…   → 204,285.714285…
 *    C 0.12 + 0.60/7 + 0.03 = 0.235714285714…   → 235,714.285714…
 *    D 0.06 + 0.30/7 + 0.06 = 0.162857142857…   → 162,857.142857…
 *    E 0.10 + 0.48/7 + 0.06 = 0.228571428571…   → 228,571.428571…
 *  In 分: floors 16857142 20428571 23571428 16285714 22857142 = 99,999,997; 3 分 missing.
 *  Remainders .857 .428 .571 .285 .857: E and A tie on .857 → E first (larger share), then A,
 *  then C (.571). Amounts 168,571.43 / 204,285.71 / 235,714.29 / 162,857.14 / 228,571.43.
 */
const FIVE = {
  pool: "1000000",
  factors: [
    [10, 5000, 2],
    [20, 10000, 3],
    [30, 4000, 1],
    [15, 8000, 2],
    [25, 5000, 2],
  ],
  specs: [
    { name: "贫困人口", weight: 40 },
    { name: "农民人均纯收入", weight: 30, direction: "-" as const },
    { name: "增长率", weight: 30, kind: "performance" as const },
  ],
};

describe("allocate: the worked five-county example", () => {
  const r = ok(allocate(FIVE));

  it("gives the hand-computed amounts, adding up to the pool exactly", () => {
    expect(strs(r.amounts)).toEqual([
      "168571.43",
      "204285.71",
      "235714.29",
      "162857.14",
      "228571.43",
    ]);
    expect(r.amounts.reduce((a, b) => a.plus(b)).equals(1000000)).toBe(true);
  });

  it("returns the exact shares", () => {
    expect(r.shares[0].times(7).toDecimalPlaces(20).toString()).toBe("1.18");
    expect(r.shares[2].times(7).toDecimalPlaces(20).toString()).toBe("1.65");
  });

  it("explains each amount factor by factor, the parts adding up exactly", () => {
    expect(strs(r.contributions[0])).toEqual(["40000.00", "68571.43", "60000.00"]);
    expect(strs(r.contributions[1])).toEqual(["80000.00", "34285.71", "90000.00"]);
    for (let i = 0; i < 5; i++) {
      const parts = r.contributions[i]
        .reduce((a, b) => a.plus(b))
        .plus(r.minimums[i])
        .minus(r.deductions[i])
        .plus(r.redistributed[i])
        .plus(r.rounding[i]);
      expect(parts.equals(r.amounts[i])).toBe(true);
    }
  });

  it("performance weight of exactly 30 % is not below the floor (不低于 includes the bound)", () => {
    expect(r.performanceShare.equals(D("0.3"))).toBe(true);
    expect(r.warnings).toEqual([]);
  });
});

describe("allocate: rounding", () => {
  it("splits 100 three ways as 33.34 / 33.33 / 33.33 (per-row ROUND would give 99.99)", () => {
    const r = ok(allocate({ pool: 100, factors: [[1], [1], [1]], specs: [{ weight: 1 }] }));
    expect(strs(r.amounts)).toEqual(["33.34", "33.33", "33.33"]);
    expect(strs(r.rounding)).toEqual(["0.01", "0.00", "0.00"]);
  });

  it("breaks equal remainders by the larger share, then by row order", () => {
    // 5 元 in whole 元 by 1:2:2:1.
    const r = ok(
      allocate({ pool: 5, unit: 1, factors: [[1], [2], [2], [1]], specs: [{ weight: 1 }] })
    );
    // quotas 5/6, 10/6, 10/6, 5/6 → floors 0 1 1 0 (2), remainders .83 .67 .67 .83: rows 1 and 4
    // then row 2 (equal to row 3, earlier).
    expect(r.amounts.map(Number)).toEqual([1, 2, 1, 1]);
  });

  it("rounds to 1 元 or to 0.01 万元 when asked", () => {
    const r = ok(
      allocate({ pool: 1000, unit: 1, factors: [[1], [1], [1]], specs: [{ weight: 1 }] })
    );
    expect(r.amounts.map(String)).toEqual(["334", "333", "333"]);
    const w = ok(
      allocate({ pool: "12.34", unit: "0.01", factors: [[1], [2]], specs: [{ weight: 1 }] })
    );
    expect(w.amounts.map(String)).toEqual(["4.11", "8.23"]);
  });

  it("largestRemainder keeps floors when nothing is missing", () => {
    expect(largestRemainder([D(1), D(2)], D(3)).map(Number)).toEqual([1, 2]);
  });
});

describe("allocate: coefficients, minimums, caps", () => {
  it("renormalises policy coefficients (key county ×1.2)", () => {
    const r = ok(
      allocate({
        pool: 1100,
        unit: 1,
        factors: [[1], [1]],
        specs: [{ weight: 1 }],
        coefficients: [1.2, 1],
      })
    );
    // 1.2 : 1 of 1100 → 600 / 500
    expect(r.amounts.map(String)).toEqual(["600", "500"]);
  });

  it("funds minimums first and splits the rest by share", () => {
    const r = ok(
      allocate({
        pool: 1000,
        unit: 1,
        factors: [[1], [3]],
        specs: [{ weight: 1 }],
        minimums: [400, null],
      })
    );
    // 400 first; 600 by 1:3 → 150 / 450
    expect(r.amounts.map(String)).toEqual(["550", "450"]);
    expect(r.minimums.map(String)).toEqual(["400", "0"]);
    expect(r.contributions.map((c) => c.map(String))).toEqual([["150"], ["450"]]);
  });

  it("holds a recipient at its cap and gives the excess to the others by share", () => {
    const r = ok(
      allocate({
        pool: 1000,
        unit: 1,
        factors: [[6], [3], [1]],
        specs: [{ weight: 1 }],
        caps: [500, null, null],
      })
    );
    // 600 > 500 → 500; the other 500 split 3:1 → 375 / 125
    expect(r.amounts.map(String)).toEqual(["500", "375", "125"]);
    expect(r.capped).toEqual([true, false, false]);
  });
});

describe("allocate: carry-over deduction (34号（十三）)", () => {
  const base = {
    pool: 1000,
    unit: 1,
    factors: [[1], [1], [2]],
    specs: [{ weight: 1 }],
  };

  it("deducts the whole carry-over only when the rate is above 10 % (10 % itself is not)", () => {
    const r = ok(
      allocate({
        ...base,
        carryover: { carryover: [30, 10, null], total: [200, 100, null] },
      })
    );
    // row 1: 15 % > 10 % → 30 deducted; row 2: exactly 10 % → nothing. Retained by default.
    expect(r.deductions.map(String)).toEqual(["30", "0", "0"]);
    expect(r.amounts.map(String)).toEqual(["220", "250", "500"]);
    expect(r.retained.toString()).toBe("30");
    expect(r.distributed.toString()).toBe("970");
  });

  it("redistributes the deducted money to the counties not deducted, by share", () => {
    const r = ok(
      allocate({
        ...base,
        carryover: {
          carryover: [30, 10, null],
          total: [200, 100, null],
          disposal: "redistribute",
        },
      })
    );
    // 30 split 1:2 between rows 2 and 3 → 10 / 20
    expect(r.amounts.map(String)).toEqual(["220", "260", "520"]);
    expect(r.redistributed.map(String)).toEqual(["0", "10", "20"]);
    expect(r.amounts.reduce((a, b) => a.plus(b)).toString()).toBe("1000");
  });

  it("carryoverDeduction: the rate is strict, the deduction is the whole amount", () => {
    const a = carryoverDeduction(D(120000), D(1000000));
    const b = carryoverDeduction(D(100000), D(1000000));
    expect(a.ok && a.deduction.toString()).toBe("120000");
    expect(b.ok && b.deduction.toString()).toBe("0");
    const c = carryoverDeduction(D(1), D(0));
    expect(c.ok).toBe(false);
  });
});

describe("allocate: errors and warnings", () => {
  const code = (input: Parameters<typeof allocate>[0]) => {
    const r = allocate(input);
    return r.ok ? "ok" : r.error.code;
  };
  const one = { pool: 100, factors: [[1], [2]], specs: [{ weight: 1 }] };

  it("refuses negative factor values, naming the row", () => {
    const r = allocate({ ...one, factors: [[1], [-2]] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("negative-factor");
      expect(r.error.row).toBe(1);
      expect(r.error.message.zh).toContain("第 2 行");
    }
  });

  it("refuses a factor that is zero for everyone, and a zero in a − factor", () => {
    expect(code({ ...one, factors: [[0], [0]] })).toBe("zero-factor");
    expect(code({ ...one, factors: [[0], [5]], specs: [{ weight: 1, direction: "-" }] })).toBe(
      "zero-in-inverse-factor"
    );
  });

  it("refuses weights that are not numbers, negative, or sum to zero", () => {
    expect(code({ ...one, specs: [{ weight: "abc" }] })).toBe("not-a-number");
    expect(code({ ...one, specs: [{ weight: -1 }] })).toBe("negative-weight");
    expect(code({ ...one, specs: [{ weight: 0 }] })).toBe("weights-zero");
  });

  it("refuses minimums above the pool, a pool off the unit, mismatched sizes", () => {
    expect(code({ ...one, minimums: [60, 50] })).toBe("minimums-exceed-pool");
    expect(code({ ...one, pool: "100.005" })).toBe("pool-not-multiple");
    expect(code({ ...one, unit: 1, pool: "100.5" })).toBe("pool-not-multiple");
    expect(code({ ...one, factors: [[1, 2], [2]] })).toBe("size");
    expect(code({ ...one, minimums: [1] })).toBe("size");
    expect(code({ ...one, unit: 0 })).toBe("unit");
  });

  it("gives bilingual messages", () => {
    const r = allocate({ ...one, minimums: [60, 50] });
    expect(!r.ok && r.error.message).toEqual({
      zh: "保底金额合计 110 超过资金总额 100",
      en: "the minimums add up to 110, more than the pool 100",
    });
  });

  it("warns when performance weights are below 30 % of the total, citing 34号（三）", () => {
    const specs = (perf: number) => [
      { weight: 100 - perf },
      { weight: perf, kind: "performance" as const },
    ];
    const low = ok(
      allocate({
        ...one,
        factors: [
          [1, 1],
          [2, 2],
        ],
        specs: specs(29.99),
      })
    );
    expect(low.warnings[0].code).toBe("performance-weight-low");
    expect(low.warnings[0].message.zh).toContain("29.99%");
    expect(low.warnings[0].citation?.clause).toBe("第（三）条");
    const at = ok(
      allocate({
        ...one,
        factors: [
          [1, 1],
          [2, 2],
        ],
        specs: specs(30),
      })
    );
    expect(at.warnings).toEqual([]);
    const floor40 = ok(
      allocate({
        ...one,
        factors: [
          [1, 1],
          [2, 2],
        ],
        specs: specs(30),
        performanceFloor: 0.4,
      })
    );
    expect(floor40.warnings[0].code).toBe("performance-weight-low");
    // the message states the floor actually set, and that the seed's digit is illegible
    expect(floor40.warnings[0].message.zh).toContain("低于所设下限 40%");
    expect(floor40.warnings[0].message.zh).toContain("无法辨认");
    expect(floor40.warnings[0].message.zh).toContain("通常读作 30%");
    expect(floor40.warnings[0].message.en).toContain("below the floor set, 40%");
  });
});
