/**
 * The negative-list classifier as the engine sees it. The classifier itself lives in
 * src/core/prohibited (its own branch); until that lands this adapter reports no hits, so
 * PROHIBITED findings appear only once it is merged.
 */
import type { Bilingual } from "../i18n";
import type { Citation } from "../rules/citation";

export interface UseHit {
  category: string;
  rule: string;
  label: Bilingual;
  evidence: string;
  confidence: "code" | "keyword";
  citation: Citation;
}

export function classifyUse(_text: string, _econCode: string | number | null): UseHit[] {
  return [];
}
