/**
 * The WPS 表格 implementation of the panes' workbook interfaces, and how a page tells which host
 * it runs in. A WPS add-in page gets the object model as the globals `wps` and `Application`
 * (et-jsapi-declare index.d.ts: `declare const Application`, `declare const wps`; the wpsjs
 * templates call `window.Application.CreateTaskPane`, `window.Application.PluginStorage`).
 */
import type { WorkbookHost } from "../taskpane/host";
import type { EtApplication } from "./api";
import { WpsAllocationWorkbook } from "./allocation";
import { WpsReviewWorkbook } from "./review";
import { WpsFilingWorkbook } from "./filing";

export function createWpsHost(app: EtApplication): WorkbookHost {
  return {
    allocation: new WpsAllocationWorkbook(app),
    review: new WpsReviewWorkbook(app),
    filing: new WpsFilingWorkbook(app),
  };
}

export type HostKind = "wps" | "office";

/** The WPS object model on this page, or null outside WPS. */
export function wpsApplication(w: unknown = globalThis): EtApplication | null {
  const g = w as { Application?: unknown; wps?: unknown };
  const app = (g.Application ?? g.wps) as
    { PluginStorage?: unknown; ActiveWindow?: unknown } | undefined;
  // Only WPS add-in pages have PluginStorage on Application (index.d.ts AddonRoot).
  return app && typeof app === "object" && "PluginStorage" in app
    ? (app as unknown as EtApplication)
    : null;
}

/** WPS when its object model is present; otherwise Office (office.js decides the rest). */
export function detectHost(w: unknown = globalThis): HostKind {
  return wpsApplication(w) ? "wps" : "office";
}
