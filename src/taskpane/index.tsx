/** Task pane entry: picks the host (WPS 表格 or Office), then renders the panes over its workbook. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { PaneId } from "./host";
import { createOfficeHost } from "../excel/host";
import { createWpsHost, wpsApplication } from "../wps/host";
import type { Lang } from "../core/i18n";

function officeLanguage(): Lang {
  const l = Office.context?.displayLanguage ?? "zh-CN";
  return l.toLowerCase().startsWith("en") ? "en" : "zh";
}

const wps = wpsApplication();
if (wps) {
  // WPS opens this page in its task pane with ?pane=… (src/wps/ribbon.ts); no office.js here.
  const params = new URLSearchParams(window.location.search);
  const lang: Lang = (params.get("lang") ?? navigator.language).toLowerCase().startsWith("en")
    ? "en"
    : "zh";
  createRoot(document.getElementById("root") as HTMLElement).render(
    <App
      host={createWpsHost(wps)}
      lang={lang}
      initial={(params.get("pane") as PaneId) || "review"}
    />
  );
} else {
  Office.onReady(() => {
    const root = createRoot(document.getElementById("root") as HTMLElement);
    root.render(<App host={createOfficeHost()} lang={officeLanguage()} />);
  });
}
