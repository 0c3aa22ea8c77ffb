/** The JSON report: the contract other tools rely on (issue 6). */
import { Lang, both, pick } from "../core/i18n";
import type { NotReviewed } from "./files";
import { citationLabel } from "../core/rules/citation";
import type { FindingKind, Severity } from "../core/review/types";
import type { FileOutcome } from "./review-file";
import { MARK_LABEL, type Mark, type MarkStatus } from "../core/review/trail";
import type { OutcomeTrail } from "./trail";
import { reviewNotes, rowsNotJudged } from "../core/review/notes";

export interface JsonFinding {
  kind: FindingKind;
  rule: string;
  severity: Severity;
  sheet: string;
  row: number | null;
  column: string | null;
  cell: string | null;
  message: string;
  citation: string | null;
  /** Only when the file carries the Review pane's trail: the finding's mark (or null)… */
  mark?: JsonMark | null;
  /** …and whether it is new since the pane's last run or still open. */
  state?: "new" | "open";
}

export interface JsonMark {
  status: MarkStatus;
  /** The status's name in both languages ("已核实 / Checked"). */
  label: string;
  note: string;
  by: string;
  at: string;
}

/** The trail as laid over the file's findings, or why it could not be read (then no marks). */
export type JsonTrail = JsonTrailView | { error: string };

export interface JsonTrailView {
  /** When the pane last ran on the file; null when the trail records no run. */
  lastRun: string | null;
  new: number;
  open: number;
  resolved: number;
  marked: number;
  /** Marks whose finding did not come up in this review. */
  resolvedMarks: (JsonMark & { where: string })[];
}

export interface JsonFile {
  path: string;
  sheets: { name: string; recognised: boolean; reason?: string }[];
  findings: JsonFinding[];
  /** Rows whose deadline could not be judged (a calendar year missing): not a clean file. */
  notJudged: number;
  /** What was not judged or not governed, one line each (summary notes). */
  notes: string[];
  /** Only when the file carries the Review pane's trail (marks, last run). */
  trail?: JsonTrail;
  /** Only on a file that could not be reviewed: why, in both languages. */
  error?: string;
  /** Only on a file whose report workbook could not be written: why (its findings are above). */
  reportError?: string;
}

export interface JsonReport {
  asOf: string;
  files: JsonFile[];
  /**
   * Every file or folder of the run that was not reviewed, with why: those skipped (other
   * formats, links, folders that could not be opened, too large, missing) and those whose review
   * failed (also in `files`, with `error`). Empty when everything was reviewed.
   */
  notReviewed: { path: string; reason: string }[];
}

export function toJson(
  asOf: string,
  outcomes: FileOutcome[],
  lang: Lang,
  notReviewed: NotReviewed[] = []
): JsonReport {
  return {
    asOf,
    files: outcomes.map((o) => {
      const f: JsonFile = {
        path: o.path,
        sheets: o.sheets.map((s) =>
          s.reason
            ? { name: s.name, recognised: s.recognised, reason: pick(s.reason, lang) }
            : { name: s.name, recognised: s.recognised }
        ),
        findings: o.findings.map((x, i) => ({
          ...(o.trail && !o.trail.problem
            ? { mark: jsonMark(o.trail.marks[i]), state: o.trail.states[i] }
            : {}),
          kind: x.kind,
          rule: x.rule,
          severity: x.severity,
          sheet: x.sheet,
          row: x.row,
          column: x.column,
          cell: x.cell,
          message: pick(x.message, lang),
          citation: x.citation ? citationLabel(x.citation) : null,
        })),
        notJudged: rowsNotJudged(o.sheets),
        notes: reviewNotes(o.sheets).map((n) => pick(n, lang)),
      };
      if (o.trail) f.trail = jsonTrail(o.trail);
      if (o.error) f.error = both(o.error);
      if (o.reportError) f.reportError = both(o.reportError);
      return f;
    }),
    notReviewed: notReviewed.map((n) => ({ path: n.path, reason: both(n.reason) })),
  };
}

function jsonMark(m: Mark | null): JsonMark | null {
  if (!m) return null;
  const label = `${MARK_LABEL[m.status].zh} / ${MARK_LABEL[m.status].en}`;
  return { status: m.status, label, note: m.note, by: m.by, at: m.at };
}

function jsonTrail(t: OutcomeTrail): JsonTrail {
  if (t.problem) return { error: both(t.problem) };
  const fresh = t.states.filter((s) => s === "new").length;
  return {
    lastRun: t.lastRun,
    new: fresh,
    open: t.states.length - fresh,
    resolved: t.resolved,
    marked: t.marks.filter(Boolean).length,
    resolvedMarks: t.resolvedMarks.map((m) => ({ ...jsonMark(m)!, where: m.where })),
  };
}
