/**
 * End to end: the compiled command (`node bin/fund-compliance.js`, as `npx fund-compliance`
 * runs it) over the shipped examples, bad files and folders, with the real review engine.
 */
import { execFileSync, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { JsonReport } from "../../src/cli/json";
import { FINDINGS_SHEET, SUMMARY_SHEET } from "../../src/cli/report";

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
    expect(Object.keys(json)).toEqual(["asOf", "files"]);
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
    const links: string[] = [];
    for (let r2 = 2; r2 <= n + 1; r2++) {
      links.push((ws.getCell(`F${r2}`).value as ExcelJS.CellHyperlinkValue).hyperlink);
    }
    expect(links).toContain("#'资金拨付台账'!H10");
    expect(links).toContain("#'结转结余情况'!D6");
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
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    fs.writeFileSync(path.join(folder, "locked.xlsx"), ole);
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

  test("exit status 2 when a file could not be read", () => {
    expect(r.code).toBe(2);
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
    expect(err("csv-renamed.xlsx")).toMatch(/不是 \.xlsx.*not a zip/);
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

describe("unusable arguments: exit status 2 with a clear message", () => {
  test.each([
    [["review"], /文件或文件夹/],
    [["review", "examples/county-ledger.xlsx", "--as-of", "2026-13-01"], /YYYY-MM-DD/],
    [["review", "examples/county-ledger.xlsx", "--packs", "NOPE"], /unknown rule pack NOPE/],
    [["review", "no/such/file.xlsx"], /找不到此文件或文件夹 \(no such file or folder\)/],
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
