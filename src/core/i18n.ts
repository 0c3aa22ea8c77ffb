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

/**
 * What a user reads when something inside failed: a sentence in both languages saying what was
 * not done and what to do, the exception's own text only as the detail at its end.
 */
export function internalError(e: unknown): Bilingual {
  const detail = e instanceof Error ? e.message : String(e);
  return bi(
    `审查此文件时内部出错，此文件未审查；请将文件与此详情告知维护者（详情：${detail}）`,
    `an internal error stopped the review of this file, so it was not reviewed; please report the file and this detail (detail: ${detail})`
  );
}
