/** The Office implementation of the panes' workbook interfaces (Office.js lives only in src/excel). */
import type { WorkbookHost } from "../workbook/host";
import { OfficeAllocationWorkbook } from "./allocation";
import { OfficeReviewWorkbook } from "./review";
import { OfficeFilingWorkbook } from "./filing";

export function createOfficeHost(): WorkbookHost {
  return {
    allocation: new OfficeAllocationWorkbook(),
    review: new OfficeReviewWorkbook(),
    filing: new OfficeFilingWorkbook(),
  };
}
