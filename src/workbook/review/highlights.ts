/** What the review marks in the user's sheets, the same on every host (Excel, WPS). */
import type { Finding, Severity } from "../../core/review/types";
import { SEVERITY_ORDER } from "./labels";

/** Where each host keeps the confirmed column mappings and the highlights it can undo. */
export const MAPPINGS_SETTING = "fundCompliance.review.mappings";
export const HIGHLIGHTS_SETTING = "fundCompliance.review.highlights";
/** …and the review trail (core/review/trail): Excel's workbook settings, WPS's document properties. */
export const TRAIL_SETTING = "fundCompliance.reviewTrail";

/** The cells findings point at, each once, with the most severe severity among its findings. */
export function flaggedCells(findings: readonly Finding[]): Map<string, Map<string, Severity>> {
  const bySheet = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    if (!f.cell) continue;
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    const had = cells.get(f.cell);
    if (!had || SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(had)) {
      cells.set(f.cell, f.severity);
    }
  }
  return bySheet;
}
