/**
 * The command line's batch review (issues 11 and 18): a ledger in Excel's part order (sheets
 * before shared strings), reviewed by the compiled command in a child process with and without
 * its report, against the floor (inflate + saxes tokenise of the same parts) and the old exceljs
 * streaming reader (bench/exceljs-stream-reader.ts) in the same run — wall and CPU time, peak
 * memory (maxRSS of the command and its worker) — at 100,000 rows and at FC_BENCH_ROWS.
 * Targets: with report ≤ 4× the floor, without ≤ 2×, ≤ 1 GiB at 1M rows (issue 18); 1M rows with
 * report ≤ 60 s and ≤ 2 GB (issue 11).
 *
 * Ledgers are generated once (exceljs streaming writer, deterministic rows with some faults) into
 * os.tmpdir() and reused. FC_BENCH_READERS=1 adds the readers alone, new against old, on both
 * part orders, and ours against exceljs's whole-workbook reader.
 *
 * Run: npx tsx bench/run.ts cli   (FC_BENCH_ROWS=100000 for the 100k case only; FC_BENCH_MANY=1
 * adds a ledger of the same size with a finding, on its own cell, on one row in five)
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";

const ROWS = Number(process.env.FC_BENCH_ROWS ?? 1_000_000);
const ROOT = path.join(__dirname, "..");
const DIR = path.join(os.tmpdir(), "fund-compliance-bench");

const TYPES = ["中央提前下达", "中央新增", "本级预算", "部门已细化", "部门未细化"];
const STATUS = ["在建", "已完工", "已验收", "在建", "未开工"];
const CONTENT = ["硬化村道", "新建蓄水池", "产业奖补", "危房改造补助", "技能培训补贴", "贷款贴息"];

/**
 * 2026 dates only (the calendar data covers them); a few faults of each ledger kind.
 * `manyFindings`: the sheet also has the budget-approval column the department types count from,
 * blank on every other department row — 200,000 findings per million rows, one per row, each with
 * its own cell (the default ledger lacks that column: one finding per fund type, rows counted).
 */
export async function generateLedger(
  file: string,
  rows: number,
  manyFindings = false
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet("资金拨付台账");
  ws.addRow(["某市2026年财政衔接资金拨付台账（汇总）"]).commit();
  ws.addRow(["单位：万元"]).commit();
  ws.addRow([
    "序号",
    "项目名称",
    "建设内容",
    "资金类型",
    "金额（万元）",
    "收到文件日期",
    "资金下达日期",
    "下达文号",
    "经济分类",
    "项目批复日期",
    "实施状态",
    "实施地点",
    ...(manyFindings ? ["人大批复部门预算日期"] : []),
  ]).commit();
  const day = (m: number, d: number) => new Date(Date.UTC(2026, m - 1, d));
  for (let i = 1; i <= rows; i++) {
    const received = day(1 + (i % 4), 1 + (i % 27));
    // about 1 in 50 rows passed down late; 1 in 200 not passed down at all
    const late = i % 50 === 0;
    const passed =
      i % 200 === 7 ? "" : new Date(received.getTime() + (late ? 150 : 3 + (i % 20)) * 86400000);
    const amount = i % 1000 === 3 ? "待定" : Math.round(((i * 7919) % 50000) + 100) / 100;
    const row = ws.addRow([
      i,
      `第${(i % 97) + 1}村项目${i}`,
      `${CONTENT[i % CONTENT.length]}${(i % 9) + 1}处`,
      TYPES[i % TYPES.length],
      amount,
      received,
      passed,
      `财农〔2026〕${i % 300}号`,
      "31005",
      i % 400 === 11 ? day(1, 5) : day(2, 1 + (i % 27)),
      STATUS[i % STATUS.length],
      `第${(i % 97) + 1}村`,
      // department rows (types 3 and 4): the approval date on one in two, blank on the other
      ...(manyFindings ? [i % 5 >= 3 && i % 2 === 0 ? day(1, 10 + (i % 15)) : ""] : []),
    ]);
    row.getCell(6).numFmt = "yyyy-mm-dd";
    row.getCell(7).numFmt = "yyyy-mm-dd";
    row.getCell(10).numFmt = "yyyy-mm-dd";
    if (manyFindings) row.getCell(13).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

const CHILD = `
const t0 = Date.now();
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 200);
require(process.argv[1]).main(process.argv.slice(2)).then((code) => {
  clearInterval(timer);
  const ms = Date.now() - t0;
  // the review runs in a child process: its peak is added (an upper bound on the sum)
  const stats = require(require("path").join(require("path").dirname(process.argv[1]), "pool.js")).poolStats;
  const child = stats.childMaxRss;
  const u = process.resourceUsage();
  const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000 + stats.childCpuMs;
  process.stderr.write("\\n@@" + JSON.stringify({ code, ms, cpuMs, maxRSS: u.maxRSS * 1024 + child, workerMaxRSS: child, peak: peak + child }) + "\\n");
});
`;

/** The naive way, as a baseline: exceljs's whole-workbook reader, then the engine. */
const BASELINE = `
const t0 = Date.now();
const ExcelJS = require("exceljs");
const { toRangeValue } = require(process.argv[1] + "/cli/read.js");
const { reviewWorkbook } = require(process.argv[1] + "/core/review/index.js");
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  const sheets = wb.worksheets.map((ws) => {
    const values = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const v = [];
      row.eachCell({ includeEmpty: true }, (c, col) => (v[col - 1] = toRangeValue(c.value)));
      values[r - 1] = v;
    });
    return { name: ws.name, values: Array.from(values, (v) => v || []) };
  });
  const res = reviewWorkbook(sheets, { asOf: 46349 });
  process.stderr.write("\\n@@" + JSON.stringify({ ms: Date.now() - t0, maxRSS: process.resourceUsage().maxRSS * 1024, findings: res.findings.length }) + "\\n");
})();
`;

function child(args: string[]): {
  ms: number;
  /** CPU time (user + system) of the process and its worker: steadier than wall time on a busy machine. */
  cpuMs?: number;
  maxRSS: number;
  workerMaxRSS?: number;
  findings?: number;
  code?: number;
} {
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 28 });
  const m = /@@(.*)/.exec(r.stderr);
  if (!m) throw new Error(`the run did not finish: ${r.stderr.slice(-2000)}`);
  // the review command's summary line: "…，N 个问题 findings（…"
  const total = /(\d+) 个问题 findings/.exec(r.stdout ?? "");
  return { ...JSON.parse(m[1]), ...(total ? { findings: Number(total[1]) } : {}) };
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

/** Ours (streaming, no report) against exceljs's whole-workbook reader, on one ledger. */
async function baseline(rows: number): Promise<void> {
  const file = path.join(DIR, `ledger-${rows}-v2.xlsx`);
  if (!fs.existsSync(file)) {
    await generateLedger(file + ".tmp", rows);
    fs.renameSync(file + ".tmp", file);
  }
  const lib = path.join(ROOT, "lib");
  const ours = child([
    "-e",
    CHILD,
    path.join(lib, "cli", "main.js"),
    "review",
    file,
    "--as-of",
    "2026-11-23",
    "--no-report",
  ]);
  const base = child(["-e", BASELINE, lib, file]);
  console.log(`baseline (${rows.toLocaleString("en")} rows, review only, no report):`);
  console.log(`  ours, streaming        ${(ours.ms / 1000).toFixed(1)} s, ${mib(ours.maxRSS)}`);
  console.log(`  exceljs whole-workbook ${(base.ms / 1000).toFixed(1)} s, ${mib(base.maxRSS)}`);
  console.log(
    `  ratio                  ${(base.ms / ours.ms).toFixed(2)}× faster, ${(base.maxRSS / ours.maxRSS).toFixed(2)}× less memory`
  );
}

// ── the reader alone: new (src/cli/read.ts) against the old exceljs streaming reader ──

/** Reads one file with one reader in a fresh process; prints time, peak memory and what it saw. */
const READ_CHILD = `
const t0 = Date.now();
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 50);
const { readWorkbook } = require(process.argv[1]);
let rows = 0, cells = 0, text = 0;
readWorkbook(process.argv[2], () => ({
  row(r, v) { rows++; for (const x of v) { if (x !== "") cells++; if (typeof x === "string" && x !== "") text++; } },
  end() {},
})).then(
  () => { sample(); clearInterval(timer); const u = process.resourceUsage(); process.stderr.write("\\n@@" + JSON.stringify({ ms: Date.now() - t0, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, peak, rows, cells, text }) + "\\n"); },
  (e) => { sample(); clearInterval(timer); process.stderr.write("\\n@@" + JSON.stringify({ ms: Date.now() - t0, peak, error: String(e && e.message || e).slice(0, 200) }) + "\\n"); }
);
`;

interface ReadRun {
  ms: number;
  cpuMs?: number;
  /**
   * Peak resident memory sampled every 50 ms in the child. (Not maxRSS: Linux keeps a process's
   * maxRSS across fork and exec, so a child would report this bench's own peak when larger.)
   */
  peak: number;
  rows?: number;
  cells?: number;
  text?: number;
  error?: string;
  tmpFiles?: number;
}

/** `-r tsx/cjs`: both readers run from their TypeScript, compiled the same way. */
function readIn(reader: string, file: string): ReadRun {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fc-bench-read-"));
  try {
    const r = spawnSync(process.execPath, ["-r", "tsx/cjs", "-e", READ_CHILD, reader, file], {
      encoding: "utf8",
      cwd: ROOT,
      env: { ...process.env, TMPDIR: tmp },
      maxBuffer: 1 << 26,
      timeout: 15 * 60_000,
    });
    const m = /@@(.*)/.exec(r.stderr);
    if (!m)
      return {
        ms: NaN,
        peak: NaN,
        error: `no result (status ${r.status}): ${r.stderr.slice(-300)}`,
      };
    // tsx keeps its compile cache there (tsx-*): not the reader's
    const left = fs.readdirSync(tmp).filter((f) => !f.startsWith("tsx-"));
    return { ...(JSON.parse(m[1]) as ReadRun), tmpFiles: left.length };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The same parts, repacked in the order Excel writes them: worksheets before sharedStrings.xml. */
async function excelOrdered(src: string, dest: string): Promise<void> {
  if (fs.existsSync(dest)) return;

  const { repack, excelOrder } =
    require("../scripts/make-reader-fixtures") as typeof import("../scripts/make-reader-fixtures");
  fs.writeFileSync(dest + ".tmp", await repack(fs.readFileSync(src), excelOrder));
  fs.renameSync(dest + ".tmp", dest);
}

async function ledgerOf(rows: number, manyFindings = false): Promise<string> {
  fs.mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `ledger-${rows}-v2${manyFindings ? "-many" : ""}.xlsx`);
  if (!fs.existsSync(file)) {
    await generateLedger(file + ".tmp", rows, manyFindings);
    fs.renameSync(file + ".tmp", file);
  }
  return file;
}

export async function readers(rows: number, excelOrderToo: boolean): Promise<void> {
  const file = await ledgerOf(rows);
  const files: [string, string][] = [["exceljs order (shared strings first)", file]];
  if (excelOrderToo) {
    const excel = file.replace(/\.xlsx$/, "-excel-order.xlsx");
    await excelOrdered(file, excel);
    files.push(["Excel's order (sheets first)", excel]);
  }
  const NEW = path.join(ROOT, "src", "cli", "read.ts");
  const OLD = path.join(ROOT, "bench", "exceljs-stream-reader.ts");
  console.log(
    `reader alone, ${rows.toLocaleString("en")} rows × 12 columns (read only, no review):`
  );
  for (const [label, f] of files) {
    // interleaved, best of three on the smaller file (the machine is shared: noise)
    const tries = rows <= 100_000 ? 3 : 1;
    let n = readIn(NEW, f);
    let o = readIn(OLD, f);
    for (let t = 1; t < tries; t++) {
      const n2 = readIn(NEW, f);
      const o2 = readIn(OLD, f);
      if (n2.ms < n.ms) n = n2;
      if (o2.ms < o.ms) o = o2;
    }
    const show = (name: string, x: ReadRun) =>
      console.log(
        `  ${name.padEnd(26)} ${x.error ? `FAILED: ${x.error}` : `${(x.ms / 1000).toFixed(1)} s, ${mib(x.peak)} peak, ${x.rows!.toLocaleString("en")} rows, ${x.text!.toLocaleString("en")} text cells`}, ${x.tmpFiles} temp files left`
      );
    console.log(` ${label}, ${(fs.statSync(f).size / 2 ** 20).toFixed(1)} MiB:`);
    show("new (yauzl + saxes)", n);
    show("old (exceljs streaming)", o);
    if (!n.error && !o.error) {
      console.log(
        `  ratio                      ${(o.ms / n.ms).toFixed(2)}× faster, ${(o.peak / n.peak).toFixed(2)}× less memory`
      );
    }
  }
}

// ── the batch review (issue 18): with and without report, against the floor and the old reader ──

/** The floor: inflate the parts the review reads (sheets, shared strings) and tokenise them with saxes. */
const FLOOR_CHILD = `
const t0 = Date.now();
const { openZip } = require(process.argv[1] + "/cli/reader/zip.js");
const { Budget } = require(process.argv[1] + "/cli/reader/limits.js");
const { SaxesParser } = require("saxes");
(async () => {
  const zip = await openZip(require("fs").readFileSync(process.argv[2]), new Budget());
  const names = zip.names().filter((n) => /^xl\\/(worksheets\\/sheet\\d+|sharedStrings)\\.xml$/.test(n));
  let events = 0;
  for (const n of names) {
    const p = new SaxesParser({ position: false });
    p.on("opentag", () => events++);
    p.on("closetag", () => events++);
    p.on("text", () => events++);
    const dec = new TextDecoder();
    await zip.stream(n, (c) => p.write(dec.decode(c, { stream: true })));
    p.close();
  }
  const u = process.resourceUsage();
  process.stderr.write("\\n@@" + JSON.stringify({ ms: Date.now() - t0, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRSS: u.maxRSS * 1024, events }) + "\\n");
})();
`;

function load(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
}

/** The review command, compiled, in a child process (its worker's peak memory added). */
function review(file: string, withReport: boolean) {
  const out = path.join(DIR, "out-batch");
  fs.rmSync(out, { recursive: true, force: true });
  const args = [path.join(ROOT, "lib", "cli", "main.js"), "review", file, "--as-of", "2026-11-23"];
  const r = child(["-e", CHILD, ...args, ...(withReport ? ["--out", out] : ["--no-report"])]);
  const reportFile = withReport
    ? fs.readdirSync(out).find((f) => f.endsWith(".review.xlsx"))
    : undefined;
  const size = reportFile ? fs.statSync(path.join(out, reportFile)).size : 0;
  fs.rmSync(out, { recursive: true, force: true });
  return { ...r, size };
}

/**
 * Batch review with and without report on a ledger in Excel's part order (sheets before shared
 * strings): time against the floor (inflate + saxes tokenise of the same parts) and against the
 * old exceljs streaming reader (read only) in the same run; peak memory (maxRSS of the command and
 * its worker). Targets (issue 18): ≤ 4× floor with report, ≤ 2× without, ≤ 1 GiB at 1M rows;
 * issue 11: 1M rows with report ≤ 60 s and ≤ 2 GiB.
 */
export async function batch(rows: number, manyFindings = false): Promise<void> {
  const file = await ledgerOf(rows, manyFindings);
  const excel = file.replace(/\.xlsx$/, "-excel-order.xlsx");
  await excelOrdered(file, excel);
  const lib = path.join(ROOT, "lib");
  console.log(
    `batch review, ${rows.toLocaleString("en")} rows${manyFindings ? ", many findings (one per row on 1 in 5 rows)" : ""}, Excel's part order (load ${load()}):`
  );
  const floor = child(["-e", FLOOR_CHILD, lib, excel]);
  const withReport = review(excel, true);
  const noReport = review(excel, false);
  const old = readIn(path.join(ROOT, "bench", "exceljs-stream-reader.ts"), file);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const cpu = (x: { cpuMs?: number }) => x.cpuMs ?? NaN;
  const line = (label: string, x: { ms: number; cpuMs?: number }, target: string) =>
    console.log(
      `  ${label.padEnd(34)}${s(x.ms).padStart(7)} wall ${(x.ms / floor.ms).toFixed(2)}× floor; ` +
        `${s(cpu(x)).padStart(7)} CPU ${(cpu(x) / cpu(floor)).toFixed(2)}× floor CPU${target}`
    );
  line("floor (inflate + saxes tokenise)", floor, "");
  line("review with report", withReport, " (target ≤ 4)");
  console.log(
    `    ${mib(withReport.maxRSS)} maxRSS (command + worker; worker ${mib(withReport.workerMaxRSS ?? 0)}), ${withReport.findings?.toLocaleString("en") ?? "?"} findings, report ${(withReport.size / 2 ** 20).toFixed(1)} MiB, exit ${withReport.code}`
  );
  line("review without report", noReport, " (target ≤ 2)");
  console.log(
    `    ${mib(noReport.maxRSS)} maxRSS (command + worker; worker ${mib(noReport.workerMaxRSS ?? 0)})`
  );
  if (old.error) console.log(`  old exceljs streaming reader: FAILED: ${old.error}`);
  else {
    line("old exceljs streaming reader, read", old, " (exceljs's part order)");
    console.log(
      `    full review with report ÷ the old reader's read alone: ${(withReport.ms / old.ms).toFixed(2)}× wall, ${(cpu(withReport) / cpu(old)).toFixed(2)}× CPU`
    );
  }
  console.log(`  load after: ${load()}`);
}

export async function run(): Promise<void> {
  fs.mkdirSync(DIR, { recursive: true });
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    { cwd: ROOT }
  );
  await batch(Math.min(ROWS, 100_000));
  if (ROWS > 100_000) await batch(ROWS);
  // FC_BENCH_MANY=1: also a ledger with a finding on every fifth row, each on its own cell
  if (process.env.FC_BENCH_MANY) await batch(ROWS, true);
  if (process.env.FC_BENCH_READERS) {
    await baseline(Math.min(ROWS, 200_000));
    await readers(Math.min(ROWS, 100_000), true);
    if (ROWS > 100_000) await readers(ROWS, false);
  }
}
