/**
 * The report workbook `<name>.review.xlsx`: a summary sheet, the findings table (each address a
 * link into a copy of its source sheet), and those copies. Written with exceljs's streaming
 * writer, so a report over a very large sheet does not have to sit in memory twice.
 *
 * Every string is written as a string value: exceljs only writes a formula for a
 * `{ formula }` value, so a description beginning with "=" stays text.
 */
import { KIND_LABEL, KIND_ORDER, SEVERITY_LABEL } from "../core/review/labels";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { Lang, pick } from "../core/i18n";
import { columnIndex } from "../core/review/types";
import type {
  Finding,
  FindingKind,
  ReviewParams,
  SheetResult,
  Severity,
} from "../core/review/types";
import { citationLabel } from "../core/rules/citation";
import { printSetup, textChars } from "../core/print";
import { PACKS } from "../core/review/registry";
import type { CellValue, SheetEnd } from "./read";
import type { NotReviewed } from "./files";
import { printable } from "./printable";
import { MARK_HEADER } from "../workbook/review/findings-table";
import { reviewNotes } from "../core/review/notes";
import { yearOf } from "../core/dates";

/** The years an office's calendar supplies (for the report's parameter list). */
function calendarYears(p: ReviewParams): number[] {
  const ys = new Set([...(p.holidays ?? []), ...(p.workdays ?? [])].map(yearOf));
  return [...ys].sort((a, b) => a - b);
}

export interface SheetCopy extends SheetEnd {
  rows: { r: number; v: CellValue[] }[];
}

export interface ReportData {
  source: string;
  asOfText: string;
  params: ReviewParams;
  lang: Lang;
  sheets: SheetResult[];
  findings: Finding[];
  copies: Map<string, SheetCopy>;
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

/** Chinese names of the kinds and severities (core/review/labels, shared with the panes). */
export const KIND_NAMES = Object.fromEntries(
  Object.entries(KIND_LABEL).map(([k, v]) => [k, v.zh])
) as Record<FindingKind, string>;
export const SEVERITIES: Severity[] = ["error", "warning", "info"];
export const SEVERITY_NAMES = Object.fromEntries(
  Object.entries(SEVERITY_LABEL).map(([k, v]) => [k, v.zh])
) as Record<Severity, string>;

/** `'Sheet'!G7`: a place in this workbook, the sheet name quoted as Excel quotes it. */
export function linkLocation(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

const xmlAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Links to places inside the report, written as Excel writes them: `<hyperlink ref location>`
 * with no relationship. exceljs 4.4's streaming writer writes every hyperlink as an external
 * relationship (`Target="#'Sheet'!A1" TargetMode="External"`), which Excel follows but
 * LibreOffice opens as a file beside the report; so the sheet's hyperlink list is written here.
 */
class InternalLinks {
  private readonly links: { ref: string; location: string; display: string }[] = [];

  constructor(ws: ExcelJS.Worksheet) {
    // WorksheetWriter writes its <hyperlinks> element through this method when committed
    const writer = ws as unknown as {
      _writeHyperlinks: () => void;
      stream: { write(s: string): void };
    };
    writer._writeHyperlinks = () => {
      if (this.links.length === 0) return;
      const items = this.links.map(
        (l) =>
          `<hyperlink ref="${l.ref}" location="${xmlAttr(l.location)}" display="${xmlAttr(l.display)}"/>`
      );
      writer.stream.write(`<hyperlinks>${items.join("")}</hyperlinks>`);
    };
  }

  add(ref: string, location: string, display: string): void {
    this.links.push({ ref, location, display });
  }
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

const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FF1F4E78" },
};
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
const SEVERITY_FILL: Record<Severity, string> = {
  error: "FFF8CBAD",
  warning: "FFFFE699",
  info: "FFDDEBF7",
};

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/**
 * Writes the report to a temporary file beside `target`, then puts it in place: over an
 * existing file only when `replace` (--overwrite); otherwise it fails with EEXIST rather than
 * replace a file that appeared meanwhile.
 */
export async function writeReport(target: string, d: ReportData, replace = false): Promise<void> {
  const tmp = `${tempPrefix(target)}${Date.now()}`;
  try {
    await write(tmp, d);
    if (replace) fs.renameSync(tmp, target);
    else placeNew(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
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

async function write(file: string, d: ReportData): Promise<void> {
  let copiedRows = 0;
  for (const c of d.copies.values()) copiedRows += c.rows.length;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    // A shared-string table is Excel's own form, but the writer holds it in memory to the end;
    // for very large copies, strings are written in their cells instead.
    useSharedStrings: copiedRows <= (d.sharedStringsMaxRows ?? SHARED_STRINGS_MAX_ROWS),
  });
  wb.creator = "fund-compliance";
  const taken = new Set([SUMMARY_SHEET, FINDINGS_SHEET]);
  const copyNames = new Map<string, string>();
  for (const name of d.copies.keys()) copyNames.set(name, copyName(name, taken));

  writeSummary(wb.addWorksheet(SUMMARY_SHEET, printOptions(d, SUMMARY_SHEET, 1)), d);
  writeFindings(
    wb.addWorksheet(FINDINGS_SHEET, {
      views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
      ...printOptions(d, FINDINGS_SHEET, 1),
    }),
    d,
    copyNames
  );
  for (const [source, copy] of d.copies) {
    // row → column → the most severe finding there, to shade the flagged cells in the copy
    const marks = new Map<number, Map<number, Severity>>();
    for (const f of d.findings) {
      if (f.sheet !== source || f.row === null || f.column === null) continue;
      let inRow = marks.get(f.row);
      if (!inRow) marks.set(f.row, (inRow = new Map()));
      const col = columnIndex(f.column);
      const prev = inRow.get(col);
      if (!prev || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(prev)) {
        inRow.set(col, f.severity);
      }
    }
    const name = copyNames.get(source)!;
    const header = d.sheets.find((s) => s.name === source)?.headerRow ?? 0;
    writeCopy(wb.addWorksheet(name, printOptions(d, name, header)), copy, marks);
  }
  await wb.commit();
}

/**
 * Every report sheet prints as a document (src/core/print): A4 landscape, one page wide, rows
 * 1…titleRows repeated on each page, a header naming the sheet, file, review date and packs, and
 * page numbers.
 */
function printOptions(d: ReportData, sheet: string, titleRows: number) {
  const packs = d.params.packs?.map((id) => PACKS.find((p) => p.id === id)?.name.zh ?? id);
  const setup = printSetup(
    { title: sheet, file: path.basename(d.source), asOf: d.asOfText, packs: packs ?? ["全部 all"] },
    titleRows
  );
  // A print-titles name quotes the sheet name as written (exceljs does not double a quote).
  const titles = setup.titleRows > 0 && !sheet.includes("'") ? `1:${setup.titleRows}` : undefined;
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape" as const,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: titles,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: `&C${setup.header}`, oddFooter: `&C${setup.footer}` },
  };
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

function writeSummary(ws: ExcelJS.Worksheet, d: ReportData): void {
  const countColumns = [
    "类别 Kind",
    ...SEVERITIES.map((s) => `${SEVERITY_NAMES[s]} ${s}`),
    "合计 Total",
  ];
  ws.columns = widthsFor([countColumns, SHEET_COLUMNS], [24, 14, 14, 14, 14, 12, 60]).map(
    (width) => ({ width })
  );
  const add = (values: (string | number | null)[], bold = false) => {
    const row = ws.addRow(values);
    if (bold) row.font = { bold: true };
    row.commit();
  };
  const title = ws.addRow(["资金合规审查报告 Fund compliance review report"]);
  title.font = { bold: true, size: 14 };
  title.commit();
  add([]);
  add(["参数 Parameters"], true);
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

  add(["问题统计 Findings by kind and severity"], true);
  const head = ws.addRow(countColumns);
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
  });
  head.commit();
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
    true
  );
  add([]);
  const notes = reviewNotes(d.sheets);
  if (notes.length) {
    add(["未判断 Not judged / not governed"], true);
    for (const n of notes) add([pick(n, d.lang)]);
    add([]);
  }

  add(["工作表 Sheets"], true);
  const sh = ws.addRow(SHEET_COLUMNS);
  sh.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
  });
  sh.commit();
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
    add(["本次运行中未审查的文件 Files of this run not reviewed"], true);
    const nr = ws.addRow(["文件 File", "原因 Reason"]);
    nr.eachCell((c) => {
      c.fill = HEADER_FILL;
      c.font = HEADER_FONT;
    });
    nr.commit();
    for (const n of d.notReviewed) add([printable(n.path), `${n.reason.zh} / ${n.reason.en}`]);
  }
  ws.commit();
}

const FINDING_COLUMNS: { header: string; width: number }[] = [
  { header: "序号 No.", width: 8 },
  { header: "类别 Kind", width: 16 },
  { header: "严重程度 Severity", width: 12 },
  { header: "规则 Rule", width: 26 },
  { header: "工作表 Sheet", width: 16 },
  { header: "单元格 Cell", width: 10 },
  { header: "行 Row", width: 8 },
  { header: "说明 Message", width: 60 },
  { header: "说明（另一语言） Message (other language)", width: 50 },
  { header: "依据 Citation", width: 32 },
  { header: "证据 Evidence", width: 40 },
];

function writeFindings(ws: ExcelJS.Worksheet, d: ReportData, copyNames: Map<string, string>) {
  // With review marks from the pane's trail, one more column: the mark and its note.
  const marked = d.marks?.some(Boolean) ?? false;
  const columns = marked
    ? [...FINDING_COLUMNS, { header: MARK_HEADER, width: 40 }]
    : FINDING_COLUMNS;
  ws.columns = widthsFor(
    [columns.map((c) => c.header)],
    columns.map((c) => c.width)
  ).map((width) => ({ width }));
  const links = new InternalLinks(ws);
  const last = String.fromCharCode(64 + columns.length);
  ws.autoFilter = `A1:${last}1`;
  const head = ws.addRow(columns.map((c) => c.header));
  head.height = 30;
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
    c.alignment = { vertical: "middle", wrapText: true };
  });
  head.commit();
  const other: Lang = d.lang === "zh" ? "en" : "zh";
  d.findings.forEach((f, i) => {
    const copy = copyNames.get(f.sheet);
    const target = f.cell ?? (f.row ? `A${f.row}` : "A1");
    const row = ws.addRow([
      i + 1,
      `${KIND_NAMES[f.kind] ?? ""} ${f.kind}`,
      `${SEVERITY_NAMES[f.severity] ?? ""} ${f.severity}`,
      f.rule,
      f.sheet,
      f.cell ?? "",
      f.row ?? "",
      pick(f.message, d.lang),
      pick(f.message, other),
      f.citation ? citationLabel(f.citation) : "",
      f.evidence,
      ...(marked ? [d.marks?.[i] ?? ""] : []),
    ]);
    if (copy) {
      const link = row.getCell(6); // column F, 单元格 Cell
      link.value = f.cell ?? target;
      link.font = { color: { argb: "FF0563C1" }, underline: true };
      links.add(`F${row.number}`, linkLocation(copy, target), f.cell ?? target);
    }
    row.getCell(3).fill = fill(SEVERITY_FILL[f.severity]);
    row.getCell(8).alignment = { wrapText: true, vertical: "top" };
    row.commit();
  });
  ws.commit();
}

function writeCopy(
  ws: ExcelJS.Worksheet,
  copy: SheetCopy,
  marks: Map<number, Map<number, Severity>>
) {
  const width = copy.rows.reduce((w, r) => Math.max(w, r.v.length), 0);
  const cols: Partial<ExcelJS.Column>[] = [];
  for (let c = 0; c < width; c++) cols.push({ width: copy.widths.get(c) ?? 12 });
  ws.columns = cols;
  for (const m of copy.merges) {
    try {
      ws.mergeCells(m);
    } catch {
      // an overlapping or malformed merge in the source: the copy simply leaves it unmerged
    }
  }
  // One style object per look, shared by every cell that has it: exceljs recognises a style
  // object it has seen (by identity) instead of serialising it again for each cell.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (date: boolean, sev: Severity | undefined): Partial<ExcelJS.Style> => {
    const key = `${date}/${sev ?? ""}`;
    let st = styles.get(key);
    if (!st) {
      st = {};
      if (date) st.numFmt = "yyyy-mm-dd";
      if (sev) st.fill = fill(SEVERITY_FILL[sev]);
      styles.set(key, st);
    }
    return st;
  };
  for (const { r, v } of copy.rows) {
    const row = ws.getRow(r);
    const rowMarks = marks.get(r);
    // a finding may be on a blank cell past the row's last value (a missing field)
    let n = v.length;
    if (rowMarks) for (const c of rowMarks.keys()) n = Math.max(n, c + 1);
    for (let c = 0; c < n; c++) {
      const x = c < v.length ? v[c] : "";
      const sev = rowMarks?.get(c);
      if (x === "" && !sev) continue; // a blank cell stays blank
      const cell = row.getCell(c + 1);
      if (x !== "") cell.value = x;
      cell.style = styleFor(copy.dateColumns.has(c), sev);
    }
    row.commit();
  }
  ws.commit();
}
