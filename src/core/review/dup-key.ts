/**
 * Keys of the duplicate-entry check (XJ76-2-1), held compactly: each key's parts are hashed as
 * they are copied into one growing character arena (no joined string per row, no string hashing
 * by the Map), and a hash match is confirmed by comparing the stored characters — two different
 * keys with the same hash are never taken for a duplicate.
 */

const SEP = 1; // between parts ("\u0001", which no cell text holds)

export class DuplicateKeys {
  /** hash → the newest entry with that hash; older ones follow `next`. */
  private readonly heads = new Map<number, number>();
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  private start = new Int32Array(1 << 12);
  private length = new Int32Array(1 << 12);
  private next = new Int32Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private count = 0;

  /** Entries held. */
  get size(): number {
    return this.count;
  }

  /**
   * The row that first had the key made of `parts`; when none did, the key is remembered for
   * `row` and undefined is returned.
   */
  firstOrAdd(row: number, parts: readonly string[]): number | undefined {
    // copy the parts to the arena's end while hashing them (FNV-1a over UTF-16 code units)
    const at = this.used;
    let n = 0;
    for (let p = 0; p < parts.length; p++) n += parts[p].length + 1;
    this.reserve(n);
    const a = this.chars;
    let h = 0x811c9dc5;
    let k = at;
    for (let p = 0; p < parts.length; p++) {
      const s = parts[p];
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        a[k++] = c;
        h = Math.imul(h ^ c, 0x01000193);
      }
      a[k++] = SEP;
      h = Math.imul(h ^ SEP, 0x01000193);
    }
    const hash = (h >>> 2) | 0; // a small integer: a fast Map key
    const head = this.heads.get(hash);
    for (let e = head ?? -1; e >= 0; e = this.next[e]) {
      if (this.length[e] === n && this.same(this.start[e], at, n)) return this.rows[e];
    }
    // new: keep the characters just written
    const e = this.count++;
    this.grow();
    this.start[e] = at;
    this.length[e] = n;
    this.rows[e] = row;
    this.next[e] = head ?? -1;
    this.heads.set(hash, e);
    this.used = at + n;
    return undefined;
  }

  private same(x: number, y: number, n: number): boolean {
    const a = this.chars;
    for (let i = 0; i < n; i++) if (a[x + i] !== a[y + i]) return false;
    return true;
  }

  private reserve(n: number): void {
    if (this.used + n <= this.chars.length) return;
    let size = this.chars.length * 2;
    while (size < this.used + n) size *= 2;
    const bigger = new Uint16Array(size);
    bigger.set(this.chars.subarray(0, this.used));
    this.chars = bigger;
  }

  private grow(): void {
    if (this.count <= this.start.length) return;
    const size = this.start.length * 2;
    const widen = (x: Int32Array) => {
      const y = new Int32Array(size);
      y.set(x);
      return y;
    };
    this.start = widen(this.start);
    this.length = widen(this.length);
    this.next = widen(this.next);
    this.rows = widen(this.rows);
  }
}
