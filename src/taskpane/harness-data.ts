/** Extra sample data for the browser harness: the long names real workbooks carry. */
import type { WorkbookHost } from "../workbook/host";
import { MemoryReviewWorkbook } from "../workbook/review/memory";
import { MemoryAllocationWorkbook } from "../workbook/allocation/memory";

/** 31 characters, Excel's longest sheet name. */
export const LONG_SHEET_NAME = "2024年度中央财政衔接推进乡村振兴补助资金拨付明细台账第二批";

/** A copy of the ledger under a 31-character name, made the active sheet in Review and Allocate. */
export function addLongNamedSheet(host: WorkbookHost): void {
  const review = host.review as MemoryReviewWorkbook;
  const ledger = review.sheets[0];
  review.sheets.push({
    ...ledger,
    name: LONG_SHEET_NAME,
    values: ledger.values.map((r) => [...r]),
    fills: new Map(),
  });
  review.active = LONG_SHEET_NAME;
  const alloc = host.allocation as MemoryAllocationWorkbook;
  const [first] = [...alloc.sheets.values()];
  alloc.sheets.set(LONG_SHEET_NAME, first);
  alloc.selection = { ...alloc.selection, sheet: LONG_SHEET_NAME };
}
