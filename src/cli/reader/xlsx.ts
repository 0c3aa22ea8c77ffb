/**
 * .xlsx / .xlsm: the package's relationships, workbook, shared strings and styles are read first,
 * whatever their order in the zip (Excel writes the sheets before sharedStrings.xml), then each
 * worksheet is streamed through a SAX tokenizer (saxes) in tab order. Values are converted to
 * what Office.js `range.values` gives: numbers (a date is its serial), strings, booleans, "" for
 * a blank cell, a formula's cached result, rich text as its plain text, an error as its text.
 */
import { SaxesParser } from "saxes";
import { bi } from "../../core/i18n";
import {
  RowSink,
  badAddress,
  decodeOoxmlEscapes,
  isDateFormat,
  parseRef,
  plainCellValue,
} from "./cells";
import {
  Budget,
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_COLS,
  EXCEL_MAX_ROWS,
  damaged,
  tooLarge,
} from "./limits";
import { SheetScanner, type ScanSink } from "./sheet-scan";
import { columnLetters } from "../../core/a1";
import type { CellValue, OnSheet, SheetEnd, SheetHandler } from "./types";
import { ZipArchive } from "./zip";

type Attrs = Record<string, string>;

/** "x:row" → "row": some producers write the SpreadsheetML namespace with a prefix. */
function localName(n: string): string {
  const i = n.indexOf(":");
  return i < 0 ? n : n.slice(i + 1);
}

function newParser(part: string): SaxesParser {
  const p = new SaxesParser({ position: false });
  p.on("error", (e) => {
    throw damaged(
      bi(`${part} 不是有效的 XML：${e.message}`, `${part} is not valid XML: ${e.message}`)
    );
  });
  return p;
}

/** Parses a whole (small) part, calling `open` and `text` as the elements come. */
function parseXml(
  xml: string,
  part: string,
  open: (name: string, attrs: Attrs) => void,
  close?: (name: string) => void,
  text?: (t: string) => void
): void {
  const p = newParser(part);
  p.on("opentag", (node) => open(localName(node.name), node.attributes as Attrs));
  if (close) p.on("closetag", (node) => close(localName(node.name)));
  if (text) p.on("text", text);
  p.write(xml).close();
}

/** The id attribute in the relationships namespace, whatever its prefix (r:id, ns1:id …). */
function relId(attrs: Attrs): string | undefined {
  for (const k in attrs) if (k !== "id" && k.endsWith(":id")) return attrs[k];
  return undefined;
}

/** Relationships of a part: id → {type (last path segment), target resolved to a zip name}. */
async function readRels(
  zip: ZipArchive,
  part: string
): Promise<Map<string, { type: string; target: string }>> {
  const slash = part.lastIndexOf("/");
  const dir = part.slice(0, slash + 1);
  const relsName = `${dir}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  if (!zip.has(relsName)) return out;
  parseXml(await zip.text(relsName), relsName, (name, a) => {
    if (name !== "Relationship" || !a.Id || !a.Target || a.TargetMode === "External") return;
    const type = (a.Type ?? "").split("/").pop() ?? "";
    out.set(a.Id, { type, target: resolvePart(dir, a.Target) });
  });
  return out;
}

/** A relationship target relative to its source's folder ("worksheets/sheet1.xml", "/xl/…", "../"). */
function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

interface SheetEntry {
  name: string;
  part: string;
  state?: "visible" | "hidden" | "veryHidden";
}

interface WorkbookParts {
  sheets: SheetEntry[];
  shared?: string;
  styles?: string;
  date1904: boolean;
}

async function readWorkbookPart(zip: ZipArchive): Promise<WorkbookParts> {
  const root = await readRels(zip, "");
  let wbPart = [...root.values()].find((r) => r.type === "officeDocument")?.target;
  if (!wbPart || !zip.has(wbPart)) wbPart = "xl/workbook.xml";
  if (!zip.has(wbPart)) {
    throw damaged(
      bi(
        "压缩包中没有 Excel 工作簿（xl/workbook.xml）",
        "no Excel workbook (xl/workbook.xml) in the archive"
      )
    );
  }
  const rels = await readRels(zip, wbPart);
  const listed: { name: string; rid?: string; state?: string }[] = [];
  let date1904 = false;
  parseXml(await zip.text(wbPart), wbPart, (name, a) => {
    if (name === "sheet") listed.push({ name: a.name ?? "", rid: relId(a), state: a.state });
    else if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
  });
  const sheets: SheetEntry[] = [];
  for (const s of listed) {
    const rel = s.rid ? rels.get(s.rid) : undefined;
    if (!rel) {
      throw damaged(bi(`工作表「${s.name}」没有对应的部件`, `sheet "${s.name}" has no part`));
    }
    if (rel.type !== "worksheet") continue; // chart sheets, dialog and macro sheets hold no cells
    const state = s.state === "hidden" || s.state === "veryHidden" ? s.state : "visible";
    sheets.push({ name: s.name || rel.target, part: rel.target, state });
  }
  const byType = (t: string) => [...rels.values()].find((r) => r.type === t)?.target;
  return { sheets, shared: byType("sharedStrings"), styles: byType("styles"), date1904 };
}

/** The shared-string table: <si> items, text of their <t>s (phonetic <rPh> runs left out). */
async function readSharedStrings(zip: ZipArchive, part: string, budget: Budget): Promise<string[]> {
  const out: string[] = [];
  let chars = 0;
  const none = () => undefined;
  const scanner = new SheetScanner(
    {
      dimension: none,
      col: none,
      rowStart: none,
      cellStart: none,
      cellEnd: none,
      rowEnd: none,
      mergeCell: none,
      sharedString(text) {
        chars += text.length;
        if (chars > budget.limits.maxSharedStringChars) {
          const cap = budget.limits.maxSharedStringChars.toLocaleString("en");
          throw tooLarge(
            bi(`共享文本超过 ${cap} 个字符`, `more than ${cap} characters of shared text`)
          );
        }
        out.push(decodeOoxmlEscapes(text));
      },
    },
    part
  );
  const decoder = new TextDecoder("utf-8");
  await zip.stream(part, (chunk) => scanner.write(decoder.decode(chunk, { stream: true })));
  scanner.write(decoder.decode());
  scanner.close();
  return out;
}

/** For each cell style (the `s` of a cell), whether it shows a date. */
async function readDateStyles(zip: ZipArchive, part: string | undefined): Promise<boolean[]> {
  if (!part || !zip.has(part)) return [];
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  parseXml(
    await zip.text(part),
    part,
    (name, a) => {
      if (name === "numFmt") codes.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    (name) => {
      if (name === "cellXfs") inCellXfs = false;
    }
  );
  return xfs.map((id) => isDateFormat(id, codes.get(id)));
}

/** Days between the 1904 and the 1900 date systems. */
const DATE1904_OFFSET = 1462;

export async function readOoxml(
  zip: ZipArchive,
  onSheet: OnSheet,
  budget: Budget,
  onProgress?: (fraction: number, rows: number) => void
): Promise<number> {
  const wb = await readWorkbookPart(zip);
  const shared =
    wb.shared && zip.has(wb.shared) ? await readSharedStrings(zip, wb.shared, budget) : null;
  const dateStyles = await readDateStyles(zip, wb.styles);
  const ctx: SheetContext = { shared, dateStyles, date1904: wb.date1904, budget };

  const total = wb.sheets.reduce((n, s) => n + Math.max(1, zip.size(s.part)), 0);
  let doneBytes = 0;
  let rows = 0;
  let index = 0;
  for (const s of wb.sheets) {
    const size = Math.max(1, zip.size(s.part));
    const base = doneBytes;
    const sheetRows = await readSheet(zip, s, index++, onSheet, ctx, (bytes, r) =>
      onProgress?.(Math.min(1, (base + Math.min(bytes, size)) / total), rows + r)
    );
    rows += sheetRows;
    doneBytes += size;
    onProgress?.(Math.min(1, doneBytes / total), rows);
  }
  return wb.sheets.length;
}

interface SheetContext {
  shared: string[] | null;
  dateStyles: boolean[];
  date1904: boolean;
  budget: Budget;
}

const PROGRESS_BYTES = 4 * 2 ** 20;

async function readSheet(
  zip: ZipArchive,
  s: SheetEntry,
  index: number,
  onSheet: OnSheet,
  ctx: SheetContext,
  progress: (bytes: number, rows: number) => void
): Promise<number> {
  const sheet = new SheetRows(s, index, onSheet, ctx);
  const p = new SheetScanner(sheet, s.name);
  await streamPart(zip, s.part, p, (bytes) => progress(bytes, sheet.rows));
  closeSheet(p, s.name);
  return sheet.finish();
}

/** A part streamed through the scanner as UTF-8, with progress every PROGRESS_BYTES. */
async function streamPart(
  zip: ZipArchive,
  part: string,
  p: SheetScanner,
  progress: (bytes: number) => void
): Promise<void> {
  const decoder = new TextDecoder("utf-8");
  let bytes = 0;
  let nextProgress = PROGRESS_BYTES;
  await zip.stream(part, (chunk) => {
    p.write(decoder.decode(chunk, { stream: true }));
    bytes += chunk.length;
    if (bytes >= nextProgress) {
      nextProgress += PROGRESS_BYTES;
      progress(bytes);
    }
  });
  p.write(decoder.decode());
}

/** The scan closed: a sheet that stops early, or whose root is not a worksheet, is damaged. */
function closeSheet(p: SheetScanner, name: string): void {
  try {
    p.close(); // an element left open is an error: a sheet that stops early is damaged, not short
  } catch {
    throw damaged(
      bi(`工作表「${name}」的内容不完整`, `the content of sheet "${name}" is incomplete`)
    );
  }
  const root = p.root;
  if (root !== "worksheet") {
    throw damaged(
      bi(
        `工作表「${name}」的内容不是工作表（${root || "空"}）`,
        `the part of sheet "${name}" is not a worksheet (${root || "empty"})`
      )
    );
  }
}

/**
 * One sheet's elements turned into rows: the handler is opened at the first row (or at the end
 * for a sheet with none), each row's non-blank values go to its RowSink, and the merges, date
 * columns and widths are kept for the sheet's end.
 */
class SheetRows implements ScanSink {
  private handler: SheetHandler | null = null;
  private sink: RowSink | null = null;
  private dimensionSeen: { rows: number; cols: number } | undefined;
  private readonly end: SheetEnd = { merges: [], dateColumns: new Set(), widths: new Map() };
  private readonly name: string;
  // parse state
  private rowNumber = 0;
  private values: CellValue[] | null = null;
  private nonBlank = false;
  private column = -1;
  private t: string | undefined;
  private style = 0;
  /** The current cell's address, for messages only. */
  private readonly where = () => `${columnLetters(this.column)}${this.rowNumber}`;

  constructor(
    private readonly s: SheetEntry,
    private readonly index: number,
    private readonly onSheet: OnSheet,
    private readonly ctx: SheetContext
  ) {
    this.name = s.name;
  }

  /** Rows passed on so far. */
  get rows(): number {
    return this.sink?.rows ?? 0;
  }

  private start(): RowSink {
    if (!this.sink) {
      const { name, index, dimensionSeen: dimension } = this;
      this.handler = this.onSheet({ name, index, dimension, state: this.s.state });
      this.sink = new RowSink(this.handler, this.ctx.budget, name);
    }
    return this.sink;
  }

  /** The sheet's end handed to its handler (opened now if it had no row); its row count. */
  finish(): number {
    this.start();
    this.handler!.end(this.end);
    return this.sink!.rows;
  }

  dimension(ref: string): void {
    const last = parseRef(ref.split(":").pop() ?? "");
    if (last) this.dimensionSeen = { rows: last.row, cols: last.col + 1 };
  }

  col(minText: string, maxText: string, widthText: string): void {
    const w = parseFloat(widthText);
    const min = parseInt(minText, 10);
    const max = Math.min(parseInt(maxText, 10), min + 200, EXCEL_MAX_COLS);
    if (Number.isFinite(w) && min >= 1)
      for (let c = min; c <= max; c++) this.end.widths.set(c - 1, w);
  }

  rowStart(r: string | undefined): void {
    this.start();
    if (r !== undefined) {
      const n = Number(r);
      if (!Number.isInteger(n) || n < 1 || n > EXCEL_MAX_ROWS) throw badAddress(r, this.name);
      this.rowNumber = n;
    } else this.rowNumber++;
    this.values = [];
    this.nonBlank = false;
    this.column = -1;
  }

  cellStart(at: number, badRef: string | null, type: string | undefined, s: number): void {
    if (badRef !== null) throw badAddress(badRef, this.name);
    if (at >= 0) this.column = at;
    else {
      this.column++;
      if (this.column >= EXCEL_MAX_COLS)
        throw badAddress(`R${this.rowNumber}C${this.column + 1}`, this.name);
    }
    this.t = type;
    this.style = s;
  }

  cellEnd(text: string | null): void {
    if (!this.values || text === null) return;
    if (text.length > EXCEL_MAX_CELL_CHARS) this.sink!.text(text, this.where());
    const v = cellValue(this.t, text, this.ctx, this.name, this.where);
    if (this.t === "s" && typeof v === "string" && v.length > EXCEL_MAX_CELL_CHARS)
      this.sink!.text(v, this.where());
    this.put(v);
  }

  /** A plain number in <v>: the value itself, or the shared string it indexes (else the text). */
  cellNumber(n: number): boolean {
    if (!this.values) return true;
    const t = this.t;
    if (t === "s") {
      const shared = this.ctx.shared;
      const s = shared && Number.isInteger(n) ? shared[n] : undefined;
      if (s === undefined) return false; // the text's path says what is wrong
      // a shared text is held to Excel's cell limit where a cell uses it, as inline text is
      if (s.length > EXCEL_MAX_CELL_CHARS) this.sink!.text(s, this.where());
      this.put(s);
    } else if (t === undefined || t === "n") this.put(n);
    else return false;
    return true;
  }

  private put(v: CellValue): void {
    const values = this.values!;
    const { ctx, column: col, t } = this;
    if (v !== "") {
      while (values.length < col) values.push("");
      values[col] = v;
      this.nonBlank = true;
      if (typeof v === "number" && this.style && ctx.dateStyles[this.style]) {
        this.end.dateColumns.add(col);
        if (ctx.date1904 && t !== "d") values[col] = v + DATE1904_OFFSET;
      }
    }
  }

  rowEnd(): void {
    if (this.values && this.nonBlank) this.sink!.row(this.rowNumber, this.values);
    this.values = null;
  }

  mergeCell(ref: string): void {
    const [from, to] = ref.split(":");
    if (!parseRef(from) || (to !== undefined && !parseRef(to))) throw badAddress(ref, this.name);
    this.end.merges.push(ref);
    this.ctx.budget.addCells(1);
  }
}

function cellValue(
  t: string | undefined,
  text: string,
  ctx: SheetContext,
  sheet: string,
  where: () => string
): CellValue {
  switch (t) {
    case "s": {
      if (!ctx.shared) {
        throw damaged(
          bi(
            `工作表「${sheet}」引用共享文本，但文件中没有共享文本表（sharedStrings.xml）`,
            `sheet "${sheet}" refers to shared text but the file has no shared-string table (sharedStrings.xml)`
          )
        );
      }
      const i = Number(text);
      const s = Number.isInteger(i) ? ctx.shared[i] : undefined;
      if (s === undefined) {
        throw damaged(
          bi(
            `工作表「${sheet}」的 ${where()} 引用了不存在的共享文本 ${text.slice(0, 12)}`,
            `cell ${where()} of sheet "${sheet}" refers to missing shared text ${text.slice(0, 12)}`
          )
        );
      }
      return s;
    }
    default:
      return plainCellValue(t, text);
  }
}
