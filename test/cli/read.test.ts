import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  CellValue,
  SheetEnd,
  UnreadableFile,
  checkFileKind,
  readWorkbook,
  serialFromDate,
  toRangeValue,
} from "../../src/cli/read";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-read-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Sheet {
  name: string;
  index: number;
  rows: Map<number, CellValue[]>;
  end?: SheetEnd;
}

async function readAll(file: string): Promise<Sheet[]> {
  const out: Sheet[] = [];
  await readWorkbook(file, (s) => {
    const sheet: Sheet = { name: s.name, index: s.index, rows: new Map() };
    out.push(sheet);
    return {
      row: (r, v) => sheet.rows.set(r, v),
      end: (e) => (sheet.end = e),
    };
  });
  return out;
}

describe("values as Office.js range.values gives them", () => {
  let sheet: Sheet;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    ws.getCell("A1").value = "某县衔接资金台账";
    ws.mergeCells("A1:F1");
    ws.getCell("A2").value = 12.5;
    ws.getCell("B2").value = new Date(Date.UTC(2024, 2, 5)); // 2024-03-05 = serial 45356
    ws.getCell("B2").numFmt = "yyyy-mm-dd";
    ws.getCell("C2").value = true;
    ws.getCell("D2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("E2").value = {
      richText: [{ text: "村道" }, { font: { bold: true }, text: "硬化" }],
    };
    ws.getCell("F2").value = { text: "公示网址", hyperlink: "https://example.org/gs" };
    ws.getCell("A3").value = { formula: "A2*2", result: 25 };
    ws.getCell("B3").value = { formula: '"a"&"b"', result: "ab" };
    ws.getCell("C3").value = { formula: "A2>1", result: true };
    ws.getCell("D3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("E3").value = { formula: "TODAY()" }; // no cached result
    ws.getCell("F3").value = { formula: "DATE(2024,3,5)", result: new Date(Date.UTC(2024, 2, 5)) };
    ws.getCell("A5").value = "=SUM(A1:A2) is text";
    ws.getCell("C5").value = "  spaced  ";
    ws.getCell("A6").value = 0;
    wb.addWorksheet("说明").getCell("B2").value = "填表说明";
    const file = path.join(dir, "values.xlsx");
    await wb.xlsx.writeFile(file);
    const sheets = await readAll(file);
    sheet = sheets.find((s) => s.name === "台账")!;
  });

  test("title row: merged area's other cells are blank, merge reported", () => {
    expect(sheet.rows.get(1)).toEqual(["某县衔接资金台账"]);
    expect(sheet.end!.merges).toEqual(["A1:F1"]);
  });

  test("number, date serial, boolean, error text, rich text, hyperlink text", () => {
    expect(sheet.rows.get(2)).toEqual([12.5, 45356, true, "#N/A", "村道硬化", "公示网址"]);
    expect(sheet.end!.dateColumns.has(1)).toBe(true);
  });

  test("formulas give their cached results, of every type; none → blank", () => {
    expect(sheet.rows.get(3)).toEqual([25, "ab", true, "#DIV/0!", "", 45356]);
  });

  test('blank rows are not reported; blank cells inside a row are ""', () => {
    expect(sheet.rows.has(4)).toBe(false);
    expect(sheet.rows.get(5)).toEqual(["=SUM(A1:A2) is text", "", "  spaced  "]);
    expect(sheet.rows.get(6)).toEqual([0]);
  });

  test("every sheet is read, with its tab position", async () => {
    const sheets = await readAll(path.join(dir, "values.xlsx"));
    expect(sheets.map((s) => [s.name, s.index])).toEqual([
      ["台账", 0],
      ["说明", 1],
    ]);
    expect(sheets[1].rows.get(2)).toEqual(["", "填表说明"]);
  });
});

async function handmade(file: string, sheetXml: string) {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="WPS表" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
  );
  zip.file("xl/worksheets/sheet1.xml", sheetXml);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

describe("hand-written sheet XML (what other producers write)", () => {
  test("inline strings, _xHHHH_ escapes, ISO dates, cells without addresses, phonetic runs", async () => {
    const file = path.join(dir, "handmade.xlsx");
    await handmade(
      file,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D3"/><sheetData>` +
        `<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><r><t>金额</t></r><r><t>（万元）</t></r></is></c></row>` +
        `<row><c t="inlineStr"><is><t>line_x000D_break &amp; more</t></is></c><c t="d"><v>2024-03-05T00:00:00</v></c><c t="b"><v>0</v></c><c><v>1.5E3</v></c></row>` +
        `<row r="3"><c r="C3" t="inlineStr"><is><t>東</t><rPh sb="0" eb="1"><t>ひがし</t></rPh></is></c></row>` +
        `</sheetData></worksheet>`
    );
    const [s] = await readAll(file);
    expect(s.name).toBe("WPS表");
    expect(s.rows.get(1)).toEqual(["项目名称", "金额（万元）"]);
    expect(s.rows.get(2)).toEqual(["line\rbreak & more", 45356, false, 1500]);
    expect(s.rows.get(3)).toEqual(["", "", "東"]);
  });

  test("a namespace prefix on the elements", async () => {
    const file = path.join(dir, "prefixed.xlsx");
    await handmade(
      file,
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
        `<x:row r="2"><x:c r="B2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`
    );
    const [s] = await readAll(file);
    expect(s.rows.get(2)).toEqual(["", 7]);
  });

  test("sheet XML that stops early is reported as damaged, not read as a short sheet", async () => {
    const file = path.join(dir, "cut.xlsx");
    await handmade(file, `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`);
    await expect(readAll(file)).rejects.toThrow(/incomplete/);
  });
});

describe("toRangeValue (exceljs cell values)", () => {
  test("each exceljs value shape", () => {
    expect(toRangeValue(null)).toBe("");
    expect(toRangeValue(undefined)).toBe("");
    expect(toRangeValue(new Date(Date.UTC(1900, 0, 1)))).toBe(2); // exceljs's linear 1900 count
    expect(toRangeValue(new Date(Date.UTC(2026, 10, 23)))).toBe(46349);
    expect(toRangeValue({ richText: [{ text: "a" }, { text: "b" }] })).toBe("ab");
    expect(toRangeValue({ text: "t", hyperlink: "http://x" })).toBe("t");
    expect(toRangeValue({ text: { richText: [{ text: "r" }] }, hyperlink: "http://x" })).toBe("r");
    expect(toRangeValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(toRangeValue({ sharedFormula: "A1", result: 3 })).toBe(3);
    expect(toRangeValue({ error: "#REF!" })).toBe("#REF!");
  });
  test("a Date at UTC midnight is a whole-day serial", () => {
    expect(serialFromDate(new Date(Date.UTC(2024, 2, 5)))).toBe(45356);
  });
});

describe("files that are not readable workbooks", () => {
  const reasonOf = async (file: string) => {
    try {
      await readAll(file);
    } catch (e) {
      expect(e).toBeInstanceOf(UnreadableFile);
      return (e as UnreadableFile).reason;
    }
    throw new Error("expected the read to fail");
  };

  test("empty file", async () => {
    const f = path.join(dir, "empty.xlsx");
    fs.writeFileSync(f, "");
    expect((await reasonOf(f)).en).toMatch(/empty/);
  });
  test("not a zip", async () => {
    const f = path.join(dir, "text.xlsx");
    fs.writeFileSync(f, "项目名称,金额\n村道,12\n");
    expect((await reasonOf(f)).zh).toMatch(/不是可读取的工作簿/);
  });
  test("encrypted (an OLE compound file with EncryptionInfo)", async () => {
    const f = path.join(__dirname, "..", "fixtures", "readers", "encrypted.xlsx");
    const r = await reasonOf(f);
    expect(r.zh).toMatch(/加密/);
    expect(r.en).toMatch(/password/);
  });
  test("truncated zip", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    for (let i = 1; i <= 2000; i++) ws.addRow([i, `项目${i}`, i * 1.5]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const f = path.join(dir, "truncated.xlsx");
    fs.writeFileSync(f, buf.subarray(0, Math.floor(buf.length / 2)));
    expect((await reasonOf(f)).en).toMatch(/damaged|no Excel worksheet/);
  });
  test("a zip without a workbook", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    const f = path.join(dir, "other.xlsx");
    fs.writeFileSync(f, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await reasonOf(f)).en).toMatch(/no Excel worksheet/);
  });
  test("missing file", () => {
    expect(() => checkFileKind(path.join(dir, "nope.xlsx"))).toThrow(UnreadableFile);
  });
});
