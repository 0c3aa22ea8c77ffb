/**
 * The pane follows Office's theme: Office tells an add-in its theme's colours
 * (Office.context.officeTheme); the pane picks Fluent's matching light or dark theme.
 * Host-neutral: the Office reading lives in ./office-theme.ts.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark";

/** The parts of Office.OfficeTheme the pane reads (all optional: hosts differ). */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance of "#RRGGBB" (WCAG 2.1 definition); null when not a colour. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

/** Dark when Office says so, else when Office's body background is dark; light otherwise. */
export function themeNameFor(office: OfficeThemeLike | null | undefined): ThemeName {
  if (!office) return "light";
  if (typeof office.isDarkTheme === "boolean") return office.isDarkTheme ? "dark" : "light";
  const bg = luminance(office.bodyBackgroundColor);
  return bg !== null && bg < 0.2 ? "dark" : "light";
}

export const FLUENT_THEMES: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
};

/** Where the pane's theme comes from: Office in the add-in, a fixed choice in tests. */
export interface ThemeSource {
  current(): ThemeName;
  /** Calls back when the theme may have changed; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

export function fixedTheme(name: ThemeName): ThemeSource {
  return { current: () => name, subscribe: () => () => undefined };
}
