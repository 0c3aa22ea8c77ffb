/** What the Filing pane needs from a workbook (Office: src/excel/filing.ts; memory: ./memory.ts). */
import type { Bilingual } from "../../core/i18n";
import type { FilingCheckResult, FilingKind } from "../../core/filing";

export interface CreateFilingRequest {
  kind: FilingKind;
  /** For the title: "某某县 2025年度 项目公告公示表". */
  county: string;
  year: number | null;
  /** Data rows in the spec's field order (the spot-check list); none → an empty table. */
  rows?: unknown[][];
  /** Extra words for the subtitle (how the spot-check list was drawn). */
  note?: string;
}

export interface CreateFilingResult {
  /** The sheet's name: the spec's own, or "项目公告公示表 (2)" when that name was taken. */
  sheetName: string;
  renamed: boolean;
  tableName: string;
  rows: number;
  /** What the preparer is told ("已创建…" / "已有同名工作表，新表命名为…"). */
  message: Bilingual;
}

export interface FilingWorkbook {
  /** Adds a new sheet (never replaces one) laid out as the spec says, and shows it. */
  createSheet(request: CreateFilingRequest): Promise<CreateFilingResult>;
  /** Recognises every filing sheet in the workbook and runs the completeness check. */
  check(): Promise<FilingCheckResult>;
  /** Shows `sheet` and selects `cell` (A1 address), or the sheet's first cell when null. */
  select(sheet: string, cell: string | null): Promise<void>;
}
