/**
 * 34号 第（十六）条1 for a list an office fills in by hand: does it reach the floors? At least
 * ceil(60 % × poor counties) counties and ceil(30 % × projects with a single subsidy of 50万元
 * or more) such projects (不低于 includes the floor; 以上 includes 50万). Only checked ids that
 * are in the eligible population count; the others are named, never counted silently.
 */
import { Decimal } from "../money";
import { idText, sampleSize } from "./sample";

export interface FloorCheck {
  /** ceil(fraction × eligible). */
  need: number;
  /** Distinct checked ids found among the eligible ones. */
  counted: number;
  /** Checked ids that are not eligible (not in the population, or below the threshold). */
  outside: string[];
  /** need − counted, at least 0. */
  short: number;
}

export function spotCheckFloor(
  checked: readonly unknown[],
  eligible: readonly unknown[],
  fraction: Decimal.Value
): FloorCheck {
  const pool = new Set(eligible.map(idText));
  const need = sampleSize(new Decimal(fraction), pool.size);
  const seen = new Set<string>();
  const outside: string[] = [];
  for (const c of checked) {
    const id = idText(c);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    if (!pool.has(id)) outside.push(id);
  }
  const counted = seen.size - outside.length;
  return { need, counted, outside, short: Math.max(0, need - counted) };
}
