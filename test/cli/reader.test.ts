/**
 * The workbook reader on files other programs wrote (LibreOffice, Excel's part order, GB18030
 * CSV — test/fixtures/readers, made by scripts/make-reader-fixtures.ts) and on files built to
 * break it: every case ends with the file's values or a named UnreadableFile.
 */
import * as fs from "fs";
import * as XLSX from "xlsx";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import {
  CellValue,
  DEFAULT_LIMITS,
  READABLE_EXTENSIONS,
  ReadOptions,
  SheetEnd,
  SheetStart,
  UnreadableFile,
  WorkbookRead,
  readWorkbook,
} from "../../src/cli/read";
import { coreEngine } from "../../src/cli/core-engine";
import { reviewFile } from "../../src/cli/review-file";

const ROOT = path.join(__dirname, "..", "..");
const FIX = path.join(ROOT, "test", "fixtures", "readers");
const EXAMPLE = path.join(ROOT, "examples", "county-ledger.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-reader-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Sheet {
  start: SheetStart;
  rows: [number, CellValue[]][];
  end?: SheetEnd;
}

async function readAll(
  file: string,
  opts: ReadOptions = {}
): Promise<{ info: WorkbookRead; sheets: Sheet[] }> {
  const sheets: Sheet[] = [];
  const info = await readWorkbook(
    file,
    (start) => {
      const s: Sheet = { start, rows: [] };
      sheets.push(s);
      return { row: (r, v) => s.rows.push([r, v]), end: (e) => (s.end = e) };
    },
    opts
  );
  return { info, sheets };
}

async function reasonOf(file: string, opts: ReadOptions = {}): Promise<string> {
  try {
    await readAll(file, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(UnreadableFile);
    const r = (e as UnreadableFile).reason;
    expect(r.zh).toMatch(/[\u4e00-\u9fff]/); // Chinese first, English beside it
    expect(r.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff「」（）…×]+$/);
    return `${r.zh} | ${r.en}`;
  }
  throw new Error(`expected ${path.basename(file)} to be unreadable`);
}

/** A minimal package with one worksheet (and optional other parts), entries in the order given. */
async function pkg(
  file: string,
  sheetXml: string,
  extra: Record<string, string> = {},
  workbookXml = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`
): Promise<void> {
  const zip = new JSZip();
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`
  );
  zip.file("xl/worksheets/sheet1.xml", sheetXml); // the sheet first, as Excel writes
  zip.file("xl/workbook.xml", workbookXml);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "worksheet", "worksheets/sheet1.xml")}${rel("rId2", "worksheet", "worksheets/sheet2.xml")}${"xl/sharedStrings.xml" in extra ? rel("rId9", "sharedStrings", "sharedStrings.xml") : ""}</Relationships>`
  );
  for (const [name, text] of Object.entries(extra)) zip.file(name, text);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

const sheetOf = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

const plain = (sheets: Sheet[]) =>
  sheets.map((s) => ({
    name: s.start.name,
    index: s.start.index,
    rows: s.rows,
    merges: s.end!.merges,
    dates: [...s.end!.dateColumns].sort(),
  }));

describe("files written by other programs give the example's values", () => {
  let example: ReturnType<typeof plain>;
  beforeAll(async () => {
    example = plain((await readAll(EXAMPLE)).sheets);
  });

  test("the example repacked in Excel's part order (sheets before sharedStrings.xml)", async () => {
    const { info, sheets } = await readAll(path.join(FIX, "county-ledger.excel-order.xlsx"));
    expect(info).toEqual({ format: "xlsx", sheets: 4 });
    expect(plain(sheets)).toEqual(example);
    expect(example[0].rows.length).toBeGreaterThan(20);
  });

  test.each([
    ["county-ledger.xls", "xls"],
    ["county-ledger.ods", "ods"],
  ])(
    "%s, saved by LibreOffice: every sheet, value, merge and date column",
    async (name, format) => {
      const { info, sheets } = await readAll(path.join(FIX, name));
      expect(info.format).toBe(format);
      expect(plain(sheets)).toEqual(example);
    }
  );

  test("a WPS .et is read as the OLE/BIFF workbook it is", async () => {
    const et = path.join(dir, "台账.et");
    fs.copyFileSync(path.join(FIX, "county-ledger.xls"), et);
    const { info, sheets } = await readAll(et);
    expect(info.format).toBe("et");
    expect(plain(sheets)).toEqual(example);
  });

  test.each(["county-ledger.csv", "county-ledger.gb18030.csv", "bom"])(
    "CSV (%s): one sheet named after the file; numbers as numbers, the rest as text",
    async (name) => {
      let file = path.join(FIX, name);
      if (name === "bom") {
        file = path.join(dir, "带BOM.csv");
        const utf8 = fs.readFileSync(path.join(FIX, "county-ledger.csv"));
        fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]));
      }
      const { info, sheets } = await readAll(file);
      expect(info).toEqual({ format: "csv", sheets: 1 });
      expect(sheets[0].start.name).toBe(path.basename(file, ".csv"));
      const rows = sheets[0].rows;
      const xlsxRows = example[0].rows;
      expect(rows.map(([r]) => r)).toEqual(xlsxRows.map(([r]) => r));
      expect(rows[2][1][5]).toBe("金额\n（万元）"); // a quoted field with a line break
      expect(rows[3][1]).toEqual([
        1,
        "岩口村道路硬化",
        "硬化村道3.2公里",
        "中央提前下达",
        "中央财政衔接资金",
        120,
        "2026-01-08",
        "2026-03-02",
        "桂财农〔2026〕3号",
        "31005", // quoted in the file: stays text
        "2026-01-20",
        "在建",
        "岩口村",
        "某县交通运输局",
      ]);
    }
  );

  test("a workbook with seven sheets (one a township), saved by LibreOffice, in tab order", async () => {
    const { sheets } = await readAll(path.join(FIX, "townships.xlsx"));
    expect(sheets.map((s) => s.start.name)).toEqual([
      "城关镇",
      "河口镇",
      "石桥乡",
      "柳林乡",
      "双河镇",
      "青山乡",
      "汇总",
    ]);
    expect(sheets.map((s) => s.start.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sheets[6].rows[6]).toEqual([7, [5, "汇总项目5", 75]]);
  });

  test("docs/cli.md states the default caps the reader applies", () => {
    const readme = fs.readFileSync(path.join(ROOT, "docs", "cli.md"), "utf8");
    const gib = (b: number) => `${b / 2 ** 30} GiB`;
    for (const figure of [
      gib(DEFAULT_LIMITS.maxFileBytes),
      gib(DEFAULT_LIMITS.maxUncompressedBytes),
      `${DEFAULT_LIMITS.maxCompressionRatio}× compression`,
      `${DEFAULT_LIMITS.maxCells / 1e6} million cells`,
      `${DEFAULT_LIMITS.maxSharedStringChars / 1e6} million characters of shared text`,
      `${DEFAULT_LIMITS.timeBudgetMs / 60_000} minutes`,
    ]) {
      expect(readme).toContain(figure);
    }
  });

  test("READABLE_EXTENSIONS lists what is read", () => {
    expect([...READABLE_EXTENSIONS].sort()).toEqual([
      ".csv",
      ".et",
      ".ods",
      ".xls",
      ".xlsm",
      ".xlsx",
    ]);
  });
});

describe("reviewed through the command line's review path: the planted findings", () => {
  const asOf = 46349; // 2026-11-23
  const review = (file: string) =>
    reviewFile({ path: file, params: { asOf }, asOfText: "2026-11-23", lang: "zh" }, coreEngine);
  const where = (f: { kind: string; sheet: string; cell: string | null }) =>
    `${f.kind} ${f.sheet}!${f.cell}`;

  test.each(["county-ledger.excel-order.xlsx", "county-ledger.xls", "county-ledger.ods"])(
    "%s gives the example's 16 findings",
    async (name) => {
      const expected = (await review(EXAMPLE)).findings.map(where);
      expect(expected).toHaveLength(16);
      const got = await review(path.join(FIX, name));
      expect(got.error).toBeUndefined();
      expect(got.findings.map(where)).toEqual(expected);
    }
  );

  test("a <dimension> that understates the sheet does not make the review fill a grid that size", async () => {
    const f = path.join(dir, "understated.xlsx");
    await pkg(
      f,
      `<worksheet><dimension ref="A1:C3"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><t>金额</t></is></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>村道</t></is></c><c r="B2"><v>12</v></c></row>` +
        `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`
    );
    const o = await review(f); // a dense grid would be 1,048,576 × 16,384 cells
    expect(o.error).toBeUndefined();
    expect(o.rows).toBe(3);
  });

  test("the CSV of the ledger sheet gives that sheet's findings", async () => {
    const expected = (await review(EXAMPLE)).findings
      .filter((f) => f.sheet === "资金拨付台账")
      .map((f) => `${f.kind} ${f.cell}`);
    const got = await review(path.join(FIX, "county-ledger.gb18030.csv"));
    expect(got.error).toBeUndefined();
    expect(got.findings.map((f) => `${f.kind} ${f.cell}`)).toEqual(expected);
  });
});

describe("CSV details (RFC 4180)", () => {
  const csv = async (text: string | Buffer) => {
    const f = path.join(dir, "t.csv");
    fs.writeFileSync(f, text);
    return (await readAll(f)).sheets[0].rows;
  };
  test("quotes, doubled quotes, commas and line breaks inside quotes; CRLF; blank lines skipped", async () => {
    expect(await csv('项目,"a, b","say ""hi""","x\r\ny"\r\n\r\n1,2.50,-3,0012\r\n')).toEqual([
      [1, ["项目", "a, b", 'say "hi"', "x\r\ny"]],
      [3, [1, 2.5, -3, "0012"]],
    ]);
  });
  test("GB18030 without a BOM is told from UTF-8", async () => {
    const bytes = Buffer.from([0xcf, 0xee, 0xc4, 0xbf, 0x2c, 0x31, 0x0a]); // "项目,1" in GB18030
    expect(await csv(bytes)).toEqual([[1, ["项目", 1]]]);
  });
  test("an unclosed quote is a damaged file, not a short sheet", async () => {
    const f = path.join(dir, "open.csv");
    fs.writeFileSync(f, 'a,b\n"never closed,1\n2,3\n');
    expect(await reasonOf(f)).toMatch(/引号.*quote/);
  });
});

describe("OOXML details", () => {
  test("hidden sheets are read and marked; sheets come in tab order whatever the zip order", async () => {
    const f = path.join(dir, "hidden.xlsx");
    await pkg(
      f,
      sheetOf(`<row r="1"><c r="A1"><v>1</v></c></row>`),
      { "xl/worksheets/sheet2.xml": sheetOf(`<row r="1"><c r="A1"><v>2</v></c></row>`) },
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="乙" sheetId="2" state="hidden" r:id="rId2"/><sheet name="甲" sheetId="1" r:id="rId1"/></sheets></workbook>`
    );
    const { sheets } = await readAll(f);
    expect(
      sheets.map((s) => [s.start.name, s.start.index, s.start.state, s.rows[0][1][0]])
    ).toEqual([
      ["乙", 0, "hidden", 2],
      ["甲", 1, "visible", 1],
    ]);
  });

  test("shared strings after the sheet; a lying <dimension> is only a hint", async () => {
    const f = path.join(dir, "lying.xlsx");
    await pkg(
      f,
      `<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row></sheetData></worksheet>`,
      {
        "xl/sharedStrings.xml": `<sst><si><t>项目</t></si><si><r><t>金</t></r><r><t>额</t></r></si></sst>`,
      }
    );
    const { sheets } = await readAll(f);
    expect(sheets[0].rows).toEqual([[1, ["项目", "", "金额"]]]);
  });
});

describe("hostile and broken files: a named reason, never a crash or a hang", () => {
  const cases: [string, string, Record<string, string>, RegExp][] = [
    [
      "a cell address beyond column XFD",
      `<row r="5"><c r="ZZZZZZ5"><v>1</v></c></row>`,
      {},
      /ZZZZZZ5.*超出.*outside Excel/,
    ],
    [
      "a row beyond 1,048,576",
      `<row r="2000000"><c><v>1</v></c></row>`,
      {},
      /2000000.*outside Excel/,
    ],
    [
      "rows out of order",
      `<row r="3"><c><v>1</v></c></row><row r="2"><c><v>1</v></c></row>`,
      {},
      /第 2 行.*row 2 .*after row 3/,
    ],
    [
      "a merged area outside the sheet",
      `</sheetData><mergeCells><mergeCell ref="A1:AAAA1"/></mergeCells><sheetData>`,
      {},
      /AAAA1/,
    ],
    [
      "text past Excel's 32,767 characters",
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${"长".repeat(32768)}</t></is></c></row>`,
      {},
      /32,767/,
    ],
    [
      "a shared text past Excel's 32,767 characters, where a cell uses it",
      `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>`,
      {
        "xl/sharedStrings.xml": `<sst><si><t>${"长".repeat(32768)}</t></si><si><t>a</t></si></sst>`,
      },
      /B1.*32,767/,
    ],
    [
      "the same, the cell written another way (the reader's general path)",
      `<row r="1"><c r="B1" t="s"><v> 0 </v></c></row>`,
      { "xl/sharedStrings.xml": `<sst><si><t>${"长".repeat(32768)}</t></si></sst>` },
      /B1.*32,767/,
    ],
    [
      "a shared-string index past the table",
      `<row r="1"><c r="A1" t="s"><v>7</v></c></row>`,
      { "xl/sharedStrings.xml": "<sst><si><t>a</t></si></sst>" },
      /shared text 7/,
    ],
  ];
  test.each(cases)("%s", async (_, rows, extra, reason) => {
    const f = path.join(dir, "hostile.xlsx");
    await pkg(f, sheetOf(rows), extra);
    expect(await reasonOf(f)).toMatch(reason);
  });

  test("a long shared text no cell uses does not stop the file", async () => {
    const f = path.join(dir, "unused-long.xlsx");
    await pkg(f, sheetOf(`<row r="1"><c r="A1" t="s"><v>1</v></c></row>`), {
      "xl/sharedStrings.xml": `<sst><si><t>${"长".repeat(32768)}</t></si><si><t>a</t></si></sst>`,
    });
    const { sheets } = await readAll(f);
    expect(sheets[0].rows).toEqual([[1, ["a"]]]);
  });

  test("an entity bomb (billion laughs) is not expanded: invalid XML", async () => {
    const f = path.join(dir, "laughs.xlsx");
    const ents = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`
    ).join("");
    await pkg(
      f,
      `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">${ents}]>` +
        sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>`)
    );
    expect(await reasonOf(f)).toMatch(/not valid XML/);
  });

  test("a sheet whose part is missing from the zip", async () => {
    const f = path.join(dir, "missing-part.xlsx");
    await pkg(
      f,
      sheetOf(""),
      {},
      `<workbook xmlns:r="r"><sheets><sheet name="表" sheetId="1" r:id="rId1"/><sheet name="丢" sheetId="2" r:id="rId2"/></sheets></workbook>`
    );
    expect(await reasonOf(f)).toMatch(/sheet2\.xml is missing/);
  });

  test("a sheet that uses shared strings in a file without sharedStrings.xml: an error, not blanks", async () => {
    expect(await reasonOf(path.join(FIX, "no-shared-strings.xlsx"))).toMatch(/sharedStrings\.xml/);
  });

  test("a password-protected workbook is named, with what to do", async () => {
    expect(await reasonOf(path.join(FIX, "encrypted.xlsx"))).toMatch(
      /密码.*remove the password and save again/
    );
  });

  test("a password-protected .xls (BIFF8 with FILEPASS, saved by LibreOffice) is named, with what to do", async () => {
    const f = path.join(FIX, "encrypted.xls");
    // an OLE compound file whose Workbook stream holds a FILEPASS record (0x002F)
    const cfb = XLSX.CFB.read(fs.readFileSync(f), { type: "buffer" });
    const wbStream = Buffer.from(XLSX.CFB.find(cfb, "Workbook")!.content as Uint8Array);
    const records: number[] = [];
    for (let at = 0; at + 4 <= wbStream.length && records.length < 40;) {
      records.push(wbStream.readUInt16LE(at));
      at += 4 + wbStream.readUInt16LE(at + 2);
    }
    expect(records[0]).toBe(0x0809); // BOF
    expect(records).toContain(0x002f); // FILEPASS
    expect(await reasonOf(f)).toMatch(/密码.*remove the password and save again/);
  });

  test("an OLE file that is neither a workbook nor encrypted is damaged (not called encrypted)", async () => {
    const f = path.join(dir, "ole.xls");
    const b = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
    fs.writeFileSync(f, b);
    const r = await reasonOf(f);
    expect(r).toMatch(/损坏.*damaged/);
    expect(r).not.toMatch(/password/);
  });

  test("a zip bomb: one part expanding far past the compression-ratio cap", async () => {
    const f = path.join(dir, "bomb.xlsx");
    await pkg(f, sheetOf(" ".repeat(20 * 2 ** 20)));
    expect(fs.statSync(f).size).toBeLessThan(200_000);
    expect(await reasonOf(f)).toMatch(/压缩炸弹.*zip bomb/);
  });

  test("caps from ReadOptions: uncompressed size, cells, shared-string characters, time", async () => {
    const f = path.join(dir, "caps.xlsx");
    const rows = Array.from(
      { length: 300 },
      (_, i) => `<row r="${i + 1}"><c t="s"><v>0</v></c><c><v>${i}</v></c></row>`
    ).join("");
    await pkg(f, sheetOf(rows), {
      "xl/sharedStrings.xml": `<sst><si><t>${"文".repeat(50)}</t></si></sst>`,
    });
    expect((await readAll(f)).sheets[0].rows).toHaveLength(300);
    expect(await reasonOf(f, { limits: { maxUncompressedBytes: 5000 } })).toMatch(
      /MiB once uncompressed/
    );
    expect(await reasonOf(f, { limits: { maxCells: 500 } })).toMatch(/more than 500 cells/);
    expect(await reasonOf(f, { limits: { maxSharedStringChars: 20 } })).toMatch(
      /20 characters of shared text/
    );
    expect(await reasonOf(EXAMPLE, { limits: { timeBudgetMs: 0 } })).toMatch(
      /took longer than 0 s/
    );
  });

  test("a file larger than the file-size cap is not read at all", async () => {
    expect(await reasonOf(EXAMPLE, { limits: { maxFileBytes: 1000 } })).toMatch(/larger than/);
  });
});
