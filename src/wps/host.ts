/** The WPS 表格 implementation of the panes' workbook interfaces (host detection: ./detect). */
import type { WorkbookHost } from "../workbook/host";
import type { EtApplication } from "./api";
import { WpsAllocationWorkbook } from "./allocation";
import { WpsReviewWorkbook } from "./review";
import { WpsFilingWorkbook } from "./filing";

export { detectHost, wpsApplication, type HostKind } from "./detect";

export function createWpsHost(app: EtApplication): WorkbookHost {
  return {
    allocation: new WpsAllocationWorkbook(app),
    review: new WpsReviewWorkbook(app),
    filing: new WpsFilingWorkbook(app),
  };
}
