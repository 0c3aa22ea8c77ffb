/**
 * The ribbon's callbacks in WPS 表格. ribbon.xml (generated from manifest.xml's ribbon by
 * scripts/wps-addin.js) names them: onLoad="OnAddinLoad", onAction="OnAction",
 * getImage="GetImage" — global functions of the add-in's index.html, as in the wpsjs 2.2.3 et
 * template (js/ribbon.js). A button opens the task pane once with Application.CreateTaskPane(url)
 * and keeps its ID in PluginStorage (shared by the add-in's pages); later buttons find it with
 * GetTaskPane(id), navigate it to the chosen pane and show it (index.d.ts CustomTaskpane).
 */
import type { PaneId } from "../workbook/host";

/** The ribbon buttons (ids as in manifest.xml) and the pane each opens. */
export const BUTTON_PANES: Record<string, PaneId> = {
  "FundCompliance.Allocate": "allocate",
  "FundCompliance.Review": "review",
  "FundCompliance.Filing": "filing",
};

export const TASKPANE_KEY = "fundCompliance.taskpaneId";
/** msoCTPDockPositionRight (the templates' WPS_Enum). */
const DOCK_RIGHT = 2;

interface TaskPane {
  ID: number;
  Visible: boolean;
  DockPosition: number;
  Navigate(url: string): void;
}

export interface RibbonHost {
  CreateTaskPane(url: string, title?: string): TaskPane;
  GetTaskPane(id: number): TaskPane | null;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

/** The folder the add-in's index.html was served from ("http://intranet/fund/" or a file URL). */
export function baseUrl(location: string): string {
  const s = decodeURI(location).split(/[?#]/)[0];
  return s.slice(0, s.lastIndexOf("/") + 1);
}

export function paneUrl(base: string, pane: PaneId): string {
  return `${base}taskpane.html?pane=${pane}`;
}

/** Shows the task pane on `pane`: created once, then navigated and shown. */
export function showPane(app: RibbonHost, base: string, pane: PaneId): void {
  const url = paneUrl(base, pane);
  const id = Number(app.PluginStorage.getItem(TASKPANE_KEY));
  const existing = Number.isFinite(id) && id > 0 ? app.GetTaskPane(id) : null;
  if (existing) {
    existing.Navigate(url);
    existing.Visible = true;
    return;
  }
  const created = app.CreateTaskPane(url, "资金合规 Fund Compliance");
  app.PluginStorage.setItem(TASKPANE_KEY, created.ID);
  created.DockPosition = DOCK_RIGHT;
  created.Visible = true;
}

/** The three callbacks ribbon.xml names, over `app`. */
export function ribbonCallbacks(app: () => RibbonHost, location: () => string) {
  return {
    OnAddinLoad(ribbonUI: unknown): boolean {
      (app() as unknown as { ribbonUI?: unknown }).ribbonUI ??= ribbonUI;
      return true;
    },
    OnAction(control: { Id: string }): boolean {
      const pane = BUTTON_PANES[control.Id];
      if (pane) showPane(app(), baseUrl(location()), pane);
      return true;
    },
    GetImage(): string {
      return "assets/icon-32.png";
    },
  };
}

// In the add-in page: the callbacks are globals, as ribbon.xml names them.
if (typeof window !== "undefined") {
  Object.assign(
    window,
    ribbonCallbacks(
      () => (window as unknown as { Application: RibbonHost }).Application,
      () => window.location.href
    )
  );
}
