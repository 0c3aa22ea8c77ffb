/**
 * The Review pane's trail as the command line reports it: read from the file's add-in settings
 * (reader/webextensions + workbook/review/trail-part), the findings keyed exactly as the pane keys
 * them (core/review/trail findingKeys), so a mark shows only on the finding it was made on.
 */
import { bi, type Bilingual } from "../core/i18n";
import type { Finding } from "../core/review/types";
import {
  findingKeys,
  MARK_LABEL,
  MARK_STATUSES,
  viewTrail,
  type Mark,
  type MarkStatus,
  type RunState,
} from "../core/review/trail";
import type { FileTrail } from "../workbook/review/trail-part";
import type { CellValue } from "./read";

export interface OutcomeTrail {
  /** When the pane last ran on the file ("2026-05-08 14:30"); null when the trail records none. */
  lastRun: string | null;
  /** Per finding, in the findings' order: its mark, or null. */
  marks: (Mark | null)[];
  /** Per finding: new since the pane's last run, or still open (all open without a last run). */
  states: RunState[];
  /** Findings of the pane's last run not found now. */
  resolved: number;
  /** Marks whose finding did not come up (resolved, or the row changed since). */
  resolvedMarks: Mark[];
  /** Why the trail in the file could not be used: no mark is shown (never a guess). */
  problem?: Bilingual;
}

/** The rows (by number) that the sheet's findings point at, from the rows read. */
export function keyRowsOf(
  findings: readonly Finding[],
  rows: readonly { r: number; v: CellValue[] }[]
): Map<number, CellValue[]> {
  const wanted = new Set<number>();
  for (const f of findings) if (f.row !== null) wanted.add(f.row);
  const out = new Map<number, CellValue[]>();
  if (wanted.size === 0) return out;
  for (const row of rows) if (wanted.has(row.r)) out.set(row.r, row.v);
  return out;
}

const UNREADABLE: Record<"unreadable" | "several", Bilingual> = {
  unreadable: bi(
    "文件中的审查记录（核实标记）无法读取，未显示任何标记；请在 Excel 审查窗格中重新标记",
    "the review trail (marks) in the file cannot be read, so no mark is shown; mark the findings again in the Review pane"
  ),
  several: bi(
    "文件中有两份不同的审查记录（加载项被插入了两次），无法确定以哪份为准，未显示任何标记",
    "the file holds two different review trails (the add-in was inserted twice); which one holds is unknown, so no mark is shown"
  ),
};

/** The trail laid over the file's findings; undefined when the file has no trail. */
export function fileTrailOf(
  file: FileTrail,
  findings: readonly Finding[],
  sheets: readonly { name: string; rows?: Map<number, CellValue[]> }[]
): OutcomeTrail | undefined {
  if (!file.found) return undefined;
  if (!file.trail) {
    return {
      lastRun: null,
      marks: findings.map(() => null),
      states: findings.map(() => "open"),
      resolved: 0,
      resolvedMarks: [],
      problem: UNREADABLE[file.why],
    };
  }
  // Only the rows findings point at are kept: a sparse grid from A1, as the file has them.
  const inputs = sheets.map((s) => {
    const values: CellValue[][] = [];
    for (const [r, v] of s.rows ?? []) values[r - 1] = v;
    return { name: s.name, values, origin: { row: 1, column: 1 } };
  });
  const view = viewTrail(file.trail, findingKeys(findings, inputs));
  return {
    lastRun: file.trail.lastRun?.at ?? null,
    marks: view.marks,
    states: view.states,
    resolved: view.resolved,
    resolvedMarks: view.resolvedMarks,
  };
}

/** The terminal summary's line(s) for a file's trail. */
export function trailSummary(
  t: OutcomeTrail,
  /** Counts over all findings when `t` holds only the first ones' marks (outcome-pack.ts Tally). */
  all?: { marks: Partial<Record<MarkStatus, number>>; fresh: number; findings: number }
): string[] {
  if (t.problem) return [`  ⚠ ${t.problem.zh}`, `    ${t.problem.en}`];
  let counts: Partial<Record<MarkStatus, number>> = {};
  let fresh = 0;
  if (all) ({ marks: counts, fresh } = all);
  else {
    for (const m of t.marks) if (m) counts[m.status] = (counts[m.status] ?? 0) + 1;
    fresh = t.states.filter((s) => s === "new").length;
  }
  const total = all ? all.findings : t.states.length;
  const marked = MARK_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const byStatus = MARK_STATUSES.filter((s) => counts[s])
    .map((s) => `${MARK_LABEL[s].zh} ${MARK_LABEL[s].en} ${counts[s]}`)
    .join(" · ");
  const head = t.lastRun
    ? `  审查记录 review trail — 与上次审查 since the last run (${t.lastRun}): 新增 new ${fresh} · 仍未解决 still open ${total - fresh} · 已解决 resolved ${t.resolved}`
    : `  审查记录 review trail — 无上次审查 no previous run recorded`;
  return [head, `    已标记 marked ${marked}${byStatus ? ` (${byStatus})` : ""}`];
}

/** "［已核实 Checked］" after a listed finding that carries a mark. */
export function markTag(m: Mark | null): string {
  return m ? ` ［${MARK_LABEL[m.status].zh} ${MARK_LABEL[m.status].en}］` : "";
}
