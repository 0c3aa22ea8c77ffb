/** What the Filing pane needs from a workbook. Its issue defines the operations. */
export interface FilingWorkbook {}
