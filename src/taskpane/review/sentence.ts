/** English text in sentence case: the first letter capitalised (rule messages are written as clauses). */
import type { Lang } from "../../core/i18n";

export function sentence(s: string, lang: Lang): string {
  if (lang !== "en") return s;
  return s.replace(/^([^A-Za-z]*)([a-z])/, (_, pre: string, c: string) => pre + c.toUpperCase());
}
