/**
 * Task pane entry, kept small: this page also hosts the custom functions and is loaded hidden at
 * every Excel start, so the pane UI (./mount: React, Fluent UI, the panes) is fetched only when
 * the pane is shown (./show), then rendered once Office is ready.
 */
import { PaneId, SHOW_PANE_EVENT } from "../workbook/host";
import { whenPaneShown } from "./show";

/** The tab a ribbon button asked for before the pane UI was there to hear it. */
let requested: PaneId | undefined;
window.addEventListener(SHOW_PANE_EVENT, (e) => {
  requested = (e as CustomEvent<PaneId>).detail;
});

whenPaneShown(() => {
  // High priority: someone is looking at the pane (a dynamically added script is low by default).
  const ui = import(/* webpackChunkName: "pane", webpackFetchPriority: "high" */ "./mount");
  void Office.onReady(async () => {
    (await ui).mount(document.getElementById("root") as HTMLElement, requested);
  });
});
