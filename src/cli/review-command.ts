/** `fund-compliance review …`: arguments → files → reviews (in parallel) → summary, JSON, exit status. */
import { markTag, trailSummary } from "./trail";
import { customTermsFromJson, CustomTerm } from "../core/prohibited";
import { ColumnHints, columnHintsFromJson } from "../core/review/column-map";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Bilingual, Lang, pick } from "../core/i18n";
import type { FindingKind, ReviewParams, Severity } from "../core/review/types";
import { citationLabel } from "../core/rules/citation";
import { USAGE, parseReviewArgs } from "./args";
import { readListsFile } from "./office-lists";
import type { ReviewEngine } from "../workbook/review/engine";
import {
  checkJsonTarget,
  describeFsError,
  expandInputs,
  InputSet,
  NotReviewed,
  outputKey,
  planReport,
} from "./files";
import { JsonReport, toJson } from "./json";
import { printable } from "./printable";
import { runJobs } from "./pool";
import { Progress } from "./progress";
import { KIND_NAMES, SEVERITY_NAMES, writeNotReviewedReport } from "./report";
import { kindRank } from "../core/review/labels";
import { tallyOf } from "./outcome-pack";
import type { FileJob, FileOutcome } from "./review-file";
import { readCalendarFile, readFundTypesFile } from "./office-tables";
import { reviewNotes, rowsNotJudged } from "../core/review/notes";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  progress: (names: string[]) => Progress;
  now?: Date;
  version: string;
  /** Worker script for the pool (tests); default: the compiled worker, if any. */
  workerScript?: string | null;
}

export const processIo = (version: string): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  progress: (names) => Progress.forStderr(names),
  version,
});

/** Findings listed per file in the terminal summary; the rest are in the report and JSON. */
export const LISTED_PER_FILE = 30;

/** Exit statuses (documented in --help and the README). */
export const EXIT = {
  /** Every file reviewed; no error-severity finding. */
  CLEAN: 0,
  /** Every file reviewed; some error-severity finding. */
  FINDINGS: 1,
  /** Unusable arguments: nothing was reviewed. */
  USAGE: 2,
  /** Some input was not reviewed, or a report not written (takes precedence over FINDINGS). */
  INCOMPLETE: 3,
} as const;

export async function reviewCommand(argv: string[], engine: ReviewEngine, io: Io): Promise<number> {
  const say = (s: string) => io.stderr(`fund-compliance: ${printable(s)}\n`);
  const parsed = parseReviewArgs(
    argv,
    engine.packs.map((p) => p.id),
    io.now
  );
  if (parsed.kind === "help") {
    io.stdout(USAGE);
    return EXIT.CLEAN;
  }
  if (parsed.kind === "version") {
    io.stdout(`fund-compliance ${io.version}\n`);
    return EXIT.CLEAN;
  }
  if (parsed.kind === "error") {
    io.stderr(
      `fund-compliance review: ${lines(parsed.message)}\n（fund-compliance --help 查看用法 for usage）\n`
    );
    return EXIT.USAGE;
  }
  const o = parsed.options;

  if (o.out) {
    try {
      fs.mkdirSync(o.out, { recursive: true });
    } catch {
      say(`--out ${o.out}: 无法创建此文件夹 (cannot create this folder)`);
      return EXIT.USAGE;
    }
    if (!fs.statSync(o.out).isDirectory()) {
      say(`--out ${o.out}: 不是文件夹 (not a folder)`);
      return EXIT.USAGE;
    }
  }

  const params: ReviewParams = { asOf: o.asOf, strict: o.strict };
  if (o.packs) params.packs = o.packs;
  if (o.terms) {
    const custom = readTerms(o.terms);
    if (typeof custom === "string") {
      io.stderr(lines(custom));
      return EXIT.USAGE;
    }
    params.customTerms = custom;
  }
  if (o.map) {
    const hints = readMap(o.map);
    if (typeof hints === "string") {
      io.stderr(lines(hints));
      return EXIT.USAGE;
    }
    params.columnHints = hints;
  }
  if (o.lists) {
    const read = await readListsFile(o.lists);
    if (typeof read === "string") {
      io.stderr(lines(read));
      return EXIT.USAGE;
    }
    params.office = read.lists;
    if (read.missing.length)
      io.stderr(
        `注意 note: --lists 中没有 ${read.missing.join("、")}，相应条款未检查 (not in --lists: those clauses were not checked)\n`
      );
  } else if (!o.packs || o.packs.some((p) => p === "BLACKLIST" || p === "SUBSIDY")) {
    io.stderr(
      "注意 note: 未给出 --lists，黑名单、管理费比例、贷款基准利率未检查 (no --lists: blacklist, fee share and benchmark rate not checked)\n"
    );
  }

  if (o.calendar) {
    const cal = await readCalendarFile(o.calendar);
    if (typeof cal === "string") {
      io.stderr(cal);
      return 2;
    }
    params.holidays = cal.holidays;
    params.workdays = cal.workdays;
  }
  if (o.fundTypes) {
    const types = await readFundTypesFile(o.fundTypes);
    if (typeof types === "string") {
      io.stderr(types);
      return 2;
    }
    params.fundTypes = types;
  }

  const { files, skipped } = expandInputs(o.inputs, { maxBytes: o.maxBytes });
  // never written: the files reviewed, every path named, the terms, map, calendar, fund-type and lists files
  const inputs = new InputSet([
    ...files,
    ...o.inputs,
    ...[o.terms, o.map, o.calendar, o.fundTypes, o.lists].filter((x): x is string => !!x),
  ]);
  const taken = new Set<string>();
  if (o.json && o.json !== "-") {
    const refusal = checkJsonTarget(o.json, inputs, o.overwrite);
    if (refusal) {
      say(refusal.zh);
      say(refusal.en);
      return EXIT.USAGE;
    }
    taken.add(outputKey(o.json));
  }

  const notes: (Bilingual | undefined)[] = [];
  const jobs: FileJob[] = files.map((f, i) => {
    const job: FileJob = { path: f, params, asOfText: o.asOfText, lang: o.lang };
    // without JSON the command lists only the first findings: the rest stay in the worker
    if (!o.json) job.listFindings = LISTED_PER_FILE;
    if (!o.noReport) {
      const plan = planReport(f, o.out, inputs, taken, o.overwrite);
      job.report = plan.path;
      job.replace = plan.replace;
      if (skipped.length) job.notReviewed = skipped;
      notes[i] = plan.note;
    }
    return job;
  });

  const bar = io.progress(files.map((f) => printable(path.basename(f))));
  const cpus =
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const outcomes = await runJobs(
    jobs,
    o.jobs ?? cpus,
    engine,
    {
      progress: (i, f, rows) => bar.update(i, f, rows),
      done: (i) => bar.done(i),
    },
    { timeoutMs: o.timeoutMs, script: io.workerScript }
  );
  bar.clear();

  const notReviewed: NotReviewed[] = [
    ...skipped,
    ...outcomes.filter((f) => f.error).map((f) => ({ path: f.path, reason: f.error! })),
  ];
  const incomplete = notReviewed.length > 0 || outcomes.some((f) => f.reportError);
  const toStdout = o.json !== "-";
  (toStdout ? io.stdout : io.stderr)(
    summary(outcomes, o.asOfText, o.lang, io.version, { notes, skipped, json: !!o.json })
  );
  // A batch writes reports: the files it did not review get a workbook of their own beside them.
  if (!o.noReport && notReviewed.length > 0 && files.length + skipped.length > 1) {
    const listed = await notReviewedWorkbook(o, inputs, taken, notReviewed);
    (toStdout ? io.stdout : io.stderr)(`${printable(listed)}\n`);
  }
  if (incomplete && toStdout) {
    say(
      "有文件未审查或报告未写出，见上方清单 (some files were not reviewed or reports not written; see the list above)"
    );
  }

  // the JSON text is made only when asked for (at 1M rows it is hundreds of MB)
  const text = () => jsonText(toJson(o.asOfText, outcomes, o.lang, notReviewed));
  if (o.json === "-") io.stdout(text());
  else if (o.json) {
    try {
      fs.writeFileSync(o.json, text(), { flag: o.overwrite ? "w" : "wx" });
    } catch (e) {
      const r = describeFsError(e);
      say(`--json ${o.json}: 无法写入：${r.zh} (cannot write: ${r.en})`);
      return EXIT.INCOMPLETE;
    }
  }

  if (incomplete) return EXIT.INCOMPLETE;
  // Rows whose deadline could not be judged for want of a calendar year keep a run from being clean.
  return outcomes.some((f) => (tallyOf(f).severity.error ?? 0) > 0 || rowsNotJudged(f.sheets) > 0)
    ? EXIT.FINDINGS
    : EXIT.CLEAN;
}

/** Where the batch's not-reviewed workbook goes: --out, or the first input's folder. */
function batchFolder(o: { out?: string; inputs: string[] }): string {
  if (o.out) return o.out;
  const first = o.inputs[0] ?? ".";
  try {
    if (fs.statSync(first).isDirectory()) return first;
  } catch {
    // a missing input: its folder
  }
  return path.dirname(first);
}

/** Writes the not-reviewed workbook (report.ts); the line that says where, or why not. */
async function notReviewedWorkbook(
  o: { out?: string; inputs: string[]; overwrite: boolean; asOfText: string },
  inputs: InputSet,
  taken: Set<string>,
  notReviewed: NotReviewed[]
): Promise<string> {
  const plan = planReport(
    path.join(batchFolder(o), "未审查文件 not-reviewed.xlsx"),
    o.out,
    inputs,
    taken,
    o.overwrite
  );
  try {
    await writeNotReviewedReport(plan.path, { asOfText: o.asOfText, notReviewed }, plan.replace);
    return `未审查的 ${notReviewed.length} 个文件已列于 files not reviewed are listed in: ${plan.path}`;
  } catch (e) {
    const r = describeFsError(e);
    return `未审查文件清单无法写出 the list of files not reviewed could not be written: ${r.zh} / ${r.en}`;
  }
}

/** Text of several lines, each made printable. */
const lines = (s: string) => s.split("\n").map(printable).join("\n");

/**
 * The JSON text: C1 controls and bidirectional marks in names are written as \\u escapes too
 * (JSON.stringify escapes only C0), so that a terminal shows the text as it is.
 */
export function jsonText(report: JsonReport): string {
  return (JSON.stringify(report, null, 2) + "\n").replace(
    /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}

/** The terminal summary: per file, its sheets, its findings (the first few listed), its report. */
export function summary(
  outcomes: FileOutcome[],
  asOf: string,
  lang: Lang,
  version: string,
  extra: { notes?: (Bilingual | undefined)[]; skipped?: NotReviewed[]; json?: boolean } = {}
): string {
  const lines: string[] = [`fund-compliance ${version} — 审查日期 as of ${asOf}`, ""];
  let total = 0;
  let errors = 0;
  let failed = 0;
  let unwritten = 0;
  let notJudged = 0;
  outcomes.forEach((f, i) => {
    notJudged += rowsNotJudged(f.sheets);
    lines.push(f.path);
    if (f.error) {
      failed++;
      lines.push(`  ✗ 未审查 not reviewed: ${f.error.zh}`);
      lines.push(`    ${f.error.en}`, "");
      return;
    }
    const sheets = f.sheets.map((s) =>
      s.recognised
        ? `${s.name} ✓${s.kind ? " " + s.kind : ""}`
        : `${s.name} ✗${s.reason ? " " + pick(s.reason, lang) : ""}`
    );
    lines.push(`  工作表 sheets: ${sheets.join(" · ")}`);
    const tally = tallyOf(f);
    const sev = tally.severity;
    total += tally.findings;
    errors += sev.error ?? 0;
    const sevText = (["error", "warning", "info"] as Severity[])
      .filter((s) => sev[s])
      .map((s) => `${SEVERITY_NAMES[s]} ${s} ${sev[s]}`)
      .join(" · ");
    lines.push(`  问题 findings: ${tally.findings}${sevText ? " — " + sevText : ""}`);
    if (tally.kinds.length) {
      lines.push(
        `    ${[...tally.kinds]
          .sort(([a], [b]) => kindRank(a as FindingKind) - kindRank(b as FindingKind))
          .map(([k, n]) => `${KIND_NAMES[k as FindingKind] ?? ""} ${k} ${n}`)
          .join(" · ")}`
      );
    }
    if (f.trail)
      lines.push(
        ...trailSummary(f.trail, tally.trail && { ...tally.trail, findings: tally.findings })
      );
    f.findings.slice(0, LISTED_PER_FILE).forEach((x, j) => {
      const where = `${x.sheet}!${x.cell ?? (x.row ? String(x.row) : "")}`;
      const cite = x.citation ? ` 〔${citationLabel(x.citation)}〕` : "";
      lines.push(
        `    ${where.padEnd(12)} ${x.kind.padEnd(11)} ${x.severity.padEnd(7)} ${pick(x.message, lang)}${cite}${markTag(f.trail?.marks[j] ?? null)}`
      );
    });
    if (tally.findings > LISTED_PER_FILE) {
      const more = tally.findings - LISTED_PER_FILE;
      lines.push(`    … 另有 ${more} 条，见报告 (${more} more in the report)`);
    }
    for (const n of reviewNotes(f.sheets)) lines.push(`  ⚠ ${pick(n, lang)}`);
    if (f.report) lines.push(`  报告 report: ${f.report}`);
    const note = extra.notes?.[i];
    if (note && f.report) lines.push(`    ${note.zh}`, `    ${note.en}`);
    if (f.reportError) {
      unwritten++;
      lines.push(`  ✗ ${f.reportError.zh}`, `    ${f.reportError.en}`);
      lines.push(
        extra.json
          ? `    问题已写入 JSON (the findings are in the JSON)`
          : `    此处只列出前 ${LISTED_PER_FILE} 条；用 --json 文件 可取得全部问题 (only the first ${LISTED_PER_FILE} are listed here; --json FILE gives them all)`
      );
    }
    lines.push("");
  });
  const skipped = extra.skipped ?? [];
  if (skipped.length) {
    lines.push(`未审查 Not reviewed (${skipped.length}):`);
    for (const s of skipped) lines.push(`  ${s.path}`, `    ${s.reason.zh} / ${s.reason.en}`);
    lines.push("");
  }
  const reviewed = outcomes.length - failed;
  const notDone = failed + skipped.length;
  lines.push(
    `合计 Total: 已审查 ${reviewed} 个文件 files reviewed` +
      (notDone ? `，未审查 ${notDone} 个 not reviewed` : "") +
      (unwritten ? `，${unwritten} 份报告未写出 reports not written` : "") +
      `，${total} 个问题 findings（错误 error ${errors}）` +
      (notJudged ? `，${notJudged} 行时限未判断 rows not judged` : "")
  );
  return lines.map(printable).join("\n") + "\n";
}

/**
 * `--map FILE`: column mappings as JSON (columnHintsFromJson). Any bad entry stops the run with
 * every problem listed: a mapping half applied would review silently wrong.
 */
function readMap(file: string): ColumnHints | string {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return `fund-compliance: --map ${file}: 无法读取此文件 (cannot read this file)\n`;
  }
  const parsed = columnHintsFromJson(text.replace(/^\uFEFF/, ""));
  if (parsed.problems.length) {
    const lines = parsed.problems.map((p) => `  ${p.zh} (${p.en})`);
    return `fund-compliance: --map ${file}:\n${lines.join("\n")}\n`;
  }
  return parsed.hints;
}

/**
 * `--terms FILE`: an office's own terms as JSON (customTermsFromJson). Any bad entry stops the
 * run with every problem listed by entry: a list that is half read would review silently wrong.
 */
function readTerms(file: string): CustomTerm[] | string {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return `fund-compliance: --terms ${file}: 无法读取此文件 (cannot read this file)\n`;
  }
  const parsed = customTermsFromJson(text);
  if (parsed.problems.length) {
    const lines = parsed.problems.map(
      (p) => `  ${p.row ? `第 ${p.row} 项 entry ${p.row}: ` : ""}${p.message.zh} (${p.message.en})`
    );
    return `fund-compliance: --terms ${file}:\n${lines.join("\n")}\n`;
  }
  return parsed.terms;
}
