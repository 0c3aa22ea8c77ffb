/**
 * What the add-in remembers inside a workbook (column mappings, original fills of highlighted
 * cells), in WPS: custom document properties (Workbook.CustomDocumentProperties, lib.kso.d.ts
 * DocumentProperties). Like the Office adapter's workbook settings they are saved in the file and
 * invisible in the grid (no hidden sheet to unhide or break). A text property holds at most 255
 * characters (VBA's limit, which WPS follows), so a value is kept as JSON in numbered parts:
 * "<key>#n" holds the number of parts, "<key>#0", "<key>#1" … the text.
 */
import type { EtDocumentProperties, EtDocumentProperty, EtWorkbook } from "./api";
import { XL } from "./api";

export const PART_CHARS = 250;

function byName(props: EtDocumentProperties): Map<string, EtDocumentProperty> {
  const out = new Map<string, EtDocumentProperty>();
  for (let i = 1; i <= props.Count; i++) {
    const p = props.Item(i);
    out.set(p.Name, p);
  }
  return out;
}

/** The JSON text stored under `key`, or null when none (or when a part is missing). */
export function readText(wb: EtWorkbook, key: string): string | null {
  const all = byName(wb.CustomDocumentProperties);
  const count = Number(all.get(`${key}#n`)?.Value);
  if (!Number.isInteger(count) || count < 0) return null;
  let text = "";
  for (let i = 0; i < count; i++) {
    const part = all.get(`${key}#${i}`);
    if (!part) return null;
    text += String(part.Value ?? "");
  }
  return text;
}

/** Stores `text` under `key` (replacing what was there); null removes it. */
export function writeText(wb: EtWorkbook, key: string, text: string | null): void {
  const props = wb.CustomDocumentProperties;
  for (const [name, p] of byName(props)) {
    if (name === `${key}#n` || name.startsWith(`${key}#`)) p.Delete();
  }
  if (text === null) return;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += PART_CHARS) parts.push(text.slice(i, i + PART_CHARS));
  parts.forEach((part, i) => props.Add(`${key}#${i}`, false, XL.propertyString, part));
  props.Add(`${key}#n`, false, XL.propertyString, String(parts.length));
}

export function readJson<T>(wb: EtWorkbook, key: string, fallback: T): T {
  const text = readText(wb, key);
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function has(wb: EtWorkbook, key: string): boolean {
  return readText(wb, key) !== null;
}
