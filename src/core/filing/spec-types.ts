/**
 * The shape of a filing sheet's specification, apart from the list of kinds (./specs), so that
 * the office's own sheets (./office-specs) and the filing sheets share it without importing each
 * other.
 */
import type { Bilingual } from "../i18n";
import type { Citation } from "../rules/citation";

/**
 * text: free text (written as text, never as a formula); amount: money in 万元 (#,##0.00);
 * date: a whole day (yyyy-mm-dd); choice: one of `choices` (a drop-down); year: a year number.
 */
export type FieldType = "text" | "amount" | "date" | "choice" | "year";

export interface FieldSpec {
  /** Stable machine key, e.g. "implementer". */
  key: string;
  /** The column header as written in the sheet (Chinese; amounts name their unit). */
  header: string;
  en: string;
  type: FieldType;
  required: boolean;
  /** For `choice`: the drop-down list. */
  choices?: readonly string[];
  /**
   * For `choice`: true → the drop-down refuses other entries (Excel "Stop"); false → other
   * entries are allowed with a warning (the list only suggests), and the check says so.
   */
  strict?: boolean;
  /** For `choice`: other entries taken as listed ones (earlier or longer names); not in the drop-down. */
  accepted?: readonly string[];
  /**
   * Required only when another field has one of these values (e.g. a project row's amount);
   * `unlessZero`: not when that amount field reads zero (nothing to account for).
   */
  requiredWhen?: { key: string; values: readonly string[]; unlessZero?: string };
  /** Column width in characters. */
  width: number;
  /** The clause that asks for this field; null for fields kept for the office's own use. */
  citation: Citation | null;
}

export interface SheetSpecOf<K extends string> {
  kind: K;
  /** Default sheet name (Excel allows 31 characters; these are short). */
  sheetName: string;
  name: Bilingual;
  /** Excel table name stem (ASCII; a workbook needs unique table names). */
  tableName: string;
  /** The clause the whole sheet answers. */
  citation: Citation;
  fields: readonly FieldSpec[];
  /** Date fields that bound a period: `to` may not be before `from`. */
  periods?: readonly { from: string; to: string }[];
  /**
   * A check across one row's fields (e.g. the progress report's leftover = funds − paid): each
   * problem names the field whose cell it is reported on and the rule's suffix.
   */
  rowCheck?: (get: (key: string) => unknown) => RowProblem[];
  /**
   * A check across the sheet's rows (e.g. the plan's own 文号 and dates, written on any row):
   * each problem names the row and field it is reported on (null: the sheet).
   */
  sheetCheck?: (rows: readonly { row: number; get: (key: string) => unknown }[]) => SheetProblem[];
  /** The rules the two checks above report under (registered like the field rules). */
  ownRules?: readonly OwnRule[];
}

/**
 * The rules rowCheck and sheetCheck report under, registered with the others (./rules):
 * `FILING-<KIND>-<suffix>`, e.g. suffix "leftover-MISMATCH".
 */
export interface OwnRule {
  suffix: string;
  severity: "error" | "warning" | "info";
  citation: Citation | null;
  /** The field's key whose header the rule's parameters name, if any. */
  field: string | null;
}

export interface SheetProblem extends Omit<RowProblem, "key"> {
  key: string | null;
  row: number | null;
}

export interface RowProblem {
  key: string;
  rule: string;
  severity: "error" | "warning" | "info";
  message: Bilingual;
  evidence: string;
  citation: Citation | null;
}
