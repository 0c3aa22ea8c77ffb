/** In-memory implementation of the Allocation pane's workbook interface, for tests and the browser harness. */
import type { AllocationWorkbook } from "./port";

export class MemoryAllocationWorkbook implements AllocationWorkbook {}
