/**
 * The report workbook `<name>.review.xlsx`: a summary sheet, the findings table (each address a
 * link into a copy of its source sheet), and those copies — written as SpreadsheetML straight
 * into the zip's deflate stream (zip-writer.ts, report-xml.ts): one shared style sheet, no
 * per-cell objects, and the copies' rows re-read from the source as they are written, so no
 * sheet is held whole in memory.
 *
 * Every text is written as a string cell and never with a formula, so a description beginning
 * with "=" stays text. The findings sheet's columns are defined in report-columns.ts.
 */
import { KIND_ORDER } from "../core/review/labels";
import * as fs from "fs";
import * as path from "path";
import { Lang, pick } from "../core/i18n";
import { columnIndex } from "../core/review/types";
import type { Finding, ReviewParams, SheetResult, Severity } from "../core/review/types";
import { printSetup, textChars } from "../core/print";
import { PACKS } from "../core/review/registry";
import type { CellValue, SheetEnd } from "./read";
import type { NotReviewed } from "./files";
import { printable } from "./printable";
import { reviewNotes } from "../core/review/notes";
import { yearOf } from "../core/dates";
import {
  FINDING_COLUMNS,
  FindingRowContext,
  KIND_NAMES,
  MARK_COLUMN,
  SEVERITY_NAMES,
} from "./report-columns";
import {
  Out,
  PrintXml,
  STYLE,
  SheetWriter,
  Strings,
  colLetter,
  contentTypesXml,
  corePropsXml,
  rootRelsXml,
  severityStyle,
  stylesXml,
  workbookRelsXml,
  workbookXml,
} from "./report-xml";
import { ZipWriter } from "./zip-writer";

export { KIND_NAMES, SEVERITY_NAMES };

/** The years an office's calendar supplies (for the report's parameter list). */
function calendarYears(p: ReviewParams): number[] {
  const ys = new Set([...(p.holidays ?? []), ...(p.workdays ?? [])].map(yearOf));
  return [...ys].sort((a, b) => a - b);
}

/**
 * A source sheet to copy into the report: its rows in memory, or (`rows` absent) read again from
 * the source through ReportData.reread as the copy is written.
 */
export interface SheetCopy extends SheetEnd {
  rows?: { r: number; v: CellValue[] }[];
  /** Columns of the widest row (computed from `rows` when absent). */
  width?: number;
  /** Rows the sheet has (computed from `rows` when absent). */
  rowCount?: number;
}

/** Visits the source's sheets again in tab order; `visit` returns a row sink for the copied ones. */
export type Reread = (
  visit: (sheet: string) => { row(r: number, v: CellValue[]): void } | null
) => Promise<void>;

export interface ReportData {
  source: string;
  asOfText: string;
  params: ReviewParams;
  lang: Lang;
  sheets: SheetResult[];
  findings: Finding[];
  copies: Map<string, SheetCopy>;
  /** Reads the source again for the copies that do not hold their rows. */
  reread?: Reread;
  /** Files of the same run that were not reviewed (listed on the summary sheet). */
  notReviewed?: NotReviewed[];
  /** Each finding's review mark from the pane's trail, as one line, or null (adds a column). */
  marks?: (string | null)[];
  /** Override of SHARED_STRINGS_MAX_ROWS (tests). */
  sharedStringsMaxRows?: number;
}

/** Above this many copied rows the report writes strings inline (see write()). */
export const SHARED_STRINGS_MAX_ROWS = 200000;

export const SUMMARY_SHEET = "摘要 Summary";
export const FINDINGS_SHEET = "问题清单 Findings";

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** `'Sheet'!G7`: a place in this workbook, the sheet name quoted as Excel quotes it. */
export function linkLocation(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Copies keep their source's name unless it clashes with the report's own sheets. */
export function copyName(source: string, taken: Set<string>): string {
  let name = source;
  for (let i = 2; taken.has(name); i++) {
    const suffix = ` (${i})`;
    name = source.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name);
  return name;
}

/**
 * Writes the report to a temporary file beside `target`, then puts it in place: over an
 * existing file only when `replace` (--overwrite); otherwise it fails with EEXIST rather than
 * replace a file that appeared meanwhile.
 */
export async function writeReport(target: string, d: ReportData, replace = false): Promise<void> {
  await placeWritten(target, replace, (tmp) => write(tmp, d));
}

/** Writes through a temporary file beside `target`, then puts it in place (see writeReport). */
async function placeWritten(
  target: string,
  replace: boolean,
  writeTo: (tmp: string) => Promise<void> | void
): Promise<void> {
  const tmp = `${tempPrefix(target)}${Date.now()}`;
  try {
    await writeTo(tmp);
    if (replace) fs.renameSync(tmp, target);
    else placeNew(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export const NOT_REVIEWED_SHEET = "未审查文件 Not reviewed";

/** The columns of the not-reviewed list (one place, as FINDING_COLUMNS is for findings). */
const NOT_REVIEWED_COLUMNS: {
  header: string;
  width: number;
  value(n: NotReviewed): string;
}[] = [
  { header: "文件 File", width: 40, value: (n) => printable(n.path) },
  { header: "原因 Reason", width: 60, value: (n) => n.reason.zh },
  { header: "原因（英文） Reason (English)", width: 60, value: (n) => n.reason.en },
  {
    header: "处理后重新审查 Review it again with",
    width: 40,
    value: (n) => `fund-compliance review "${printable(n.path)}"`,
  },
];

/**
 * The batch run's list of files it did not review — skipped when the inputs were listed, or
 * stopped while being reviewed (unreadable, damaged, over a limit, out of time or memory) — each
 * with its reason (which says what to do) and the command that reviews it again once fixed.
 * A file with no report of its own is named in a workbook, beside the reports.
 */
export async function writeNotReviewedReport(
  target: string,
  d: { asOfText: string; notReviewed: NotReviewed[] },
  replace = false
): Promise<void> {
  await placeWritten(target, replace, (tmp) => {
    const zip = new ZipWriter(tmp);
    try {
      const strings = new Strings(false);
      const sheets = [{ name: NOT_REVIEWED_SHEET, titleRows: 1 }];
      packageParts(zip, sheets, false);
      const ws = new SheetWriter(zip.part("xl/worksheets/sheet1.xml"), strings);
      const cols = NOT_REVIEWED_COLUMNS;
      beginTable(ws, cols, true);
      d.notReviewed.forEach((n, i) =>
        ws.row(
          i + 2,
          cols.map((c) => c.value(n)),
          STYLE.wrapTop
        )
      );
      const setup = printSetup({ title: NOT_REVIEWED_SHEET, asOf: d.asOfText });
      ws.end({
        autoFilter: `A1:${colLetter(cols.length - 1)}1`,
        print: { header: `&C${setup.header}`, footer: `&C${setup.footer}` },
      });
      zip.finish();
    } catch (e) {
      zip.abandon();
      throw e;
    }
  });
}

/**
 * The run a temporary file belongs to: the command's process id, passed to the child processes
 * that write reports (FC_RUN_ID), so that the command can remove what a killed child left.
 */
export const RUN_ID_ENV = "FC_RUN_ID";
const runId = () => process.env[RUN_ID_ENV] ?? String(process.pid);

/** Temporary files of `target`'s report written in this run. */
function tempPrefix(target: string): string {
  return `${target}.tmp-${runId()}-`;
}

/**
 * Removes what a report writer of this process left of `target` when it was stopped half way
 * (a worker terminated at its time budget runs no cleanup of its own).
 */
export function removeTemporaries(target: string): void {
  const dir = path.dirname(target);
  const prefix = path.basename(tempPrefix(target));
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (n.startsWith(prefix)) fs.rmSync(path.join(dir, n), { force: true });
  }
}

/** Moves `tmp` to `target` unless something is there: a hard link fails if the name is taken. */
function placeNew(tmp: string, target: string): void {
  try {
    fs.linkSync(tmp, target);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw e;
    // a disk without hard links (FAT/exFAT USB drives): check, then rename
  }
  if (fs.existsSync(target)) {
    throw Object.assign(new Error(`${target} exists`), { code: "EEXIST" });
  }
  fs.renameSync(tmp, target);
}

/** The parts around the sheets: content types, relationships, properties, workbook, styles. */
function packageParts(
  zip: ZipWriter,
  sheets: readonly { name: string; titleRows: number }[],
  sharedStrings: boolean
): void {
  zip.add("[Content_Types].xml", contentTypesXml(sheets.length, sharedStrings));
  zip.add("_rels/.rels", rootRelsXml());
  zip.add("docProps/core.xml", corePropsXml("fund-compliance", new Date()));
  zip.add("xl/workbook.xml", workbookXml(sheets));
  zip.add("xl/_rels/workbook.xml.rels", workbookRelsXml(sheets.length, sharedStrings));
  zip.add("xl/styles.xml", stylesXml());
}

/** Rows copied in all: from the rows held, or as counted on the first read. */
function copiedRows(d: ReportData): number {
  let n = 0;
  for (const c of d.copies.values()) n += c.rows?.length ?? c.rowCount ?? 0;
  return n;
}

async function write(file: string, d: ReportData): Promise<void> {
  // A shared-string table is Excel's own form, but its distinct strings are held to the end;
  // for very large copies, strings are written in their cells instead.
  const strings = new Strings(copiedRows(d) <= (d.sharedStringsMaxRows ?? SHARED_STRINGS_MAX_ROWS));
  const taken = new Set([SUMMARY_SHEET, FINDINGS_SHEET]);
  const copyNames = new Map<string, string>();
  for (const name of d.copies.keys()) copyNames.set(name, copyName(name, taken));
  const headerRow = (source: string) => d.sheets.find((s) => s.name === source)?.headerRow ?? 0;
  const sheets = [
    { name: SUMMARY_SHEET, titleRows: 1 },
    { name: FINDINGS_SHEET, titleRows: 1 },
    ...[...d.copies.keys()].map((s) => ({ name: copyNames.get(s)!, titleRows: headerRow(s) })),
  ];

  const zip = new ZipWriter(file);
  try {
    packageParts(zip, sheets, strings.shared);
    const sheetWriter = (i: number) =>
      new SheetWriter(zip.part(`xl/worksheets/sheet${i + 1}.xml`), strings);

    writeSummary(sheetWriter(0), d);
    writeFindings(sheetWriter(1), d, copyNames);

    // the copies, in the source's tab order: from the rows held, or read again from the source
    const order = [...d.copies.keys()];
    const writers = new Map<string, CopyWriter>();
    const open = (source: string) => {
      const i = order.indexOf(source);
      const w = new CopyWriter(sheetWriter(i + 2), d, source, copyNames.get(source)!);
      writers.set(source, w);
      return w;
    };
    for (const source of order) {
      const rows = d.copies.get(source)!.rows;
      if (!rows) continue;
      const w = open(source);
      for (const { r, v } of rows) w.row(r, v);
      w.end();
    }
    if (d.reread && writers.size < order.length) {
      let current: CopyWriter | null = null;
      await d.reread((sheet) => {
        current?.end();
        current = null;
        if (!d.copies.has(sheet) || writers.has(sheet)) return null;
        current = open(sheet);
        return current;
      });
      (current as CopyWriter | null)?.end();
    }
    // a sheet not met again (the file changed meanwhile) is still a sheet of the report
    for (const source of order) if (!writers.has(source)) open(source).end();
    if (strings.shared) {
      const p = zip.part("xl/sharedStrings.xml");
      strings.writeTo(p);
      p.close();
    }
    zip.finish();
  } catch (e) {
    zip.abandon();
    throw e;
  }
}

/**
 * Every report sheet prints as a document (src/core/print): A4 landscape, one page wide, rows
 * 1…titleRows repeated on each page (workbookXml's print titles), a header naming the sheet,
 * file, review date and packs, and page numbers.
 */
function printFor(d: ReportData, sheet: string): PrintXml {
  const packs = d.params.packs?.map((id) => PACKS.find((p) => p.id === id)?.name.zh ?? id);
  const setup = printSetup({
    title: sheet,
    file: path.basename(d.source),
    asOf: d.asOfText,
    packs: packs ?? ["全部 all"],
  });
  return { header: `&C${setup.header}`, footer: `&C${setup.footer}` };
}

/** Column widths (characters) that hold each column's headers whole, and at least `min`. */
function widthsFor(headers: readonly (readonly string[])[], min: readonly number[]): number[] {
  return min.map((m, i) => Math.max(m, ...headers.map((h) => textChars(h[i] ?? "") + 2)));
}

const SHEET_COLUMNS = [
  "工作表 Sheet",
  "已识别 Recognised",
  "类型 Kind",
  "表头行 Header row",
  "单位 Unit",
  "行数 Rows",
  "说明 Reason",
];

function writeSummary(ws: SheetWriter, d: ReportData): void {
  const countColumns = [
    "类别 Kind",
    ...SEVERITIES.map((s) => `${SEVERITY_NAMES[s]} ${s}`),
    "合计 Total",
  ];
  ws.begin({
    widths: widthsFor([countColumns, SHEET_COLUMNS], [24, 14, 14, 14, 14, 12, 60]),
    selected: true,
  });
  let r = 0;
  const add = (values: Out[], style: number = STYLE.plain) => {
    r++;
    if (values.length) ws.row(r, values, style);
  };
  add(["资金合规审查报告 Fund compliance review report"], STYLE.title);
  add([]);
  add(["参数 Parameters"], STYLE.bold);
  add(["源文件 Source", printable(d.source)]);
  add(["审查日期 As of", d.asOfText]);
  add(["规则包 Packs", d.params.packs?.join(", ") ?? "全部 all"]);
  add([
    "期限顺延 Rolling",
    d.params.strict
      ? "严格：仅法定节假日顺延 strict: public holidays only"
      : "非工作日均顺延 any rest day",
  ]);
  add([
    "节假日安排 Calendar",
    d.params.holidays?.length || d.params.workdays?.length
      ? `内置 + 本单位提供（${calendarYears(d.params).join("、")}）bundled + the office's own`
      : "内置 bundled (chinese-days)",
  ]);
  add(["语言 Language", d.lang]);
  add(["生成于 Generated", new Date().toISOString().slice(0, 19).replace("T", " ") + " UTC"]);
  add([]);

  add(["问题统计 Findings by kind and severity"], STYLE.bold);
  add(countColumns, STYLE.header);
  const counts = new Map<string, number>();
  for (const f of d.findings) {
    const k = `${f.kind}/${f.severity}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const kinds = KIND_ORDER.filter((k) => k !== "FILING" || d.findings.some((f) => f.kind === k));
  for (const k of kinds) {
    const per = SEVERITIES.map((s) => counts.get(`${k}/${s}`) ?? 0);
    add([`${KIND_NAMES[k]} ${k}`, ...per, per.reduce((a, b) => a + b, 0)]);
  }
  add(
    [
      "合计 Total",
      ...SEVERITIES.map((s) => d.findings.filter((f) => f.severity === s).length),
      d.findings.length,
    ],
    STYLE.bold
  );
  add([]);
  const notes = reviewNotes(d.sheets);
  if (notes.length) {
    add(["未判断 Not judged / not governed"], STYLE.bold);
    for (const n of notes) add([pick(n, d.lang)]);
    add([]);
  }

  add(["工作表 Sheets"], STYLE.bold);
  add(SHEET_COLUMNS, STYLE.header);
  for (const s of d.sheets) {
    add([
      s.name,
      s.recognised ? "是 yes" : "否 no",
      s.kind ?? "",
      s.headerRow ?? "",
      s.unit ? `${s.unit.unit} (${s.unit.how})` : "",
      s.rows ?? "",
      s.reason ? `${s.reason.zh} / ${s.reason.en}` : "",
    ]);
  }
  if (d.notReviewed?.length) {
    add([]);
    add(["本次运行中未审查的文件 Files of this run not reviewed"], STYLE.bold);
    add(["文件 File", "原因 Reason"], STYLE.header);
    for (const n of d.notReviewed) add([printable(n.path), `${n.reason.zh} / ${n.reason.en}`]);
  }
  ws.end({ print: printFor(d, SUMMARY_SHEET) });
}

/** A table sheet: widths that hold the headers, the header row frozen and wrapped. */
function beginTable(
  ws: SheetWriter,
  cols: readonly { header: string; width: number }[],
  selected = false
): void {
  ws.begin({
    widths: widthsFor(
      [cols.map((c) => c.header)],
      cols.map((c) => c.width)
    ),
    frozenHeader: true,
    selected,
  });
  ws.row(
    1,
    cols.map((c) => c.header),
    STYLE.headerWrap,
    30
  );
}

function writeFindings(ws: SheetWriter, d: ReportData, copyNames: Map<string, string>): void {
  // With review marks from the pane's trail, one more column: the mark and its note.
  const marked = d.marks?.some(Boolean) ?? false;
  const cols = marked ? [...FINDING_COLUMNS, MARK_COLUMN] : FINDING_COLUMNS;
  beginTable(ws, cols);
  const other: Lang = d.lang === "zh" ? "en" : "zh";
  const target = (f: Finding) => f.cell ?? (f.row ? `A${f.row}` : "A1");
  const context = (f: Finding, index: number): FindingRowContext => ({
    index,
    lang: d.lang,
    other,
    target: copyNames.has(f.sheet) ? target(f) : undefined,
    mark: d.marks?.[index] ?? null,
  });
  const values: Out[] = new Array(cols.length);
  const styles: number[] = new Array(cols.length);
  d.findings.forEach((f, i) => {
    const c = context(f, i);
    for (let k = 0; k < cols.length; k++) {
      values[k] = cols[k].value(f, c);
      styles[k] = cols[k].style?.(f, c) ?? STYLE.plain;
    }
    ws.row(i + 2, values, styles);
  });
  const linkColumns = cols.flatMap((c, k) => (c.link ? [colLetter(k)] : []));
  function* links() {
    for (let i = 0; i < d.findings.length; i++) {
      const f = d.findings[i];
      const copy = copyNames.get(f.sheet);
      if (!copy) continue;
      const at = target(f);
      for (const col of linkColumns)
        yield { ref: `${col}${i + 2}`, location: linkLocation(copy, at), display: f.cell ?? at };
    }
  }
  ws.end({
    autoFilter: `A1:${colLetter(cols.length - 1)}1`,
    links: links(),
    print: printFor(d, FINDINGS_SHEET),
  });
}

/** Merged areas as written: valid A1 ranges, none overlapping one kept before it. */
function mergesToWrite(merges: readonly string[]): string[] {
  const kept: string[] = [];
  const boxes: [number, number, number, number][] = [];
  const at = (a: string) => {
    const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(a);
    if (!m) return null;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]), c };
  };
  for (const ref of merges) {
    const [x, y = x] = ref.toUpperCase().split(":");
    const a = at(x);
    const b = at(y);
    if (!a || !b) continue;
    const box: [number, number, number, number] = [
      Math.min(a.r, b.r),
      Math.min(a.c, b.c),
      Math.max(a.r, b.r),
      Math.max(a.c, b.c),
    ];
    if (box[0] === box[2] && box[1] === box[3]) continue; // one cell: nothing to merge
    // a merge overlapping one kept before it would make the file one Excel repairs: left out
    if (boxes.length > 20000) break;
    const clash = boxes.some(
      (o) => box[0] <= o[2] && o[0] <= box[2] && box[1] <= o[3] && o[1] <= box[3]
    );
    if (clash) continue;
    boxes.push(box);
    kept.push(`${colLetter(box[1] - 1)}${box[0]}:${colLetter(box[3] - 1)}${box[2]}`);
  }
  return kept;
}

/** One copy of a source sheet, written row by row; flagged cells shaded by severity. */
class CopyWriter {
  /** row → column → the most severe finding there. */
  private readonly marks = new Map<number, Map<number, Severity>>();
  private readonly copy: SheetCopy;
  private ended = false;
  private last = 0;

  constructor(
    private readonly ws: SheetWriter,
    private readonly d: ReportData,
    source: string,
    private readonly name: string
  ) {
    this.copy = d.copies.get(source)!;
    for (const f of d.findings) {
      if (f.sheet !== source || f.row === null || f.column === null) continue;
      let inRow = this.marks.get(f.row);
      if (!inRow) this.marks.set(f.row, (inRow = new Map()));
      const col = columnIndex(f.column);
      const prev = inRow.get(col);
      if (!prev || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(prev)) {
        inRow.set(col, f.severity);
      }
    }
    const width =
      this.copy.width ?? this.copy.rows?.reduce((w, r) => Math.max(w, r.v.length), 0) ?? 0;
    const widths: number[] = [];
    for (let c = 0; c < width; c++) widths.push(this.copy.widths.get(c) ?? 12);
    ws.begin({ widths });
  }

  row(r: number, v: CellValue[]): void {
    if (r <= this.last) return; // rows ascend (the reader holds them to it)
    this.last = r;
    const rowMarks = this.marks.get(r);
    const dates = this.copy.dateColumns;
    // a finding may be on a blank cell past the row's last value (a missing field)
    let n = v.length;
    if (rowMarks) for (const c of rowMarks.keys()) n = Math.max(n, c + 1);
    let s = `<row r="${r}">`;
    for (let c = 0; c < n; c++) {
      const x = c < v.length ? v[c] : "";
      const sev = rowMarks?.get(c);
      if (x === "" && !sev) continue; // a blank cell stays blank
      const date = dates.has(c);
      const st = sev ? severityStyle(sev, date) : date ? STYLE.date : STYLE.plain;
      s += this.ws.cell(colLetter(c) + r, x === "" ? null : x, st);
    }
    this.ws.raw(s + "</row>");
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.ws.end({ merges: mergesToWrite(this.copy.merges), print: printFor(this.d, this.name) });
  }
}
