/** What the Allocation pane needs from a workbook. Its issue defines the operations. */
export interface AllocationWorkbook {}
