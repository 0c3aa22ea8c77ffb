/** Office.js implementation of the Review pane's workbook interface. Its issue fills it in. */
import type { ReviewWorkbook } from "../taskpane/review/port";

export class OfficeReviewWorkbook implements ReviewWorkbook {}
