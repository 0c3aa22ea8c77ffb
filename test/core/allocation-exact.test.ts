import fc from "fast-check";
import {
  ceilDiv,
  floorDiv,
  roundHalfUpDiv,
  scaled,
  scaledToDecimal,
} from "../../src/core/allocation/exact";
import { Decimal, decimalFromExcel } from "../../src/core/money";

describe("exact scaled integers", () => {
  it("reads Excel numbers as Excel shows them (0.1 + 0.2 is 0.3, not 0.30000000000000004)", () => {
    expect(scaledToDecimal(scaled(0.1 + 0.2)!).toString()).toBe("0.3");
    expect(scaledToDecimal(scaled(1234.56)!).toString()).toBe("1234.56");
    expect(scaledToDecimal(scaled(-7)!).toString()).toBe("-7");
    expect(scaledToDecimal(scaled(1e-9)!).toString()).toBe("1e-9");
    expect(scaledToDecimal(scaled("12.500")!).toString()).toBe("12.5");
    expect(scaledToDecimal(scaled(new Decimal("3.25e3"))!).toString()).toBe("3250");
    expect(scaled(NaN)).toBeNull();
    expect(scaled("abc")).toBeNull();
  });

  it("agrees with decimalFromExcel on any finite number", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
        (x) => {
          expect(scaledToDecimal(scaled(x)!).equals(decimalFromExcel(x))).toBe(true);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("divides with floor, ceiling and half-up rounding, negatives included", () => {
    expect([floorDiv(7n, 2n), floorDiv(-7n, 2n), ceilDiv(7n, 2n), ceilDiv(-7n, 2n)]).toEqual([
      3n,
      -4n,
      4n,
      -3n,
    ]);
    expect([roundHalfUpDiv(5n, 2n), roundHalfUpDiv(-5n, 2n), roundHalfUpDiv(4n, 3n)]).toEqual([
      3n,
      -3n,
      1n,
    ]);
  });
});
