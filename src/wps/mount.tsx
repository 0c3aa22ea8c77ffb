/**
 * The pane UI in WPS 表格: taskpane.html is its own page there, opened by
 * Application.CreateTaskPane with ?pane=… (src/wps/ribbon.ts), so it renders at once over the
 * WPS adapters — no office.js, no Office.onReady.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import type { PaneId } from "../workbook/host";
import type { Lang } from "../core/i18n";
import type { EtApplication } from "./api";
import { createWpsHost } from "./host";

export function mountWps(element: HTMLElement, app: EtApplication, search: string): void {
  const params = new URLSearchParams(search);
  const lang: Lang = (params.get("lang") ?? navigator.language).toLowerCase().startsWith("en")
    ? "en"
    : "zh";
  createRoot(element).render(
    <App
      host={createWpsHost(app)}
      lang={lang}
      initial={(params.get("pane") as PaneId) || "review"}
    />
  );
}
