/**
 * The one text normal form for all matching — ledger headers, statuses, fund types, units,
 * negative-list terms, filing checks, sheet names: Traditional → Simplified (opencc-js,
 * OpenCC's `t2s` tables only: the `opencc-js/t2cn` build, not the full one), full-width →
 * half-width, a few variant characters OpenCC keeps (著 as in 著力 → 着), no white space,
 * ASCII in lower case.
 *
 * Text with no character OpenCC could change skips the converter (most ledgers are
 * Simplified), so the normal form costs little on the common path.
 */
// The package's "exports" map is not read under moduleResolution "node", so its types are
// declared in ./opencc-t2cn.d.ts; the t2cn build is the small one (≈107 KiB minified, ≈52 KiB
// gzip) — the full build is 1.2 MB.
import * as OpenCC from "opencc-js/t2cn";
import { toHalfWidth } from "./text";

type ConverterFn = (text: string) => string;

let t2s: ConverterFn | null = null;
/** 1 for each UTF-16 unit that may start a t2s dictionary key (surrogates always 1). */
let convertible: Uint8Array | null = null;

/**
 * Which characters can make t2s change a text: a character its tables map to something else,
 * and the first character of a phrase that changes although none of its characters does alone
 * (反覆 → 反复). Text with none of them comes out of the converter unchanged, so it is left
 * alone — most ledgers are Simplified — which skips the converter without changing a result.
 */
function convertibleChars(): Uint8Array {
  const { normalizationChain, conversionChain } = OpenCC.Locale.configs.t2s;
  const entries: [string, string][] = [];
  for (const group of [...normalizationChain, ...conversionChain])
    for (const dict of group)
      for (const e of typeof dict === "string" ? dict.split("|") : dict) {
        const [k, v] = typeof e === "string" ? e.split(" ") : e;
        if (k && v !== undefined && k !== v) entries.push([k, v]);
      }
  const changing = new Set<string>();
  for (const [k] of entries) if ([...k].length === 1) changing.add(k);
  const triggers = new Set(changing);
  for (const [k] of entries)
    if ([...k].length > 1 && ![...k].some((c) => changing.has(c))) triggers.add([...k][0]);
  const map = new Uint8Array(0x10000);
  for (const c of triggers) map[c.charCodeAt(0)] = 1; // a non-BMP key marks its high surrogate
  for (const c of VARIANT_CHARS) map[c.charCodeAt(0)] = 1; // folded after the converter
  map.fill(1, 0xd800, 0xdc00);
  return map;
}

function mayConvert(s: string): boolean {
  const map = convertible!;
  for (let i = 0; i < s.length; i++) if (map[s.charCodeAt(i)] === 1) return true;
  return false;
}

function converter(): ConverterFn {
  if (t2s === null) {
    t2s = OpenCC.Converter({ from: "t", to: "cn" });
    convertible = convertibleChars();
  }
  return t2s;
}

/** Traditional → Simplified (OpenCC t2s). Built on first use. */
export function toSimplified(s: string): string {
  const conv = converter();
  return mayConvert(s) ? conv(s) : s;
}

const NON_ASCII = /[\u0080-\uffff]/;
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/**
 * Variant forms OpenCC's Traditional → Simplified leaves alone because they are also valid
 * Simplified text, folded only where a header or status word needs it: 未著手 / 著手 (cn→tw
 * writes 着 as 著 in these words). Kept tiny on purpose: 著 in 显著 must stay.
 */
const VARIANTS: ReadonlyArray<[RegExp, string]> = [[/著(手|力|落|实)/g, "着$1"]];
const VARIANT_CHARS = "著";

function foldVariants(s: string): string {
  for (const [re, to] of VARIANTS) s = s.replace(re, to);
  return s;
}

/**
 * Half-width, Simplified, variants folded; white space and case kept (for messages that quote
 * a cell in its folded form, and for patterns that need word boundaries).
 */
export function foldText(text: string): string {
  let s = FULL_WIDTH.test(text) ? toHalfWidth(text) : text;
  // one pass over the text decides: nothing OpenCC or the variant table would change → as is
  if (NON_ASCII.test(s)) {
    const conv = converter();
    if (mayConvert(s)) s = foldVariants(conv(s));
  }
  return s;
}

const SPACE = /\s/;
const SPACES = /\s+/g;
const UPPER = /[A-Z]/;

/** The normal form: foldText, then no white space and ASCII in lower case. */
export function normalize(text: string): string {
  let s = foldText(text);
  if (SPACE.test(s)) s = s.replace(SPACES, "");
  return UPPER.test(s) ? s.toLowerCase() : s;
}
