/**
 * Office.js implementation of the Review pane's workbook interface.
 *
 * Remembered state:
 * - **column mappings** the user fixed are kept in a very hidden sheet (SETTINGS_SHEET: one row
 *   per sheet — name, worksheet id, field → column letter as JSON; core/review/column-map),
 *   because they must travel with the file to the command line, which reads the xlsx and cannot
 *   see Office's workbook settings (those live in a web-extension part only Office reads). The
 *   worksheet id follows a renamed sheet; the name is what the command line matches. Mappings an
 *   earlier version kept in workbook settings are read too and moved on the next save.
 * - **original fills** of highlighted cells stay in workbook settings (`context.workbook.settings`,
 *   ExcelApi 1.4): only the pane needs them.
 *
 * Nothing here writes a value into a user's cell: reads, a new findings sheet, and fills that
 * are restored exactly on clearing.
 */
import type { Lang } from "../core/i18n";
import type { ColumnMapping, Finding, SheetInput } from "../core/review/types";
import type {
  FindingsPrintInfo,
  HighlightReport,
  ReviewWorkbook,
  SheetList,
} from "../workbook/review/port";
import { printSetup } from "../core/print";
import { applyColumnWidths, applyPrintSetup, documentFileName } from "./print";
import { loadTrail, saveTrail } from "./trail";
import type { ReviewTrail } from "../core/review/trail";
import { bi } from "../core/i18n";
import { SETTINGS_SHEET } from "../core/review/config-sheets";
import { StoredMapping, settingsRows, storedMappings } from "../core/review/column-map";
import {
  LINK_COLUMN,
  WRAPPED_COLUMNS,
  findingsColumnChars,
  findingsTable,
  FINDINGS_SHEET,
} from "../workbook/review/findings-table";
import { uniqueSheetName } from "../core/a1";
import { HIGHLIGHT_FILL } from "../workbook/review/labels";
import { SyncBatcher, readUsedRange, writeRows } from "./ranges";
import { columnLetters, type Severity } from "../core/review/types";
import { flaggedCells, HIGHLIGHTS_SETTING, MAPPINGS_SETTING } from "../workbook/review/highlights";
export { flaggedCells, HIGHLIGHTS_SETTING, MAPPINGS_SETTING };

/** A cell's fill as Excel reports it; pattern "None" is "no fill". */
export interface SavedFill {
  color: string | null;
  pattern: string;
  patternColor: string | null;
}

export interface HighlightEntry {
  /** Worksheet id (stable across renames). */
  sheetId: string;
  cell: string;
  /** The fill before we highlighted it. */
  original: SavedFill;
  /** The colour we applied; a cell the user has refilled since is left as they made it. */
  applied: string;
}

/** Rough payload of one cell's fill request. */
const FILL_BYTES = 256;

function parseSetting<T>(setting: Excel.Setting, fallback: T): T {
  if (setting.isNullObject) return fallback;
  const v = setting.value as unknown;
  if (typeof v !== "string") return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

interface SavedMappings {
  sheetId: string;
  /** Every stored mapping, names brought up to date from the worksheet ids. */
  entries: StoredMapping[];
  /** Rows the mapping sheet holds now (0 when there is none). */
  rows: number;
  exists: boolean;
  /** Workbook settings of an earlier version still hold mappings. */
  legacy: boolean;
}

/**
 * The column mappings saved in the workbook — the mapping sheet's rows, and any an earlier
 * version kept in workbook settings (keyed by sheet id) — in one sync.
 */
async function savedMappings(
  context: Excel.RequestContext,
  sheetName: string
): Promise<SavedMappings> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  const sheet = sheets.getItem(sheetName);
  sheet.load("id");
  const store = sheets.getItemOrNullObject(SETTINGS_SHEET);
  const used = store.getUsedRangeOrNullObject(true);
  used.load("values");
  const setting = context.workbook.settings.getItemOrNullObject(MAPPINGS_SETTING);
  setting.load("value");
  await context.sync();
  const nameOf = new Map(sheets.items.map((s) => [s.id, s.name]));
  const values = store.isNullObject || used.isNullObject ? [] : (used.values as unknown[][]);
  const entries: StoredMapping[] = [];
  for (const e of storedMappings(values)) {
    const name = nameOf.get(e.sheetId) ?? e.sheet; // renamed since: the id knows
    if (!entries.some((x) => x.sheet === name)) entries.push({ ...e, sheet: name });
  }
  const legacy = parseSetting<Record<string, ColumnMapping>>(setting, {});
  for (const [id, mapping] of Object.entries(legacy)) {
    const name = nameOf.get(id);
    if (name && !entries.some((x) => x.sheet === name))
      entries.push({ sheet: name, sheetId: id, mapping });
  }
  return {
    sheetId: sheet.id,
    entries,
    rows: values.length,
    exists: !store.isNullObject,
    legacy: !setting.isNullObject,
  };
}

function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? "").toUpperCase() === (b ?? "").toUpperCase();
}

export class OfficeReviewWorkbook implements ReviewWorkbook {
  async listSheets(): Promise<SheetList> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      const names = sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
      return { names, active: names.includes(active.name) ? active.name : null };
    });
  }

  async readSheet(name: string): Promise<SheetInput> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const read = await readUsedRange(context, sheet);
      const input: SheetInput = {
        name,
        values: read.values,
        origin: read.origin,
        merges: read.merges,
      };
      if (read.mergesUnread === "api")
        input.mergesUnread = bi(
          "此版本的 Excel 不支持读取合并单元格（需要 ExcelApi 1.13）",
          "this version of Excel cannot report merged cells (ExcelApi 1.13 is needed)"
        );
      else if (read.mergesUnread === "refused")
        input.mergesUnread = bi(
          "Excel 未返回合并区域（超过 512 个合并区域时会如此）",
          "Excel did not return the merged areas (it refuses above 512 of them)"
        );
      return input;
    });
  }

  async loadMapping(sheetName: string): Promise<ColumnMapping | null> {
    return Excel.run(async (context) => {
      const { sheetId, entries } = await savedMappings(context, sheetName);
      const e =
        entries.find((x) => x.sheetId === sheetId) ?? entries.find((x) => x.sheet === sheetName);
      return e ? e.mapping : null;
    });
  }

  async saveMapping(sheetName: string, mapping: ColumnMapping | null): Promise<void> {
    await Excel.run(async (context) => {
      const saved = await savedMappings(context, sheetName);
      const entries = saved.entries.filter(
        (x) => x.sheetId !== saved.sheetId && x.sheet !== sheetName
      );
      if (mapping) entries.push({ sheet: sheetName, sheetId: saved.sheetId, mapping });
      const sheets = context.workbook.worksheets;
      let store: Excel.Worksheet;
      if (saved.exists) store = sheets.getItem(SETTINGS_SHEET);
      else {
        store = sheets.add(SETTINGS_SHEET);
        // Very hidden: not in Excel's Unhide list, so not edited or deleted by accident.
        store.visibility = "VeryHidden" as Excel.SheetVisibility;
      }
      const rows = settingsRows(entries);
      // Rows a longer earlier list used are blanked; everything is written as text (never a formula).
      while (rows.length < saved.rows) rows.push(["", "", ""]);
      const range = store.getRangeByIndexes(0, 0, rows.length, 3);
      range.numberFormat = rows.map((r) => r.map(() => "@"));
      range.values = rows;
      if (saved.legacy) context.workbook.settings.getItem(MAPPINGS_SETTING).delete();
      await context.sync();
    });
  }

  loadTrail(): Promise<ReviewTrail | null> {
    return loadTrail();
  }

  saveTrail(trail: ReviewTrail): Promise<void> {
    return saveTrail(trail);
  }

  async writeFindings(findings: Finding[], lang: Lang, print?: FindingsPrintInfo): Promise<string> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = uniqueSheetName(
        FINDINGS_SHEET,
        sheets.items.map((s) => s.name)
      );
      const sheet = sheets.add(name);
      const { header, rows } = findingsTable(findings, lang, print?.marks);
      if (rows.length === 0) {
        rows.push(header.map((_, i) => (i === 4 ? "未发现问题 No findings" : "")));
      }
      const all = [header, ...rows];
      // Text columns get the Text number format before their values, so that a message or
      // evidence beginning with =, +, - or @ is stored as text, never as a formula; the link
      // column stays General so that its HYPERLINK formula is a formula.
      const formats = header.map((_, i) => (i === LINK_COLUMN ? "General" : "@"));
      const batcher = new SyncBatcher(context);
      await writeRows(
        batcher,
        sheet,
        0,
        0,
        all,
        (range, chunk) => {
          range.numberFormat = chunk.map(() => formats);
          range.values = chunk as string[][];
        },
        2
      );
      await batcher.add(512, () => {
        const last = columnLetters(header.length - 1);
        const table = sheet.tables.add(`A1:${last}${all.length}`, true);
        table.style = "TableStyleMedium2";
        // Printable: widths that fit each header, long text wrapped, A4 landscape (src/core/print).
        applyColumnWidths(sheet, findingsColumnChars(rows, header), WRAPPED_COLUMNS);
        applyPrintSetup(
          sheet,
          printSetup({
            title: `${name} Findings`,
            file: documentFileName(),
            asOf: print?.asOf,
            packs: print?.packs,
          })
        );
        sheet.activate();
      });
      await batcher.flush();
      return name;
    });
  }

  async highlight(findings: Finding[]): Promise<HighlightReport> {
    const flagged = flaggedCells(findings);
    if (flagged.size === 0) return { cells: 0 };
    return Excel.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_SETTING);
      setting.load("value");
      const targets: {
        sheet: Excel.Worksheet;
        cell: string;
        severity: Severity;
        range: Excel.Range;
      }[] = [];
      const reads = new SyncBatcher(context);
      for (const [sheetName, cells] of flagged) {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.load("id");
        for (const [cell, severity] of cells) {
          await reads.add(FILL_BYTES, () => {
            const range = sheet.getRange(cell);
            range.format.fill.load("color,pattern,patternColor");
            targets.push({ sheet, cell, severity, range });
          });
        }
      }
      await context.sync();

      const entries = parseSetting<HighlightEntry[]>(setting, []);
      const known = new Map(entries.map((e) => [`${e.sheetId}!${e.cell}`, e]));
      const writes = new SyncBatcher(context);
      for (const t of targets) {
        const color = HIGHLIGHT_FILL[t.severity];
        const key = `${t.sheet.id}!${t.cell}`;
        const had = known.get(key);
        // A cell highlighted before keeps its first original: that is what clearing restores.
        if (had) had.applied = color;
        else {
          const fill = t.range.format.fill;
          const entry: HighlightEntry = {
            sheetId: t.sheet.id,
            cell: t.cell,
            original: { color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor },
            applied: color,
          };
          entries.push(entry);
          known.set(key, entry);
        }
        await writes.add(FILL_BYTES, () => {
          // Solid, or a patterned cell would keep its pattern over our colour.
          t.range.format.fill.pattern = "Solid";
          t.range.format.fill.color = color;
        });
      }
      await writes.add(JSON.stringify(entries).length * 2, () => {
        context.workbook.settings.add(HIGHLIGHTS_SETTING, JSON.stringify(entries));
      });
      await writes.flush();
      return { cells: targets.length };
    });
  }

  async clearHighlights(): Promise<HighlightReport> {
    return Excel.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_SETTING);
      setting.load("value");
      const sheets = context.workbook.worksheets;
      sheets.load("items/id");
      await context.sync();
      const entries = parseSetting<HighlightEntry[]>(setting, []);
      if (setting.isNullObject) return { cells: 0 };
      const ids = new Set(sheets.items.map((s) => s.id));
      const live = entries.filter((e) => ids.has(e.sheetId));

      const reads = new SyncBatcher(context);
      const ranges: Excel.Range[] = [];
      for (const e of live) {
        await reads.add(FILL_BYTES, () => {
          const range = sheets.getItem(e.sheetId).getRange(e.cell);
          range.format.fill.load("color,pattern");
          ranges.push(range);
        });
      }
      await reads.flush();

      const writes = new SyncBatcher(context);
      let restored = 0;
      for (let i = 0; i < live.length; i++) {
        const e = live[i];
        const fill = ranges[i].format.fill;
        // Refilled by the user since we highlighted it: theirs now, leave it.
        if (fill.pattern !== "Solid" || !sameColor(fill.color, e.applied)) continue;
        restored++;
        await writes.add(FILL_BYTES, () => restoreFill(ranges[i].format.fill, e.original));
      }
      await writes.add(64, () => setting.delete());
      await writes.flush();
      return { cells: restored };
    });
  }

  async selectCell(sheetName: string, cell: string | null): Promise<void> {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(cell ?? "A1").select();
      await context.sync();
    });
  }
}

/** Put a fill back as it was: "no fill" is cleared, a pattern gets its colours back. */
export function restoreFill(fill: Excel.RangeFill, original: SavedFill): void {
  if (original.pattern === "None" || !original.pattern) {
    fill.clear();
    return;
  }
  if (original.color) fill.color = original.color;
  if (original.pattern !== "Solid") {
    fill.pattern = original.pattern as Excel.FillPattern;
    if (original.patternColor) fill.patternColor = original.patternColor;
  }
}
