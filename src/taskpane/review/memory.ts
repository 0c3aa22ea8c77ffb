/** In-memory implementation of the Review pane's workbook interface, for tests and the browser harness. */
import type { ReviewWorkbook } from "./port";

export class MemoryReviewWorkbook implements ReviewWorkbook {}
