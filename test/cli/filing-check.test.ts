/**
 * The batch review checks the filing sheets it finds as the Filing pane does — here the monthly
 * progress report's leftover balances (76号 二（三）) — once per gap: the publicity sheet stays
 * with the PUBLICITY rules, and the office's own lists are not held to filing completeness.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { reviewCommand } from "../../src/cli/review-command";
import { coreEngine } from "../../src/cli/core-engine";
import { PROGRESS_SPEC } from "../../src/core/filing/office-specs";
import { BLACKLIST_SHEET } from "../../src/core/rules/blacklist";
import { captureIo } from "./capture-io";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-filing-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const EXAMPLE = path.resolve(__dirname, "../../examples/county-ledger.xlsx");
const book = path.join(dir, "progress.xlsx");

async function review(file: string): Promise<{
  code: number;
  findings: { kind: string; rule: string; sheet: string; cell: string }[];
}> {
  const t = captureIo();
  const code = await reviewCommand(
    [file, "--json", "-", "--no-report", "--jobs", "1", "--as-of", "2026-08-01"],
    coreEngine,
    t.io
  );
  return { code, findings: JSON.parse(t.out()).files[0].findings };
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(PROGRESS_SPEC.sheetName);
  ws.addRow(PROGRESS_SPEC.fields.map((f) => f.header));
  const row = (o: Record<string, unknown>) =>
    PROGRESS_SPEC.fields.map((f) => (o[f.key] ?? null) as ExcelJS.CellValue);
  const done = {
    month: "2026-07-31",
    status: "已完工",
    accepted: "2026-07-01",
    amount: 100,
    paid: 90,
    cleared: "已统筹用于乙村",
    responsible: "张三",
  };
  ws.addRow(row({ ...done, project: "甲村产业路", leftover: 10 })); // 100 − 90 = 10: fine
  ws.addRow(row({ ...done, project: "丙村饮水", leftover: 10.0001 })); // one unit off
  const list = wb.addWorksheet(BLACKLIST_SHEET); // an office list, left empty
  list.addRow(["单位或个人名称", "统一社会信用代码", "列入日期"]);
  await wb.xlsx.writeFile(book);
});

test("a completed project's leftover that is not funds − paid is found in the batch run, on its cell", async () => {
  const r = await review(book);
  const col = String.fromCharCode(65 + PROGRESS_SPEC.fields.findIndex((f) => f.key === "leftover"));
  const filing = r.findings.filter((f) => f.kind === "FILING");
  expect(filing.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual([
    `FILING-PROGRESS-leftover-MISMATCH@${PROGRESS_SPEC.sheetName}!${col}3`,
  ]);
  expect(r.findings.some((f) => f.sheet === BLACKLIST_SHEET)).toBe(false);
});

test("the example's publicity sheet is left to the PUBLICITY rules: no FILING finding, still 16", async () => {
  const r = await review(EXAMPLE);
  expect(r.findings.filter((f) => f.kind === "FILING")).toEqual([]);
  expect(r.findings.filter((f) => f.kind === "PUBLICITY").length).toBeGreaterThan(0);
  expect(r.findings).toHaveLength(16);
});
