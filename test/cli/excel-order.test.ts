/**
 * Issue 11's first symptom: with the worksheets before sharedStrings.xml in the zip (the order
 * Excel writes), exceljs's streaming reader sometimes had no shared strings yet and every text
 * cell came back blank — "no header", 0 findings. The example repacked in that order must give
 * the same values and its 16 findings every time.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { CellValue, readWorkbook } from "../../src/cli/read";
import { coreEngine } from "../../src/cli/core-engine";
import { reviewFile } from "../../src/cli/review-file";
import { spyOnWrites } from "./spy-writes";

const ROOT = path.join(__dirname, "..", "..");
const EXCEL_ORDER = path.join(
  ROOT,
  "test",
  "fixtures",
  "readers",
  "county-ledger.excel-order.xlsx"
);
const RUNS = 200;

async function values(file: string): Promise<string> {
  const out: [string, number, CellValue[]][] = [];
  await readWorkbook(file, (s) => ({ row: (r, v) => out.push([s.name, r, v]), end() {} }));
  return JSON.stringify(out);
}

test("the fixture really has Excel's order: every worksheet before sharedStrings.xml", async () => {
  const names = Object.keys((await JSZip.loadAsync(fs.readFileSync(EXCEL_ORDER))).files);
  const shared = names.indexOf("xl/sharedStrings.xml");
  const sheets = names.filter((n) => n.startsWith("xl/worksheets/")).map((n) => names.indexOf(n));
  expect(sheets.length).toBe(4);
  expect(Math.max(...sheets)).toBeLessThan(shared);
});

test(`${RUNS} consecutive reads give the same values, and no temporary files`, async () => {
  const writes = spyOnWrites();
  const first = await values(EXCEL_ORDER);
  expect(first).toContain("岩口村道路硬化");
  for (let i = 1; i < RUNS; i++) expect(await values(EXCEL_ORDER)).toBe(first);
  expect(first).toBe(await values(path.join(ROOT, "examples", "county-ledger.xlsx")));
  expect(writes()).toEqual([]); // nothing spooled to a temporary file (exceljs's did)
});

test(`${RUNS} consecutive reviews through the command line's review path give its 16 findings`, async () => {
  const job = {
    path: EXCEL_ORDER,
    params: { asOf: 46349 },
    asOfText: "2026-11-23",
    lang: "zh" as const,
  };
  const first = (await reviewFile(job, coreEngine)).findings.map(
    (f) => `${f.kind} ${f.sheet}!${f.cell}`
  );
  expect(first).toHaveLength(16);
  for (let i = 1; i < RUNS; i++) {
    const o = await reviewFile(job, coreEngine);
    expect(o.error).toBeUndefined();
    expect(o.findings.map((f) => `${f.kind} ${f.sheet}!${f.cell}`)).toEqual(first);
  }
});
