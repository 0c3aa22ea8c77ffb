/**
 * The streamed report writer: what it writes reads back as written — through our own reader
 * (yauzl + the sheet scanner), exceljs and JSZip — in both string modes, with text that XML
 * cannot hold as it is, text that looks like a formula, and many rows.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbook, CellValue } from "../../src/cli/read";
import { FINDINGS_SHEET, SUMMARY_SHEET, writeReport, ReportData } from "../../src/cli/report";
import { FINDING_COLUMNS } from "../../src/cli/report-columns";
import { xmlText } from "../../src/cli/report-xml";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-writer-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ODD = [
  "=SUM(A1:A2)", // a formula's look: stays text
  "+1",
  "a\u0001b\u001fc", // control characters XML cannot hold
  "_x0041_ literal", // looks like Excel's own escape
  "tab\tand\nnewline",
  '<b>&amp;"quoted"</b>',
  " leading and trailing ",
  "𠀀 astral 😀",
  "x".repeat(32000), // long (with the row number appended, within Excel's 32,767)
];

function data(rows: number, sharedStringsMaxRows?: number): ReportData {
  const copyRows: { r: number; v: CellValue[] }[] = [{ r: 1, v: ["项目名称", "金额", "日期"] }];
  for (let i = 0; i < rows; i++) {
    copyRows.push({ r: i + 2, v: [ODD[i % ODD.length] + i, i * 1.5, 46000 + (i % 300)] });
  }
  return {
    source: "源 & 文件.xlsx",
    asOfText: "2026-11-23",
    params: { asOf: 46349 },
    lang: "zh",
    sheets: [{ name: "台账", recognised: true, headerRow: 1 }],
    findings: [
      {
        kind: "DATA",
        rule: "T",
        severity: "warning",
        sheet: "台账",
        row: 2,
        column: "A",
        cell: "A2",
        message: { zh: "=A1+1 不是公式\u0002", en: "=A1+1 is not a formula" },
        evidence: ODD[3],
        citation: null,
      },
    ],
    copies: new Map([
      [
        "台账",
        {
          rows: copyRows,
          merges: ["A1:B1", "B1:C1", "ZZZ"], // an overlapping and a malformed merge: left out
          dateColumns: new Set([2]),
          widths: new Map([[0, 30]]),
        },
      ],
    ]),
    sharedStringsMaxRows,
  };
}

async function readBack(file: string): Promise<Map<string, Map<number, CellValue[]>>> {
  const out = new Map<string, Map<number, CellValue[]>>();
  await readWorkbook(file, (s) => {
    const rows = new Map<number, CellValue[]>();
    out.set(s.name, rows);
    return { row: (r, v) => rows.set(r, v), end: () => undefined };
  });
  return out;
}

test("xmlText: entities, control characters, Excel's escape, lone surrogates", () => {
  expect(xmlText('a&b<c>"d"')).toBe("a&amp;b&lt;c&gt;&quot;d&quot;");
  expect(xmlText("a\u0001b")).toBe("a_x0001_b");
  expect(xmlText("_x0041_")).toBe("_x005F_x0041_");
  expect(xmlText("ok\t\n\r")).toBe("ok\t\n\r");
  expect(xmlText("a\ud800b")).toBe("a\ufffdb");
  expect(xmlText("😀")).toBe("😀");
  expect(xmlText("'单引号'")).toBe("'单引号'");
});

describe.each([
  ["shared strings", undefined],
  ["strings in their cells", 0],
])("%s", (_, limit) => {
  const file = path.join(dir, `r-${limit ?? "shared"}.review.xlsx`);
  const d = data(3000, limit);
  beforeAll(() => writeReport(file, d));

  test("our reader gets every copied value back exactly, the findings row too", async () => {
    const back = await readBack(file);
    expect([...back.keys()]).toEqual([SUMMARY_SHEET, FINDINGS_SHEET, "台账"]);
    const copy = back.get("台账")!;
    for (const { r, v } of d.copies.get("台账")!.rows!) expect(copy.get(r)).toEqual(v);
    const findings = back.get(FINDINGS_SHEET)!;
    expect(findings.get(1)).toEqual(FINDING_COLUMNS.map((c) => c.header));
    expect(findings.get(2)![7]).toBe("=A1+1 不是公式\u0002");
    expect(findings.get(2)![10]).toBe("_x0041_ literal");
  });

  test("exceljs reads it: text stays text, dates are dates, merges kept but the overlapping one", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("台账")!;
    expect(ws.getCell("A2").value).toBe("=SUM(A1:A2)0");
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("C2").value).toEqual(new Date(Date.UTC(2025, 11, 9)));
    expect(ws.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FFFFE699" } });
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.model.merges).toEqual(["A1:B1"]);
    let formulas = 0;
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => (formulas += c.formula ? 1 : 0))));
    expect(formulas).toBe(0);
  });

  test("the package: parts and content types agree; shared strings after the sheets", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const names = Object.keys(zip.files);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (const n of names.filter((x) => x.startsWith("xl/") && x.endsWith(".xml")))
      expect(types).toContain(`PartName="/${n}"`);
    expect(names.includes("xl/sharedStrings.xml")).toBe(limit === undefined);
    if (limit === undefined)
      expect(names.indexOf("xl/sharedStrings.xml")).toBeGreaterThan(
        names.indexOf("xl/worksheets/sheet3.xml")
      );
  });
});

test("copies read again from the source: rows are not held, the copy is the same", async () => {
  const d = data(500);
  const rows = d.copies.get("台账")!.rows!;
  const held = path.join(dir, "held.review.xlsx");
  const reread = path.join(dir, "reread.review.xlsx");
  await writeReport(held, d);
  const { rows: _, ...rest } = d.copies.get("台账")!;
  await writeReport(reread, {
    ...d,
    copies: new Map([["台账", { ...rest, width: 3, rowCount: rows.length }]]),
    reread: async (visit) => {
      visit("其他"); // a sheet that is not copied
      const sink = visit("台账")!;
      for (const { r, v } of rows) sink.row(r, v);
    },
  });
  const a = await readBack(held);
  const b = await readBack(reread);
  expect(b.get("台账")).toEqual(a.get("台账"));
  expect(b.get(FINDINGS_SHEET)).toEqual(a.get(FINDINGS_SHEET));
});
