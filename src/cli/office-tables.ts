/**
 * An office's own tables for the command line: `--calendar FILE` (节假日安排) and
 * `--fund-types FILE` (资金类型对照), each a .csv (UTF-8 or GB18030), a workbook (.xlsx, .xls,
 * .ods …, read by the review's own bounded reader) or .json; and
 * `fund-compliance template calendar | fund-types`, which writes them. The files are only read;
 * the cells go to the pure parsers of src/core (parseCalendarTable, parseFundTypeTable).
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { Bilingual, bi } from "../core/i18n";
import {
  CALENDAR_SHEET,
  CALENDAR_TYPE_CHOICES,
  CalendarTable,
  calendarTableFromJson,
  parseCalendarTable,
} from "../core/calendar";
import {
  FUND_RULE_CHOICES,
  FUND_TYPE_SHEET,
  FundRuleId,
  fundTypeTableFromJson,
  parseFundTypeTable,
} from "../core/deadlines";
import { CellValue, READABLE_EXTENSIONS, UnreadableFile, readWorkbook } from "./read";
import { decodeText } from "./reader/csv";

/** A table file is small: a holiday table has a few dozen rows. */
export const TABLE_MAX_BYTES = 4 << 20;
export const TABLE_MAX_ROWS = 20000;

type Rows = { values: CellValue[][]; firstRow: number };

/**
 * Reads a table file's cells with the review's own reader (.csv in UTF-8 or GB18030, .xlsx, .xls,
 * .ods …, bounded): the sheet named `sheet`, else the first; or a .json file's text.
 */
async function readTable(
  file: string,
  sheet: string
): Promise<
  { kind: "json"; text: string } | ({ kind: "rows" } & Rows) | { kind: "error"; reason: Bilingual }
> {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return {
      kind: "error",
      reason: bi("文件不存在或无法访问", "file not found or not accessible"),
    };
  }
  if (!st.isFile()) return { kind: "error", reason: bi("不是文件", "not a file") };
  if (st.size > TABLE_MAX_BYTES)
    return {
      kind: "error",
      reason: bi(
        `文件过大（超过 ${TABLE_MAX_BYTES >> 20} MB）`,
        `file too large (over ${TABLE_MAX_BYTES >> 20} MB)`
      ),
    };
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return { kind: "json", text: decodeText(fs.readFileSync(file)) };
  if (!READABLE_EXTENSIONS.includes(ext))
    return {
      kind: "error",
      reason: bi(
        `只接受 .json 或表格文件（${READABLE_EXTENSIONS.join("、")}）`,
        `only .json or spreadsheet files (${READABLE_EXTENSIONS.join(", ")}) are accepted`
      ),
    };
  const bySheet = new Map<string, { index: number; rows: CellValue[][] }>();
  try {
    await readWorkbook(file, (start) => {
      const rows: CellValue[][] = [];
      bySheet.set(start.name, { index: start.index, rows });
      return {
        row(r, v) {
          if (r <= TABLE_MAX_ROWS) rows[r - 1] = v;
        },
        end() {},
      };
    });
  } catch (e) {
    return {
      kind: "error",
      reason:
        e instanceof UnreadableFile
          ? e.reason
          : bi(`无法读取：${String(e)}`, `cannot read: ${String(e)}`),
    };
  }
  const chosen = bySheet.get(sheet) ?? [...bySheet.values()].sort((x, y) => x.index - y.index)[0];
  return {
    kind: "rows",
    values: chosen ? Array.from(chosen.rows, (r) => r ?? []) : [],
    firstRow: 1,
  };
}

function problemsText(
  option: string,
  file: string,
  problems: { row: number; message: Bilingual }[],
  json: boolean
): string {
  const lines = problems
    .slice(0, 20)
    .map(
      (p) =>
        `  ${p.row ? (json ? `第 ${p.row} 项 entry ${p.row}: ` : `第 ${p.row} 行 row ${p.row}: `) : ""}${p.message.zh} (${p.message.en})`
    );
  if (problems.length > 20)
    lines.push(`  … 另有 ${problems.length - 20} 处 (${problems.length - 20} more)`);
  return `fund-compliance: ${option} ${file}:\n${lines.join("\n")}\n`;
}

/**
 * `--calendar FILE`: the office's holiday arrangement. Any unreadable row stops the run with
 * every problem listed: a half-read calendar would judge deadlines silently wrong.
 */
export async function readCalendarFile(file: string): Promise<CalendarTable | string> {
  const t = await readTable(file, CALENDAR_SHEET);
  if (t.kind === "error")
    return `fund-compliance: --calendar ${file}: ${t.reason.zh} (${t.reason.en})\n`;
  const table =
    t.kind === "json" ? calendarTableFromJson(t.text) : parseCalendarTable(t.values, t.firstRow);
  if (table.problems.length)
    return problemsText("--calendar", file, table.problems, t.kind === "json");
  if (table.years.length === 0)
    return `fund-compliance: --calendar ${file}: 表中没有日期 (the table lists no dates)\n`;
  return table;
}

/** `--fund-types FILE`: the office's 资金类型对照 (normalised name → rule, null = 不适用). */
export async function readFundTypesFile(
  file: string
): Promise<Record<string, FundRuleId | null> | string> {
  const t = await readTable(file, FUND_TYPE_SHEET);
  if (t.kind === "error")
    return `fund-compliance: --fund-types ${file}: ${t.reason.zh} (${t.reason.en})\n`;
  const parsed =
    t.kind === "json" ? fundTypeTableFromJson(t.text) : parseFundTypeTable(t.values, t.firstRow);
  if (parsed.problems.length)
    return problemsText("--fund-types", file, parsed.problems, t.kind === "json");
  return Object.fromEntries(parsed.map);
}

// ── Templates ──

const CALENDAR_INSTRUCTIONS = [
  "填写说明：按国务院办公厅当年发布的《关于××年部分节假日安排的通知》逐日抄录。",
  "类型：放假/休息 = 休息日（含节假日期间的周末）；上班/补班/调休上班 = 调休上班的周末。其余日期按周一至周五上班自动计算。",
  "表中出现的年份即视为已提供；与内置日历同一天的，以本表为准（可用于更正）。审查窗格读取本工作表；命令行用 --calendar 本文件。",
  "How to fill: copy the State Council's notice day by day. 放假/休息 = rest day; 上班/补班/调休上班 = make-up working day. A year in this table counts as supplied; a listed date overrides the bundled one.",
];

const FUND_TYPE_INSTRUCTIONS = [
  "填写说明：左列填本单位台账“资金类型”列中的写法，右列从下拉列表选择 桂政发〔2014〕34号 第（十三）条 中对应的规则；不受该条约束的资金选“不适用”。",
  "中央提前下达、中央新增自收到资金下达文件之日起算；自治区本级预算、部门已细化、部门未细化自自治区人大批复部门预算之日起算。审查窗格读取本工作表；命令行用 --fund-types 本文件。",
  "How to fill: your ledger's fund-type names on the left, the rule of 34号 (13) they mean on the right (不适用 = not governed).",
];

function listValidation(choices: readonly string[], title: string): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: title,
    error: `请从下拉列表中选择：${choices.join("、")}`,
    formulae: [`"${choices.join(",")}"`],
  };
}

function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  instructions: string[],
  headers: string[],
  widths: number[],
  validated: { col: number; choices: readonly string[] },
  dateCol: number | null
): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: instructions.length + 1, xSplit: 0 }],
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  instructions.forEach((t, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = t;
    c.font = { size: 9, color: { argb: "FF616161" } };
  });
  const headerRow = instructions.length + 1;
  headers.forEach((h, i) => {
    const c = ws.getCell(headerRow, i + 1);
    c.value = h;
    c.font = { bold: true };
  });
  const first = headerRow + 1;
  const last = headerRow + 400;
  const letter = String.fromCharCode(65 + validated.col);
  (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(
    `${letter}${first}:${letter}${last}`,
    listValidation(validated.choices, headers[validated.col])
  );
  if (dateCol !== null) ws.getColumn(dateCol + 1).numFmt = "yyyy-mm-dd";
  for (let c = 1; c <= headers.length; c++) ws.getCell(headerRow, c).numFmt = "General";
  for (let r = 1; r < headerRow; r++) ws.getCell(r, 1).numFmt = "General";
}

/** The kinds `template` writes besides the filing sheets. */
export function officeTemplateKind(arg: string | undefined): "calendar" | "fund-types" | null {
  if (!arg) return null;
  const a = arg.toLowerCase();
  if (a === "calendar" || arg === "节假日" || arg === CALENDAR_SHEET) return "calendar";
  if (a === "fund-types" || a === "fundtypes" || arg === "资金类型" || arg === FUND_TYPE_SHEET)
    return "fund-types";
  return null;
}

/** Writes the 节假日安排 or 资金类型对照 template to a new .xlsx (never over an existing file). */
export async function writeOfficeTemplate(
  kind: "calendar" | "fund-types",
  out: string
): Promise<string> {
  // loaded here, not at start-up: every command (review too) would pay ~100 ms for it
  const { Workbook } = (await import("exceljs")).default;
  const wb = new Workbook();
  wb.creator = "Fund Compliance for Excel";
  if (kind === "calendar")
    addTableSheet(
      wb,
      CALENDAR_SHEET,
      CALENDAR_INSTRUCTIONS,
      ["日期", "类型", "说明"],
      [14, 12, 40],
      { col: 1, choices: CALENDAR_TYPE_CHOICES },
      0
    );
  else
    addTableSheet(
      wb,
      FUND_TYPE_SHEET,
      FUND_TYPE_INSTRUCTIONS,
      ["资金类型", "适用规则", "说明"],
      [30, 18, 40],
      { col: 1, choices: FUND_RULE_CHOICES },
      null
    );
  await wb.xlsx.writeFile(out);
  return kind === "calendar" ? CALENDAR_SHEET : FUND_TYPE_SHEET;
}
