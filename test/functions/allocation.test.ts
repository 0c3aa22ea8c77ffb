import { allocate, allocateExplain, carryoverDeduction } from "../../src/functions/functions";

const F = [
  [10, 5000, 2],
  [20, 10000, 3],
  [30, 4000, 1],
  [15, 8000, 2],
  [25, 5000, 2],
];

/** The custom-function error Excel shows (the setup file defines CustomFunctions.Error). */
function errorOf(v: unknown): { code: string; message: string } {
  expect(v).toBeInstanceOf(CustomFunctions.Error);
  return v as { code: string; message: string };
}

describe("FUND.ALLOCATE", () => {
  it("spills the worked example as a column adding up to the pool", () => {
    const r = allocate(1000000, F, [[40, 30, 30]], [["+", "-", "+"]]);
    expect(r).toEqual([[168571.43], [204285.71], [235714.29], [162857.14], [228571.43]]);
  });

  it("accepts weights as a column, directions as 正/逆, and omitted optional arguments as null", () => {
    const r = allocate(
      1000000,
      F,
      [[40], [30], [30]],
      [["正"], ["逆"], [null]],
      null as unknown as number,
      null as unknown as number[][],
      undefined
    );
    expect(r).toEqual([[168571.43], [204285.71], [235714.29], [162857.14], [228571.43]]);
  });

  it("rounds to the unit given, and splits 100 three ways to exactly 100", () => {
    expect(allocate(100, [[1], [1], [1]], [[1]])).toEqual([[33.34], [33.33], [33.33]]);
    expect(allocate(1000, [[1], [1], [1]], [[1]], undefined, 1)).toEqual([[334], [333], [333]]);
  });

  it("takes one minimum for all rows, or one per row, and coefficients", () => {
    expect(allocate(1000, [[1], [3]], [[1]], undefined, 1, [[400], [""]])).toEqual([[550], [450]]);
    expect(allocate(1000, [[1], [3]], [[1]], undefined, 1, [[100]])).toEqual([[300], [700]]);
    expect(allocate(1100, [[1], [1]], [[1]], undefined, 1, undefined, [[1.2], [1]])).toEqual([
      [600],
      [500],
    ]);
  });

  it("returns #VALUE! with a Chinese and English message for a negative factor", () => {
    const e = errorOf(allocate(100, [[1], [-1]], [[1]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("第 2 行");
    expect(e.message).toContain("negative");
  });

  it("returns #VALUE! for mismatched sizes, unreadable cells and impossible inputs", () => {
    expect(
      errorOf(
        allocate(
          100,
          [
            [1, 2],
            [3, 4],
          ],
          [[1]]
        )
      ).code
    ).toBe("#VALUE!");
    expect(errorOf(allocate(100, [[1], ["abc"]], [[1]])).message).toContain("abc");
    expect(errorOf(allocate(100, [[1], [""]], [[1]])).code).toBe("#VALUE!");
    expect(errorOf(allocate(100, [[1], [2]], [[1]], [["?"]])).code).toBe("#VALUE!");
    expect(errorOf(allocate(100, [[0], [0]], [[1]])).code).toBe("#VALUE!");
    expect(errorOf(allocate(100, [[0], [2]], [[1]], [["-"]])).message).toContain("1/0");
    expect(errorOf(allocate(100, [[1], [2]], [[0]])).code).toBe("#VALUE!");
    expect(errorOf(allocate(100, [[1], [2]], [["x"]])).code).toBe("#VALUE!");
    expect(
      errorOf(allocate(100, [[1], [2]], [[1]], undefined, undefined, [[80], [30]])).message
    ).toContain("超过资金总额");
    expect(errorOf(allocate(100.005, [[1], [2]], [[1]])).message).toContain("整数倍");
    expect(
      errorOf(allocate(100, [[1], [2]], [[1]], undefined, undefined, [[1], [2], [3]])).code
    ).toBe("#VALUE!");
  });
});

describe("FUND.ALLOCATE.EXPLAIN", () => {
  it("gives contributions, minimum, rounding, share and amount; the parts add up to the amount", () => {
    const r = allocateExplain(1000000, F, [[40, 30, 30]], [["+", "-", "+"]]);
    expect(r[0].slice(0, 5)).toEqual([40000, 68571.43, 60000, 0, 0]);
    expect(r[0][5]).toBeCloseTo(1.18 / 7, 12);
    expect(r[0][6]).toBe(168571.43);
    for (const row of r) {
      const cents = row.slice(0, 5).reduce((a, b) => a + Math.round(b * 100), 0);
      expect(cents).toBe(Math.round(row[6] * 100));
    }
  });

  it("shows the largest-remainder adjustment in the rounding column", () => {
    const r = allocateExplain(100, [[1], [1], [1]], [[1]]);
    expect(r.map((row) => row[2])).toEqual([0.01, 0, 0]);
    expect(r.map((row) => row[4])).toEqual([33.34, 33.33, 33.33]);
  });

  it("returns an error, not a throw, for bad input", () => {
    expect(errorOf(allocateExplain(100, [[1], [-1]], [[1]])).code).toBe("#VALUE!");
  });
});

describe("FUND.CARRYOVER", () => {
  it("deducts the whole carry-over above 10 %, nothing at exactly 10 %", () => {
    expect(carryoverDeduction(120000, 1000000)).toBe(120000);
    expect(carryoverDeduction(100000, 1000000)).toBe(0);
    expect(carryoverDeduction(100001, 1000000)).toBe(100001);
  });

  it("takes a threshold as a number or as a percentage, default when omitted", () => {
    expect(carryoverDeduction(120000, 1000000, 0.15)).toBe(0);
    expect(carryoverDeduction(160000, 1000000, "15%" as unknown as number)).toBe(160000);
    expect(carryoverDeduction(120000, 1000000, null as unknown as number)).toBe(120000);
  });

  it("returns errors for a zero total or a negative carry-over", () => {
    expect(errorOf(carryoverDeduction(1, 0)).code).toBe("#VALUE!");
    expect(errorOf(carryoverDeduction(-1, 100)).message).toContain("负");
    expect(errorOf(carryoverDeduction("abc" as unknown as number, 100)).code).toBe("#VALUE!");
  });
});
