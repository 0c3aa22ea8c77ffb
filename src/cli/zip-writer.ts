/**
 * A small synchronous zip writer for the report workbook: each part is deflated as it is written
 * (at level 1, in 1 MiB blocks each compressed on its own and joined with sync flushes, so nothing waits on a stream and no part
 * is held whole in memory), straight into the output file. Local headers are patched with the
 * CRC and sizes once a part is complete (no data descriptors). No Zip64: a report that would need
 * it (a part or the archive past 4 GiB) fails with a clear error instead of a damaged file.
 */
import * as fs from "fs";
import * as zlib from "zlib";

/** Bytes collected before a block is deflated. */
const BLOCK_BYTES = 1 << 20;
const MAX32 = 0xffffffff;

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  csize: number;
}

/** DOS date and time of now (zip headers). */
function dosTime(d = new Date()): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function tooBig(): Error {
  return new Error("the report would be larger than 4 GiB (a zip without Zip64)");
}

/** One part being written: text goes in with `write`, `close` ends it. */
export class PartWriter {
  private readonly block = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;
  private crc = 0;
  private size = 0;
  private csize = 0;
  private closed = false;

  constructor(
    private readonly zip: ZipWriter,
    private readonly entry: Entry,
    private readonly level: number
  ) {}

  write(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (this.used + s.length * 3 > BLOCK_BYTES) {
      this.flush(false);
      if (s.length * 3 > BLOCK_BYTES) {
        this.deflate(Buffer.from(s, "utf8"), false);
        return;
      }
    }
    this.used += this.block.write(s, this.used, "utf8");
  }

  private flush(final: boolean): void {
    this.deflate(this.block.subarray(0, this.used), final);
    this.used = 0;
  }

  private deflate(buf: Buffer, final: boolean): void {
    if (buf.length) {
      this.crc = zlib.crc32(buf, this.crc);
      this.size += buf.length;
    }
    const out = zlib.deflateRawSync(buf, {
      level: this.level,
      finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    });
    this.csize += out.length;
    if (this.size > MAX32 || this.csize > MAX32) throw tooBig();
    this.zip.append(out);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush(true);
    Object.assign(this.entry, { crc: this.crc >>> 0, size: this.size, csize: this.csize });
    this.zip.endPart(this.entry);
  }
}

export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: Entry[] = [];
  private open: PartWriter | null = null;
  private readonly stamp = dosTime();

  /** Creates `file` (it must not exist: the caller writes to a fresh temporary name). */
  constructor(
    file: string,
    private readonly level = 1
  ) {
    this.fd = fs.openSync(file, "wx");
  }

  /** Starts a part; the previous one must be closed. */
  part(name: string): PartWriter {
    if (this.open) throw new Error("a zip part is still open");
    const entry: Entry = {
      name: Buffer.from(name, "utf8"),
      offset: this.offset,
      crc: 0,
      size: 0,
      csize: 0,
    };
    this.append(this.localHeader(entry));
    this.open = new PartWriter(this, entry, this.level);
    return this.open;
  }

  /** A whole small part at once. */
  add(name: string, text: string): void {
    const p = this.part(name);
    p.write(text);
    p.close();
  }

  /** @internal */
  append(buf: Buffer): void {
    let done = 0;
    while (done < buf.length) done += fs.writeSync(this.fd, buf, done, buf.length - done);
    this.offset += buf.length;
    if (this.offset > MAX32) throw tooBig();
  }

  /** @internal: the part is complete — its local header gets the CRC and sizes. */
  endPart(entry: Entry): void {
    const h = this.localHeader(entry);
    fs.writeSync(this.fd, h, 0, h.length, entry.offset);
    this.entries.push(entry);
    this.open = null;
  }

  private localHeader(e: Entry): Buffer {
    const h = Buffer.alloc(30 + e.name.length);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    h.writeUInt16LE(0x0800, 6); // names are UTF-8
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.csize, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(0, 28);
    e.name.copy(h, 30);
    return h;
  }

  /** Writes the central directory and closes the file. */
  finish(): void {
    if (this.open) throw new Error("a zip part is still open");
    try {
      const start = this.offset;
      for (const e of this.entries) {
        const h = Buffer.alloc(46 + e.name.length);
        h.writeUInt32LE(0x02014b50, 0);
        h.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
        h.writeUInt16LE(20, 6);
        h.writeUInt16LE(0x0800, 8);
        h.writeUInt16LE(8, 10);
        h.writeUInt16LE(this.stamp.time, 12);
        h.writeUInt16LE(this.stamp.date, 14);
        h.writeUInt32LE(e.crc, 16);
        h.writeUInt32LE(e.csize, 20);
        h.writeUInt32LE(e.size, 24);
        h.writeUInt16LE(e.name.length, 28);
        // extra, comment, disk, internal attributes: 0
        h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
        h.writeUInt32LE(e.offset, 42);
        e.name.copy(h, 46);
        this.append(h);
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.entries.length, 8);
      end.writeUInt16LE(this.entries.length, 10);
      end.writeUInt32LE(this.offset - start, 12);
      end.writeUInt32LE(start, 16);
      this.append(end);
    } finally {
      fs.closeSync(this.fd);
    }
  }

  /** Closes the file without finishing it (the caller removes it). */
  abandon(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
