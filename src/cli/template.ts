/**
 * `fund-compliance template <kind> --out FILE`: the filing sheets the Filing pane creates,
 * written with exceljs for offices that prepare them without the add-in. Same specs, same
 * layout (src/core/filing): title with county and year, header with drop-downs, 万元 and
 * date formats, frozen header, A4 landscape with the title rows repeated on every page.
 */
import * as fs from "fs";
import type ExcelJS from "exceljs";
import { both } from "../core/i18n";
import { OptionSpecs, isCommandLine, parseCommandLine } from "./args";
import { Decimal } from "../core/money";
import { ymdFromSerial } from "../core/dates";
import {
  buildSpotCheck,
  ColumnLayout,
  FILING_KINDS,
  FilingKind,
  FIRST_DATA_ROW,
  filingKindOf,
  HEADER_ROW,
  parseCountyLines,
  parseProjectLines,
  SheetLayout,
  sheetLayout,
  SPECS,
  SUBTITLE_ROW,
  TITLE_ROW,
} from "../core/filing";
import { officeTemplateKind, writeOfficeTemplate } from "./office-tables";

/** Rows below the header that get the columns' drop-downs and formats in a template. */
export const TEMPLATE_ROWS = 1000;

export const TEMPLATE_USAGE = `用法 Usage:
  fund-compliance template <种类 kind> --out 文件.xlsx [--county 县名] [--year 年度]
  种类 kind: plan（年度统筹整合资金方案）| publicity（项目公告公示表）| assets（资产总台账）
             | spotcheck（抽查名单）| progress（项目实施进度月报）| adjustment（项目调整备案表）
             | blacklist（黑名单）| feeshare（管理费比例）| benchmark（贷款基准利率）
             | targets（整合目标，可选，一县做法）
             | lists（本单位清单：以上四张，供审查窗格和 review --lists 读取）| all（全部备案表和清单）
             | calendar（节假日安排，供审查提供未内置年份）| fund-types（资金类型对照）
  抽查名单可直接抽样 spot-check list drawn at once:
    --counties 贫困县.txt（每行一个县）--projects 项目.txt（每行：项目名称⇥县⇥金额（万元））
    --seed 种子（默认为年度）
  已存在的文件不会被覆盖 (an existing file is never overwritten).`;

interface TemplateOptions {
  /** The office's own tables (calendar, fund types): written by their own writer, --out only. */
  office?: "calendar" | "fund-types";
  kinds: FilingKind[];
  out: string;
  county: string;
  year: number | null;
  counties?: string;
  projects?: string;
  seed?: string;
}

class UsageError extends Error {}

const TEMPLATE_OPTIONS: OptionSpecs = {
  out: { type: "string" },
  county: { type: "string" },
  year: { type: "string" },
  counties: { type: "string" },
  projects: { type: "string" },
  seed: { type: "string" },
  help: { type: "boolean", short: "h" },
};

/** The arguments after `template`, read by the one command-line parser (./args). */
function parseTemplateArgs(argv: string[]): TemplateOptions | "help" {
  const line = parseCommandLine(argv, TEMPLATE_OPTIONS);
  if (!isCommandLine(line)) throw new UsageError(both(line));
  if (line.values.help) return "help";
  const positional = line.positionals;
  const opts = line.values as Record<string, string>;
  if (positional.length !== 1) throw new UsageError("请给出一种表格种类 (give one sheet kind)");
  const kindArg = positional[0];
  const office = officeTemplateKind(kindArg);
  if (office) {
    if (!opts.out) throw new UsageError("缺少 --out 文件名 (--out FILE is required)");
    const other = Object.keys(opts).filter((k) => k !== "out");
    if (other.length)
      throw new UsageError(
        `${kindArg} 只用 --out，不用 --${other.join("、--")} (${kindArg} takes --out only, not --${other.join(", --")})`
      );
    return { office, kinds: [], out: opts.out, county: "", year: null };
  }
  const kinds: FilingKind[] =
    kindArg.toLowerCase() === "all" || kindArg === "全部"
      ? [...FILING_KINDS]
      : kindArg.toLowerCase() === "lists" || kindArg === "本单位清单"
        ? ["blacklist", "feeshare", "benchmark", "targets"]
        : [filingKindOf(kindArg) ?? (null as never)];
  if (kinds[0] === null)
    throw new UsageError(`未知的表格种类「${kindArg}」 (unknown sheet kind "${kindArg}")`);
  if (!opts.out) throw new UsageError("缺少 --out 文件名 (--out FILE is required)");
  let year: number | null = null;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2099)
      throw new UsageError(`年度无效：「${opts.year}」 (invalid year "${opts.year}")`);
  }
  if ((opts.counties || opts.projects) && !kinds.includes("spotcheck"))
    throw new UsageError(
      "--counties/--projects 只用于抽查名单 (--counties/--projects are for the spot-check list)"
    );
  return {
    kinds,
    out: opts.out,
    county: opts.county ?? "",
    year,
    counties: opts.counties,
    projects: opts.projects,
    seed: opts.seed,
  };
}

/** Excel serial → the UTC-midnight Date exceljs writes as that day (exceljs reads and writes dates as UTC instants; a local-time Date in Asia/Shanghai would land on the previous day). */
function dateOfSerial(serial: number): Date {
  const { year, month, day } = ymdFromSerial(serial);
  return new Date(Date.UTC(year, month - 1, day));
}

/** A cell value as exceljs should store it: Decimal → number, date serial → Date, text as text. */
function cellValue(c: ColumnLayout, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Decimal) return v.toNumber();
  if (c.field.type === "date" && typeof v === "number" && Number.isInteger(v))
    return dateOfSerial(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v); // exceljs writes strings as shared strings: "=x" stays text
}

function validationOf(c: ColumnLayout): ExcelJS.DataValidation | null {
  const v = c.validation;
  if (!v) return null;
  const base = { allowBlank: true, showErrorMessage: true, errorTitle: c.field.header };
  switch (v.type) {
    case "list":
      return {
        ...base,
        type: "list",
        formulae: [`"${v.choices.join(",")}"`],
        errorStyle: v.strict ? "stop" : "warning",
        error: v.strict ? "请从下拉列表中选择" : "不在建议选项中，确认要使用吗？",
      };
    case "decimal":
      return {
        ...base,
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [v.min],
        errorStyle: "warning",
        error: "金额应为不小于 0 的数字（万元）",
      };
    case "date":
      return {
        ...base,
        type: "date",
        operator: "between",
        formulae: [dateOfSerial(v.min), dateOfSerial(v.max)],
        errorStyle: "warning",
        error: "请输入有效日期，如 2025-03-05",
      };
    case "whole":
      return {
        ...base,
        type: "whole",
        operator: "between",
        formulae: [v.min, v.max],
        errorStyle: "stop",
        error: `年度应为 ${v.min}–${v.max} 之间的整数`,
      };
  }
}

/**
 * exceljs 4.4 accepts a range address here (one <dataValidation sqref="C4:C1003">), though its
 * typings omit `dataValidations`; per-cell validation would write a thousand entries.
 */
function dataValidations(ws: ExcelJS.Worksheet): {
  add(address: string, v: ExcelJS.DataValidation): void;
} {
  return (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
}

/** Adds one filing sheet to an exceljs workbook, laid out as the pane lays it out. */
export function addFilingSheet(
  wb: ExcelJS.Workbook,
  kind: FilingKind,
  o: { county: string; year: number | null; rows?: unknown[][]; note?: string }
): SheetLayout {
  const rows = o.rows ?? [];
  const layout = sheetLayout(SPECS[kind], {
    county: o.county,
    year: o.year,
    rows: rows.length,
    note: o.note,
    existingSheets: wb.worksheets.map((w) => w.name),
    existingTables: wb.worksheets.flatMap((w) =>
      Object.keys((w as unknown as { tables: Record<string, unknown> }).tables ?? {})
    ),
  });
  const ws = wb.addWorksheet(layout.sheetName, {
    views: [{ state: "frozen", ySplit: layout.freezeRows, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${TITLE_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${layout.footer}` },
  });
  const cols = layout.columns;
  cols.forEach((c) => {
    ws.getColumn(c.index + 1).width = c.width;
  });

  ws.mergeCells(layout.titleRange);
  const title = ws.getCell(`A${TITLE_ROW}`);
  title.value = layout.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(TITLE_ROW).height = 30;
  ws.mergeCells(layout.subtitleRange);
  const sub = ws.getCell(`A${SUBTITLE_ROW}`);
  sub.value = layout.subtitle;
  sub.font = { size: 10, color: { argb: "FF616161" } };

  ws.addTable({
    name: layout.tableName,
    ref: `A${HEADER_ROW}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: cols.map((c) => ({ name: c.header, filterButton: true })),
    rows:
      rows.length > 0
        ? rows.map((r) => cols.map((c) => cellValue(c, r[c.index])))
        : [cols.map(() => null)],
  });
  const header = ws.getRow(HEADER_ROW);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };

  const last = FIRST_DATA_ROW + Math.max(TEMPLATE_ROWS, layout.bodyRows) - 1;
  for (const c of cols) {
    const v = validationOf(c);
    const letter = c.letter;
    if (v) dataValidations(ws).add(`${letter}${FIRST_DATA_ROW}:${letter}${last}`, v);
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + layout.bodyRows; r++)
      ws.getCell(`${letter}${r}`).numFmt = c.numberFormat;
    // Rows typed later take the column's format too.
    ws.getColumn(c.index + 1).numFmt = c.numberFormat;
  }
  // The column formats must not turn the title and header into text-formatted cells.
  for (const r of [TITLE_ROW, SUBTITLE_ROW, HEADER_ROW])
    for (const c of cols) ws.getCell(`${c.letter}${r}`).numFmt = "General";
  return layout;
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    throw new UsageError(`无法读取${what}文件「${file}」 (cannot read ${file}: ${String(e)})`);
  }
}

/** `template calendar` / `template fund-types`: the office's own tables (src/cli/office-tables). */
async function officeTemplate(kind: "calendar" | "fund-types", out: string): Promise<number> {
  if (fs.existsSync(out)) {
    process.stderr.write(
      `fund-compliance template: 文件「${out}」已存在，不会覆盖；请换一个文件名 (${out} exists and is not overwritten)\n`
    );
    return 2;
  }
  const sheet = await writeOfficeTemplate(kind, out);
  process.stdout.write(`已写入 wrote ${out}：${sheet}\n`);
  return 0;
}

export async function templateCommand(argv: string[]): Promise<number> {
  let o: TemplateOptions | "help";
  try {
    o = parseTemplateArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`fund-compliance template: ${e.message}\n${TEMPLATE_USAGE}\n`);
    return 2;
  }
  if (o === "help") {
    process.stdout.write(`${TEMPLATE_USAGE}\n`);
    return 0;
  }
  if (o.office) return officeTemplate(o.office, o.out);
  try {
    if (fs.existsSync(o.out))
      throw new UsageError(
        `文件「${o.out}」已存在，不会覆盖；请换一个文件名 (${o.out} exists and is not overwritten)`
      );
    // loaded here, not at start-up: every command (review too) would pay ~100 ms for it
    const { Workbook } = (await import("exceljs")).default;
    const wb = new Workbook();
    wb.creator = "Fund Compliance for Excel";
    const names: string[] = [];
    const notes: string[] = [];
    for (const kind of o.kinds) {
      let rows: unknown[][] | undefined;
      let note: string | undefined;
      if (kind === "spotcheck" && (o.counties || o.projects)) {
        const seed = o.seed ?? (o.year !== null ? String(o.year) : undefined);
        if (seed === undefined)
          throw new UsageError("抽样需要 --seed 或 --year (drawing needs --seed or --year)");
        const counties = o.counties ? parseCountyLines(readText(o.counties, "贫困县")) : [];
        const projects = o.projects ? parseProjectLines(readText(o.projects, "项目")) : [];
        if ((o.counties && !counties.length) || (o.projects && !projects.length))
          throw new UsageError(
            `${!counties.length && o.counties ? o.counties : o.projects} 中没有任何条目，未写出名单 (the file lists nothing; nothing written)`
          );
        const r = buildSpotCheck({
          counties,
          projects,
          seed,
        });
        // An unreadable amount would leave its project out of the pool unseen: stop, write nothing.
        if (r.problems.length)
          throw new UsageError(
            `项目文件有无法读取的行，未写出名单 (unreadable project lines; nothing written):\n${r.problems.map((p) => `  ${both(p)}`).join("\n")}`
          );
        rows = r.rows;
        note = r.note;
        notes.push(note);
      }
      const layout = addFilingSheet(wb, kind, { county: o.county, year: o.year, rows, note });
      names.push(layout.sheetName);
    }
    await wb.xlsx.writeFile(o.out);
    process.stdout.write(
      `已写入 wrote ${o.out}：${names.join("、")}${notes.map((n) => `\n${n}`).join("")}\n`
    );
    return 0;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`fund-compliance template: ${msg}\n`);
    return 2;
  }
}
