/** A message in Simplified Chinese with its English beside it (Chinese first). */
export interface Bilingual {
  zh: string;
  en: string;
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** "中文 (English)": the form used where only one string fits (Excel error messages, CLI). */
export function both(m: Bilingual): string {
  return `${m.zh} (${m.en})`;
}

export type Lang = "zh" | "en";

export function pick(m: Bilingual, lang: Lang): string {
  return lang === "en" ? m.en : m.zh;
}
