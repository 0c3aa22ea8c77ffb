/**
 * End to end: the compiled command (`node bin/fund-compliance.js`, as `npx fund-compliance`
 * runs it) over the shipped examples, bad files and folders, with the real review engine.
 */
import { ChildProcess, execFileSync, fork, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { JsonReport } from "../../src/cli/json";
import { FINDINGS_SHEET, SUMMARY_SHEET } from "../../src/cli/report";
import { sheetLinks } from "./report-links";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "fund-compliance.js");
const EXAMPLE = path.join(ROOT, "examples", "county-ledger.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fc-e2e-"));

beforeAll(() => {
  // the command runs compiled code from lib/ (what `npm ci` builds through "prepare")
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
    }
  );
}, 120000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const where = (f: { kind: string; sheet: string; cell: string | null }) =>
  `${f.kind} ${f.sheet}!${f.cell}`;

/** The faults planted by scripts/make-examples.ts, as the review should find them. */
const PLANTED = [
  "OVERDUE 资金拨付台账!H10",
  "OVERDUE 资金拨付台账!H11",
  "OVERDUE 资金拨付台账!H12",
  "IDLE 资金拨付台账!L13",
  "IDLE 资金拨付台账!L14",
  // a vehicle, staff allowances, debt (76号 一（二）（三）（六）)
  "PROHIBITED 资金拨付台账!C15",
  "PROHIBITED 资金拨付台账!C16",
  "PROHIBITED 资金拨付台账!C17",
  "DUPLICATE 资金拨付台账!B19",
  "DATA 资金拨付台账!F20",
  "DATA 资金拨付台账!G21",
  "DATA 资金拨付台账!F22",
  "CARRYOVER 结转结余情况!D6",
  "PUBLICITY 项目公示!J5",
  "PERFORMANCE 项目公示!G6",
  "PUBLICITY 项目公示!I7",
];

describe("the README's main job: review examples/county-ledger.xlsx", () => {
  const out = path.join(tmp, "reports");
  let before: string;
  let r: ReturnType<typeof run>;
  let json: JsonReport;
  beforeAll(() => {
    before = sha(EXAMPLE);
    r = run([
      "review",
      "examples/county-ledger.xlsx",
      "--as-of",
      "2026-11-23",
      "--out",
      out,
      "--json",
      "-",
    ]);
    json = JSON.parse(r.stdout);
  });

  test("exit status 1: there are error-severity findings", () => {
    expect(r.code).toBe(1);
  });

  test("the input file is never written", () => {
    expect(sha(EXAMPLE)).toBe(before);
  });

  test("JSON contract: asOf, files, sheets, findings with exactly the agreed fields", () => {
    expect(Object.keys(json)).toEqual(["asOf", "files", "notReviewed"]);
    expect(json.notReviewed).toEqual([]);
    expect(json.asOf).toBe("2026-11-23");
    expect(json.files).toHaveLength(1);
    const f = json.files[0];
    expect(Object.keys(f)).toEqual(["path", "sheets", "findings", "notJudged", "notes"]);
    expect(f.notJudged).toBe(0);
    expect(f.path).toBe("examples/county-ledger.xlsx");
    for (const x of f.findings) {
      expect(Object.keys(x)).toEqual([
        "kind",
        "rule",
        "severity",
        "sheet",
        "row",
        "column",
        "cell",
        "message",
        "citation",
      ]);
      expect(typeof x.message).toBe("string");
      expect(x.cell).toBe(`${x.column}${x.row}`);
      if (x.kind === "DATA") expect(x.citation).toBeNull();
      else expect(x.citation).toMatch(/〔20\d\d〕\d+号 /);
    }
  });

  test("recognised sheets, and the skipped one with its reason", () => {
    const sheets = json.files[0].sheets;
    expect(sheets.map((s) => [s.name, s.recognised])).toEqual([
      ["资金拨付台账", true],
      ["结转结余情况", true],
      ["项目公示", true],
      ["填表说明", false],
    ]);
    expect(sheets[3].reason).toMatch(/表头/);
  });

  test("exactly the planted faults are found, each at its cell", () => {
    expect(json.files[0].findings.map(where)).toEqual(PLANTED);
  });

  test("messages and citations as an office reads them", () => {
    const f = json.files[0].findings;
    const late = f.find((x) => x.cell === "H10")!;
    expect(late.severity).toBe("error");
    expect(late.message).toMatch(/2026-05-08/);
    expect(late.message).toMatch(/38 天/);
    expect(late.citation).toBe("桂政发〔2014〕34号 第（十三）条");
  });

  test("the terminal summary goes to stderr when the JSON takes stdout", () => {
    expect(r.stderr).toMatch(/资金拨付台账!H10\s+OVERDUE\s+error/);
    expect(r.stderr).toMatch(/报告 report: .*county-ledger\.review\.xlsx/);
  });

  test("the report workbook: summary, findings linked to copies of the source sheets", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "county-ledger.review.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SUMMARY_SHEET,
      FINDINGS_SHEET,
      "资金拨付台账",
      "结转结余情况",
      "项目公示",
    ]);
    const ws = wb.getWorksheet(FINDINGS_SHEET)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const n = json.files[0].findings.length;
    expect(ws.actualRowCount).toBe(n + 1);
    expect(ws.getCell("F2").value).toBe("H10");
    // the copy holds the source's values at the same addresses
    const copy = wb.getWorksheet("资金拨付台账")!;
    expect(copy.getCell("B10").value).toBe("六合村灌溉渠修复");
    expect(copy.getCell("H10").value).toEqual(new Date(Date.UTC(2026, 5, 15)));
    expect(copy.getCell("F20").value).toBe("待定");
    // flagged cells are shaded by severity, even a blank one (a missing publicity item)
    expect(copy.getCell("H10").fill).toMatchObject({ fgColor: { argb: "FFF8CBAD" } });
    expect(copy.getCell("F20").fill).toMatchObject({ fgColor: { argb: "FFFFE699" } });
    expect(copy.getCell("B10").fill).toBeUndefined();
    const pub = wb.getWorksheet("项目公示")!;
    expect(pub.getCell("J5").value).toBeNull();
    expect(pub.getCell("J5").fill).toMatchObject({ fgColor: { argb: "FFFFE699" } });
    expect(copy.getCell("A1").value).toBe("某县2026年财政衔接推进乡村振兴补助资金拨付台账");
    let formulas = 0;
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => (formulas += c.formula ? 1 : 0))));
    expect(formulas).toBe(0);
    const summary: unknown[][] = [];
    wb.getWorksheet(SUMMARY_SHEET)!.eachRow((row) =>
      summary.push((row.values as unknown[]).slice(1))
    );
    expect(summary).toContainEqual(["审查日期 As of", "2026-11-23"]);
    expect(summary).toContainEqual(["下达超期 OVERDUE", 3, 0, 0, 3]);
    expect(summary).toContainEqual(["负面清单 PROHIBITED", 3, 0, 0, 3]);
  });
});

test("the report's links are places inside the report, as Excel writes them (no outside file)", async () => {
  const links = await sheetLinks(
    path.join(tmp, "reports", "county-ledger.review.xlsx"),
    FINDINGS_SHEET
  );
  expect(links.elements).toHaveLength(16);
  expect(links.elements[0]).toBe(
    `<hyperlink ref="F2" location="'资金拨付台账'!H10" display="H10"/>`
  );
  expect(links.locations.get("F14")).toBe("'结转结余情况'!D6");
  for (const e of links.elements) expect(e).not.toMatch(/r:id=/);
  expect(links.external).toEqual([]);
  // every link names a sheet of the report
  for (const loc of links.locations.values()) {
    expect(links.sheetNames).toContain(/^'(.*)'!/.exec(loc)![1]);
  }
});

test("--lang en, --json FILE, exit 0 when only warnings", () => {
  const file = path.join(tmp, "publicity.json");
  const r = run([
    "review",
    "examples/publicity-list.xlsx",
    "--as-of",
    "2026-11-23",
    "--lang",
    "en",
    "--json",
    file,
    "--no-report",
  ]);
  expect(r.code).toBe(0);
  const json: JsonReport = JSON.parse(fs.readFileSync(file, "utf8"));
  expect(json.files[0].findings.map(where)).toEqual([
    "PERFORMANCE 公告公示!H6",
    "PUBLICITY 公告公示!E7",
    "PUBLICITY 公告公示!G7",
  ]);
  expect(json.files[0].findings[0].message).toMatch(/performance target/);
  expect(r.stdout).toMatch(/公告公示!H6/);
  expect(fs.existsSync(path.join(ROOT, "examples", "publicity-list.review.xlsx"))).toBe(false);
});

describe("bad files and folders", () => {
  const folder = path.join(tmp, "收到的台账");
  let r: ReturnType<typeof run>;
  let json: JsonReport;
  const hashes = new Map<string, string>();

  beforeAll(async () => {
    fs.mkdirSync(path.join(folder, "乙县"), { recursive: true });
    fs.copyFileSync(EXAMPLE, path.join(folder, "甲县.xlsx"));
    fs.copyFileSync(
      path.join(ROOT, "examples", "carryover.xlsx"),
      path.join(folder, "乙县", "结转.xlsx")
    );
    fs.writeFileSync(path.join(folder, "乙县", "empty.xlsx"), "");
    fs.writeFileSync(path.join(folder, "csv-renamed.xlsx"), "项目名称,金额\n村道,12\n");
    // a password-protected .xlsx: an OLE container with EncryptionInfo (scripts/make-reader-fixtures.ts)
    fs.copyFileSync(
      path.join(ROOT, "test", "fixtures", "readers", "encrypted.xlsx"),
      path.join(folder, "locked.xlsx")
    );
    const good = fs.readFileSync(EXAMPLE);
    fs.writeFileSync(path.join(folder, "truncated.xlsx"), good.subarray(0, good.length - 3000));
    const z = await JSZip.loadAsync(good);
    z.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r='1'><c r='A1'"); // broken XML
    fs.writeFileSync(
      path.join(folder, "broken-xml.xlsx"),
      await z.generateAsync({ type: "nodebuffer" })
    );
    fs.writeFileSync(path.join(folder, "~$甲县.xlsx"), "lock");
    fs.writeFileSync(path.join(folder, "old.review.xlsx"), "our own output");
    for (const f of fs.readdirSync(folder, { recursive: true }) as string[]) {
      const p = path.join(folder, f);
      if (fs.statSync(p).isFile()) hashes.set(p, sha(p));
    }
    r = run(["review", folder, "--as-of", "2026-11-23", "--json", "-", "--jobs", "2"]);
    json = JSON.parse(r.stdout);
  });

  test("exit status 3 when a file could not be reviewed", () => {
    expect(r.code).toBe(3);
  });

  test("lock files and earlier reports are listed as not reviewed, with their reasons", () => {
    expect(json.notReviewed.map((n) => [path.relative(folder, n.path), n.reason])).toEqual([
      ["old.review.xlsx", "本工具写出的审查报告 (a report written by this tool)"],
      [
        "~$甲县.xlsx",
        "Excel/WPS 的临时锁定文件（工作簿正被打开） (an Excel/WPS lock file (the workbook is open))",
      ],
      ...[
        "broken-xml.xlsx",
        "csv-renamed.xlsx",
        "locked.xlsx",
        "truncated.xlsx",
        "乙县/empty.xlsx",
      ].map((f) => [f, json.files.find((x) => x.path.endsWith(f))!.error]),
    ]);
  });

  test("every .xlsx inside, recursively, without lock files or our own reports", () => {
    expect(json.files.map((f) => path.relative(folder, f.path))).toEqual([
      "broken-xml.xlsx",
      "csv-renamed.xlsx",
      "locked.xlsx",
      "truncated.xlsx",
      "乙县/empty.xlsx",
      "乙县/结转.xlsx",
      "甲县.xlsx",
    ]);
  });

  test("each unreadable file has a clear Chinese and English reason", () => {
    const err = (name: string) => json.files.find((f) => f.path.endsWith(name))!.error;
    expect(err("empty.xlsx")).toMatch(/文件为空.*empty/);
    expect(err("csv-renamed.xlsx")).toMatch(/不是可读取的工作簿.*not a readable workbook/);
    expect(err("locked.xlsx")).toMatch(/加密.*password/);
    expect(err("truncated.xlsx")).toMatch(/损坏.*damaged/);
    expect(err("broken-xml.xlsx")).toMatch(/损坏.*damaged/);
    for (const name of ["empty.xlsx", "csv-renamed.xlsx", "locked.xlsx", "truncated.xlsx"]) {
      expect(r.stderr).toContain(name);
    }
  });

  test("the other files are still reviewed, with reports beside them", () => {
    const good = json.files.find((f) => f.path.endsWith("甲县.xlsx"))!;
    expect(good.error).toBeUndefined();
    expect(good.findings.map(where)).toEqual(PLANTED);
    expect(json.files.find((f) => f.path.endsWith("结转.xlsx"))!.findings.map(where)).toEqual([
      "CARRYOVER 结转结余!D6",
    ]);
    expect(fs.existsSync(path.join(folder, "甲县.review.xlsx"))).toBe(true);
    expect(fs.existsSync(path.join(folder, "乙县", "结转.review.xlsx"))).toBe(true);
    expect(fs.existsSync(path.join(folder, "empty.review.xlsx"))).toBe(false);
  });

  test("no input file was changed", () => {
    for (const [p, h] of hashes) expect(sha(p)).toBe(h);
  });
});

describe("a good file beside a damaged one, in turn and with workers", () => {
  const good = path.join(tmp, "pair", "good.xlsx");
  const damaged = path.join(tmp, "pair", "damaged.xlsx");
  beforeAll(() => {
    fs.mkdirSync(path.dirname(good), { recursive: true });
    fs.copyFileSync(EXAMPLE, good);
    const bytes = fs.readFileSync(EXAMPLE);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
  });

  test.each(["1", "2"])("--jobs %s: good.xlsx's findings, damaged.xlsx named, exit 3", (jobs) => {
    const r = run([
      "review",
      good,
      damaged,
      "--as-of",
      "2026-11-23",
      "--jobs",
      jobs,
      "--no-report",
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/good\.xlsx\n {2}工作表 sheets: 资金拨付台账 ✓/);
    expect(r.stdout).toMatch(/资金拨付台账!H10\s+OVERDUE\s+error/);
    expect(r.stdout).toMatch(/damaged\.xlsx\n {2}✗ 未审查 not reviewed: .*损坏/);
    expect(r.stdout).toMatch(
      /合计 Total: 已审查 1 个文件 files reviewed，未审查 1 个 not reviewed，16 个问题/
    );
  });

  test.each(["1", "2"])(
    "--jobs %s: a read that stops without settling is named at once, not at the time budget",
    (jobs) => {
      const stall = path.join(path.dirname(good), "stall.xlsx");
      fs.copyFileSync(EXAMPLE, stall);
      const stub = path.join(__dirname, "fixtures", "stall-read.js");
      const started = Date.now();
      const r = spawnSync(
        process.execPath,
        [
          BIN,
          "review",
          good,
          stall,
          "--as-of",
          "2026-11-23",
          "--jobs",
          jobs,
          "--no-report",
          "--timeout",
          "300",
        ],
        { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: `--require ${stub}` } }
      );
      expect(r.status).toBe(3);
      expect(r.stdout).toMatch(/资金拨付台账!H10\s+OVERDUE\s+error/);
      expect(r.stdout).toMatch(/stall\.xlsx\n {2}✗ 未审查 not reviewed: 读取在中途停止而没有结果/);
      expect(Date.now() - started).toBeLessThan(60000);
    }
  );

  test("a missing input is listed as not reviewed: exit 3, the other file reviewed", () => {
    const r = run(["review", good, "no/such/file.xlsx", "--as-of", "2026-11-23", "--no-report"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /no\/such\/file\.xlsx\n {4}找不到此文件或文件夹 \/ no such file or folder/
    );
    expect(r.stdout).toMatch(/资金拨付台账!H10/);
  });
});

test("a JSON report far above a pipe's 64 KiB arrives whole through a slow reader", () => {
  const many = path.join(tmp, "many");
  fs.mkdirSync(many);
  for (let i = 0; i < 16; i++) fs.copyFileSync(EXAMPLE, path.join(many, `县${i}.xlsx`));
  const err = path.join(tmp, "many.err");
  // the reader starts only once the summary is on stderr (the JSON follows it at once) and a
  // second more has passed: a command that exits without waiting for stdout to drain loses all
  // but the pipe's first 64 KiB
  const cmd =
    `"${process.execPath}" "${BIN}" review "${many}" --as-of 2026-11-23 --no-report --json - 2>"${err}"` +
    ` | (until grep -q "合计 Total" "${err}" 2>/dev/null; do sleep 0.2; done; sleep 1; cat)`;
  const r = spawnSync("sh", ["-c", cmd], { encoding: "utf8", maxBuffer: 1 << 26 });
  expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(96 * 1024);
  const json: JsonReport = JSON.parse(r.stdout); // whole: it parses
  expect(json.files).toHaveLength(16);
  expect(json.files.every((f) => f.findings.length === 16)).toBe(true);
  expect(fs.readFileSync(err, "utf8")).toMatch(/合计 Total: 已审查 16 个文件 files reviewed/);
}, 120000);

describe("a review child whose command is gone ends by itself (no process.exit)", () => {
  const WORKER = path.join(ROOT, "lib", "cli", "worker.js");
  const start = () =>
    fork(WORKER, [], { stdio: ["ignore", "ignore", "pipe", "ipc"], serialization: "advanced" });
  const ended = (w: ChildProcess) =>
    new Promise<number | null>((resolve) => w.on("exit", (code) => resolve(code)));

  test("idle: it ends with status 0 once the channel closes", async () => {
    const w = start();
    const exit = ended(w);
    await new Promise((r) => w.once("spawn", r));
    w.disconnect();
    expect(await exit).toBe(0);
  }, 30000);

  test("busy: the file under way is dropped and no report is written for nobody", async () => {
    const report = path.join(tmp, "gone.review.xlsx");
    const w = start();
    const exit = ended(w);
    w.send({
      id: 0,
      job: { path: EXAMPLE, params: { asOf: 46349 }, report, asOfText: "2026-11-23", lang: "zh" },
    });
    w.disconnect();
    await exit;
    expect(fs.existsSync(report)).toBe(false);
  }, 30000);
});

describe("the review children honour the engine they are given", () => {
  type Pool = typeof import("../../src/cli/pool");
  const job = (p: string) => ({
    path: p,
    params: { asOf: 46349 },
    asOfText: "2026-11-23",
    lang: "zh" as const,
  });
  const quiet = { progress: () => undefined, done: () => undefined };
  // the compiled pool, whose default child is the compiled worker (lib/cli/worker.js)
  const pool = () => require(path.join(ROOT, "lib", "cli", "pool.js")) as Pool;

  test("an engine with a module: each child loads that engine, not the product's", async () => {
    const engine = require("./fixtures/marker-engine").engine;
    const outcomes = await pool().runJobs([job(EXAMPLE), job(EXAMPLE)], 2, engine, quiet, {
      timeoutMs: 60000,
    });
    for (const o of outcomes) {
      expect(o.error).toBeUndefined();
      expect(o.findings.length).toBeGreaterThan(0);
      expect(o.findings.every((f) => f.rule.startsWith("MARKER-ENGINE "))).toBe(true);
      // reviewed in a child, not in this process
      expect(o.findings[0].rule).not.toBe(`MARKER-ENGINE ${process.pid}`);
    }
  }, 60000);

  test("a stand-in without a module is used in this process, never swapped for another", async () => {
    const { engine } = require("./fixtures/marker-engine");
    const inProcess = { ...engine, module: undefined };
    const [o] = await pool().runJobs([job(EXAMPLE)], 2, inProcess, quiet, { timeoutMs: 60000 });
    expect(o.findings.length).toBeGreaterThan(0);
    expect(o.findings.every((f) => f.rule === `MARKER-ENGINE ${process.pid}`)).toBe(true);
  }, 60000);
});

describe("unusable arguments: exit status 2 with a clear message", () => {
  test.each([
    [["review"], /文件或文件夹/],
    [["review", "examples/county-ledger.xlsx", "--as-of", "2026-13-01"], /YYYY-MM-DD/],
    [["review", "examples/county-ledger.xlsx", "--packs", "NOPE"], /unknown rule pack NOPE/],
    [["frobnicate"], /unknown command frobnicate/],
    [[], /give a command/],
  ])("%j", (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test("--help is bilingual; --version prints the package version", () => {
    const h = run(["review", "--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/用法 Usage/);
    expect(h.stdout).toMatch(/--as-of YYYY-MM-DD/);
    const v = run(["--version"]);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(v.stdout.trim()).toBe(`fund-compliance ${pkg.version}`);
  });

  test("`template` is routed to its own command", () => {
    const r = run(["template"]);
    expect(r.stderr).not.toMatch(/unknown command/);
  });
});
