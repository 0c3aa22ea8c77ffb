/**
 * When the task pane is shown. In the shared runtime (manifest: one page for the functions, the
 * ribbon and the pane) Excel loads this page hidden at every start so that the custom functions
 * run; the pane's code is worth fetching only once someone looks at it. Shown means any of:
 * the page is visible with a size when it loads, it later becomes visible or gets a size (a
 * hidden runtime has none), Office reports the task pane mode, or a ribbon button asks for a pane.
 * Where none of these can tell (a host that reports a hidden page as visible), the pane simply
 * loads at once, as it always did.
 */
import { SHOW_PANE_EVENT } from "../workbook/host";

function looksShown(win: Window): boolean {
  return win.document.visibilityState === "visible" && win.innerWidth > 0 && win.innerHeight > 0;
}

/** Calls `start` once, the first time the pane is shown (at once when it already is). */
export function whenPaneShown(start: () => void, win: Window = window): void {
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    win.removeEventListener(SHOW_PANE_EVENT, go);
    win.removeEventListener("resize", check);
    win.document.removeEventListener("visibilitychange", check);
    start();
  };
  const check = () => {
    if (looksShown(win)) go();
  };
  win.addEventListener(SHOW_PANE_EVENT, go);
  win.addEventListener("resize", check);
  win.document.addEventListener("visibilitychange", check);
  check();
  if (started || typeof Office === "undefined") return;
  void Office.onReady(() => {
    try {
      // Office.addin (SharedRuntime 1.1): the pane opened or closed.
      void Office.addin?.onVisibilityModeChanged?.((a) => {
        if (String(a.visibilityMode) === "Taskpane") go();
      });
    } catch {
      // not in a shared runtime: the page events above still tell
    }
  });
}
