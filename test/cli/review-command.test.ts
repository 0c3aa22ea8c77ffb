/** The review command in-process, over a stand-in engine: report names, exit statuses, output. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { reviewCommand } from "../../src/cli/review-command";
import { captureIo } from "./capture-io";
import { fakeEngine } from "./fake-engine";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-cmd-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function book(file: string, rows: unknown[][]) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRow(["项目名称", "金额"]);
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}

test("two inputs with one name into one --out folder get two reports", async () => {
  await book(path.join(dir, "甲", "台账.xlsx"), [["WARN a", 1]]);
  await book(path.join(dir, "乙", "台账.xlsx"), [["ok", 1]]);
  const out = path.join(dir, "reports");
  const t = captureIo();
  const code = await reviewCommand(
    [path.join(dir, "甲"), path.join(dir, "乙"), "--out", out],
    fakeEngine(),
    t.io
  );
  expect(code).toBe(0); // warnings only
  expect(fs.readdirSync(out).sort()).toEqual(["台账 (2).review.xlsx", "台账.review.xlsx"]);
  expect(t.out()).toMatch(/fund-compliance 9\.9\.9 — 审查日期 as of 2026-11-23/);
  expect(t.out()).toMatch(/台账!A2\s+DATA\s+warning\s+=WARN a 中文/);
  expect(t.out()).toMatch(
    /合计 Total: 已审查 2 个文件 files reviewed，1 个问题 findings（错误 error 0）/
  );
});

test("an error finding → 1; a missing input besides good ones → 3, the rest still reviewed", async () => {
  const bad = path.join(dir, "bad.xlsx");
  await book(bad, [["BAD x", 1]]);
  let t = captureIo();
  expect(await reviewCommand([bad, "--no-report", "--json", "-"], fakeEngine(), t.io)).toBe(1);
  expect(JSON.parse(t.out()).files[0].findings[0].severity).toBe("error");
  expect(t.err()).toMatch(/bad\.xlsx/); // the summary went to stderr

  t = captureIo();
  const missing = path.join(dir, "missing.xlsx");
  expect(
    await reviewCommand([bad, missing, "--no-report", "--json", "-"], fakeEngine(), t.io)
  ).toBe(3);
  expect(t.err()).toMatch(
    /未审查 Not reviewed \(1\):\n {2}.*missing\.xlsx\n {4}找不到此文件或文件夹 \/ no such file or folder/
  );
  expect(t.err()).toMatch(/bad\.xlsx[^]*=BAD x 中文/); // the other file's findings are still there
  const json = JSON.parse(t.out());
  expect(json.files).toHaveLength(1);
  expect(json.notReviewed).toEqual([
    { path: missing, reason: "找不到此文件或文件夹 (no such file or folder)" },
  ]);
});

test("--out naming a file is refused", async () => {
  const f = path.join(dir, "a-file");
  fs.writeFileSync(f, "x");
  await book(path.join(dir, "c.xlsx"), []);
  const t = captureIo();
  expect(await reviewCommand([path.join(dir, "c.xlsx"), "--out", f], fakeEngine(), t.io)).toBe(2);
  expect(t.err()).toMatch(/--out/);
});

const sha = (f: string) => fs.readFileSync(f).toString("base64");

test("a folder run lists what it did not review: console, JSON, report; exit 3", async () => {
  const folder = path.join(dir, "收到");
  await book(path.join(folder, "a.xlsx"), [["BAD x", 1]]);
  fs.writeFileSync(path.join(folder, "说明.docx"), "x");
  fs.writeFileSync(path.join(folder, "~$a.xlsx"), "x");
  const json = path.join(dir, "folder.json");
  const t = captureIo();
  expect(await reviewCommand([folder, "--json", json], fakeEngine(), t.io)).toBe(3);
  expect(t.out()).toMatch(/未审查 Not reviewed \(2\):/);
  expect(t.out()).toMatch(
    /说明\.docx\n {4}不审查此格式（\.docx）.* \/ a format not reviewed \(\.docx\)/
  );
  expect(t.out()).toMatch(/~\$a\.xlsx\n {4}Excel\/WPS 的临时锁定文件/);
  expect(t.out()).toMatch(/合计 Total: 已审查 1 个文件 files reviewed，未审查 2 个 not reviewed/);
  expect(t.err()).toMatch(/some files were not reviewed/);
  const report = JSON.parse(fs.readFileSync(json, "utf8"));
  expect(report.notReviewed.map((n: { path: string }) => path.basename(n.path))).toEqual([
    "~$a.xlsx",
    "说明.docx",
  ]);
  expect(report.files[0].findings).toHaveLength(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(folder, "a.review.xlsx"));
  const rows: unknown[][] = [];
  wb.getWorksheet("摘要 Summary")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  expect(rows).toContainEqual(["本次运行中未审查的文件 Files of this run not reviewed"]);
  expect(rows).toContainEqual([
    path.join(folder, "说明.docx"),
    expect.stringMatching(/^不审查此格式（\.docx）.* \/ a format not reviewed/),
  ]);
});

test("an existing report is kept: a free name, said; --overwrite replaces it", async () => {
  const a = path.join(dir, "keep", "a.xlsx");
  await book(a, [["WARN w", 1]]);
  const old = path.join(dir, "keep", "a.review.xlsx");
  fs.writeFileSync(old, "an earlier report");
  let t = captureIo();
  expect(await reviewCommand([a], fakeEngine(), t.io)).toBe(0);
  expect(fs.readFileSync(old, "utf8")).toBe("an earlier report");
  expect(fs.existsSync(path.join(dir, "keep", "a (2).review.xlsx"))).toBe(true);
  expect(t.out()).toMatch(
    /报告 report: .*a \(2\)\.review\.xlsx\n {4}报告未写到 .*a\.review\.xlsx（已存在（加 --overwrite 以替换））/
  );
  t = captureIo();
  expect(await reviewCommand([a, "--overwrite"], fakeEngine(), t.io)).toBe(0);
  expect(fs.readFileSync(old).subarray(0, 2).toString()).toBe("PK");
  expect(fs.readdirSync(path.join(dir, "keep")).sort()).toEqual([
    "a (2).review.xlsx",
    "a.review.xlsx",
    "a.xlsx",
  ]); // no temporary file left behind
});

test("`review a.xlsx a.review.xlsx` never writes onto the second input", async () => {
  const a = path.join(dir, "pair", "a.xlsx");
  await book(a, [["WARN w", 1]]);
  const second = path.join(dir, "pair", "a.review.xlsx");
  await book(second, [["ok", 1]]);
  const before = sha(second);
  const t = captureIo();
  expect(await reviewCommand([a, second, "--overwrite"], fakeEngine(), t.io)).toBe(0);
  expect(sha(second)).toBe(before);
  expect(t.out()).toMatch(/a \(2\)\.review\.xlsx\n {4}报告未写到 .*（是本次审查的输入文件）/);
});

test.each([
  ["the input itself", (a: string) => a],
  [
    "the input through a symbolic link",
    (a: string) => {
      const l = path.join(dir, "victim-link.json");
      fs.rmSync(l, { force: true });
      fs.symlinkSync(a, l);
      return l;
    },
  ],
  ["the terms file", () => path.join(dir, "terms.json")],
])("--json onto %s is refused before anything is reviewed (exit 2)", async (_, target) => {
  const a = path.join(dir, "victim.xlsx");
  await book(a, [["BAD x", 1]]);
  const terms = path.join(dir, "terms.json");
  fs.writeFileSync(terms, "[]");
  const t = captureIo();
  const before = [sha(a), sha(terms)];
  expect(
    await reviewCommand(
      [a, "--json", target(a), "--terms", terms, "--overwrite"],
      fakeEngine(),
      t.io
    )
  ).toBe(2);
  expect([sha(a), sha(terms)]).toEqual(before);
  expect(t.err()).toMatch(/is one of the inputs and is never written/);
  expect(fs.existsSync(path.join(dir, "victim.review.xlsx"))).toBe(false);
});

test("an existing --json file is replaced only with --overwrite", async () => {
  const a = path.join(dir, "j.xlsx");
  await book(a, []);
  const json = path.join(dir, "j.json");
  fs.writeFileSync(json, "old");
  let t = captureIo();
  expect(await reviewCommand([a, "--json", json, "--no-report"], fakeEngine(), t.io)).toBe(2);
  expect(fs.readFileSync(json, "utf8")).toBe("old");
  expect(t.err()).toMatch(/exists and is not replaced \(--overwrite replaces it\)/);
  t = captureIo();
  expect(
    await reviewCommand([a, "--json", json, "--no-report", "--overwrite"], fakeEngine(), t.io)
  ).toBe(0);
  expect(JSON.parse(fs.readFileSync(json, "utf8")).files).toHaveLength(1);
});

test("a report that cannot be written keeps the file's findings and says why (exit 3)", async () => {
  // a name the file system takes, whose report's temporary name is too long for it
  const a = path.join(dir, "n".repeat(236) + ".xlsx");
  await book(a, [["BAD long", 1]]);
  const t = captureIo();
  expect(await reviewCommand([a, "--json", "-"], fakeEngine(), t.io)).toBe(3);
  const json = JSON.parse(t.out());
  expect(json.files[0].findings.map((f: { message: string }) => f.message)).toEqual([
    "=BAD long 中文",
  ]);
  expect(json.files[0].reportError).toBe(
    "报告无法写出：文件名太长（ENAMETOOLONG） (the report could not be written: the file name is too long (ENAMETOOLONG))"
  );
  expect(t.err()).toMatch(/=BAD long 中文/);
  expect(t.err()).toMatch(
    /✗ 报告无法写出：文件名太长（ENAMETOOLONG）\n {4}the report could not be written/
  );
  expect(t.err()).not.toMatch(/无法读取|cannot read/);
  expect(fs.readdirSync(dir).filter((f) => f.startsWith("nnnn") && f !== path.basename(a))).toEqual(
    []
  );
});

test("control characters in file names are escaped when printed", async () => {
  const odd = path.join(dir, "odd", "县\x1b[2J台账\n\u202e.xlsx");
  await book(odd, [["BAD x", 1]]);
  const t = captureIo();
  expect(await reviewCommand([path.dirname(odd), "--json", "-"], fakeEngine(), t.io)).toBe(1);
  expect(t.err()).toContain("县\\x1b[2J台账\\n\\u202e.xlsx");
  for (const control of ["\x1b", "\u202e"]) {
    expect(t.err()).not.toContain(control);
    expect(t.out()).not.toContain(control);
  }
  expect(JSON.parse(t.out()).files[0].path).toBe(odd); // the JSON keeps the exact name
});

test("a batch lists every file it did not review in a workbook beside the reports, failures during review too", async () => {
  const folder = path.join(dir, "批次");
  await book(path.join(folder, "a.xlsx"), [["BAD x", 1]]);
  fs.writeFileSync(path.join(folder, "说明.docx"), "x"); // skipped when the folder is listed
  fs.writeFileSync(path.join(folder, "damaged.xlsx"), Buffer.from("PK\u0003\u0004 not a zip")); // fails while read
  const out = path.join(dir, "批次报告");
  const t = captureIo();
  expect(await reviewCommand([folder, "--out", out], fakeEngine(), t.io)).toBe(3);
  const list = path.join(out, "未审查文件 not-reviewed.review.xlsx");
  expect(t.out()).toContain(`files not reviewed are listed in: ${list}`);
  expect(fs.readdirSync(out).sort()).toEqual([
    "a.review.xlsx",
    "未审查文件 not-reviewed.review.xlsx",
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(list);
  const ws = wb.getWorksheet("未审查文件 Not reviewed")!;
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  expect(rows[0]).toEqual([
    "文件 File",
    "原因 Reason",
    "原因（英文） Reason (English)",
    "处理后重新审查 Review it again with",
  ]);
  const byFile = new Map(rows.slice(1).map((r) => [path.basename(String(r[0])), r]));
  expect([...byFile.keys()].sort()).toEqual(["damaged.xlsx", "说明.docx"]);
  const damaged = byFile.get("damaged.xlsx")!;
  expect(damaged[1]).toMatch(/^文件已损坏/);
  expect(damaged[2]).toMatch(/open it in Excel or WPS, save it again/);
  expect(damaged[3]).toBe(`fund-compliance review "${path.join(folder, "damaged.xlsx")}"`);
  expect(byFile.get("说明.docx")![2]).toMatch(/a format not reviewed/);
  // the next run over the folder takes this workbook for our own output, not an input
  const again = captureIo();
  await reviewCommand([out, "--no-report"], fakeEngine(), again.io);
  expect(again.out()).toMatch(/未审查文件 not-reviewed\.review\.xlsx\n\s+.*(本程序|report)/);
});

test("a single file that cannot be read writes no list beside it (the console and JSON say it)", async () => {
  const one = path.join(dir, "单个");
  fs.mkdirSync(one, { recursive: true });
  fs.writeFileSync(path.join(one, "bad.xlsx"), Buffer.from("PK\u0003\u0004 not a zip"));
  const t = captureIo();
  expect(await reviewCommand([path.join(one, "bad.xlsx")], fakeEngine(), t.io)).toBe(3);
  expect(fs.readdirSync(one)).toEqual(["bad.xlsx"]);
});
