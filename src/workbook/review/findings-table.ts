/**
 * The findings sheet's content, pure: header and rows, with the cell column as a HYPERLINK
 * formula back to the source cell. Every other column is text and must be written as text
 * (number format "@") so that a message or evidence beginning with =, +, - or @ stays text.
 */
import { pick, type Lang } from "../../core/i18n";
import { citationLabel } from "../../core/rules/citation";
import type { Finding } from "../../core/review/types";
import { KIND_LABEL, SEVERITY_LABEL } from "./labels";
import { columnChars } from "../../core/print";

export const FINDINGS_HEADER: readonly string[] = [
  "类型 Kind",
  "规则 Rule",
  "严重程度 Severity",
  "单元格 Cell",
  "说明 Message",
  "依据 Citation",
  "条文 Clause text",
  "证据 Evidence",
];

/** Index of the link column; every other column is text. */
export const LINK_COLUMN = 3;

/** Base name of the findings sheet; later ones get " (2)", " (3)" … */
export const FINDINGS_SHEET = "审查结果";

/** A sheet name in a formula: always quoted, inner quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A string literal in a formula: inner double quotes doubled. */
function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** =HYPERLINK("#'台账'!G7","台账!G7"): a link within the workbook to the finding's cell. */
export function linkFormula(sheet: string, cell: string | null): string {
  const target = `#${quoteSheet(sheet)}!${cell ?? "A1"}`;
  const shown = cell ? `${sheet}!${cell}` : sheet;
  return `=HYPERLINK(${literal(target)},${literal(shown)})`;
}

export function findingRows(findings: readonly Finding[], lang: Lang): string[][] {
  return findings.map((f) => [
    `${pick(KIND_LABEL[f.kind], lang)} ${f.kind}`,
    f.rule,
    pick(SEVERITY_LABEL[f.severity], lang),
    linkFormula(f.sheet, f.cell),
    pick(f.message, lang),
    f.citation ? citationLabel(f.citation) : "",
    f.citation ? f.citation.quote : "",
    f.evidence,
  ]);
}

/** Columns whose long text wraps on screen and on paper: message, clause text, evidence, mark. */
export const WRAPPED_COLUMNS: readonly number[] = [4, 6, 7, 8];

/** Each column's width in characters: its header whole, its values up to a readable limit. */
export function findingsColumnChars(
  rows: readonly string[][],
  header: readonly string[] = FINDINGS_HEADER
): number[] {
  return header.map((h, i) => {
    // The link column shows "sheet!cell", not its formula.
    const values = rows.map((r) =>
      i === LINK_COLUMN ? (/,"(.*)"\)$/.exec(r[i])?.[1] ?? r[i]) : r[i]
    );
    return columnChars(h, values, 8, WRAPPED_COLUMNS.includes(i) || i >= 8 ? 40 : 30);
  });
}

/** The findings sheet's header and rows; with marks, a last column carries each finding's mark. */
export function findingsTable(
  findings: readonly Finding[],
  lang: Lang,
  marks?: readonly (string | null)[]
): { header: string[]; rows: string[][] } {
  const rows = findingRows(findings, lang);
  if (!marks || !marks.some((m) => m)) return { header: [...FINDINGS_HEADER], rows };
  return {
    header: [...FINDINGS_HEADER, MARK_HEADER],
    rows: rows.map((r, i) => [...r, marks[i] ?? ""]),
  };
}

export const MARK_HEADER = "核实情况 Review mark";
