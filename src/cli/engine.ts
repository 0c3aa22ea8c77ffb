/**
 * What the command line needs of the review engine (src/core/review), named so that the file
 * reviewer can be driven by the real engine in the product and by a stand-in in unit tests.
 */
import type {
  Finding,
  ReviewParams,
  ReviewResult,
  SheetInput,
  SheetResult,
} from "../core/review/types";

export interface StreamingReview {
  addRow(rowNumber: number, values: unknown[]): void;
  finish(): { sheet: SheetResult; findings: Finding[] };
}

export interface Engine {
  /** Whole-sheet review, given every row (with merged areas). */
  reviewWorkbook(sheets: SheetInput[], params: ReviewParams): ReviewResult;
  /** Row-by-row review for sheets too large to hold. */
  startSheet(name: string, params: ReviewParams): StreamingReview;
  /** Ids of the rule packs. */
  packIds(): string[];
}
