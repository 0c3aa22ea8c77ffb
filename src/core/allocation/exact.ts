/**
 * Exact decimal arithmetic on scaled integers (BigInt) for the allocation's inner loops: a value
 * is m × 10^e with m a BigInt. decimal.js is the money type at the API (inputs and results are
 * Decimal); inside, 30,000 factor cells through decimal.js cost ~10× the budget, so the kernel
 * works on integers: sums and products are exact, and the only inexact steps (shares, which are
 * ratios) are fixed-point with 30 decimal places, always rounded down, so that the exact integer
 * largest-remainder step that follows sees quotas that are never above the true ones by anything.
 */
import { Decimal } from "../money";

export interface Scaled {
  m: bigint;
  e: number;
}

const POW: bigint[] = [1n];
export function pow10(k: number): bigint {
  while (POW.length <= k) POW.push(POW[POW.length - 1] * 10n);
  return POW[k];
}

const NUM = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function fromString(s: string): Scaled | null {
  const p = NUM.exec(s.trim());
  if (!p || (p[2] === "" && (p[3] ?? "") === "")) return null;
  const frac = p[3] ?? "";
  let m = BigInt((p[2] || "0") + frac);
  if (p[1] === "-") m = -m;
  return { m, e: -frac.length + (p[4] ? Number(p[4]) : 0) };
}

/**
 * A value as m × 10^e, exactly: Decimal and numeric strings as written; JS numbers (from Excel)
 * at Excel's 15 significant digits, as decimalFromExcel reads them. null when not a finite number.
 */
export function scaled(v: Decimal.Value | null | undefined): Scaled | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return { m: BigInt(v), e: 0 };
    // Fast path: a short decimal (≤ 6 places) whose double is exactly v, i.e. what String(v)
    // would print; the same value the 15-digit reading gives.
    if (Math.abs(v) < 1e9)
      for (let k = 1, p = 10; k <= 6; k++, p *= 10) {
        const r = Math.round(v * p);
        if (r / p === v) return { m: BigInt(r), e: -k };
      }
    return fromString(String(Number(v.toPrecision(15))));
  }
  if (v instanceof Decimal) return v.isFinite() ? fromString(v.toString()) : null;
  if (typeof v === "string") return fromString(v);
  return null;
}

/** The integers of a column brought to one scale (the finest): x_i = out[i] × 10^e. */
export function commonScale(xs: Scaled[]): { ints: bigint[]; e: number } {
  let e = 0;
  for (const x of xs) if (x.e < e) e = x.e;
  return { ints: xs.map((x) => (x.e === e ? x.m : x.m * pow10(x.e - e))), e };
}

/** a / b as a fraction num/den (den > 0) for a, b given scaled. */
export function ratio(a: Scaled, b: Scaled): { num: bigint; den: bigint } {
  let num = a.m;
  let den = b.m;
  if (a.e >= b.e) num *= pow10(a.e - b.e);
  else den *= pow10(b.e - a.e);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  return { num, den };
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/** Nearest integer to a/b, halves away from zero (b > 0). */
export function roundHalfUpDiv(a: bigint, b: bigint): bigint {
  const q = floorDiv(2n * a + b, 2n * b);
  return a < 0n ? -floorDiv(-2n * a + b, 2n * b) : q;
}

/** m × 10^e as a Decimal. */
export function toDecimal(m: bigint, e: number): Decimal {
  if (e >= 0) return new Decimal((m * pow10(e)).toString());
  const neg = m < 0n;
  const s = (neg ? -m : m).toString().padStart(-e + 1, "0");
  const cut = s.length + e;
  return new Decimal(`${neg ? "-" : ""}${s.slice(0, cut)}.${s.slice(cut)}`);
}

/** The value as a Decimal. */
export function scaledToDecimal(x: Scaled): Decimal {
  return toDecimal(x.m, x.e);
}
