/**
 * The findings list's rows, without React: what a search looks through, the shown findings
 * grouped by kind (a heading row per group), and which rows are in view (the list is virtual).
 */
import { citationLabel } from "../../core/rules/citation";
import type { Finding, FindingKind, Severity } from "../../core/review/types";
import { KIND_ORDER } from "../../workbook/review/labels";

/** The text a search looks through, lower-cased once per finding. */
export function haystack(f: Finding): string {
  return [
    f.message.zh,
    f.message.en,
    f.evidence,
    f.sheet,
    f.cell ?? "",
    f.cell ? `${f.sheet}!${f.cell}` : "",
    f.rule,
    f.citation ? citationLabel(f.citation) : "",
  ]
    .join("\n")
    .toLowerCase();
}

export type Row =
  | { type: "head"; kind: FindingKind; count: number }
  | { type: "finding"; finding: Finding; index: number; kind: FindingKind };

export interface RowFilter {
  kind: FindingKind | "";
  severity: Severity | "";
  /** Lower-cased, trimmed search text ("" = all). */
  query: string;
}

/** Shown findings, grouped by kind in display order, with a heading row per group. */
export function groupRows(
  findings: readonly Finding[],
  hay: readonly string[],
  filter: RowFilter
): { rows: Row[]; shown: number } {
  const byKind = new Map<FindingKind, Finding[]>();
  let n = 0;
  findings.forEach((f, i) => {
    if (filter.kind && f.kind !== filter.kind) return;
    if (filter.severity && f.severity !== filter.severity) return;
    if (filter.query && !hay[i].includes(filter.query)) return;
    let list = byKind.get(f.kind);
    if (!list) byKind.set(f.kind, (list = []));
    list.push(f);
    n++;
  });
  const out: Row[] = [];
  let index = 0;
  for (const k of KIND_ORDER) {
    const list = byKind.get(k);
    if (!list) continue;
    out.push({ type: "head", kind: k, count: list.length });
    for (const f of list) out.push({ type: "finding", finding: f, index: index++, kind: k });
  }
  return { rows: out, shown: n };
}

/**
 * The rows [first, last) that overlap the viewport widened by `overscan` px, from the rows'
 * cumulative offsets (offsets[i] = top of row i; offsets[rows] = total height): binary search.
 */
export function visibleRows(
  offsets: ArrayLike<number>,
  scrollTop: number,
  viewHeight: number,
  overscan: number
): { first: number; last: number } {
  const rows = offsets.length - 1;
  const top = Math.max(0, scrollTop - overscan);
  const bottom = scrollTop + viewHeight + overscan;
  let lo = 0;
  let hi = rows;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= top) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < rows && offsets[last] < bottom) last++;
  return { first: lo, last };
}
