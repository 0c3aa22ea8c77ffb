/**
 * The review trail as a workbook file carries it. An Office add-in's document settings
 * (Excel's `context.workbook.settings`, `Office.context.document.settings`) are saved inside the
 * .xlsx in the add-in's web-extension part, `xl/webextensions/webextensionN.xml` (the
 * CT_OsfWebExtension of Microsoft's [MS-OWEXML] §2.2.7): one
 * `<we:property name="…" value="…"/>` per setting in its `<we:properties>`, the value JSON-encoded
 * (a string setting as a JSON string, `true` as `true`). Pure: the reader hands the parts' text.
 */
import { parseTrail, type ReviewTrail } from "../../core/review/trail";
import { TRAIL_SETTING } from "./highlights";

/** Where the parts live in the package (names are case-insensitive in OPC). */
export const WEB_EXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/i;

const ENTITIES: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };

/** An attribute's text with XML's character and entity references resolved. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[ref] ?? all;
  });
}

function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** Every `<…:property name value/>` of one web-extension part, as stored (JSON text). */
export function webExtensionProperties(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  // An attribute may hold ">" unescaped: quoted values are skipped whole.
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?property\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const a = attributes(m[1]);
    const name = a.get("name");
    const value = a.get("value");
    if (name !== undefined && value !== undefined) out.set(name, value);
  }
  return out;
}

export type FileTrail =
  | { found: false }
  | { found: true; trail: ReviewTrail }
  /** A trail setting is there but cannot be read: said so, never guessed. */
  | { found: true; trail: null; why: "unreadable" | "several" };

/**
 * The review trail among the parts' settings. A setting's value is JSON; the trail is stored as
 * a string holding the trail's own JSON (an object is taken too). Two parts with different
 * trails (the add-in inserted twice) are not merged: the file is reported as ambiguous.
 */
export function trailFromParts(parts: readonly string[]): FileTrail {
  const values = new Set<string>();
  for (const xml of parts) {
    const v = webExtensionProperties(xml).get(TRAIL_SETTING);
    if (v !== undefined) values.add(v);
  }
  if (values.size === 0) return { found: false };
  if (values.size > 1) return { found: true, trail: null, why: "several" };
  const [stored] = values;
  let trail: ReviewTrail | null = null;
  try {
    const decoded: unknown = JSON.parse(stored);
    trail = parseTrail(typeof decoded === "string" ? decoded : JSON.stringify(decoded));
  } catch {
    trail = null;
  }
  return trail ? { found: true, trail } : { found: true, trail: null, why: "unreadable" };
}
