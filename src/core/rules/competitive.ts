/**
 * 34号 第（四）条: counties are to raise, year by year, the share of funds allocated
 * competitively (以奖代补 and the like). "逐年加大" asks for an increase each year: a share equal
 * to the year before is not an increase, so it is named, like a fall.
 */
import { Decimal } from "../money";
import { Citation, DOCS, SEEDS } from "./citation";

export const COMPETITIVE_CITATION: Citation = {
  document: DOCS.GX34,
  clause: "第（四）条",
  quote: "并逐年加大以獎代補等競爭性分配資金的比例。",
  seed: SEEDS.GX34,
};

/** Indices (1-based positions after the first) of the years whose share did not rise. */
export function notRising(shares: readonly Decimal[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < shares.length; i++) if (!shares[i].greaterThan(shares[i - 1])) out.push(i);
  return out;
}
