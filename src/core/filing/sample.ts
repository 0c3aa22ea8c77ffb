/**
 * A reproducible random sample (34号 第（十六）条1: 抽查面不低于 60 % / 30 %).
 *
 * Same ids, fraction and seed → same sample, on every machine and in every JavaScript engine:
 * no Math.random, no floating-point arithmetic on the draw. Each id gets a 32-bit score,
 *
 *     score(id) = fmix32(FNV-1a-32(seed + "\u001f" + id))
 *
 * (FNV-1a over the UTF-16 code units; fmix32 is MurmurHash3's finaliser), and the
 * ceil(fraction × n) ids with the smallest scores are drawn (ties, i.e. equal ids, by position).
 * A score depends only on the seed and the id itself, so the sample does not change when the
 * list is sorted differently, and anyone can recompute it. The draw is returned in the order
 * of the input.
 */
import { Decimal } from "../money";

/** FNV-1a, 32 bits, over UTF-16 code units. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads FNV's low-entropy bits over the word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The canonical text of a seed: numbers as Excel shows them (2024, not 2024.0000000001). */
export function seedText(seed: number | string): string {
  if (typeof seed === "number")
    return new Decimal(Number(seed.toPrecision(15)).toString()).toString();
  return seed.trim();
}

/** The text of an id as it is scored: trimmed; numbers as Excel shows them. */
export function idText(id: unknown): string {
  if (typeof id === "number") return seedText(id);
  return String(id).trim();
}

export function sampleScore(seed: string, id: string): number {
  return fmix32(fnv1a32(`${seed}\u001f${id}`));
}

/** ceil(fraction × n), exactly (0.3 × 10 = 3, not 3.0000000000000004 → 4). */
export function sampleSize(fraction: Decimal.Value, n: number): number {
  return new Decimal(fraction).times(n).ceil().toNumber();
}

/**
 * Indices (ascending, i.e. input order) of the ceil(fraction × ids.length) ids drawn with
 * `seed`. `fraction` in (0, 1].
 */
export function drawSample(
  ids: readonly unknown[],
  fraction: Decimal.Value,
  seed: number | string
): number[] {
  const s = seedText(seed);
  const k = sampleSize(fraction, ids.length);
  const scored = ids.map((id, i) => ({ i, score: sampleScore(s, idText(id)) }));
  scored.sort((a, b) => a.score - b.score || a.i - b.i);
  return scored
    .slice(0, k)
    .map((x) => x.i)
    .sort((a, b) => a - b);
}
