/**
 * One normal form for descriptions and for the words we look for: Traditional → Simplified
 * (opencc-js, OpenCC's `t2s` tables only: the `opencc-js/t2cn` build, not the full one),
 * full-width → half-width, no white space, ASCII in lower case.
 */
import { toHalfWidth } from "../text";

type ConverterFn = (text: string) => string;
type Dict = string | readonly (readonly [string, string])[];
interface OpenCCt2cn {
  Converter(options: { from: string; to: string }): ConverterFn;
  Locale: {
    configs: { t2s: { normalizationChain: Dict[][]; conversionChain: Dict[][] } };
  };
}

// The package's "exports" map is not read under moduleResolution "node"; the t2cn build is the
// small one (≈107 KiB minified, ≈52 KiB gzip) — the full build is 1.2 MB.

const OpenCC: OpenCCt2cn = require("opencc-js/t2cn");

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
  map.fill(1, 0xd800, 0xdc00);
  return map;
}

function mayConvert(s: string): boolean {
  const map = convertible!;
  for (let i = 0; i < s.length; i++) if (map[s.charCodeAt(i)] === 1) return true;
  return false;
}

/** Traditional → Simplified (OpenCC t2s). Built on first use. */
export function toSimplified(s: string): string {
  if (t2s === null) {
    t2s = OpenCC.Converter({ from: "t", to: "cn" });
    convertible = convertibleChars();
  }
  return mayConvert(s) ? t2s(s) : s;
}

const NON_ASCII = /[\u0080-\uffff]/;
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const SPACE = /\s/;
const SPACES = /\s+/g;
const UPPER = /[A-Z]/;

export function normalize(text: string): string {
  let s = FULL_WIDTH.test(text) ? toHalfWidth(text) : text;
  if (NON_ASCII.test(s)) s = toSimplified(s);
  if (SPACE.test(s)) s = s.replace(SPACES, "");
  return UPPER.test(s) ? s.toLowerCase() : s;
}
