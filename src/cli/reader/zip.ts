/**
 * A zip archive read through its central directory (yauzl), from a buffer: parts can be read in
 * any order whatever their order in the file, nothing is written to disk, and each part is
 * bounded by the budget (uncompressed size, compression ratio, time) while it inflates.
 */
import * as yauzl from "yauzl";
import * as zlib from "zlib";
import { bi } from "../../core/i18n";
import { Budget, UnreadableFile, damaged, tooLarge } from "./limits";

/** More entries than any workbook has (a sheet, its rels, drawings… per sheet). */
const MAX_ENTRIES = 50_000;
/** The compression ratio is judged only once a part has inflated this far. */
const RATIO_FLOOR = 2 ** 20;
/** Bytes an inflate step hands over. */
const INFLATE_CHUNK = 256 * 2 ** 10;

export interface ZipArchive {
  /** Entry names as stored ("xl/workbook.xml"). */
  names(): string[];
  has(name: string): boolean;
  /** Uncompressed size the central directory states (validated while reading). */
  size(name: string): number;
  /** A whole part as text (for the small parts: workbook, rels, styles, shared strings). */
  text(name: string): Promise<string>;
  /** Streams a part's bytes to `onChunk`; rejects on any inflate error or breach. */
  stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void>;
  close(): void;
}

function zipError(e: unknown): UnreadableFile {
  if (e instanceof UnreadableFile) return e;
  const m = e instanceof Error ? e.message : String(e);
  const short = m.split("\n")[0].slice(0, 120);
  return damaged(bi(`压缩包错误：${short}`, `zip error: ${short}`));
}

export function openZip(buf: Buffer, budget: Budget): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buf,
      {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: true,
        validateEntrySizes: true,
        strictFileNames: false,
      },
      (err, zip) => {
        if (err || !zip) return reject(zipError(err));
        const entries = new Map<string, yauzl.Entry>();
        const lower = new Map<string, string>();
        zip.on("error", (e) => reject(zipError(e)));
        zip.on("entry", (entry: yauzl.Entry) => {
          if (entries.size >= MAX_ENTRIES) {
            zip.close();
            return reject(damaged(bi("压缩包中的条目过多", "too many entries in the archive")));
          }
          const name = entry.fileName.replace(/^\/+/, "");
          if (!name.endsWith("/")) {
            entries.set(name, entry);
            lower.set(name.toLowerCase(), name);
          }
          zip.readEntry();
        });
        zip.on("end", () => resolve(archive(zip, entries, lower, budget)));
        zip.readEntry();
      }
    );
  });
}

function archive(
  zip: yauzl.ZipFile,
  entries: Map<string, yauzl.Entry>,
  lower: Map<string, string>,
  budget: Budget
): ZipArchive {
  // Part names are case-insensitive in OPC (ECMA-376 Part 2 §9.1.1.1).
  const find = (name: string): yauzl.Entry | undefined =>
    entries.get(name) ?? entries.get(lower.get(name.toLowerCase()) ?? "");

  const stream = (name: string, onChunk: (chunk: Buffer) => void): Promise<void> => {
    const entry = find(name);
    if (!entry) return Promise.reject(damaged(bi(`缺少 ${name}`, `${name} is missing`)));
    if (entry.uncompressedSize > budget.limits.maxUncompressedBytes - budget.uncompressed) {
      return Promise.reject(budget.uncompressedBreach());
    }
    const deflated = entry.compressionMethod === 8;
    return new Promise<void>((resolve, reject) => {
      // deflated parts are inflated here, in large chunks (yauzl's own inflater hands over 16 KiB
      // at a time, which costs more than the parse); sizes are checked as yauzl would
      const opts = deflated ? { decompress: false } : {};
      zip.openReadStream(entry, opts as yauzl.ZipFileOptions, (err, raw) => {
        if (err || !raw) return reject(zipError(err));
        const rs: NodeJS.ReadableStream & { destroy(): void } = deflated
          ? raw.pipe(zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK }))
          : raw;
        let bytes = 0;
        const compressed = Math.max(1, entry.compressedSize);
        const fail = (e: unknown) => {
          raw.destroy();
          rs.destroy();
          reject(zipError(e));
        };
        raw.on("error", fail);
        rs.on("error", fail);
        rs.on("data", (chunk: Buffer) => {
          try {
            bytes += chunk.length;
            budget.addUncompressed(chunk.length);
            if (bytes > RATIO_FLOOR && bytes / compressed > budget.limits.maxCompressionRatio) {
              throw tooLarge(
                bi(
                  `${name} 的压缩比超过 ${budget.limits.maxCompressionRatio} 倍（疑为压缩炸弹）`,
                  `${name} expands more than ${budget.limits.maxCompressionRatio}× (a zip bomb?)`
                )
              );
            }
            budget.checkTime();
            onChunk(chunk);
          } catch (e) {
            fail(e);
          }
        });
        rs.on("end", () => {
          if (bytes !== entry.uncompressedSize) {
            return reject(
              damaged(
                bi(
                  `${name} 的大小与目录不符（${bytes} / ${entry.uncompressedSize}）`,
                  `${name} does not have the size the directory states (${bytes} / ${entry.uncompressedSize})`
                )
              )
            );
          }
          resolve();
        });
      });
    });
  };

  return {
    names: () => [...entries.keys()],
    has: (name) => find(name) !== undefined,
    size: (name) => find(name)?.uncompressedSize ?? 0,
    async text(name) {
      const parts: Buffer[] = [];
      await stream(name, (c) => parts.push(c));
      return decodeXmlBytes(Buffer.concat(parts));
    },
    stream,
    close: () => zip.close(),
  };
}

/** XML parts are UTF-8 (with or without a BOM) or, rarely, UTF-16 with a BOM. */
export function decodeXmlBytes(b: Buffer): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  return new TextDecoder("utf-8").decode(b); // drops a UTF-8 BOM
}
