/**
 * The shape of a finding kind kept in a module of its own: its rules (registered with the
 * others in ../registry) and a per-sheet check the engine feeds every record and then finishes.
 */
import type { LedgerRecord, ColumnPlan } from "../../ledger/record";
import type { ColumnMapping, ReviewParams, SheetKind } from "../types";
import type { RuleDef, Vars } from "../registry";

export interface RowView {
  rec: LedgerRecord;
  /** The sheet's name as the workbook has it. */
  sheet: string;
  sheetKind: SheetKind;
  mapping: ColumnMapping;
  units: ColumnPlan["units"];
}

/** Reports a finding under a registered rule (the engine drops it when its pack is off). */
export type Emit = (
  rule: string,
  row: number | null,
  col: number | null,
  vars: Vars,
  evidence: string
) => void;

export interface SheetCheck {
  row(v: RowView, emit: Emit): void;
  finish(emit: Emit): void;
}

export interface KindModule {
  rules: readonly RuleDef[];
  /** A check for one sheet, or null when none of the module's packs is chosen. */
  start(params: ReviewParams, packs: ReadonlySet<string>): SheetCheck | null;
}
