/** The JSON report: the contract other tools rely on (issue 6). */
import { Lang, both, pick } from "../core/i18n";
import type { NotReviewed } from "./files";
import { citationLabel } from "../core/rules/citation";
import type { FindingKind, Severity } from "../core/review/types";
import type { FileOutcome } from "./review-file";
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
}

export interface JsonFile {
  path: string;
  sheets: { name: string; recognised: boolean; reason?: string }[];
  findings: JsonFinding[];
  /** Rows whose deadline could not be judged (a calendar year missing): not a clean file. */
  notJudged: number;
  /** What was not judged or not governed, one line each (summary notes). */
  notes: string[];
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
        findings: o.findings.map((x) => ({
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
      if (o.error) f.error = both(o.error);
      if (o.reportError) f.reportError = both(o.reportError);
      return f;
    }),
    notReviewed: notReviewed.map((n) => ({ path: n.path, reason: both(n.reason) })),
  };
}
