/** What the Review pane needs from a workbook. Its issue defines the operations. */
export interface ReviewWorkbook {}
