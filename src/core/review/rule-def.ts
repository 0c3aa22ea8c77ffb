/**
 * The types every rule is made of — its pack, parameters, definition and message variables —
 * apart from the registry that lists them, so the kind modules and the registry do not import
 * each other.
 */
import type { Bilingual } from "../i18n";
import type { Citation } from "../rules/citation";
import type { FindingKind, Severity } from "./types";

/** FILING: the filing completeness check's rules (core/filing), listed here, not chosen in a review. */
export type PackId =
  | "GX34"
  | "NEGATIVE"
  | "XJ76"
  | "DATA"
  | "BLACKLIST"
  | "SUBSIDY"
  | "ZG2015"
  | "DOUBLE"
  | "LEDGER"
  | "ADJUST"
  | "FILING";

export type ParamValue = number | string | boolean;

export interface RuleDef {
  kind: FindingKind;
  rule: string;
  severity: Severity;
  pack: PackId;
  /** The parameters the rule uses, with their defaults (ReviewParams names where they apply). */
  params: Record<string, ParamValue>;
  /** null only for DATA rules, which break no clause. */
  citation: Citation | null;
  /** Message template, `{name}` filled by the engine. */
  message: Bilingual;
}

/** Values a message template's `{name}` placeholders are filled with. */
export type Vars = Record<string, string | number | Bilingual>;
