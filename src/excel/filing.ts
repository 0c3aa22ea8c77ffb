/** Office.js implementation of the Filing pane's workbook interface. Its issue fills it in. */
import type { FilingWorkbook } from "../taskpane/filing/port";

export class OfficeFilingWorkbook implements FilingWorkbook {}
