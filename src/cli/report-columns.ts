/**
 * THE FINDINGS SHEET'S COLUMNS, in one place: each column's header, width, value for a finding,
 * and look. The report writer (report.ts) derives the sheet's header row, widths, autofilter,
 * rows and links from this list alone — to add a column (a review trail: 已核实/已整改/误报, a note,
 * who and when), add an entry here.
 */
import { KIND_LABEL, SEVERITY_LABEL } from "../core/review/labels";
import { Lang, pick } from "../core/i18n";
import type { Finding, FindingKind, Severity } from "../core/review/types";
import { citationLabel } from "../core/rules/citation";
import { Out, STYLE, severityStyle } from "./report-xml";
import { MARK_HEADER } from "../workbook/review/findings-table";

/** Chinese names of the kinds and severities (core/review/labels, shared with the panes). */
export const KIND_NAMES = Object.fromEntries(
  Object.entries(KIND_LABEL).map(([k, v]) => [k, v.zh])
) as Record<FindingKind, string>;
export const SEVERITY_NAMES = Object.fromEntries(
  Object.entries(SEVERITY_LABEL).map(([k, v]) => [k, v.zh])
) as Record<Severity, string>;

/** What a column's value may depend on besides the finding. */
export interface FindingRowContext {
  /** 0-based position in the findings list. */
  index: number;
  lang: Lang;
  /** The other language (the second message column). */
  other: Lang;
  /** The cell the finding's link opens in the report's copy of its sheet, when it has a copy. */
  target?: string;
  /** The finding's review mark from the pane's trail, as one line (ReportData.marks). */
  mark?: string | null;
}

export interface FindingColumn {
  header: string;
  /** Least width in characters (widened to hold the header). */
  width: number;
  value(f: Finding, c: FindingRowContext): Out;
  /** The cell's style (report-xml STYLE / severityStyle); plain when absent. */
  style?(f: Finding, c: FindingRowContext): number;
  /** This column's cell links to the finding's place in the copy of its sheet. */
  link?: boolean;
}

export const FINDING_COLUMNS: readonly FindingColumn[] = [
  { header: "序号 No.", width: 8, value: (_, c) => c.index + 1 },
  { header: "类别 Kind", width: 16, value: (f) => `${KIND_NAMES[f.kind] ?? ""} ${f.kind}` },
  {
    header: "严重程度 Severity",
    width: 12,
    value: (f) => `${SEVERITY_NAMES[f.severity] ?? ""} ${f.severity}`,
    style: (f) => severityStyle(f.severity),
  },
  { header: "规则 Rule", width: 26, value: (f) => f.rule },
  { header: "工作表 Sheet", width: 16, value: (f) => f.sheet },
  {
    header: "单元格 Cell",
    width: 10,
    value: (f, c) => f.cell ?? c.target ?? "",
    style: (_, c) => (c.target ? STYLE.link : STYLE.plain),
    link: true,
  },
  { header: "行 Row", width: 8, value: (f) => f.row ?? "" },
  {
    header: "说明 Message",
    width: 60,
    value: (f, c) => pick(f.message, c.lang),
    style: () => STYLE.wrapTop,
  },
  {
    header: "说明（另一语言） Message (other language)",
    width: 50,
    value: (f, c) => pick(f.message, c.other),
  },
  {
    header: "依据 Citation",
    width: 32,
    value: (f) => (f.citation ? citationLabel(f.citation) : ""),
  },
  { header: "证据 Evidence", width: 40, value: (f) => f.evidence },
];

/** Added after FINDING_COLUMNS when the file's review trail marks some finding (ReportData.marks). */
export const MARK_COLUMN: FindingColumn = {
  header: MARK_HEADER,
  width: 40,
  value: (_, c) => c.mark ?? "",
};
