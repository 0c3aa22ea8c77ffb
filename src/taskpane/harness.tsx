/**
 * Browser-test page (built only with `--env harness`): the real panes with no Office.
 * `?pane=review&lang=en&theme=dark` picks the tab, language and theme; `&long=1` adds a sheet
 * with a long (31-character) name and makes it the active one (in-memory host); `?host=wps` runs
 * the panes through the WPS adapters (src/wps) over the fake WPS object model of the tests
 * (test/wps/fake-et.ts), holding the same sample workbook — otherwise over the in-memory workbook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createMemoryHost } from "../workbook/memory-host";
import type { PaneId, WorkbookHost } from "../workbook/host";
import { fixedTheme } from "./theme";
import { addLongNamedSheet } from "./harness-data";
import { sampleSheets } from "../workbook/review/memory";
import { SAMPLE_FACTOR_TABLE } from "../workbook/allocation/memory";
import { createWpsHost } from "../wps/host";
import type { EtApplication } from "../wps/api";
import { FakeEtApplication } from "../../test/wps/fake-et";

const params = new URLSearchParams(window.location.search);
const pane = (params.get("pane") as PaneId) || "review";

function wpsHost(): WorkbookHost {
  const app = new FakeEtApplication();
  const book = app.book!;
  for (const s of sampleSheets()) {
    const sheet = book.addSheet(
      s.name,
      s.values.map((r) => [...r])
    );
    for (const m of s.merges ?? []) sheet.Range(m).Merge();
    if (s.hidden) sheet.visible = 0;
  }
  const factors = book.addSheet(
    "因素表",
    SAMPLE_FACTOR_TABLE.map((r) => [...r])
  );
  if (pane === "allocate") {
    // The user has selected the factor table.
    book.active = factors;
    factors.selection = `A1:J${SAMPLE_FACTOR_TABLE.length}`;
  }
  (window as unknown as { fundWps: unknown }).fundWps = app;
  return createWpsHost(app as unknown as EtApplication);
}

function memoryHost(): WorkbookHost {
  const host = createMemoryHost();
  if (params.get("long") === "1") addLongNamedSheet(host);
  return host;
}

const host = params.get("host") === "wps" ? wpsHost() : memoryHost();
(window as unknown as { fundHost: unknown }).fundHost = host;
createRoot(document.getElementById("root") as HTMLElement).render(
  <App
    host={host}
    lang={params.get("lang") === "en" ? "en" : "zh"}
    initial={pane}
    theme={fixedTheme(params.get("theme") === "dark" ? "dark" : "light")}
  />
);
