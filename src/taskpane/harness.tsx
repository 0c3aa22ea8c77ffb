/**
 * Browser-test page (built only with `--env harness`): the real panes over an in-memory
 * workbook, no Office. `?pane=review&lang=en` picks the tab and language.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createMemoryHost } from "./memory-host";
import type { PaneId } from "./host";

const params = new URLSearchParams(window.location.search);
const host = createMemoryHost();
(window as unknown as { fundHost: unknown }).fundHost = host;
createRoot(document.getElementById("root") as HTMLElement).render(
  <App
    host={host}
    lang={params.get("lang") === "en" ? "en" : "zh"}
    initial={(params.get("pane") as PaneId) || "review"}
  />
);
