/**
 * What the Review pane needs from a workbook. The Office implementation is
 * src/excel/review.ts (OfficeReviewWorkbook); the in-memory one (./memory.ts) serves tests and
 * the browser harness. Nothing here changes a value the user typed: results go to a new sheet
 * or to reversible highlights.
 */
import type { Lang } from "../../core/i18n";
import type { ColumnMapping, Finding, SheetInput } from "../../core/review/types";
import type { ReviewTrail } from "../../core/review/trail";

export interface SheetList {
  /** Visible worksheets, in workbook order. */
  names: string[];
  /** The active worksheet's name (null when it is not in `names`). */
  active: string | null;
}

/** What a highlight or clear did. */
export interface HighlightReport {
  /** Cells whose fill was changed (highlighted or restored). */
  cells: number;
}

/** What the findings sheet's printed header names besides the sheet itself (all optional). */
export interface FindingsPrintInfo {
  /** Review date, ISO. */
  asOf?: string;
  /** Names of the rule packs applied. */
  packs?: string[];
  /** Each finding's review mark as one line ("已核实（张三 …）：…"), or null; adds a column. */
  marks?: (string | null)[];
}

export interface ReviewWorkbook {
  listSheets(): Promise<SheetList>;
  /** The sheet's used range as the engine reads it (values, origin, merges). */
  readSheet(name: string): Promise<SheetInput>;
  /** The user's column mapping for this sheet, remembered in the workbook; null when none. */
  loadMapping(sheet: string): Promise<ColumnMapping | null>;
  /** Remember (or, with null, forget) the user's column mapping for this sheet. */
  saveMapping(sheet: string, mapping: ColumnMapping | null): Promise<void>;
  /**
   * Write the findings to a new sheet ("审查结果", "审查结果 (2)" …) as an Excel table; text is
   * written as text, the cell column links back to the source cell. Returns the new sheet's name.
   */
  writeFindings(findings: Finding[], lang: Lang, print?: FindingsPrintInfo): Promise<string>;
  /** Fill the flagged cells, remembering each cell's original fill. */
  highlight(findings: Finding[]): Promise<HighlightReport>;
  /** Restore every highlighted cell's original fill (including "no fill"). */
  clearHighlights(): Promise<HighlightReport>;
  /**
   * The review trail kept in the workbook (marks and the last run), null when there is none yet.
   * Optional: a host without it keeps no trail and the pane offers no marks.
   */
  loadTrail?(): Promise<ReviewTrail | null>;
  saveTrail?(trail: ReviewTrail): Promise<void>;
  /** Activate the sheet and select the cell (or the sheet's A1 when cell is null). */
  selectCell(sheet: string, cell: string | null): Promise<void>;
}

/** The review engine contract (pane and command line) lives in ./engine. */
export type { PackInfo, ReviewEngine } from "./engine";
