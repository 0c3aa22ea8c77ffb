/**
 * Text normalisation shared by parsers: full-width ASCII → half-width, ideographic space → space.
 * Pure string work; Traditional → Simplified conversion lives with the classifier that needs it.
 */
export function toHalfWidth(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

/** Half-width, trimmed, inner white space (including line breaks) removed. */
export function compact(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, "");
}
