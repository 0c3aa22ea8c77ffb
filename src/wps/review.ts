/**
 * WPS 表格 implementation of the Review pane's workbook interface: the same behaviour as
 * src/excel/review.ts over WPS's object model (src/wps/api.ts). Nothing here writes a value into
 * a user's cell: reads, a new findings sheet, and fills that are restored exactly on clearing.
 *
 * Remembered state lives in custom document properties (./store), keyed by the worksheet's code
 * name, which stays when the user renames a sheet (its display name when WPS gives no code name).
 */
import type { Lang } from "../core/i18n";
import type { ColumnMapping, Finding, SheetInput } from "../core/review/types";
import { columnLetters } from "../core/review/types";
import type {
  FindingsPrintInfo,
  HighlightReport,
  ReviewWorkbook,
  SheetList,
} from "../workbook/review/port";
import { LINK_COLUMN, findingsTable, FINDINGS_SHEET } from "../workbook/review/findings-table";
import { parseTrail, serialiseTrail, type ReviewTrail } from "../core/review/trail";
import { uniqueSheetName } from "../core/a1";
import { HIGHLIGHT_FILL } from "../workbook/review/labels";
import {
  flaggedCells,
  HIGHLIGHTS_SETTING,
  MAPPINGS_SETTING,
  TRAIL_SETTING,
} from "../workbook/review/highlights";
import type { EtApplication, EtWorkbook, EtWorksheet } from "./api";
import { XL } from "./api";
import {
  activeWorkbook,
  addSheet,
  addTable,
  bgr,
  mergedAreas,
  readUsed,
  selectCell,
  sheetNamed,
  tableNames,
  worksheets,
  writeBlock,
} from "./cells";
import { readJson, readText, writeText } from "./store";

/** A cell's fill as WPS reports it: BGR colours and an XlPattern (xlNone = no fill). */
export interface WpsSavedFill {
  color: number;
  pattern: number;
  patternColor: number;
}

export interface WpsHighlightEntry {
  sheetKey: string;
  cell: string;
  original: WpsSavedFill;
  /** The BGR colour we applied; a cell the user has refilled since is left as they made it. */
  applied: number;
}

/** A sheet's key in remembered state: its code name, stable across renames. */
export function sheetKey(ws: EtWorksheet): string {
  const code = ws.CodeName;
  return code ? `code:${code}` : `name:${ws.Name}`;
}

export class WpsReviewWorkbook implements ReviewWorkbook {
  constructor(private readonly app: EtApplication) {}

  private get wb(): EtWorkbook {
    return activeWorkbook(this.app);
  }

  async listSheets(): Promise<SheetList> {
    const wb = this.wb;
    const names = worksheets(wb)
      .filter((s) => s.Visible === XL.sheetVisible)
      .map((s) => s.Name);
    const active = wb.ActiveSheet?.Name ?? null;
    return { names, active: active !== null && names.includes(active) ? active : null };
  }

  async readSheet(name: string): Promise<SheetInput> {
    const ws = sheetNamed(this.wb, name);
    const read = readUsed(ws);
    return { name, values: read.values, origin: read.origin, merges: mergedAreas(ws, read) };
  }

  async loadMapping(sheet: string): Promise<ColumnMapping | null> {
    const wb = this.wb;
    const all = readJson<Record<string, ColumnMapping>>(wb, MAPPINGS_SETTING, {});
    return all[sheetKey(sheetNamed(wb, sheet))] ?? null;
  }

  async saveMapping(sheet: string, mapping: ColumnMapping | null): Promise<void> {
    const wb = this.wb;
    const key = sheetKey(sheetNamed(wb, sheet));
    const all = readJson<Record<string, ColumnMapping>>(wb, MAPPINGS_SETTING, {});
    if (mapping) all[key] = mapping;
    else delete all[key];
    writeText(wb, MAPPINGS_SETTING, JSON.stringify(all));
  }

  async writeFindings(findings: Finding[], lang: Lang, print?: FindingsPrintInfo): Promise<string> {
    const wb = this.wb;
    const name = uniqueSheetName(
      FINDINGS_SHEET,
      worksheets(wb).map((s) => s.Name)
    );
    const ws = addSheet(wb, name);
    // With review marks the table has one more column: each finding's mark and note.
    const { header, rows } = findingsTable(findings, lang, print?.marks);
    if (rows.length === 0)
      rows.push(header.map((_, i) => (i === 4 ? "未发现问题 No findings" : "")));
    const all = [header, ...rows];
    // Text columns get "@" before their values so that text stays text; the link column stays
    // General so that its HYPERLINK formula is a formula.
    const formats = header.map((_, i) => (i === LINK_COLUMN ? "General" : "@"));
    writeBlock(ws, 1, 1, all, formats);
    const last = columnLetters(header.length - 1);
    addTable(ws, ws.Range(`A1:${last}${all.length}`), freeName(wb), "TableStyleMedium2");
    ws.Range(`A:${last}`).EntireColumn.AutoFit();
    ws.Activate();
    return name;
  }

  /**
   * The review trail in custom document properties (saved in the file, never in a cell), split
   * into parts of ≤ 250 characters like every remembered value (./store).
   */
  async loadTrail(): Promise<ReviewTrail | null> {
    return parseTrail(readText(this.wb, TRAIL_SETTING));
  }

  async saveTrail(trail: ReviewTrail): Promise<void> {
    writeText(this.wb, TRAIL_SETTING, serialiseTrail(trail));
  }

  async highlight(findings: Finding[]): Promise<HighlightReport> {
    const flagged = flaggedCells(findings);
    if (flagged.size === 0) return { cells: 0 };
    const wb = this.wb;
    const entries = readJson<WpsHighlightEntry[]>(wb, HIGHLIGHTS_SETTING, []);
    const known = new Map(entries.map((e) => [`${e.sheetKey}!${e.cell}`, e]));
    let cells = 0;
    for (const [sheetName, flaggedHere] of flagged) {
      const ws = sheetNamed(wb, sheetName);
      const key = sheetKey(ws);
      for (const [cell, severity] of flaggedHere) {
        const interior = ws.Range(cell).Interior;
        const color = bgr(HIGHLIGHT_FILL[severity]);
        const had = known.get(`${key}!${cell}`);
        // A cell highlighted before keeps its first original: that is what clearing restores.
        if (had) had.applied = color;
        else {
          const entry: WpsHighlightEntry = {
            sheetKey: key,
            cell,
            original: {
              color: interior.Color,
              pattern: interior.Pattern,
              patternColor: interior.PatternColor,
            },
            applied: color,
          };
          entries.push(entry);
          known.set(`${key}!${cell}`, entry);
        }
        // Solid, or a patterned cell would keep its pattern over our colour.
        interior.Pattern = XL.patternSolid;
        interior.Color = color;
        cells++;
      }
    }
    writeText(wb, HIGHLIGHTS_SETTING, JSON.stringify(entries));
    return { cells };
  }

  async clearHighlights(): Promise<HighlightReport> {
    const wb = this.wb;
    const entries = readJson<WpsHighlightEntry[] | null>(wb, HIGHLIGHTS_SETTING, null);
    if (entries === null) return { cells: 0 };
    const sheets = new Map(worksheets(wb).map((s) => [sheetKey(s), s]));
    let restored = 0;
    for (const e of entries) {
      const ws = sheets.get(e.sheetKey);
      if (!ws) continue; // the sheet was deleted
      const interior = ws.Range(e.cell).Interior;
      // Refilled by the user since we highlighted it: theirs now, leave it.
      if (interior.Pattern !== XL.patternSolid || interior.Color !== e.applied) continue;
      const o = e.original;
      if (o.pattern === XL.patternNone) interior.Pattern = XL.patternNone;
      else {
        interior.Color = o.color;
        interior.Pattern = o.pattern;
        interior.PatternColor = o.patternColor;
      }
      restored++;
    }
    writeText(wb, HIGHLIGHTS_SETTING, null);
    return { cells: restored };
  }

  async selectCell(sheet: string, cell: string | null): Promise<void> {
    selectCell(this.wb, sheet, cell);
  }
}

/** FundFindings, FundFindings2 …: table names are workbook-wide. */
function freeName(wb: EtWorkbook): string {
  const taken = new Set(tableNames(wb).map((t) => t.toLowerCase()));
  if (!taken.has("fundfindings")) return "FundFindings";
  for (let k = 2; ; k++) if (!taken.has(`fundfindings${k}`)) return `FundFindings${k}`;
}
