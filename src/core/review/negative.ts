/**
 * The negative-list classifier (src/core/prohibited) as the engine calls it: one classifier per
 * choice of lists, and a bounded cache of answers — a ledger repeats the same content and
 * economic code on many rows, and classifying is the dearest step of a row.
 */
import { createClassifier, Classifier, ProhibitedHit, CustomTerm } from "../prohibited";
import { NEGATIVE_LIST_IDS, PackId as ListId } from "../rules/prohibited/packs";

export type UseHit = ProhibitedHit;

/** The negative lists a review's packs select: NEGATIVE = all; or named lists (XJ2018, HB2015, CN2017). */
export function listsFor(packs: ReadonlySet<string>): ListId[] {
  if (packs.has("NEGATIVE")) return [...NEGATIVE_LIST_IDS];
  return NEGATIVE_LIST_IDS.filter((p) => packs.has(p));
}

const CACHE_LIMIT = 20_000;

// Built once per choice of lists and shared by every sheet of a review (and later reviews).
const CLASSIFIERS = new Map<string, Classifier>();

function classifierFor(lists: ListId[], custom: readonly CustomTerm[] = []): Classifier {
  // An office's own terms make a classifier of their own (kept while the same list is used).
  const key = custom.length ? `${lists.join(",")}\u0002${JSON.stringify(custom)}` : lists.join(",");
  let c = CLASSIFIERS.get(key);
  if (!c) {
    c = createClassifier({
      packs: lists,
      custom: custom.length ? { terms: [...custom], problems: [] } : undefined,
    });
    if (CLASSIFIERS.size >= 16) CLASSIFIERS.clear();
    CLASSIFIERS.set(key, c);
  }
  return c;
}

export class UseClassifier {
  private readonly c: Classifier;
  /**
   * Answers by economic code ("" for none), then by text: the cells' own strings are the keys
   * (their hashes kept by the engine), no key text joined per row.
   */
  private readonly cache = new Map<string, Map<string, ProhibitedHit[]>>();
  private cached = 0;

  constructor(lists: ListId[], custom?: readonly CustomTerm[]) {
    this.c = classifierFor(lists, custom);
  }

  /** `repeats`: the text is of a kind that repeats down a ledger (content, not project names). */
  classify(text: string, econCode: string | number | null, repeats = true): ProhibitedHit[] {
    if (!repeats) return this.c.classify(text, econCode);
    const code = econCode === null || econCode === undefined ? "" : String(econCode);
    let byText = this.cache.get(code);
    let hits = byText?.get(text);
    if (hits === undefined) {
      hits = this.c.classify(text, econCode);
      if (this.cached >= CACHE_LIMIT) {
        this.cache.clear();
        this.cached = 0;
        byText = undefined;
      }
      if (!byText) this.cache.set(code, (byText = new Map()));
      byText.set(text, hits);
      this.cached++;
    }
    return hits;
  }
}
