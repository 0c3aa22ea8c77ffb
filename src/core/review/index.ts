/**
 * The review engine's public API: the Review pane (src/taskpane/review, src/excel/review.ts),
 * the command line (src/cli) and the filing check call these.
 */
export {
  reviewWorkbook,
  reviewSheet,
  recogniseSheet,
  recogniseHeaderText,
  SheetReview,
  markCopies,
  compareFindings,
  UNIT_SAMPLE_ROWS,
} from "./engine";
export type { SheetReviewOptions, SheetOutcome } from "./engine";
export {
  RULES,
  FILING_RULES,
  PACKS,
  NEGATIVE_LISTS,
  listRules,
  ruleById,
  render,
  publicityRuleId,
} from "./registry";
export type { RuleDef, PackDef, PackId, ParamValue } from "./registry";
export { KIND_MODULES } from "./kinds";
export type { KindModule, SheetCheck, RowView, HeaderView, Emit, SheetEnv } from "./kinds";
export * from "./types";
export { FIELD_LABELS } from "../ledger/classify";
export { HEADER_SCAN_ROWS } from "../ledger/detect";
export * from "./config-sheets";
export * from "./column-map";
export { reviewNotes, rowsNotJudged, HOW_TO_SUPPLY_CALENDAR } from "./notes";
