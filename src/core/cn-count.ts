/** A small count as people write it in a rule or a table: 4, 一…十, 十一…十九, 二十…九十九 (两 for 二). */
const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

export function readCount(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[一二两三四五六七八九十]+$/.test(s)) {
    const t = s.indexOf("十");
    if (t < 0) return s.length === 1 ? CN_DIGITS[s] : null;
    const tens = t === 0 ? 1 : CN_DIGITS[s.slice(0, t)];
    const ones = t === s.length - 1 ? 0 : CN_DIGITS[s.slice(t + 1)];
    return tens !== undefined && ones !== undefined && s.length <= 3 ? tens * 10 + ones : null;
  }
  return null;
}
