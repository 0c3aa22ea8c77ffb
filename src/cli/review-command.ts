/** `fund-compliance review …`: arguments → files → reviews (in parallel) → summary, JSON, exit status. */
import { customTermsFromJson, CustomTerm } from "../core/prohibited";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Lang, pick } from "../core/i18n";
import type { FindingKind, ReviewParams, Severity } from "../core/review/types";
import { citationLabel } from "../core/rules/citation";
import { USAGE, parseReviewArgs } from "./args";
import { readListsFile } from "./office-lists";
import type { Engine } from "./engine";
import { expandInputs, reportPath } from "./files";
import { toJson } from "./json";
import { runJobs } from "./pool";
import { Progress } from "./progress";
import { KIND_NAMES, SEVERITY_NAMES } from "./report";
import type { FileJob, FileOutcome } from "./review-file";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  progress: (names: string[]) => Progress;
  now?: Date;
  version: string;
}

export const processIo = (version: string): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  progress: (names) => Progress.forStderr(names),
  version,
});

/** Findings listed per file in the terminal summary; the rest are in the report and JSON. */
export const LISTED_PER_FILE = 30;

export async function reviewCommand(argv: string[], engine: Engine, io: Io): Promise<number> {
  const parsed = parseReviewArgs(argv, engine.packIds(), io.now);
  if (parsed.kind === "help") {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.kind === "version") {
    io.stdout(`fund-compliance ${io.version}\n`);
    return 0;
  }
  if (parsed.kind === "error") {
    io.stderr(
      `fund-compliance review: ${parsed.message}\n（fund-compliance --help 查看用法 for usage）\n`
    );
    return 2;
  }
  const o = parsed.options;
  const { files, problems } = expandInputs(o.inputs);
  for (const p of problems) io.stderr(`fund-compliance: ${p.arg}: ${p.zh} (${p.en})\n`);
  if (files.length === 0) return 2;

  if (o.out) {
    try {
      fs.mkdirSync(o.out, { recursive: true });
    } catch {
      io.stderr(`fund-compliance: --out ${o.out}: 无法创建此文件夹 (cannot create this folder)\n`);
      return 2;
    }
    if (!fs.statSync(o.out).isDirectory()) {
      io.stderr(`fund-compliance: --out ${o.out}: 不是文件夹 (not a folder)\n`);
      return 2;
    }
  }

  const params: ReviewParams = { asOf: o.asOf, strict: o.strict };
  if (o.packs) params.packs = o.packs;
  if (o.terms) {
    const custom = readTerms(o.terms);
    if (typeof custom === "string") {
      io.stderr(custom);
      return 2;
    }
    params.customTerms = custom;
  }
  if (o.lists) {
    const read = await readListsFile(o.lists);
    if (typeof read === "string") {
      io.stderr(read);
      return 2;
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
  const used = new Set<string>();
  const jobs: FileJob[] = files.map((f) => {
    let report: string | undefined;
    if (!o.noReport) {
      report = reportPath(f, o.out);
      // two inputs with one name, written to one --out folder: number the second
      for (let i = 2; used.has(path.resolve(report)); i++) {
        report = reportPath(f, o.out).replace(/\.review\.xlsx$/, ` (${i}).review.xlsx`);
      }
      used.add(path.resolve(report));
    }
    return { path: f, params, report, asOfText: o.asOfText, lang: o.lang };
  });

  const bar = io.progress(files.map((f) => path.basename(f)));
  const cpus =
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const outcomes = await runJobs(jobs, o.jobs ?? cpus, engine, {
    progress: (i, f, rows) => bar.update(i, f, rows),
    done: (i) => bar.done(i),
  });
  bar.clear();

  const json = toJson(o.asOfText, outcomes, o.lang);
  const text = JSON.stringify(json, null, 2) + "\n";
  const out = o.json === "-" ? io.stderr : io.stdout;
  out(summary(outcomes, o.asOfText, o.lang, io.version));
  for (const f of outcomes) {
    if (f.error) io.stderr(`fund-compliance: ${f.path}: ${f.error.zh} (${f.error.en})\n`);
  }
  if (o.json === "-") io.stdout(text);
  else if (o.json) {
    try {
      fs.writeFileSync(o.json, text);
    } catch (e) {
      io.stderr(`fund-compliance: --json ${o.json}: 无法写入 (cannot write): ${String(e)}\n`);
      return 2;
    }
  }

  if (problems.length > 0 || outcomes.some((f) => f.error)) return 2;
  return outcomes.some((f) => f.findings.some((x) => x.severity === "error")) ? 1 : 0;
}

function countBy<T extends string>(items: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

/** The terminal summary: per file, its sheets, its findings (the first few listed), its report. */
export function summary(
  outcomes: FileOutcome[],
  asOf: string,
  lang: Lang,
  version: string
): string {
  const lines: string[] = [`fund-compliance ${version} — 审查日期 as of ${asOf}`, ""];
  let total = 0;
  let errors = 0;
  let unreadable = 0;
  for (const f of outcomes) {
    lines.push(f.path);
    if (f.error) {
      unreadable++;
      lines.push(`  ✗ 无法读取 cannot read: ${f.error.zh}`);
      lines.push(`    ${f.error.en}`, "");
      continue;
    }
    const sheets = f.sheets.map((s) =>
      s.recognised
        ? `${s.name} ✓${s.kind ? " " + s.kind : ""}`
        : `${s.name} ✗${s.reason ? " " + pick(s.reason, lang) : ""}`
    );
    lines.push(`  工作表 sheets: ${sheets.join(" · ")}`);
    const sev = countBy(f.findings.map((x) => x.severity));
    const kinds = countBy(f.findings.map((x) => x.kind));
    total += f.findings.length;
    errors += sev.get("error") ?? 0;
    const sevText = (["error", "warning", "info"] as Severity[])
      .filter((s) => sev.get(s))
      .map((s) => `${SEVERITY_NAMES[s]} ${s} ${sev.get(s)}`)
      .join(" · ");
    lines.push(`  问题 findings: ${f.findings.length}${sevText ? " — " + sevText : ""}`);
    if (kinds.size) {
      lines.push(
        `    ${[...kinds].map(([k, n]) => `${KIND_NAMES[k as FindingKind] ?? ""} ${k} ${n}`).join(" · ")}`
      );
    }
    for (const x of f.findings.slice(0, LISTED_PER_FILE)) {
      const where = `${x.sheet}!${x.cell ?? (x.row ? String(x.row) : "")}`;
      const cite = x.citation ? ` 〔${citationLabel(x.citation)}〕` : "";
      lines.push(
        `    ${where.padEnd(12)} ${x.kind.padEnd(11)} ${x.severity.padEnd(7)} ${pick(x.message, lang)}${cite}`
      );
    }
    if (f.findings.length > LISTED_PER_FILE) {
      lines.push(
        `    … 另有 ${f.findings.length - LISTED_PER_FILE} 条，见报告 (${f.findings.length - LISTED_PER_FILE} more in the report)`
      );
    }
    if (f.report) lines.push(`  报告 report: ${f.report}`);
    lines.push("");
  }
  lines.push(
    `合计 Total: ${outcomes.length} 个文件 files` +
      (unreadable ? `（${unreadable} 个无法读取 unreadable）` : "") +
      `，${total} 个问题 findings（错误 error ${errors}）`
  );
  return lines.join("\n") + "\n";
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
