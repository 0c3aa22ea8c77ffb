/**
 * The command line's reading and writing around the engine (here a stand-in, fake-engine.ts):
 * what reaches the engine, the report workbook, and the input left untouched.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { reviewFile } from "../../src/cli/review-file";
import { readWorkbook } from "../../src/cli/read";
import { FINDINGS_SHEET, SUMMARY_SHEET, writeReport } from "../../src/cli/report";
import { fakeEngine } from "./fake-engine";
import { sheetLinks } from "./report-links";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-rf-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

async function makeInput(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账 (1)");
  ws.addRow(["项目名称", "金额", "收到文件日期", "说明"]);
  ws.addRow(["村道", 12.5, new Date(Date.UTC(2026, 0, 8)), "BAD one"]);
  ws.getCell("C2").numFmt = "yyyy-mm-dd";
  ws.addRow([]);
  ws.addRow(["人饮", 3, "", "WARN two"]);
  ws.mergeCells("E1:F1");
  const other = wb.addWorksheet("O'Brien 表");
  other.addRow(["项目名称", "金额"]);
  other.addRow(["BAD quoted", 1]);
  wb.addWorksheet("说明").addRow(["BAD but not a ledger"]);
  await wb.xlsx.writeFile(file);
}

describe("reviewFile with a stand-in engine", () => {
  const input = path.join(dir, "in.xlsx");
  const report = path.join(dir, "in.review.xlsx");
  const engine = fakeEngine();
  let before: string;
  let outcome: Awaited<ReturnType<typeof reviewFile>>;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    await makeInput(input);
    before = sha(input);
    outcome = await reviewFile(
      { path: input, params: { asOf: 46349 }, report, asOfText: "2026-11-23", lang: "zh" },
      engine
    );
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
  });

  test("the input file's bytes are unchanged", () => {
    expect(sha(input)).toBe(before);
  });

  test("the engine gets range.values rows, with the review date, and merged areas", () => {
    const rows = engine.calls.rows.get("台账 (1)")!;
    expect(rows.get(2)).toEqual(["村道", 12.5, 46030, "BAD one"]);
    expect(rows.get(3)).toEqual(["", "", "", ""]); // a blank row, as range.values has it
    expect(rows.get(4)).toEqual(["人饮", 3, "", "WARN two"]);
    expect(engine.calls.params[0].asOf).toBe(46349);
    expect(engine.calls.whole.find((w) => w.name === "台账 (1)")!.merges).toEqual(["E1:F1"]);
  });

  test("sheets in tab order, recognised or skipped with the reason", () => {
    expect(outcome.sheets.map((s) => [s.name, s.recognised])).toEqual([
      ["台账 (1)", true],
      ["O'Brien 表", true],
      ["说明", false],
    ]);
    expect(outcome.findings.map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      "台账 (1)!D2",
      "台账 (1)!D4",
      "O'Brien 表!A2",
    ]);
  });

  test("report: summary, findings, and a copy of each sheet with findings", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SUMMARY_SHEET,
      FINDINGS_SHEET,
      "台账 (1)",
      "O'Brien 表",
    ]);
    const copy = wb.getWorksheet("台账 (1)")!;
    expect(copy.getCell("A2").value).toBe("村道");
    expect(copy.getCell("B2").value).toBe(12.5);
    // the date column keeps a date format (exceljs reads it back as a Date)
    expect(copy.getCell("C2").value).toEqual(new Date(Date.UTC(2026, 0, 8)));
    expect(copy.getCell("D4").value).toBe("WARN two");
  });

  test("findings table: frozen header, filter, links to the copied cell", () => {
    const ws = wb.getWorksheet(FINDINGS_SHEET)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(1).getCell(6).value).toBe("单元格 Cell");
    expect(ws.getCell("F2").value).toBe("D2");
    expect(ws.getCell("F4").value).toBe("A2");
    expect(ws.getCell("J2").value).toBe("桂政发〔2014〕34号 第（十三）条");
    expect(ws.getCell("J3").value).toBe(""); // DATA: no citation
  });

  test("links are places inside the report (a `location`, no outside relationship)", async () => {
    const links = await sheetLinks(report, FINDINGS_SHEET);
    expect(links.locations.get("F2")).toBe("'台账 (1)'!D2");
    expect(links.locations.get("F4")).toBe("'O''Brien 表'!A2");
    expect(links.external).toEqual([]);
  });

  test("text beginning with = is written as text, never as a formula", () => {
    const ws = wb.getWorksheet(FINDINGS_SHEET)!;
    expect(ws.getCell("H2").value).toBe("=BAD one 中文");
    expect(ws.getCell("H2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("I2").value).toBe("=BAD one English");
    let formulas = 0;
    wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => (formulas += c.formula ? 1 : 0))));
    expect(formulas).toBe(0);
  });

  test("summary: counts by kind and severity, and the parameters", () => {
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(["审查日期 As of", "2026-11-23"]);
    expect(rows).toContainEqual(["下达超期 OVERDUE", 2, 0, 0, 2]);
    expect(rows).toContainEqual(["无法读取 DATA", 0, 1, 0, 1]);
    expect(rows).toContainEqual(["合计 Total", 2, 1, 0, 3]);
    expect(rows.some((r) => r[0] === "说明" && r[1] === "否 no")).toBe(true);
  });
});

test("a sheet larger than the whole-sheet limit is streamed row by row", async () => {
  const input = path.join(dir, "big.xlsx");
  const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: input });
  const ws = w.addWorksheet("大表");
  ws.addRow(["项目名称", "金额"]).commit();
  for (let i = 0; i < 50001; i++) ws.addRow([`项目${i}`, i]).commit();
  ws.addRow(["BAD last", 1]).commit();
  ws.commit();
  await w.commit();
  const engine = fakeEngine();
  const o = await reviewFile(
    { path: input, params: { asOf: 46349 }, asOfText: "2026-11-23", lang: "en" },
    engine
  );
  expect(engine.calls.streamed).toEqual(["大表"]);
  expect(engine.calls.whole).toEqual([]);
  expect(o.rows).toBe(50003);
  expect(o.findings.map((f) => f.cell)).toEqual(["A50003"]);
  expect(o.report).toBeUndefined();
});

test("a report over a very large copy writes strings in their cells, still as text", async () => {
  const file = path.join(dir, "inline.review.xlsx");
  await writeReport(file, {
    source: "x.xlsx",
    asOfText: "2026-11-23",
    params: { asOf: 46349 },
    lang: "zh",
    sheets: [{ name: "台账", recognised: true }],
    findings: [
      {
        kind: "DATA",
        rule: "T",
        severity: "warning",
        sheet: "台账",
        row: 2,
        column: "A",
        cell: "A2",
        message: { zh: "=A1+1 不是公式", en: "=A1+1 is not a formula" },
        evidence: "+1",
        citation: null,
      },
    ],
    copies: new Map([
      [
        "台账",
        {
          rows: [
            { r: 1, v: ["项目名称", "金额"] },
            { r: 2, v: ['=HYPERLINK("x")', 3] },
          ],
          merges: [],
          dateColumns: new Set<number>(),
          widths: new Map<number, number>(),
        },
      ],
    ]),
    sharedStringsMaxRows: 1,
  });
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  expect(Object.keys(zip.files).some((n) => /sharedStrings/.test(n))).toBe(false);
  const xml = await zip.file(/worksheets\/sheet3\.xml$/)[0].async("string");
  expect(xml).not.toMatch(/<f>/);
  expect(xml).toContain('t="inlineStr"><is><t>=HYPERLINK(&quot;x&quot;)</t></is>');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.getWorksheet(FINDINGS_SHEET)!.getCell("H2").value).toBe("=A1+1 不是公式");
  expect(wb.getWorksheet("台账")!.getCell("A2").value).toBe('=HYPERLINK("x")');
  expect(wb.getWorksheet("台账")!.getCell("A2").type).toBe(ExcelJS.ValueType.String);
  expect(wb.getWorksheet(FINDINGS_SHEET)!.getCell("F2").value).toBe("A2");
  expect((await sheetLinks(file, FINDINGS_SHEET)).locations.get("F2")).toBe("'台账'!A2");
});

test("past the cells held for the copies, the report's copies are read again from the file: the same report", async () => {
  const input = path.join(dir, "copy-source.xlsx");
  const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: input, useSharedStrings: true });
  for (const name of ["甲", "乙"]) {
    const ws = w.addWorksheet(name);
    ws.addRow(["项目名称", "金额"]).commit();
    for (let i = 0; i < 300; i++)
      ws.addRow([i % 50 === 7 ? `WARN ${name}${i}` : `项目${i}`, i]).commit();
    ws.commit();
  }
  await w.commit();
  const params = { asOf: 46349 };
  const held = path.join(dir, "held.review.xlsx");
  const again = path.join(dir, "again.review.xlsx");
  const base = { path: input, params, asOfText: "2026-11-23", lang: "zh" as const };
  const a = await reviewFile({ ...base, report: held }, fakeEngine());
  const b = await reviewFile({ ...base, report: again, keepForCopyCells: 100 }, fakeEngine());
  expect(b.findings).toEqual(a.findings);
  expect(a.findings.length).toBeGreaterThan(0);
  const cells = async (file: string) => {
    const out: Record<string, unknown[][]> = {};
    await readWorkbook(file, (s) => {
      const rows: unknown[][] = (out[s.name] = []);
      return { row: (r, v) => rows.push([r, ...v]), end: () => undefined };
    });
    return out;
  };
  const x = await cells(held);
  const y = await cells(again);
  expect(Object.keys(y)).toEqual([SUMMARY_SHEET, FINDINGS_SHEET, "甲", "乙"]);
  expect(y["甲"]).toEqual(x["甲"]);
  expect(y["乙"]).toEqual(x["乙"]);
  expect(y["乙"]).toHaveLength(301);
  expect(y[FINDINGS_SHEET]).toEqual(x[FINDINGS_SHEET]);
});
