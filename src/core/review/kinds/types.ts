/**
 * The shape of a finding kind: one module per kind declares everything about it — its id, its
 * names (Chinese first), its place in every list, the reviewer's next step, the sheet kinds and
 * columns it reads, its rules (severity, parameters, citation, message) and its check. The
 * registry, the engine, the labels, the pane's filter, the command line's summary and the docs
 * table all read the one list in ./index.ts. docs/adding-a-rule.md walks through adding one.
 */
import type { Bilingual } from "../../i18n";
import type { LedgerRecord, ColumnPlan } from "../../ledger/record";
import type { ColumnMapping, Field, Finding, FindingKind, ReviewParams, SheetKind } from "../types";
import type { RuleDef, Vars } from "../registry";

export interface RowView {
  rec: LedgerRecord;
  sheetKind: SheetKind;
  mapping: ColumnMapping;
  units: ColumnPlan["units"];
  /** Fields whose cell in this row could not be read (already reported as DATA), or null. */
  bad: ReadonlySet<Field> | null;
}

/** The sheet once its header is known (for sheet-level findings, e.g. a missing column). */
export interface HeaderView {
  sheetKind: SheetKind;
  mapping: ColumnMapping;
  /** 1-based worksheet row of the header. */
  headerRow: number;
}

/**
 * Reports a finding under a registered rule and returns it (null when the rule's pack is off or
 * the rule is not registered). Row and column as on the worksheet; col is 0-based.
 */
export type Emit = (
  rule: string,
  row: number | null,
  col: number | null,
  vars: Vars,
  evidence: string
) => Finding | null;

export interface SheetCheck {
  /** Once, when the header is known (before any row). */
  header?(v: HeaderView, emit: Emit): void;
  /** Every record of the sheet, in row order. */
  row(v: RowView, emit: Emit): void;
  /** After the last row (sheet-level totals, counts added to earlier findings). */
  finish(emit: Emit): void;
}

/**
 * What the engine shares with a sheet's checks beyond the rows: where they note what was not
 * judged (the summary says so — never a silent clean) and how a blank cell is judged when the
 * host could not say which cells are merged.
 */
export interface SheetEnv {
  /** The sheet's name as the workbook has it. */
  name: string;
  notes: NoteBook;
  blanks: BlankGuard;
}

/** What a sheet's review could not judge or left aside (read into SheetResult.notes). */
export interface NoteBook {
  /** A row whose deadline falls in a year without a holiday arrangement. */
  notJudged(year: number): void;
  /** A row whose fund type the deadline clause does not govern. */
  notGoverned(fundType: string): void;
  /** A row marked not started that the idle rule could not judge (no approval-date column). */
  idleNotChecked(years: number): void;
}

/**
 * "Not filled in" findings when merged areas are unknown (SheetInput.mergesUnread): a blank cell
 * below a filled one in the same column may lie under a vertical merge, so it is not judged and
 * the engine reports how many were left (DATA-MERGES-UNREAD). Without mergesUnread both are no-ops.
 */
export interface BlankGuard {
  /** The cell in column `col` of this record holds a value. */
  filled(col: number): void;
  /** True (and counted as not judged) when a blank in `col` may be under a merge. */
  mayBeMerged(col: number): boolean;
}

/**
 * One finding kind. The fields from `id` to `needs` describe it; `rules` registers its rules
 * (with ../registry); `start` makes its check for one sheet. A module may also register rules of
 * kind "DATA" for what its check cannot judge (a missing column, an unreadable date).
 */
export interface KindModule {
  /** The kind as findings carry it ("BLACKLIST"): upper case, stable, never reused. */
  id: FindingKind;
  /** Its name in the panes, the findings sheet and the command line's summary. */
  label: Bilingual;
  /**
   * Its place in every list of kinds (pane filter, summary sheet, findings in one cell): lower
   * first. Built-in kinds are spaced by 10 so a new one can go between two.
   */
  order: number;
  /** The reviewer's or office's next step for a finding of this kind. */
  hint: Bilingual;
  /** Narrower next steps for rules whose remedy differs from the kind's (rule id → hint). */
  ruleHints?: Readonly<Record<string, Bilingual>>;
  /**
   * The sheet kinds whose rows the check reads; the engine calls `row` only for these
   * (empty: the kind has no row check here, e.g. FILING, checked by core/filing).
   */
  sheetKinds: readonly SheetKind[];
  /** The columns the check reads (for the docs and the rule listing). */
  fields: readonly Field[];
  /** The check runs on a sheet's rows only when every one of these columns is mapped. */
  needs?: readonly Field[];
  /** Its rules: severity, pack, parameters with defaults, citation (src/core/rules), message. */
  rules: readonly RuleDef[];
  /**
   * A check for one sheet, or null when it has nothing to do (e.g. its pack is not chosen).
   * `packs` are the packs as chosen (ReviewParams.packs or the defaults); whatever the check
   * emits under a rule whose pack is off is dropped anyway. Absent for a kind whose findings
   * another part makes (DATA from the cell reader, FILING from core/filing).
   */
  start?(params: ReviewParams, packs: ReadonlySet<string>, sheet: SheetEnv): SheetCheck | null;
}

/** Every sheet kind the engine reviews row by row except the carry-over table. */
export const ROW_SHEETS: readonly SheetKind[] = ["ledger", "publicity", "projects", "filing"];
/** Ledgers and project lists: where money is arranged for a project. */
export const PROJECT_SHEETS: readonly SheetKind[] = ["ledger", "projects"];
