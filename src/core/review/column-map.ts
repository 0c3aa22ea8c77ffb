/**
 * Column mappings that travel with a workbook or come from a file.
 *
 * - **`--map FILE`** (the command line): JSON, sheet name or "*" → field → the header as
 *   written or a column letter: `{"*": {"amount": "拨付金额（万元）"}, "台账": {"place": "F"}}`.
 *   A field is named by its id (amount, place …), its Chinese label (金额, 实施地点 …) or any
 *   header word that names it alone (拨付金额).
 * - **The mapping sheet** (SETTINGS_SHEET, very hidden): where the Review pane stores the
 *   columns a user fixed, one row per sheet — sheet name, worksheet id, the mapping as JSON of
 *   field → column letter — so that the command line, reading the file, honours them too.
 *   Workbook settings (Office's own store) are not in a place the command line can read.
 */
import { Bilingual, bi } from "../i18n";
import { FIELD_LABELS } from "../ledger/classify";
import { matchHeader } from "../ledger/headers";
import { normalize } from "../normal-form";
import { ColumnMapping, Field, columnIndex, columnLetters } from "./types";

export type ColumnHints = Record<string, Partial<Record<Field, string>>>;

const FIELDS = Object.keys(FIELD_LABELS) as Field[];
const BY_LABEL = new Map<string, Field>(FIELDS.map((f) => [normalize(FIELD_LABELS[f].zh), f]));

/** A field named by id, Chinese label or a header word naming only it; null when unknown. */
export function fieldNamed(name: string): Field | null {
  const t = name.trim();
  if ((FIELDS as string[]).includes(t)) return t as Field;
  const byLabel = BY_LABEL.get(normalize(t));
  if (byLabel) return byLabel;
  const m = matchHeader(t);
  return m && m.fields.length === 1 ? m.fields[0] : null;
}

export interface HintsParse {
  hints: ColumnHints;
  problems: Bilingual[];
}

/** Reads `--map` JSON (text or parsed). Every entry that cannot be used is a problem. */
export function columnHintsFromJson(json: unknown): HintsParse {
  const out: HintsParse = { hints: {}, problems: [] };
  let data = json;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      out.problems.push(bi(`不是有效的 JSON：${why}`, `not valid JSON: ${why}`));
      return out;
    }
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    out.problems.push(
      bi(
        '应为对象：工作表名或 "*" → 字段 → 表头文字或列字母',
        'must be an object: sheet name or "*" → field → header text or column letter'
      )
    );
    return out;
  }
  for (const [sheet, fields] of Object.entries(data as Record<string, unknown>)) {
    if (fields === null || typeof fields !== "object" || Array.isArray(fields)) {
      out.problems.push(
        bi(
          `「${sheet}」的值应为对象（字段 → 列）`,
          `"${sheet}": must be an object (field → column)`
        )
      );
      continue;
    }
    const entry: Partial<Record<Field, string>> = {};
    for (const [name, target] of Object.entries(fields as Record<string, unknown>)) {
      const f = fieldNamed(name);
      if (!f) {
        out.problems.push(
          bi(
            `「${sheet}」：不认识的字段「${name}」（可用：${FIELDS.map((x) => `${x}/${FIELD_LABELS[x].zh}`).join("、")}）`,
            `"${sheet}": unknown field "${name}" (one of ${FIELDS.join(", ")})`
          )
        );
        continue;
      }
      if (typeof target !== "string" || target.trim() === "") {
        out.problems.push(
          bi(
            `「${sheet}」：字段「${name}」应对应表头文字或列字母`,
            `"${sheet}": field "${name}" must name a header text or a column letter`
          )
        );
        continue;
      }
      entry[f] = target.trim();
    }
    out.hints[sheet] = entry;
  }
  return out;
}

// ── The mapping sheet ──

export const SETTINGS_HEADER = ["工作表 sheet", "工作表ID sheet id", "列映射 mapping (JSON)"];

export interface StoredMapping {
  sheet: string;
  /** Office's worksheet id, to follow a renamed sheet ("" when unknown). */
  sheetId: string;
  mapping: ColumnMapping;
}

/** The mapping as stored: field → column letter (readable, and the same form as `--map`). */
export function mappingToLetters(m: ColumnMapping): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [f, c] of Object.entries(m))
    if (typeof c === "number") out[f] = c >= 0 ? columnLetters(c) : null;
  return out;
}

function lettersToMapping(o: unknown): ColumnMapping | null {
  if (o === null || typeof o !== "object" || Array.isArray(o)) return null;
  const m: ColumnMapping = {};
  for (const [f, v] of Object.entries(o as Record<string, unknown>)) {
    if (!(FIELDS as string[]).includes(f)) continue;
    if (typeof v === "string" && /^[A-Za-z]{1,3}$/.test(v)) m[f as Field] = columnIndex(v);
    else if (v === null || v === "") m[f as Field] = -1; // "no such column" as the user chose
  }
  return m;
}

/** The mapping sheet's rows (text only) for these entries. */
export function settingsRows(entries: readonly StoredMapping[]): string[][] {
  return [
    SETTINGS_HEADER,
    ...entries.map((e) => [e.sheet, e.sheetId, JSON.stringify(mappingToLetters(e.mapping))]),
  ];
}

/** Reads the mapping sheet's rows; rows that cannot be read are left out. */
export function storedMappings(values: readonly (readonly unknown[])[]): StoredMapping[] {
  const out: StoredMapping[] = [];
  for (let r = 1; r < values.length; r++) {
    const [sheet, id, json] = values[r] ?? [];
    if (typeof sheet !== "string" || sheet === "" || typeof json !== "string") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      continue;
    }
    const mapping = lettersToMapping(parsed);
    if (mapping)
      out.push({ sheet, sheetId: typeof id === "string" ? id : String(id ?? ""), mapping });
  }
  return out;
}
