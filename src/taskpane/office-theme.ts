/**
 * Office's theme as a ThemeSource: Office.context.officeTheme now, and again when Office says it
 * changed (the OfficeThemeChanged event, where the host offers it) or when the pane regains
 * focus or visibility (hosts without the event: Excel re-reads the theme on its next show).
 */
import { themeNameFor, type ThemeSource } from "./theme";

export function officeThemeSource(): ThemeSource {
  const read = () => {
    try {
      return themeNameFor(Office.context?.officeTheme);
    } catch {
      return "light" as const;
    }
  };
  return {
    current: read,
    subscribe(onChange) {
      const doc = Office.context?.document as
        | (Office.Document & {
            addHandlerAsync?: (t: Office.EventType, h: () => void, cb?: () => void) => void;
            removeHandlerAsync?: (t: Office.EventType, o?: unknown) => void;
          })
        | undefined;
      let registered = false;
      try {
        if (doc?.addHandlerAsync && Office.EventType?.OfficeThemeChanged) {
          doc.addHandlerAsync(Office.EventType.OfficeThemeChanged, onChange, () => undefined);
          registered = true;
        }
      } catch {
        registered = false; // not offered by this host: focus and visibility below still apply
      }
      const onVisible = () => {
        if (document.visibilityState === "visible") onChange();
      };
      window.addEventListener("focus", onChange);
      document.addEventListener("visibilitychange", onVisible);
      return () => {
        window.removeEventListener("focus", onChange);
        document.removeEventListener("visibilitychange", onVisible);
        if (registered) {
          try {
            doc?.removeHandlerAsync?.(Office.EventType.OfficeThemeChanged, { handler: onChange });
          } catch {
            // nothing to undo
          }
        }
      };
    },
  };
}
