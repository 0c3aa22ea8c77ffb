/** An in-memory workbook host: the panes without Excel (tests, browser harness). */
import type { WorkbookHost } from "./host";
import { MemoryAllocationWorkbook } from "./allocation/memory";
import { MemoryReviewWorkbook } from "./review/memory";
import { MemoryFilingWorkbook } from "./filing/memory";

export function createMemoryHost(): WorkbookHost {
  return {
    allocation: new MemoryAllocationWorkbook(),
    review: new MemoryReviewWorkbook(),
    filing: new MemoryFilingWorkbook(),
  };
}
