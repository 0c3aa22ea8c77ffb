/** The pane's language: Chinese first; English when Office's UI language is English. */
import * as React from "react";
import type { Bilingual, Lang } from "../core/i18n";

export const LanguageContext = React.createContext<Lang>("zh");

export function useLang(): Lang {
  return React.useContext(LanguageContext);
}

/** Picks the text for the current language: `const t = useT(); t("运行", "Run")`. */
export function useT(): (zh: string, en: string) => string {
  const lang = useLang();
  return React.useCallback((zh: string, en: string) => (lang === "en" ? en : zh), [lang]);
}

export function text(m: Bilingual, lang: Lang): string {
  return lang === "en" ? m.en : m.zh;
}
