/**
 * A running total in 元 of amount cells, exactly the Decimal sum `Σ yuanOf(cell)` added one by
 * one, without a Decimal per row. A number straight from Excel whose shortest form has at most
 * 15 significant digits (what decimalFromExcel reads as written) and at most 4 decimal places in
 * 元 is added as a whole count of 0.0001 元 while that count stays a safe integer; anything else
 * (text amounts, more digits, exponents) is added as Decimal. Both parts are exact as long as
 * every partial sum fits Decimal's precision, whatever the order; when it might not, the total
 * falls back to adding every later cell as Decimal in turn, as the plain sum does.
 */
import { Decimal } from "../money";
import { type AmountCell, yuanOf } from "./record";

/** Decimal places of the whole-number part: counts of 0.0001 元. */
const SCALE = 4;
const SHIFT: Record<AmountCell["unit"], number> = { 元: 0, 万元: 4, 亿元: 8 };
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A number's exact value in counts of 10^-SCALE 元, when its unit shifts it by `shift` places,
 * or null when it is not such a safe whole count (the Decimal path adds it).
 */
export function wholeCount(n: number, shift: number): number | null {
  if (!Number.isFinite(n)) return null;
  const s = String(n);
  let m = 0;
  let digits = 0; // significant digits as decimalFromExcel counts them (leading zeros not)
  let places = -1; // digits after the point; -1 before one
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      places = 0;
      continue;
    }
    if (c === 45 /* - */ && i === 0) continue;
    const d = c - 48;
    if (d < 0 || d > 9) return null; // an exponent (1e-7, 1e+21)
    if (digits > 0 || d !== 0) digits++;
    m = m * 10 + d;
    if (places >= 0) places++;
  }
  if (digits > 15) return null;
  const k = SCALE + shift - Math.max(places, 0);
  if (k < 0) return null;
  const u = m * POW10[k];
  if (u > Number.MAX_SAFE_INTEGER) return null;
  return s.charCodeAt(0) === 45 ? -u : u;
}

export class YuanTotal {
  /** Whole counts of 0.0001 元 (a safe integer). */
  private units = 0;
  /** Everything else, and the counts moved out before they overflow. */
  private rest = new Decimal(0);
  /** An upper bound of the sum of |amounts| in 元 (a float, with a margin where it is checked). */
  private bound = 0;
  /** The most decimal places any amount added had (at least SCALE). */
  private places = SCALE;
  /** What `bound` must stay below for `places` (see fits). */
  private limit = limitFor(SCALE);
  /** Once a partial sum might not fit Decimal's precision: each cell added as Decimal, in turn. */
  private inTurn = false;

  add(cell: AmountCell): void {
    if (this.inTurn) {
      this.rest = this.rest.plus(yuanOf(cell));
      return;
    }
    if (typeof cell.value === "number") {
      const shift = SHIFT[cell.unit];
      const u = wholeCount(cell.value, shift);
      if (u !== null) {
        this.bound += Math.abs(cell.value) * POW10[shift];
        if (this.fits()) {
          const sum = this.units + u;
          if (Math.abs(sum) <= Number.MAX_SAFE_INTEGER) this.units = sum;
          else {
            this.flush();
            this.units = u;
          }
          return;
        }
        this.bound -= Math.abs(cell.value) * POW10[shift]; // (counted again below)
      }
    }
    const d = yuanOf(cell);
    this.bound += Math.abs(d.toNumber());
    const places = d.decimalPlaces();
    if (places > this.places) {
      this.places = places;
      this.limit = limitFor(places);
    }
    if (!this.fits()) {
      // from here on, as the plain sum: the partial sums so far were exact, so `rest` is it
      this.flush();
      this.inTurn = true;
    }
    this.rest = this.rest.plus(d);
  }

  /** The total in 元. */
  value(): Decimal {
    return this.units === 0 ? this.rest.plus(0) : this.rest.plus(countsToYuan(this.units));
  }

  /**
   * Whether every partial sum, in any order, has at most Decimal's precision in digits: at most
   * `places` decimals and below 10^(precision − places − 1) (twice the float bound, for safety).
   */
  private fits(): boolean {
    return this.bound * 2 < this.limit;
  }

  private flush(): void {
    if (this.units !== 0) this.rest = this.rest.plus(countsToYuan(this.units));
    this.units = 0;
  }
}

/** 10^(precision − places − 1), or 0 (nothing fits) when that leaves no whole digit. */
function limitFor(places: number): number {
  const whole = Decimal.precision - places - 1;
  return whole > 0 ? 10 ** whole : 0;
}

function countsToYuan(units: number): Decimal {
  return new Decimal(units).dividedBy(POW10[SCALE]);
}
