/**
 * THE OLD READER, kept for the benchmark only (bench/cli.bench.ts measures the new reader,
 * src/cli/read.ts, against it in the same run). It is the command line's reader before issue 11,
 * unchanged but for this comment and its imports: exceljs 4.4.0's streaming WorkbookReader,
 * which loses shared strings when sheets precede sharedStrings.xml, spools such sheets to the
 * temporary folder, and can leave its promise unsettled on a damaged file. Not used by the product.
 *
 * Reading .xlsx files for the command line, streaming, with exceljs's zip and XML machinery.
 *
 * The review engine expects what Office.js `range.values` gives, so each cell is converted to
 * exactly that: numbers (a date is its serial — the number stored in the file), strings,
 * booleans, "" for a blank cell, a formula's cached result, rich text as its plain text, a
 * hyperlink's text, an error value as its text ("#N/A"). exceljs's own row objects lose some of
 * this for formula cells (a boolean or error result becomes a number or NaN), so the sheet XML is
 * read here directly from the entry exceljs's WorkbookReader hands over.
 */
import * as fs from "fs";
import * as ExcelJS from "exceljs";
import { bi } from "../src/core/i18n";
import { plainCellValue } from "../src/cli/reader/cells";
import {
  CellValue,
  ReadOptions,
  SheetHandler,
  SheetStart,
  UnreadableFile,
  decodeAddress,
  toRangeValue,
} from "../src/cli/read";

// exceljs's own SAX helper (saxes underneath); a deep require, exceljs has no "exports" map.
const parseSax: (
  iterable: AsyncIterable<unknown>
) => AsyncIterable<SaxEvent[]> = require("exceljs/lib/utils/parse-sax");

interface SaxNode {
  name: string;
  attributes: Record<string, string>;
}
type SaxEvent =
  | { eventType: "opentag"; value: SaxNode }
  | { eventType: "closetag"; value: SaxNode }
  | { eventType: "text"; value: string };

// ── file checks before unzipping ──

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Rejects, with a bilingual reason, what is plainly not an .xlsx before it is unzipped. */
export function checkFileKind(path: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(path);
  } catch {
    throw new UnreadableFile(bi("文件不存在或无法访问", "file not found or not accessible"));
  }
  if (st.isDirectory()) throw new UnreadableFile(bi("这是一个文件夹", "this is a folder"));
  if (st.size === 0)
    throw new UnreadableFile(bi("文件为空（0 字节）", "the file is empty (0 bytes)"));
  const head = Buffer.alloc(8);
  const fd = fs.openSync(path, "r");
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (OLE_MAGIC.every((b, i) => head[i] === b)) {
    throw new UnreadableFile(
      bi(
        "文件已加密（设有打开密码），或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再审查",
        "the file is encrypted (password to open) or an old .xls: remove the password or save it as .xlsx in Excel, then review it again"
      )
    );
  }
  if (!ZIP_MAGIC.every((b, i) => head[i] === b)) {
    throw new UnreadableFile(
      bi("不是 .xlsx 文件（不是 zip 压缩包）", "not an .xlsx file (not a zip archive)")
    );
  }
}

// ── streaming read ──

/** Rows between progress reports. */
const PROGRESS_ROWS = 2000;

type WorksheetReaderLike = {
  name?: string;
  id?: number;
  iterator: AsyncIterable<unknown>;
  workbook: {
    sharedStrings?: unknown[];
    styles: { getStyleModel(id: number): { numFmt?: string } | null };
    model?: { sheets?: { name: string; id: number; rId: string }[] };
  };
};

function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhs]/i.test(f);
}

/**
 * Streams every worksheet of an .xlsx, calling `onSheet` as each begins. Sheets arrive in the
 * order they are stored in the zip (usually tab order); `SheetStart.index` gives the tab order.
 * Throws UnreadableFile with a bilingual reason for a file that is not a readable workbook.
 */
export async function readWorkbook(
  path: string,
  onSheet: (s: SheetStart) => SheetHandler,
  opts: ReadOptions = {}
): Promise<void> {
  checkFileKind(path);
  const input = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    entries: "ignore",
  });
  let sheets = 0;
  let rowsBefore = 0;
  try {
    for await (const ws of reader as unknown as AsyncIterable<WorksheetReaderLike>) {
      const names = ws.workbook.model?.sheets ?? [];
      const index = Math.max(
        0,
        names.findIndex((s) => s.name === ws.name)
      );
      const count = Math.max(1, names.length);
      const done = sheets;
      const progress = opts.onProgress
        ? (share: number, rows: number) =>
            opts.onProgress!(Math.min(1, (done + share) / count), rowsBefore + rows)
        : undefined;
      rowsBefore += await readSheet(
        ws,
        ws.name ?? `Sheet${ws.id ?? sheets + 1}`,
        index,
        onSheet,
        progress
      );
      sheets++;
      opts.onProgress?.(Math.min(1, sheets / count), rowsBefore);
    }
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    throw new UnreadableFile(
      bi(
        `文件已损坏，无法读取（${shortError(e)}）`,
        `the file is damaged and cannot be read (${shortError(e)})`
      )
    );
  } finally {
    input.destroy();
  }
  if (sheets === 0) {
    throw new UnreadableFile(
      bi(
        "压缩包中没有 Excel 工作表：不是有效的 .xlsx 文件，或文件已损坏",
        "no Excel worksheet in the archive: not a valid .xlsx file, or the file is damaged"
      )
    );
  }
}

function shortError(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n")[0].slice(0, 120);
}

async function readSheet(
  ws: WorksheetReaderLike,
  name: string,
  index: number,
  onSheet: (s: SheetStart) => SheetHandler,
  progress?: (share: number, rows: number) => void
): Promise<number> {
  const shared = ws.workbook.sharedStrings ?? [];
  const styles = ws.workbook.styles;
  const dateStyle = new Map<number, boolean>();
  const isDateStyle = (s: number): boolean => {
    let d = dateStyle.get(s);
    if (d === undefined) {
      d = isDateFormat(styles.getStyleModel(s)?.numFmt);
      dateStyle.set(s, d);
    }
    return d;
  };

  let handler: SheetHandler | null = null;
  let dimension: { rows: number; cols: number } | undefined;
  const start = (): SheetHandler => (handler ??= onSheet({ name, index, dimension }));

  const merges: string[] = [];
  const dateColumns = new Set<number>();
  const widths = new Map<number, number>();

  // parse state
  let rowNumber = 0;
  let values: CellValue[] | null = null;
  let nonBlank = false;
  let col = -1;
  let t: string | undefined;
  let style = 0;
  let text: string | null = null; // text of <v> or of the <t>s of an inline string
  let inV = false;
  let inIs = false;
  let inT = false;
  let inRph = false;

  let rowsSeen = 0;
  let depth = 0; // open elements: a sheet whose XML stops early is damaged, not short
  let elements = 0;
  for await (const events of parseSax(ws.iterator)) {
    for (const ev of events) {
      if (ev.eventType === "opentag") {
        const node = ev.value;
        depth++;
        elements++;
        switch (localName(node.name)) {
          case "dimension": {
            const ref = node.attributes.ref ?? "";
            const last = ref.split(":").pop() ?? "";
            const a = decodeAddress(last);
            if (a.row > 0) dimension = { rows: a.row, cols: a.col + 1 };
            break;
          }
          case "col": {
            const w = parseFloat(node.attributes.width);
            const min = parseInt(node.attributes.min, 10);
            const max = Math.min(parseInt(node.attributes.max, 10), min + 200);
            if (Number.isFinite(w)) for (let c = min; c <= max; c++) widths.set(c - 1, w);
            break;
          }
          case "row":
            start();
            if (progress && ++rowsSeen % PROGRESS_ROWS === 0) {
              progress(dimension ? Math.min(1, rowNumber / dimension.rows) : 0, rowsSeen);
            }
            rowNumber = node.attributes.r ? parseInt(node.attributes.r, 10) : rowNumber + 1;
            values = [];
            nonBlank = false;
            col = -1;
            break;
          case "c":
            col = node.attributes.r ? decodeAddress(node.attributes.r).col : col + 1;
            t = node.attributes.t;
            style = node.attributes.s ? parseInt(node.attributes.s, 10) : 0;
            text = null;
            break;
          case "v":
            inV = true;
            text = "";
            break;
          case "is":
            inIs = true;
            text = "";
            break;
          case "rPh": // phonetic guide text is not part of the value
            inRph = true;
            break;
          case "t":
            if (inIs) inT = true;
            break;
          case "mergeCell":
            if (node.attributes.ref) merges.push(node.attributes.ref);
            break;
        }
      } else if (ev.eventType === "text") {
        if (inV || (inT && !inRph)) text += ev.value;
      } else {
        depth--;
        switch (localName(ev.value.name)) {
          case "v":
            inV = false;
            break;
          case "t":
            inT = false;
            break;
          case "rPh":
            inRph = false;
            break;
          case "is":
            inIs = false;
            break;
          case "c":
            if (values && text !== null) {
              const v = cellValue(t, text, shared);
              if (v !== "") {
                while (values.length < col) values.push("");
                values[col] = v;
                nonBlank = true;
                if (typeof v === "number" && style && isDateStyle(style)) dateColumns.add(col);
              }
            }
            text = null;
            break;
          case "row":
            if (values && nonBlank) start().row(rowNumber, values);
            values = null;
            break;
        }
      }
    }
  }
  if (depth !== 0 || elements === 0) {
    throw new UnreadableFile(
      bi(
        `文件已损坏：工作表「${name}」的内容不完整`,
        `the file is damaged: the content of sheet "${name}" is incomplete`
      )
    );
  }
  start().end({ merges, dateColumns, widths });
  return rowsSeen;
}

/** "x:row" → "row": some producers write the SpreadsheetML namespace with a prefix. */
function localName(n: string): string {
  const i = n.indexOf(":");
  return i < 0 ? n : n.slice(i + 1);
}

function cellValue(t: string | undefined, text: string, shared: unknown[]): CellValue {
  switch (t) {
    case "s":
      return toRangeValue(shared[parseInt(text, 10)]);
    default: // unchanged, now shared with the new reader
      return plainCellValue(t, text);
  }
}
