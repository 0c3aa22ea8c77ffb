import fc from "fast-check";
import { drawSample, fnv1a32, sampleScore, sampleSize } from "../../../src/core/filing/sample";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `县${i + 1}`);

describe("the sampler", () => {
  test("FNV-1a matches its published test vectors", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  test("scores are fixed numbers: the same on every machine", () => {
    // Pinned values, recomputed independently in Python from the documented algorithm: a change
    // of algorithm would silently change every office's sample.
    expect(sampleScore("2025", "县1")).toBe(1455071032);
    expect(sampleScore("2025", "县2")).toBe(530696015);
    expect(drawSample(ids(14), 0.6, 2025)).toEqual([0, 1, 2, 5, 7, 8, 9, 10, 12]);
  });

  test("same ids and seed → same sample; a different seed usually differs", () => {
    const a = drawSample(ids(50), 0.3, "2025");
    expect(drawSample(ids(50), 0.3, "2025")).toEqual(a);
    expect(drawSample(ids(50), 0.3, 2025)).toEqual(a); // number and text seeds agree
    expect(drawSample(ids(50), 0.3, 2026)).not.toEqual(a);
  });

  test("the sample does not depend on the order of the list", () => {
    const list = ids(40);
    const chosen = drawSample(list, 0.3, 7).map((i) => list[i]);
    const reversed = [...list].reverse();
    const chosen2 = drawSample(reversed, 0.3, 7).map((i) => reversed[i]);
    expect(new Set(chosen2)).toEqual(new Set(chosen));
  });

  test("the draw comes back in input order", () => {
    const d = drawSample(ids(30), 0.5, 1);
    expect(d).toEqual([...d].sort((a, b) => a - b));
  });

  test("counts are rounded up, exactly", () => {
    expect(sampleSize(0.3, 10)).toBe(3); // 0.3 × 10 in floats is 3.0000000000000004
    expect(sampleSize(0.7, 10)).toBe(7);
    expect(sampleSize(0.6, 14)).toBe(9); // 8.4 → 9
    expect(sampleSize(0.3, 1)).toBe(1);
    expect(sampleSize(1, 5)).toBe(5);
    expect(sampleSize("0.6", 0)).toBe(0);
  });

  test("property: ceil(fraction × n) distinct indices, in range, ascending", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 100 }),
        fc.string(),
        (n, pct, seed) => {
          const d = drawSample(ids(n), pct / 100, seed);
          expect(d.length).toBe(Math.ceil((pct * n) / 100));
          expect(new Set(d).size).toBe(d.length);
          d.forEach((i, k) => {
            expect(i).toBeGreaterThanOrEqual(0);
            expect(i).toBeLessThan(n);
            if (k > 0) expect(i).toBeGreaterThan(d[k - 1]);
          });
        }
      )
    );
  });
});
