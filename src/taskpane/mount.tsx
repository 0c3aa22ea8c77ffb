/** The pane UI (React, Fluent UI, the panes over the Office workbook): its own chunk, loaded when the pane is shown. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createOfficeHost } from "../excel/host";
import type { Lang } from "../core/i18n";
import type { PaneId } from "../workbook/host";
import { officeThemeSource } from "./office-theme";

function officeLanguage(): Lang {
  const l = Office.context?.displayLanguage ?? "zh-CN";
  return l.toLowerCase().startsWith("en") ? "en" : "zh";
}

export function mount(element: HTMLElement, pane: PaneId | undefined): void {
  createRoot(element).render(
    <App
      host={createOfficeHost()}
      lang={officeLanguage()}
      theme={officeThemeSource()}
      {...(pane ? { initial: pane } : {})}
    />
  );
}
