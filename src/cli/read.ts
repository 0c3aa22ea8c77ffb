/**
 * Reading workbook files for the command line: .xlsx/.xlsm (streamed, see reader/xlsx.ts), .csv,
 * and .xls / WPS .et / .ods (parsed sandboxed, see reader/sandboxed.ts), all through one
 * interface. The review engine expects what Office.js `range.values` gives, so each cell is
 * converted to exactly that: numbers (a date is its serial — the number stored in the file),
 * strings, booleans, "" for a blank cell, a formula's cached result, rich text as its plain text,
 * a hyperlink's text, an error value as its text ("#N/A").
 *
 * Every file is bounded (reader/limits.ts): a breach, a damaged or encrypted file, or anything
 * that is not a workbook is an UnreadableFile with a bilingual reason — never a crash or a hang.
 */
import * as fs from "fs";
import * as path from "path";
import { bi } from "../core/i18n";
import { readCsv } from "./reader/csv";
import { Budget, UnreadableFile, damaged, tooLarge, withinTime } from "./reader/limits";
import { readSandboxed } from "./reader/sandboxed";
import type { OnSheet, ReadOptions, WorkbookRead } from "./reader/types";
import { readOoxml } from "./reader/xlsx";
import { readWebExtensionParts } from "./reader/webextensions";
import { openZip } from "./reader/zip";

export type {
  CellValue,
  FileFormat,
  ReadOptions,
  SheetEnd,
  SheetHandler,
  SheetStart,
  WorkbookRead,
} from "./reader/types";
export { DEFAULT_LIMITS, UnreadableFile } from "./reader/limits";
export type { ReadLimits } from "./reader/limits";
import type { CellValue } from "./reader/types";

/** File name endings the command reads (lower case); a folder scan picks these. */
export const READABLE_EXTENSIONS: readonly string[] = [
  ".xlsx",
  ".xlsm",
  ".xls",
  ".et",
  ".ods",
  ".csv",
];

/** Serial of a JS Date that exceljs made from a date cell (UTC midnight for a whole day). */
export function serialFromDate(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/**
 * One exceljs cell value (as `cell.value` gives it in a non-streaming workbook) converted to
 * what `range.values` gives. Used by anything that reads a workbook with exceljs's reader.
 */
export function toRangeValue(v: unknown): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialFromDate(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    }
    if ("error" in o && typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) return toRangeValue(o.result);
    if ("hyperlink" in o || "text" in o) return toRangeValue(o.text);
  }
  return String(v);
}

/** "G7" → {row: 7, col: 6}. Lenient (no range check): for addresses this program wrote. */
export function decodeAddress(ref: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return { row: parseInt(ref.slice(i), 10), col: col - 1 };
}

// ── what the file is ──

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const starts = (b: Buffer, magic: number[]) => magic.every((m, i) => b[i] === m);

const NOT_A_WORKBOOK = bi(
  "不是可读取的工作簿（支持 .xlsx、.xlsm、.xls、.et、.ods、.csv）",
  "not a readable workbook (.xlsx, .xlsm, .xls, .et, .ods and .csv are read)"
);

/** Rejects, with a bilingual reason, what is plainly not a file to read (missing, folder, empty). */
export function checkFileKind(file: string): fs.Stats {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new UnreadableFile(bi("文件不存在或无法访问", "file not found or not accessible"));
  }
  if (st.isDirectory()) throw new UnreadableFile(bi("这是一个文件夹", "this is a folder"));
  if (st.size === 0)
    throw new UnreadableFile(bi("文件为空（0 字节）", "the file is empty (0 bytes)"));
  return st;
}

function readBytes(file: string, budget: Budget): Buffer {
  const st = checkFileKind(file);
  if (st.size > budget.limits.maxFileBytes) {
    const mib = Math.round(budget.limits.maxFileBytes / 2 ** 20);
    throw tooLarge(bi(`文件大于 ${mib} MiB`, `the file is larger than ${mib} MiB`));
  }
  try {
    return fs.readFileSync(file); // read only: the input is never opened for writing
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new UnreadableFile(bi(`无法读取文件（${code}）`, `the file cannot be read (${code})`));
  }
}

/**
 * Reads every worksheet of a workbook file in tab order, calling `onSheet` as each begins.
 * Throws UnreadableFile with a bilingual reason for a file that cannot be read, or whose reading
 * would pass a limit (ReadOptions.limits).
 */
export async function readWorkbook(
  file: string,
  onSheet: OnSheet,
  opts: ReadOptions = {}
): Promise<WorkbookRead> {
  const budget = new Budget(opts.limits);
  const buf = readBytes(file, budget);
  const ext = path.extname(file).toLowerCase();
  try {
    return await withinTime(budget, () => readBuffer(buf, ext, file, onSheet, budget, opts));
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    const m = (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 120);
    if (e instanceof RangeError) {
      throw tooLarge(
        bi(`读取时内存或栈不足（${m}）`, `out of memory or stack while reading (${m})`)
      );
    }
    throw damaged(bi(m, m));
  }
}

async function readBuffer(
  buf: Buffer,
  ext: string,
  file: string,
  onSheet: OnSheet,
  budget: Budget,
  opts: ReadOptions
): Promise<WorkbookRead> {
  let sheets = 0;
  const counted: OnSheet = (s) => {
    sheets++;
    return onSheet(s);
  };
  if (starts(buf, ZIP_MAGIC)) {
    const zip = await openZip(buf, budget);
    try {
      if (zip.has("xl/workbook.xml") || zip.has("_rels/.rels")) {
        if (opts.onWebExtensions) opts.onWebExtensions(await readWebExtensionParts(zip));
        await readOoxml(zip, counted, budget, opts.onProgress);
        if (sheets === 0) throw noSheet();
        return { format: ext === ".xlsm" ? "xlsm" : "xlsx", sheets };
      }
      if (zip.has("content.xml") && zip.has("mimetype")) {
        const mime = await zip.text("mimetype");
        if (mime.trim() === "application/vnd.oasis.opendocument.spreadsheet") {
          await readSandboxed(buf, counted, budget);
          opts.onProgress?.(1, 0);
          return { format: "ods", sheets };
        }
      }
    } finally {
      zip.close();
    }
    throw noSheet();
  }
  if (starts(buf, OLE_MAGIC) || ext === ".xls" || ext === ".et") {
    // .xls and WPS .et are OLE compound files (so is an encrypted .xlsx); national systems also
    // export HTML tables named .xls, which the same reader takes
    await readSandboxed(buf, counted, budget);
    opts.onProgress?.(1, 0);
    return { format: ext === ".et" ? "et" : "xls", sheets };
  }
  if (ext === ".csv") {
    readCsv(buf, file, counted, budget);
    opts.onProgress?.(1, 0);
    return { format: "csv", sheets };
  }
  throw new UnreadableFile(NOT_A_WORKBOOK);
}

function noSheet(): UnreadableFile {
  return damaged(
    bi(
      "压缩包中没有 Excel 工作表：不是有效的 .xlsx 文件",
      "no Excel worksheet in the archive: not a valid .xlsx file"
    )
  );
}
