/** Office.js implementation of the Allocation pane's workbook interface. Its issue fills it in. */
import type { AllocationWorkbook } from "../taskpane/allocate/port";

export class OfficeAllocationWorkbook implements AllocationWorkbook {}
