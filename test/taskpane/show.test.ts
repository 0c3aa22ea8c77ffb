/** @jest-environment jsdom */
/**
 * The pane's UI is fetched only when the pane is shown (src/taskpane/show.ts): at once on a
 * visible page with a size, never on the hidden page Excel's shared runtime keeps for the
 * functions — until it is shown, by any of the signals a host gives.
 */
import { SHOW_PANE_EVENT } from "../../src/workbook/host";
import { whenPaneShown } from "../../src/taskpane/show";

function setSize(width: number, height: number): void {
  Object.defineProperty(window, "innerWidth", { configurable: true, value: width });
  Object.defineProperty(window, "innerHeight", { configurable: true, value: height });
}

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, "visibilityState", { configurable: true, value: state });
}

afterEach(() => {
  setSize(1024, 768);
  setVisibility("visible");
});

test("a visible page with a size starts the pane at once, once", () => {
  setSize(420, 900);
  const start = jest.fn();
  whenPaneShown(start);
  expect(start).toHaveBeenCalledTimes(1);
  window.dispatchEvent(new Event("resize"));
  window.dispatchEvent(new CustomEvent(SHOW_PANE_EVENT, { detail: "review" }));
  expect(start).toHaveBeenCalledTimes(1);
});

test("the hidden runtime (no size) does not start it; getting a size does", () => {
  setSize(0, 0);
  const start = jest.fn();
  whenPaneShown(start);
  expect(start).not.toHaveBeenCalled();
  window.dispatchEvent(new Event("resize")); // still no size
  expect(start).not.toHaveBeenCalled();
  setSize(420, 900);
  window.dispatchEvent(new Event("resize"));
  expect(start).toHaveBeenCalledTimes(1);
});

test("a hidden document does not start it; becoming visible does", () => {
  setVisibility("hidden");
  const start = jest.fn();
  whenPaneShown(start);
  expect(start).not.toHaveBeenCalled();
  setVisibility("visible");
  document.dispatchEvent(new Event("visibilitychange"));
  expect(start).toHaveBeenCalledTimes(1);
});

test("a ribbon button asking for a pane starts it even when the page still reports no size", () => {
  setSize(0, 0);
  const start = jest.fn();
  whenPaneShown(start);
  window.dispatchEvent(new CustomEvent(SHOW_PANE_EVENT, { detail: "filing" }));
  expect(start).toHaveBeenCalledTimes(1);
});

test("Office reporting the task pane starts it", async () => {
  setSize(0, 0);
  let report: ((a: { visibilityMode: string }) => void) | undefined;
  (globalThis as Record<string, unknown>).Office = {
    onReady: (cb: () => void) => Promise.resolve().then(cb),
    addin: {
      onVisibilityModeChanged: (h: (a: { visibilityMode: string }) => void) => {
        report = h;
        return Promise.resolve(() => undefined);
      },
    },
  };
  try {
    const start = jest.fn();
    whenPaneShown(start);
    await Promise.resolve();
    await Promise.resolve();
    expect(report).toBeDefined();
    report!({ visibilityMode: "Hidden" });
    expect(start).not.toHaveBeenCalled();
    report!({ visibilityMode: "Taskpane" });
    expect(start).toHaveBeenCalledTimes(1);
  } finally {
    delete (globalThis as Record<string, unknown>).Office;
  }
});
