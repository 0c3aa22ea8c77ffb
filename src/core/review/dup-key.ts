/**
 * Keys of the duplicate-entry check (XJ76-2-1), held compactly: each key's parts are hashed as
 * they are copied into one growing character arena (no joined string per row, no string hashing
 * by a Map), found again through an open-addressing table of typed arrays, and a hash match is
 * confirmed by comparing the stored characters — two different keys with the same hash are never
 * taken for a duplicate.
 */

const SEP = 1; // between parts ("\u0001", which no cell text holds)
const CHUNK = 1 << 20;

export class DuplicateKeys {
  /**
   * Open addressing (linear probing) over the entries: slot → entry + 1, 0 when free; at most
   * half full. Typed arrays, not a Map: a million keys cost a few flat arrays, not a hash table
   * of boxed entries the collector walks.
   */
  private slots = new Int32Array(1 << 13);
  /**
   * The keys' characters in chunks that are never copied or grown (a key never spans two):
   * memory grows by a chunk at a time, not by doubling one array.
   */
  private readonly chunks: Uint16Array[] = [new Uint16Array(1 << 12)];
  private chars: Uint16Array = this.chunks[0];
  private used = 0;
  private chunkOf = new Int32Array(1 << 12);
  private start = new Int32Array(1 << 12);
  private length = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
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
    let n = 0;
    for (let p = 0; p < parts.length; p++) n += parts[p].length + 1;
    this.reserve(n);
    const at = this.used;
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
    const hash = (h >>> 2) | 0;
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = hash & mask;
    for (let e = slots[i] - 1; e >= 0; e = slots[i] - 1) {
      // a hash match is confirmed on the characters: a collision is never a duplicate
      if (
        this.hashes[e] === hash &&
        this.length[e] === n &&
        this.same(this.chunks[this.chunkOf[e]], this.start[e], at, n)
      )
        return this.rows[e];
      i = (i + 1) & mask;
    }
    // new: keep the characters just written
    const e = this.count++;
    this.grow();
    this.chunkOf[e] = this.chunks.length - 1;
    this.start[e] = at;
    this.length[e] = n;
    this.rows[e] = row;
    this.hashes[e] = hash;
    slots[i] = e + 1;
    this.used = at + n;
    if (this.count * 2 > slots.length) this.rehash();
    return undefined;
  }

  /** Whether `n` characters of `old` at `x` are those of the current chunk at `y`. */
  private same(old: Uint16Array, x: number, y: number, n: number): boolean {
    const a = this.chars;
    for (let i = 0; i < n; i++) if (old[x + i] !== a[y + i]) return false;
    return true;
  }

  /** Room for `n` more characters in the current chunk: a new chunk when it is full. */
  private reserve(n: number): void {
    if (this.used + n <= this.chars.length) return;
    // chunks grow to 1 Mi characters (2 MiB); a longer key has a chunk of its own size
    const size = Math.max(n, Math.min(this.chars.length * 2, CHUNK));
    this.chars = new Uint16Array(size);
    this.chunks.push(this.chars);
    this.used = 0;
  }

  private grow(): void {
    if (this.count <= this.start.length) return;
    const size = this.start.length * 2;
    const widen = (x: Int32Array) => {
      const y = new Int32Array(size);
      y.set(x);
      return y;
    };
    this.chunkOf = widen(this.chunkOf);
    this.start = widen(this.start);
    this.length = widen(this.length);
    this.hashes = widen(this.hashes);
    this.rows = widen(this.rows);
  }

  /** Twice the slots, every entry placed again by its hash. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let i = this.hashes[e] & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = e + 1;
    }
    this.slots = slots;
  }
}
