/**
 * What a review produces. The Review pane, the findings sheet, the command line's JSON and
 * the filing completeness check all use this one shape.
 */
import type { Bilingual } from "../i18n";
import type { Citation } from "../rules/citation";
import type { CustomTerm } from "../prohibited/custom";
import type { OfficeLists } from "./office";
import type { FundRuleId } from "../deadlines/fundtypes";

/**
 * The kinds the project ships, one module each in ./kinds (id, names, order, rules, check). A
 * kind added there needs no change here: FindingKind takes any id a module declares.
 */
export type BuiltInKind =
  | "OVERDUE" // 34号 （十三） disbursement deadline passed
  | "IDLE" // 34号 （七）3 not started > 2 years, terminated, impossible
  | "CARRYOVER" // 34号 （十三） carry-over rate above the threshold
  | "PROHIBITED" // negative lists
  | "PUBLICITY" // 76号 二（四） required publicity field missing
  | "PERFORMANCE" // 76号 二（六） no performance target
  | "DUPLICATE" // same project and amount twice
  | "DATA" // a cell that cannot be read
  | "FILING" // a filing sheet's required field missing (issue 7)
  | "BLACKLIST" // 34号 （十八） a listed unit within its 3-year ban
  | "MGMT_FEE" // 34号 （十） management fees above the office's share
  | "SUBSIDY" // 34号 （十一）1 民办公助 above 50万元
  | "INTEREST" // 34号 （十二）1 interest subsidised above the benchmark rate
  | "TARGET" // one county's integration targets (003), an optional pack off by default
  | "DOUBLE"; // one project under two channels or documents (Hubei 五（三）)

// `string & {}` keeps the built-in names offered by the editor while any module id fits.
export type FindingKind = BuiltInKind | (string & {});

export type Severity = "error" | "warning" | "info";

export interface Finding {
  kind: FindingKind;
  /** Stable rule id, e.g. "GX34-13-CENTRAL_ADVANCE", "XJ76-1-5". */
  rule: string;
  severity: Severity;
  /** Sheet name as the workbook has it. */
  sheet: string;
  /** Worksheet row number as Excel shows it (1-based); null for a sheet-level finding. */
  row: number | null;
  /** Column letters as Excel shows them ("G"); null for a row- or sheet-level finding. */
  column: string | null;
  /** A1 address on `sheet` ("G7"), or null. */
  cell: string | null;
  message: Bilingual;
  /** What was seen: the cell's text, the matched words, the computed dates. */
  evidence: string;
  /** null only for DATA findings, which break no clause. */
  citation: Citation | null;
}

export { columnLetters } from "../a1";

/** "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// ── The engine's interface (implemented in ./engine.ts; used by the pane, the CLI, filing) ──

/** One worksheet's cells as Office.js `range.values` gives them (and the CLI reproduces). */
export interface SheetInput {
  /** Sheet name as the workbook has it. */
  name: string;
  /**
   * Row-major cell values from `origin`: numbers (dates are Excel serials), strings, booleans,
   * "" for a blank cell; an Excel error value arrives as its text ("#N/A", "#VALUE!").
   */
  values: unknown[][];
  /** 1-based worksheet row and column of values[0][0]; default {row: 1, column: 1}. */
  origin?: { row: number; column: number };
  /**
   * Merged areas, as A1 ranges ("A1:H1"): the review applies each one's top-left value to every
   * cell it covers (core/ledger/merge), as the officer sees the sheet.
   */
  merges?: string[];
  /**
   * Set when the host could not say which cells are merged (an Excel without ExcelApi 1.13):
   * why, in both languages. The review says so once and does not call a cell under a filled one
   * "not filled in".
   */
  mergesUnread?: Bilingual;
}

/** Which logical column a header means (docs/rules.md「读取台账」). */
export type Field =
  | "project"
  | "projectNo"
  | "content"
  | "fundType"
  | "source"
  | "amount"
  | "receivedDate"
  | "budgetDate"
  | "passDownDate"
  | "docNumber"
  | "econCode"
  | "approvalDate"
  | "status"
  | "place"
  | "implementer"
  | "responsible"
  | "hotline"
  | "period"
  | "performance"
  | "year"
  | "total"
  | "carryover";

/** A column mapping: field → 0-based column index within the sheet (not within `values`). */
export type ColumnMapping = Partial<Record<Field, number>>;

export interface ReviewParams {
  /** The review date (Excel serial); "today" is always passed in, never read from a clock. */
  asOf: number;
  /** Rule packs to run, by id; default: all. */
  packs?: string[];
  /** Strict period rolling: only public holidays (not ordinary weekends) extend a deadline. */
  strict?: boolean;
  /** Carry-over threshold as a fraction, default 0.1 (strictly above is a finding). */
  carryoverThreshold?: number;
  /** Years for an idle project, default 2. */
  idleYears?: number;
  /** The user's corrections of the recognised mapping, per sheet name. */
  mappings?: Record<string, ColumnMapping>;
  /**
   * Column mappings by header text or column letter (the command line's `--map FILE`): sheet
   * name, or "*" for every sheet → field → the header as written ("拨付金额（万元）") or a column
   * letter ("F"). Applied on top of `mappings`; one that matches no column is reported.
   */
  columnHints?: Record<string, Partial<Record<Field, string>>>;
  /** Set by the command line once the mappings stored in a workbook are in `mappings`. */
  storedMappingsApplied?: boolean;
  /**
   * The header row per sheet name (1-based worksheet row), when the user points at it because
   * it was not recognised among the first rows. Added by the engine (additive).
   */
  headerRows?: Record<string, number>;
  /**
   * An office's own negative-list terms and exceptions (parseCustomTerms / customTermsFromJson),
   * applied by the NEGATIVE pack on top of the built-in lists.
   */
  customTerms?: CustomTerm[];
  /** The lists an office keeps (黑名单, 管理费比例, 贷款基准利率): ./office readOfficeLists. */
  office?: OfficeLists;
  /** Holidays / make-up working days an office supplies (serials), e.g. for years the data lacks. */
  holidays?: number[];
  workdays?: number[];
  /**
   * An office's own fund-type names (资金类型对照, parseFundTypeTable): normalised name → the
   * 34号（十三） rule it means, or null for 不适用. Consulted before the built-in reading.
   */
  fundTypes?: Record<string, FundRuleId | null>;
}

/** What a sheet's review could not judge or left aside, for the summary (never silent). */
export interface SheetNotes {
  /** Rows whose deadline falls in a year without a holiday arrangement. */
  notJudged?: { rows: number; years: number[] };
  /** Rows whose fund type 34号（十三） does not govern (other level, other money), by type. */
  notGoverned?: { rows: number; types: string[] };
  /** Rows marked not started that the idle rule could not judge, and why. */
  idleNotChecked?: { rows: number; years: number; reason: Bilingual };
}

export type SheetKind = "ledger" | "carryover" | "publicity" | "projects" | "filing";

export interface SheetResult {
  name: string;
  recognised: boolean;
  /** Why a sheet was skipped, or how it was understood. */
  reason?: Bilingual;
  kind?: SheetKind;
  headerRow?: number;
  mapping?: ColumnMapping;
  /** The amount unit used, and whether it was read or inferred. */
  unit?: { unit: "元" | "万元"; how: "header" | "unit-row" | "inferred" | "default" };
  rows?: number;
  /**
   * A summary sheet whose rows all repeat rows of these sheets (a 汇总 copying the township
   * sheets by formula): its rows are not reviewed again; faults are reported on the source rows.
   */
  copyOf?: string[];
  /** What was not judged or not governed (absent when everything was judged). */
  notes?: SheetNotes;
}

export interface ReviewResult {
  sheets: SheetResult[];
  findings: Finding[];
  /** Per sheet name: each record's identity → its row (to recognise copies across sheets). */
  keys?: Map<string, Map<string, number>>;
}
