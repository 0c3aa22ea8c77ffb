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
  expect(t.out()).toMatch(/合计 Total: 2 个文件 files，1 个问题 findings（错误 error 0）/);
});

test("an error finding → 1; a missing input besides good ones → 2, the rest still reviewed", async () => {
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
  ).toBe(2);
  expect(t.err()).toMatch(/missing\.xlsx: 找不到此文件或文件夹 \(no such file or folder\)/);
  expect(JSON.parse(t.out()).files).toHaveLength(1);
});

test("--out naming a file is refused", async () => {
  const f = path.join(dir, "a-file");
  fs.writeFileSync(f, "x");
  await book(path.join(dir, "c.xlsx"), []);
  const t = captureIo();
  expect(await reviewCommand([path.join(dir, "c.xlsx"), "--out", f], fakeEngine(), t.io)).toBe(2);
  expect(t.err()).toMatch(/--out/);
});
