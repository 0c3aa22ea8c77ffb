/**
 * Which host a page runs in, without loading any adapter (the task pane's entry stays small). A
 * WPS add-in page gets the object model as the globals `wps` and `Application` (et-jsapi-declare
 * index.d.ts: `declare const Application`, `declare const wps`; the wpsjs templates call
 * `window.Application.CreateTaskPane`, `window.Application.PluginStorage`).
 */
import type { EtApplication } from "./api";

export type HostKind = "wps" | "office";

/** The WPS object model on this page, or null outside WPS. */
export function wpsApplication(w: unknown = globalThis): EtApplication | null {
  const g = w as { Application?: unknown; wps?: unknown };
  const app = (g.Application ?? g.wps) as { PluginStorage?: unknown } | undefined;
  // Only WPS add-in pages have PluginStorage on Application (index.d.ts AddonRoot).
  return app && typeof app === "object" && "PluginStorage" in app
    ? (app as unknown as EtApplication)
    : null;
}

/** WPS when its object model is present; otherwise Office (office.js decides the rest). */
export function detectHost(w: unknown = globalThis): HostKind {
  return wpsApplication(w) ? "wps" : "office";
}
