/**
 * Browser-test page (built only with `--env harness`): the real panes over an in-memory
 * workbook, no Office. `?pane=review&lang=en&theme=dark` picks the tab, language and theme;
 * `&long=1` adds a sheet with a long (31-character) name and makes it the active one.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createMemoryHost } from "./memory-host";
import type { PaneId } from "./host";
import { fixedTheme } from "./theme";
import { addLongNamedSheet } from "./harness-data";

const params = new URLSearchParams(window.location.search);
const host = createMemoryHost();
if (params.get("long") === "1") addLongNamedSheet(host);
(window as unknown as { fundHost: unknown }).fundHost = host;
createRoot(document.getElementById("root") as HTMLElement).render(
  <App
    host={host}
    lang={params.get("lang") === "en" ? "en" : "zh"}
    initial={(params.get("pane") as PaneId) || "review"}
    theme={fixedTheme(params.get("theme") === "dark" ? "dark" : "light")}
  />
);
