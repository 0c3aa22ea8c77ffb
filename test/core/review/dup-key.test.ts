import { DuplicateKeys } from "../../../src/core/review/dup-key";

test("the first row of a key is returned for the same key again, and only for it", () => {
  const k = new DuplicateKeys();
  expect(k.firstOrAdd(5, ["村道", "六合村", "12.5", "财农〔2026〕1号"])).toBeUndefined();
  expect(k.firstOrAdd(9, ["村道", "六合村", "12.5", "财农〔2026〕1号"])).toBe(5);
  // a later duplicate still names the first row
  expect(k.firstOrAdd(12, ["村道", "六合村", "12.5", "财农〔2026〕1号"])).toBe(5);
  expect(k.firstOrAdd(13, ["村道", "六合村", "12.50", "财农〔2026〕1号"])).toBeUndefined();
  expect(k.size).toBe(2);
});

test("parts are kept apart: moving text between parts is a different key", () => {
  const k = new DuplicateKeys();
  expect(k.firstOrAdd(1, ["ab", "c"])).toBeUndefined();
  expect(k.firstOrAdd(2, ["a", "bc"])).toBeUndefined();
  expect(k.firstOrAdd(3, ["abc", ""])).toBeUndefined();
  expect(k.firstOrAdd(4, ["#", "abc"])).toBeUndefined();
  expect(k.firstOrAdd(5, ["a", "bc"])).toBe(2);
});

/** Two different keys with the same FNV-1a hash, found by search (the check must tell them apart). */
function collidingPair(): [string, string] {
  const hash = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 1, 0x01000193);
    return (h >>> 2) | 0;
  };
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const s = `项目${i}`;
    const h = hash(s);
    const other = seen.get(h);
    if (other !== undefined) return [other, s];
    seen.set(h, s);
  }
}

test("a hash collision is never a duplicate: the characters are compared", () => {
  const [a, b] = collidingPair();
  expect(a).not.toBe(b);
  const k = new DuplicateKeys();
  expect(k.firstOrAdd(1, [a])).toBeUndefined();
  expect(k.firstOrAdd(2, [b])).toBeUndefined(); // same hash, different text
  expect(k.firstOrAdd(3, [b])).toBe(2);
  expect(k.firstOrAdd(4, [a])).toBe(1);
});

test("agrees with a plain map of joined keys over many rows (arena and tables grow)", () => {
  const k = new DuplicateKeys();
  const plain = new Map<string, number>();
  for (let row = 1; row <= 30000; row++) {
    const parts = [`第${row % 7919}村项目`, `乡${row % 13}`, String((row * 31) % 5000), ""];
    const joined = parts.join("\u0001");
    const expected = plain.get(joined);
    if (expected === undefined) plain.set(joined, row);
    expect(k.firstOrAdd(row, parts)).toBe(expected);
  }
  expect(k.size).toBe(plain.size);
});
