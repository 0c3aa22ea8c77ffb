/**
 * Ribbon commands. In the shared runtime the ribbon, the task pane and the custom functions
 * share this page, so a button shows the task pane and tells it which tab to show.
 */
import { PaneId, SHOW_PANE_EVENT } from "../workbook/host";

async function show(pane: PaneId, event: Office.AddinCommands.Event) {
  try {
    await Office.addin.showAsTaskpane();
    window.dispatchEvent(new CustomEvent<PaneId>(SHOW_PANE_EVENT, { detail: pane }));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("showAllocate", (e: Office.AddinCommands.Event) => show("allocate", e));
  Office.actions.associate("showReview", (e: Office.AddinCommands.Event) => show("review", e));
  Office.actions.associate("showFiling", (e: Office.AddinCommands.Event) => show("filing", e));
});
