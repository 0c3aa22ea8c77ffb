/** Task pane entry: waits for Office, then renders the panes over the Office workbook. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createOfficeHost } from "../excel/host";
import type { Lang } from "../core/i18n";
import { officeThemeSource } from "./office-theme";

function officeLanguage(): Lang {
  const l = Office.context?.displayLanguage ?? "zh-CN";
  return l.toLowerCase().startsWith("en") ? "en" : "zh";
}

Office.onReady(() => {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(
    <App host={createOfficeHost()} lang={officeLanguage()} theme={officeThemeSource()} />
  );
});
