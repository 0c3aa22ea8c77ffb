/** In-memory implementation of the Filing pane's workbook interface, for tests and the browser harness. */
import type { FilingWorkbook } from "./port";

export class MemoryFilingWorkbook implements FilingWorkbook {}
