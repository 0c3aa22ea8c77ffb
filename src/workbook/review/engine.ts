/**
 * The review engine contract: one for the Review pane and the command line. The product's
 * engine is src/core/review (`coreEngine` below); tests hand the pane and the command line a
 * stand-in, and both honour the engine they are given — the command line's review children too
 * (they load it from `module`, or the files are reviewed in the command's own process).
 */
import { PACKS, SheetReview, recogniseSheet, reviewSheet, reviewWorkbook } from "../../core/review";
import type { Bilingual } from "../../core/i18n";
import type {
  ColumnMapping,
  Finding,
  ReviewParams,
  ReviewResult,
  SheetInput,
  SheetResult,
} from "../../core/review/types";

/** A rule pack the engine offers, with its name in both languages. */
export interface PackInfo {
  id: string;
  name: Bilingual;
  /** Off unless the user ticks it (an optional practice, not a rule). */
  off?: boolean;
}

/** One sheet reviewed row by row, for sheets too large to hold whole. */
export interface StreamingReview {
  addRow(rowNumber: number, values: unknown[]): void;
  finish(): { sheet: SheetResult; findings: Finding[] };
}

export interface ReviewEngine {
  /** The rule packs, in the order they are offered; their ids are what --packs accepts. */
  packs: readonly PackInfo[];
  /** What the sheet is (recognised ledger, which columns), without reviewing it. */
  recogniseSheet(sheet: SheetInput, mapping?: ColumnMapping): SheetResult;
  /** One sheet, given every row. */
  reviewSheet(sheet: SheetInput, params: ReviewParams): { sheet: SheetResult; findings: Finding[] };
  /** Whole-workbook review, given every row of every sheet (with merged areas). */
  reviewWorkbook(sheets: SheetInput[], params: ReviewParams): ReviewResult;
  /** Row-by-row review of one sheet. */
  startSheet(name: string, params: ReviewParams): StreamingReview;
  /**
   * For the command line's review children: the absolute path of a module whose export `engine`
   * is this engine. Without it the command reviews its files in its own process, so a stand-in
   * is never silently replaced by another engine in a child.
   */
  module?: string;
}

/** The product's review engine, src/core/review. */
export const coreEngine: ReviewEngine = {
  packs: PACKS,
  recogniseSheet,
  reviewSheet,
  reviewWorkbook,
  startSheet: (name, params) => new SheetReview(name, params),
};
