/**
 * One normal form for descriptions and for the words we look for: Traditional → Simplified
 * (opencc-js, OpenCC's `t2s` tables only: the `opencc-js/t2cn` build, not the full one),
 * full-width → half-width, no white space, ASCII in lower case.
 */
import { toHalfWidth } from "../text";

type ConverterFn = (text: string) => string;
interface OpenCCt2cn {
  Converter(options: { from: string; to: string }): ConverterFn;
}

// The package's "exports" map is not read under moduleResolution "node"; the t2cn build is the
// small one (≈107 KiB minified, ≈52 KiB gzip) — the full build is 1.2 MB.

const OpenCC: OpenCCt2cn = require("opencc-js/t2cn");

let t2s: ConverterFn | null = null;

/** Traditional → Simplified (OpenCC t2s). Built on first use. */
export function toSimplified(s: string): string {
  if (t2s === null) t2s = OpenCC.Converter({ from: "t", to: "cn" });
  return t2s(s);
}

const NON_ASCII = /[\u0080-\uffff]/;
const SPACE = /\s+/g;

export function normalize(text: string): string {
  let s = toHalfWidth(text);
  if (NON_ASCII.test(s)) s = toSimplified(s);
  return s.replace(SPACE, "").toLowerCase();
}
