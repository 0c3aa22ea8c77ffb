/**
 * One input file: stream it, hand each sheet to the review engine, write the report workbook.
 * The input is only ever opened for reading.
 */
import * as path from "path";
import { Bilingual, bi, internalError } from "../core/i18n";
import type { ColumnMapping, Finding, ReviewParams, SheetResult } from "../core/review/types";
import { configSheetOf } from "../core/review/config-sheets";
import { storedMappings } from "../core/review/column-map";
import { markCopies, streamedMergesNote } from "../core/review/engine";
import type { ReviewEngine, StreamingReview } from "../workbook/review/engine";
import { CellValue, SheetEnd, UnreadableFile, readWorkbook } from "./read";
import { describeFsError, NotReviewed } from "./files";
import { Reread, SheetCopy, writeReport } from "./report";
import { trailFromParts, type FileTrail } from "../workbook/review/trail-part";
import { fileTrailOf, keyRowsOf, type OutcomeTrail } from "./trail";
import { markText, type MarkStatus } from "../core/review/trail";
import { checkFilingSheet, recogniseFilingSheet, type FilingKind } from "../core/filing";
import type { SheetInput } from "../core/review/types";

/**
 * Cells of source rows held for the report's copies (about 100 MB); a larger file's copies are
 * read again from the file as the report is written, so memory does not grow with the file.
 */
export const KEEP_FOR_COPY_CELLS = 2_500_000;

/** Sheets up to this many rows (by their <dimension>) are reviewed whole, with merged areas. */
export const WHOLE_SHEET_MAX_ROWS = 50000;
/** …and while its grid (last row × widest row) stays this small, whatever <dimension> said. */
export const WHOLE_SHEET_MAX_CELLS = 5_000_000;

export interface FileJob {
  path: string;
  params: ReviewParams;
  /** Where to write the report workbook; undefined = no report. */
  report?: string;
  /** Replace an existing file at `report` (--overwrite). */
  replace?: boolean;
  /** Files of the run not reviewed, for the report's summary sheet. */
  notReviewed?: NotReviewed[];
  /**
   * The command writes no JSON: the outcome it gets back carries only the first this many
   * findings and a `tally` of all of them (outcome-pack.ts listedOnly).
   */
  listFindings?: number;
  /** Override of KEEP_FOR_COPY_CELLS (tests). */
  keepForCopyCells?: number;
  /** As the user wrote them, for the report's parameter list. */
  asOfText: string;
  lang: "zh" | "en";
}

/** The counts the terminal summary and the exit status need, over all of a file's findings. */
export interface Tally {
  findings: number;
  severity: Partial<Record<Finding["severity"], number>>;
  /** In the order the kinds first came (the summary sorts them). */
  kinds: [kind: string, count: number][];
  /** With a review trail: marks by status, and findings new since the pane's last run. */
  trail?: { marks: Partial<Record<MarkStatus, number>>; fresh: number };
}

export interface FileOutcome {
  path: string;
  /** Every sheet, in the workbook's tab order. */
  sheets: SheetResult[];
  /** Every finding, or only the first `FileJob.listFindings` of them (then `tally` counts all). */
  findings: Finding[];
  /** The counts over all findings when `findings` holds only the first ones. */
  tally?: Tally;
  rows: number;
  report?: string;
  /** Why the file could not be reviewed (the other files still are). */
  error?: Bilingual;
  /** Why its report could not be written (the findings are still reported). */
  reportError?: Bilingual;
  /** The Review pane's trail kept in the file: each finding's mark, new / open, resolved. */
  trail?: OutcomeTrail;
}

interface SheetState {
  name: string;
  index: number;
  /** Rows held for a whole-sheet review (not for the report: its copy reads the file again). */
  rows: { r: number; v: CellValue[] }[];
  width: number;
  rowCount: number;
  stream: StreamingReview | null;
  end?: SheetEnd;
  result?: { sheet: SheetResult; findings: Finding[]; keys?: Map<string, number> };
  /** With a review trail in the file: the rows its findings point at, to key the findings. */
  keyRows?: Map<number, CellValue[]>;
}

function sheetInputValues(rows: { r: number; v: CellValue[] }[], width: number): CellValue[][] {
  const last = rows.length ? rows[rows.length - 1].r : 0;
  const out: CellValue[][] = new Array(last);
  let k = 0;
  for (let r = 1; r <= last; r++) {
    const src = k < rows.length && rows[k].r === r ? rows[k++].v : null;
    const row: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = src && c < src.length ? src[c] : "";
    out[r - 1] = row;
  }
  return out;
}

/** The source's rows again, sheet by sheet, for the report's copies (nothing is kept). */
async function rereadRows(file: string, visit: Parameters<Reread>[0]): Promise<void> {
  await readWorkbook(file, (start) => {
    const sink = visit(start.name);
    return { row: (r, v) => sink?.row(r, v), end: () => undefined };
  });
}

export async function reviewFile(
  job: FileJob,
  engine: ReviewEngine,
  onProgress?: (fraction: number, rows: number) => void
): Promise<FileOutcome> {
  const sheets: SheetState[] = [];
  let rowCount = 0;
  // the report's copies take the rows read while they are few; beyond that, the file is read again
  let keepForCopy = !!job.report;
  let keptCells = 0;
  // Column mappings the Review pane stored in the workbook (its mapping sheet), by sheet name.
  let stored: Record<string, ColumnMapping> | null = null;
  // The pane's review trail, read before the first sheet: with one, the rows findings point at
  // are kept until the sheet ends (to key the findings as the pane does).
  let fileTrail: FileTrail = { found: false };
  let keepRows = false;
  try {
    await readWorkbook(
      job.path,
      (start) => {
        const st: SheetState = {
          name: start.name,
          index: start.index,
          rows: [],
          width: 0,
          rowCount: 0,
          stream:
            start.dimension && start.dimension.rows <= WHOLE_SHEET_MAX_ROWS
              ? null
              : engine.startSheet(start.name, job.params),
        };
        sheets.push(st);
        return {
          row(r, v) {
            rowCount++;
            if (!st.stream && r * Math.max(st.width, v.length) > WHOLE_SHEET_MAX_CELLS) {
              // its <dimension> understated the sheet: stream it rather than fill a grid that big
              st.stream = engine.startSheet(st.name, job.params);
              for (const kept of st.rows) st.stream.addRow(kept.r, kept.v);
              if (!keepForCopy && !keepRows) st.rows = [];
            }
            // kept for a whole-sheet review, for the trail's keys (to the sheet's end), or for the
            // report's copy while they are few
            if (!st.stream || keepForCopy || keepRows) {
              st.rows.push({ r, v });
              keptCells += v.length;
              if (keepForCopy && keptCells > (job.keepForCopyCells ?? KEEP_FOR_COPY_CELLS)) {
                // too many to hold: the copies will read the file again
                keepForCopy = false;
                for (const o of sheets) if (o.end || (o.stream && !keepRows)) o.rows = [];
              }
            }
            st.rowCount++;
            if (v.length > st.width) st.width = v.length;
            st.stream?.addRow(r, v);
          },
          end(info) {
            st.end = info;
            if (st.stream) {
              st.result = st.stream.finish();
              // A streamed sheet learns its merged areas only now: say what that leaves unread.
              const note = streamedMergesNote(st.result, info.merges);
              if (note) st.result.findings = note;
            } else {
              const input = {
                name: st.name,
                values: sheetInputValues(st.rows, st.width),
                origin: { row: 1, column: 1 },
                merges: info.merges,
              };
              const res = engine.reviewWorkbook([input], job.params);
              st.result = {
                sheet: res.sheets.find((s) => s.name === st.name) ?? {
                  name: st.name,
                  recognised: false,
                },
                findings: [...res.findings, ...filingFindings(input)],
                keys: res.keys?.get(st.name),
              };
              if (configSheetOf(st.name) === "settings") {
                stored = {};
                for (const m of storedMappings(sheetInputValues(st.rows, st.width)))
                  stored[m.sheet] = m.mapping;
              }
            }
            if (keepRows) st.keyRows = keyRowsOf(st.result.findings, st.rows);
            // rows go unless the report's copy of this sheet takes them (else it reads the file again)
            if (!keepForCopy || st.result.findings.length === 0) st.rows = [];
          },
        };
      },
      {
        onProgress,
        onWebExtensions: (parts) => {
          fileTrail = trailFromParts(parts);
          keepRows = fileTrail.found;
        },
      }
    );
  } catch (e) {
    const reason = e instanceof UnreadableFile ? e.reason : internalError(e);
    return { path: job.path, sheets: [], findings: [], rows: rowCount, error: reason };
  }

  // The pane's stored mappings came with the file: review again with them, once, when they name
  // sheets of this file (the mapping sheet may come after the sheets it maps).
  const fromFile = stored as Record<string, ColumnMapping> | null;
  if (fromFile && !job.params.storedMappingsApplied) {
    const names = new Set(sheets.map((s) => s.name));
    const mappings = { ...job.params.mappings };
    let any = false;
    for (const [name, m] of Object.entries(fromFile))
      if (names.has(name) && !job.params.mappings?.[name]) {
        mappings[name] = m;
        any = true;
      }
    if (any)
      return reviewFile(
        { ...job, params: { ...job.params, mappings, storedMappingsApplied: true } },
        engine,
        onProgress
      );
  }

  sheets.sort((a, b) => a.index - b.index);
  const results = sheets.map((s) => s.result!);
  // A summary sheet copying the others is reviewed once, on the source rows.
  markCopies(results);
  const findings = results.flatMap((r) => r.findings);
  const outcome: FileOutcome = {
    path: job.path,
    sheets: results.map((r) => r.sheet),
    findings,
    rows: rowCount,
  };
  const trail = fileTrailOf(
    fileTrail,
    findings,
    sheets.map((s) => ({ name: s.name, rows: s.keyRows }))
  );
  if (trail) outcome.trail = trail;

  if (job.report) {
    if (path.resolve(job.report) === path.resolve(job.path)) {
      throw new Error("refusing to write a report over its input");
    }
    const copies = new Map<string, SheetCopy>();
    const linked = new Set(findings.map((f) => f.sheet));
    for (const s of sheets) {
      if (linked.has(s.name) && s.end) {
        copies.set(s.name, {
          ...s.end,
          width: s.width,
          rowCount: s.rowCount,
          rows: keepForCopy ? s.rows : undefined,
        });
      }
    }
    sheets.length = 0; // let the engine's state go before writing
    try {
      await writeReport(
        job.report,
        {
          source: job.path,
          asOfText: job.asOfText,
          params: job.params,
          lang: job.lang,
          sheets: outcome.sheets,
          findings,
          copies,
          reread: (visit) => rereadRows(job.path, visit),
          notReviewed: job.notReviewed,
          marks: outcome.trail?.marks.map((m) => (m ? markText(m, job.lang) : null)),
        },
        job.replace
      );
      outcome.report = job.report;
    } catch (e) {
      const r = describeFsError(e);
      outcome.reportError = bi(`报告无法写出：${r.zh}`, `the report could not be written: ${r.en}`);
    }
  }
  return outcome;
}

/**
 * Filing sheets the review also checks for completeness, as the Filing pane does: the pooling
 * plan, the asset ledger, the spot-check list, the monthly progress report (with its leftover
 * balances, 76号 二（三）) and the adjustment log. Not the publicity sheet — the PUBLICITY rules
 * already check it under the same clause, and one gap is reported once — nor the office's own
 * lists (blacklist, fee share, benchmark rate, targets), which are read as lists (--lists).
 */
export const CHECKED_FILING_KINDS: ReadonlySet<FilingKind> = new Set<FilingKind>([
  "plan",
  "assets",
  "spotcheck",
  "progress",
  "adjustment",
]);

/**
 * A sheet recognised by its header as one of CHECKED_FILING_KINDS gives its completeness
 * findings; any other sheet none. Sheets reviewed row by row (over WHOLE_SHEET_MAX_ROWS rows)
 * are not filing sheets in practice and are not checked here (docs/cli.md says so).
 */
export function filingFindings(input: SheetInput): Finding[] {
  const rec = recogniseFilingSheet(input.values);
  return rec && CHECKED_FILING_KINDS.has(rec.spec.kind) ? checkFilingSheet(input, rec) : [];
}
