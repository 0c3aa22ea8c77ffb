/**
 * The command line on a ledger whose deadlines reach into 2027 (issue 12): without a calendar
 * the rows say what is missing, the summary and JSON count them and the run is not clean; with
 * `--calendar FILE` (CSV in UTF-8 or GB18030, .xlsx, .json) they are judged from the supplied
 * days; `--fund-types FILE` maps an office's own names; `template calendar` writes the table.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { reviewCommand } from "../../src/cli/review-command";
import { templateCommand } from "../../src/cli/template";
import { coreEngine } from "../../src/cli/core-engine";
import type { JsonReport } from "../../src/cli/json";
import { captureIo } from "./capture-io";
import {
  AS_OF_2027_TEXT,
  Expected2027,
  INVENTED_2027,
  LEDGER_2027,
  WITH_CALENDAR,
  WITHOUT_CALENDAR,
} from "../fixtures/ledgers/deadlines2027";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-cal-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const ledger = path.join(dir, "县台账.xlsx");

const csvLine = (r: unknown[]) => r.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(",");
const CSV = INVENTED_2027.map(csvLine).join("\r\n") + "\r\n";

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(LEDGER_2027.name);
  for (const r of LEDGER_2027.values) ws.addRow(r as ExcelJS.CellValue[]);
  await wb.xlsx.writeFile(ledger);
});

async function review(extra: string[]) {
  const t = captureIo();
  const code = await reviewCommand(
    [ledger, "--as-of", AS_OF_2027_TEXT, "--no-report", "--json", "-", "--jobs", "1", ...extra],
    coreEngine,
    t.io
  );
  const json: JsonReport | null = code === 2 ? null : JSON.parse(t.out());
  return { code, json, err: t.err() };
}

function expectCells(json: JsonReport, expected: Expected2027[]) {
  const got = json.files[0].findings.map((f) => `${f.kind} ${f.rule} ${f.cell}`);
  expect(got).toEqual(expected.map((e) => `${e.kind} ${e.rule} ${e.cell}`));
}

describe("without a calendar for 2027", () => {
  it("rows say which year is missing; summary and JSON count them; exit 1, not clean", async () => {
    const r = await review([]);
    expect(r.code).toBe(1);
    expectCells(r.json!, WITHOUT_CALENDAR);
    const f = r.json!.files[0];
    expect(f.notJudged).toBe(4);
    expect(f.notes[0]).toContain("4 行的下达时限未能判断：缺少 2027 年的节假日安排");
    expect(f.notes[0]).toContain("--calendar");
    expect(f.notes[1]).toContain("4 行资金类型不适用 34号（十三）");
    // the terminal summary (written to stderr when JSON goes to stdout)
    expect(r.err).toContain("⚠ 4 行的下达时限未能判断");
    expect(r.err).toContain("4 行时限未判断 rows not judged");
  });

  it("a file with only such rows is not reported clean", async () => {
    const only = path.join(dir, "only2027.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    ws.addRow(["项目名称", "资金类型", "收到资金下达文件日期", "资金下达日期"]);
    ws.addRow(["村道", "中央新增", "2026-12-10", "2027-03-01"]);
    await wb.xlsx.writeFile(only);
    const t = captureIo();
    const code = await reviewCommand(
      [only, "--as-of", AS_OF_2027_TEXT, "--no-report", "--jobs", "1"],
      coreEngine,
      t.io
    );
    expect(code).toBe(1);
    expect(t.out()).toContain("1 行的下达时限未能判断");
  });
});

describe("--calendar FILE", () => {
  const check = async (file: string) => {
    const r = await review(["--calendar", file]);
    expect(r.err).not.toContain("--calendar " + file + ":");
    expectCells(r.json!, WITH_CALENDAR);
    const findings = r.json!.files[0].findings;
    WITH_CALENDAR.forEach((e, i) => {
      if (e.kind === "OVERDUE") {
        const [deadline] = e.evidence!.filter((x) => x.startsWith("期限 "));
        expect(findings[i].message).toContain(deadline);
      }
    });
    expect(r.json!.files[0].notJudged).toBe(0);
    expect(r.code).toBe(1); // the OVERDUE errors
  };

  it("CSV in UTF-8 with a BOM", async () => {
    const f = path.join(dir, "2027.csv");
    fs.writeFileSync(f, "\uFEFF" + CSV, "utf8");
    await check(f);
  });

  it("CSV in GB18030 (as WPS and Chinese Excel save it)", async () => {
    const f = path.join(dir, "2027-gbk.csv");
    // encode with the same table Node decodes with: every character is in GB18030
    const bytes = gb18030(CSV);
    fs.writeFileSync(f, bytes);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    await check(f);
  });

  it(".xlsx with date cells, and .json", async () => {
    const x = path.join(dir, "2027.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("节假日安排");
    for (const r of INVENTED_2027) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(r[0]));
      ws.addRow([m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : r[0], r[1], r[2]]);
    }
    await wb.xlsx.writeFile(x);
    await check(x);
    const j = path.join(dir, "2027.json");
    const rows = INVENTED_2027.slice(2);
    fs.writeFileSync(
      j,
      JSON.stringify({
        holidays: rows.filter((r) => /放假|休息/.test(String(r[1]))).map((r) => r[0]),
        workdays: rows.filter((r) => /班/.test(String(r[1]))).map((r) => r[0]),
      })
    );
    await check(j);
  });

  it("a table with an unreadable row stops the run, naming the row", async () => {
    const f = path.join(dir, "bad.csv");
    fs.writeFileSync(f, "日期,类型\n2027-01-01,放假\n2027-02-30,放假\n2027-03-01,半天\n");
    const r = await review(["--calendar", f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("第 3 行");
    expect(r.err).toContain("第 4 行");
  });
});

describe("--fund-types FILE", () => {
  it("maps the office's own names, without code", async () => {
    const f = path.join(dir, "types.csv");
    fs.writeFileSync(f, "资金类型,适用规则\n中央专项扶贫资金,中央提前下达\n");
    const r = await review(["--fund-types", f]);
    const rules = r.json!.files[0].findings.map((x) => `${x.rule} ${x.cell}`);
    expect(rules).not.toContain("DATA-FUNDTYPE B11");
    expect(rules).toContain("DATA-CALENDAR C11");
  });
});

describe("template calendar", () => {
  it("writes the 节假日安排 sheet with a validated 类型 column, never over a file", async () => {
    const out = path.join(dir, "节假日安排.xlsx");
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    const errw = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await templateCommand(["calendar", "--out", out])).toBe(0);
      expect(await templateCommand(["calendar", "--out", out])).toBe(2);
      expect(await templateCommand(["fund-types", "--out", path.join(dir, "t.xlsx")])).toBe(0);
    } finally {
      write.mockRestore();
      errw.mockRestore();
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("节假日安排")!;
    const texts: string[] = [];
    ws.eachRow((r) => texts.push(String(r.getCell(1).value)));
    expect(texts.join("\n")).toContain("国务院");
    const header = texts.findIndex((t) => t === "日期") + 1;
    expect(ws.getCell(header, 2).value).toBe("类型");
    const v = ws.getCell(header + 1, 2).dataValidation;
    expect(v.type).toBe("list");
    expect(v.formulae[0]).toContain("放假");
    expect(v.formulae[0]).toContain("调休上班");
    // the written template, filled in, is read back by --calendar
    ws.getCell(header + 1, 1).value = new Date(Date.UTC(2027, 0, 1));
    ws.getCell(header + 1, 2).value = "放假";
    const filled = path.join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(filled);
    const r = await review(["--calendar", filled]);
    expect(r.code).not.toBe(2);
    expect(r.json!.files[0].notJudged).toBe(0);
  });
});

/** GB18030 bytes of a string (two-byte characters only), by inverting Node's own decoder. */
function gb18030(s: string): Buffer {
  const dec = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let b1 = 0x81; b1 <= 0xfe; b1++)
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const ch = dec.decode(Uint8Array.from([b1, b2]));
      if (!table.has(ch)) table.set(ch, [b1, b2]);
    }
  const bytes: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no two-byte GB18030 code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}
