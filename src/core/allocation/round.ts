/**
 * Rounding to the office's unit by largest remainder (Hamilton's method): every value is
 * floored to a whole number of units, and the units still missing from the target go, one
 * each, to the largest remainders. Ties: larger remainder, then larger tie-break weight (the
 * share), then earlier row. The result sums to the target exactly.
 */
import { Decimal } from "../money";

/**
 * Apportions `target` (a whole number of units) among `quotas` (exact, in units, ≥ 0) so that
 * each result is floor(quota) or floor(quota) + 1 and the results sum to `target`.
 * `ties` (same length) breaks equal remainders: larger first; then lower index.
 * Precondition: Σ floor(quota) ≤ target ≤ Σ floor(quota) + (number of non-zero remainders).
 */
export function largestRemainder(quotas: Decimal[], target: Decimal, ties?: Decimal[]): Decimal[] {
  const n = quotas.length;
  const floors = new Array<Decimal>(n);
  const rems = new Array<Decimal>(n);
  let sum = new Decimal(0);
  for (let i = 0; i < n; i++) {
    const f = quotas[i].floor();
    floors[i] = f;
    rems[i] = quotas[i].minus(f);
    sum = sum.plus(f);
  }
  const missing = target.minus(sum).toNumber();
  if (missing <= 0) return floors;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!rems[i].isZero()) order.push(i);
  order.sort((a, b) => {
    const c = rems[b].comparedTo(rems[a]);
    if (c !== 0) return c;
    if (ties) {
      const t = ties[b].comparedTo(ties[a]);
      if (t !== 0) return t;
    }
    return a - b;
  });
  for (let k = 0; k < missing && k < order.length; k++) floors[order[k]] = floors[order[k]].plus(1);
  return floors;
}

/** The nearest whole number of units to `v` (in units), halves up. */
export function roundUnits(v: Decimal): Decimal {
  return v.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}
