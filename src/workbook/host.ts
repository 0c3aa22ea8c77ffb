/**
 * What the panes need from a workbook, as interfaces: the Office implementation lives in
 * src/excel (createOfficeHost), an in-memory one serves tests and the browser harness.
 */
import type { AllocationWorkbook } from "./allocation/port";
import type { ReviewWorkbook } from "./review/port";
import type { FilingWorkbook } from "./filing/port";

export interface WorkbookHost {
  allocation: AllocationWorkbook;
  review: ReviewWorkbook;
  filing: FilingWorkbook;
}

export type PaneId = "allocate" | "review" | "filing";

/** The ribbon's buttons (src/commands) ask the pane to show one of its tabs through this event. */
export const SHOW_PANE_EVENT = "fund-compliance:show-pane";
