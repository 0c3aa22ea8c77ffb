/** The review engine (src/core/review) as the pane uses it. */
import { PACKS, recogniseSheet, reviewSheet, reviewWorkbook } from "../../core/review";
import type { ReviewEngine } from "../../workbook/review/port";

export const coreEngine: ReviewEngine = {
  packs: PACKS,
  recogniseSheet,
  reviewSheet,
  reviewWorkbook,
};
