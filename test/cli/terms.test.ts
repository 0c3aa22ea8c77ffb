/**
 * `--terms FILE`: an office's own negative-list terms change what the command line flags,
 * without a code change; a bad entry stops the run and says which.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { reviewCommand } from "../../src/cli/review-command";
import { captureIo } from "./capture-io";
import { coreEngine } from "../../src/cli/core-engine";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-terms-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ledger = path.join(dir, "ledger.xlsx");

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("资金台账");
  ws.addRow(["项目名称", "建设内容", "金额（万元）"]);
  ws.addRow(["那坡村产业路", "硬化村道 2.5 公里", 64.8]);
  ws.addRow(["县城招商引资推介会", "招商引资推介会会务", 12]);
  await wb.xlsx.writeFile(ledger);
});

async function prohibitedCells(
  extra: string[]
): Promise<{ code: number; cells: string[]; err: string }> {
  const t = captureIo();
  const code = await reviewCommand(
    [ledger, "--no-report", "--json", "-", "--jobs", "1", ...extra],
    coreEngine,
    t.io
  );
  if (code === 2) return { code, cells: [], err: t.err() };
  const json = JSON.parse(t.out());
  const cells = json.files[0].findings
    .filter((f: { kind: string }) => f.kind === "PROHIBITED")
    .map((f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`);
  return { code, cells, err: t.err() };
}

test("without the office's list nothing is flagged; with it the promotion event is, citing 76号 一（九）", async () => {
  expect((await prohibitedCells([])).cells).toEqual([]);
  const terms = path.join(dir, "terms.json");
  fs.writeFileSync(terms, JSON.stringify([{ category: "UNRELATED", term: "招商引资" }]));
  const r = await prohibitedCells(["--terms", terms]);
  expect(r.code).toBe(1);
  expect(r.cells.length).toBeGreaterThan(0);
  expect(r.cells.every((c) => c.startsWith("B3 ") || c.startsWith("A3 "))).toBe(true);
  expect(r.cells.some((c) => c.includes("XJ76-1-9"))).toBe(true);
});

test("an exception in the office's list clears a built-in match", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("资金台账");
  ws.addRow(["项目名称", "建设内容", "金额（万元）"]);
  ws.addRow(["县城污水管网", "县城主街道污水管网改造", 80]);
  const f = path.join(dir, "urban.xlsx");
  await wb.xlsx.writeFile(f);
  const run = async (extra: string[]) => {
    const t = captureIo();
    await reviewCommand(
      [f, "--no-report", "--json", "-", "--jobs", "1", ...extra],
      coreEngine,
      t.io
    );
    return JSON.parse(t.out()).files[0].findings.filter(
      (x: { kind: string }) => x.kind === "PROHIBITED"
    ).length;
  };
  expect(await run([])).toBeGreaterThan(0);
  const terms = path.join(dir, "exception.json");
  fs.writeFileSync(
    terms,
    JSON.stringify([{ category: "URBAN", term: "污水管网", kind: "exception" }])
  );
  expect(await run(["--terms", terms])).toBe(0);
});

test("a bad entry stops the run (exit 2) and names the entry", async () => {
  const terms = path.join(dir, "bad.json");
  fs.writeFileSync(
    terms,
    JSON.stringify([
      { category: "UNRELATED", term: "招商引资" },
      { category: "不存在的类别", term: "x" },
    ])
  );
  const r = await prohibitedCells(["--terms", terms]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/第 2 项/);
  const missing = await prohibitedCells(["--terms", path.join(dir, "nope.json")]);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/无法读取/);
});
