/**
 * Issue 13 §5: a column mapping fixed in the Review pane is stored in the workbook where the
 * command line can read it (a very hidden sheet), and the command line honours it on the same
 * file; `--map FILE` does the same for a file never opened in the pane.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { reviewFile } from "../../src/cli/review-file";
import { coreEngine } from "../../src/cli/core-engine";
import { reviewCommand } from "../../src/cli/review-command";
import { OfficeReviewWorkbook } from "../../src/excel/review";
import { SETTINGS_SHEET } from "../../src/core/review";
import { FakeWorkbook } from "../excel/reviewFakeExcel";
import { AS_OF, MAPPED_SHEET, mappedLedger } from "../fixtures/layouts";
import { captureIo } from "../cli/capture-io";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-maps-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const layout = mappedLedger(false);

/** The fake workbook's sheets (hidden ones too, with their state) as an .xlsx file. */
async function saveFake(fake: FakeWorkbook, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of fake.sheets) {
    const ws = wb.addWorksheet(s.name, {
      state:
        s.visibility === "VeryHidden"
          ? "veryHidden"
          : s.visibility === "Hidden"
            ? "hidden"
            : "visible",
    });
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== "" && v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as never;
      })
    );
  }
  await wb.xlsx.writeFile(file);
}

describe("column mappings travel with the workbook", () => {
  test("a mapping saved in the pane is stored in a very hidden sheet, as text", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet(
      MAPPED_SHEET,
      layout.sheets[0].rows.map((r) => [...r])
    );
    fake.install();
    const port = new OfficeReviewWorkbook();
    await port.saveMapping(MAPPED_SHEET, {
      project: 0,
      amount: 1,
      fundType: 2,
      receivedDate: 3,
      passDownDate: 4,
    });
    const store = fake.sheet(SETTINGS_SHEET)!;
    expect(store.visibility).toBe("VeryHidden");
    expect(store.values[1][0]).toBe(MAPPED_SHEET);
    expect(JSON.parse(String(store.values[1][2]))).toEqual({
      project: "A",
      amount: "B",
      fundType: "C",
      receivedDate: "D",
      passDownDate: "E",
    });
    expect(store.cell("C2").numberFormat).toBe("@");
    // not offered in the pane's sheet list
    expect((await port.listSheets()).names).toEqual([MAPPED_SHEET]);
    expect(await port.loadMapping(MAPPED_SHEET)).toEqual({
      project: 0,
      amount: 1,
      fundType: 2,
      receivedDate: 3,
      passDownDate: 4,
    });
  });

  test("the command line honours the pane's mapping on the same file, and finds what the pane finds", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet(
      MAPPED_SHEET,
      layout.sheets[0].rows.map((r) => [...r])
    );
    fake.install();
    const port = new OfficeReviewWorkbook();
    const mapping = { project: 0, amount: 1, fundType: 2, receivedDate: 3, passDownDate: 4 };
    await port.saveMapping(MAPPED_SHEET, mapping);
    const file = path.join(dir, "mapped-in-pane.xlsx");
    await saveFake(fake, file);

    const before = await reviewFile(
      { path: file, params: { asOf: AS_OF }, asOfText: "2025-06-30", lang: "zh" },
      coreEngine
    );
    const ledger = before.sheets.find((s) => s.name === MAPPED_SHEET)!;
    expect(ledger.recognised).toBe(true);
    expect(ledger.mapping).toEqual(mapping);
    expect(before.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([
      "GX34-13-CENTRAL_ADVANCE E2",
    ]);
    expect(before.findings[0].evidence).toContain("超期 34 天");
    const settings = before.sheets.find((s) => s.name === SETTINGS_SHEET)!;
    expect(settings.recognised).toBe(false);
  });

  test("without a mapping the sheet is reported as not read, with what to do", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet(
      MAPPED_SHEET,
      layout.sheets[0].rows.map((r) => [...r])
    );
    const file = path.join(dir, "never-mapped.xlsx");
    await saveFake(fake, file);
    const out = await reviewFile(
      { path: file, params: { asOf: AS_OF }, asOfText: "2025-06-30", lang: "zh" },
      coreEngine
    );
    expect(out.findings).toEqual([]);
    expect(out.sheets[0].recognised).toBe(false);
    expect(out.sheets[0].reason?.zh).toContain("--map");
  });

  test("--map FILE maps a file never opened in the pane; a bad entry stops the run", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet(
      MAPPED_SHEET,
      layout.sheets[0].rows.map((r) => [...r])
    );
    const file = path.join(dir, "map-flag.xlsx");
    await saveFake(fake, file);
    const map = path.join(dir, "map.json");
    fs.writeFileSync(
      map,
      JSON.stringify({
        "*": {
          项目名称: "工程",
          amount: "B",
          资金类型: "拨款类别",
          收到文件日期: "接文日",
          passDownDate: "拨出日",
        },
      })
    );
    const json = path.join(dir, "out.json");
    const io = captureIo();
    const code = await reviewCommand(
      [file, "--as-of", "2025-06-30", "--map", map, "--no-report", "--json", json, "--jobs", "1"],
      coreEngine,
      io.io
    );
    expect(code).toBe(1);
    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    const findings = report.files[0].findings.map(
      (f: { rule: string; cell: string }) => `${f.rule} ${f.cell}`
    );
    expect(findings).toEqual(["GX34-13-CENTRAL_ADVANCE E2"]);

    fs.writeFileSync(map, JSON.stringify({ "*": { 金钱: "B" } }));
    const io2 = captureIo();
    expect(
      await reviewCommand(
        [file, "--as-of", "2025-06-30", "--map", map, "--no-report"],
        coreEngine,
        io2.io
      )
    ).toBe(2);
    expect(io2.err()).toContain("不认识的字段「金钱」");
  });

  test("a --map header that matches no column is reported, not ignored", () => {
    const { reviewWorkbook } = jest.requireActual("../../src/core/review");
    const r = reviewWorkbook(
      [
        {
          name: "台账",
          values: [
            ["项目名称", "金额", "收文"],
            ["村道", 10, 45000],
          ],
        },
      ],
      { asOf: AS_OF, columnHints: { "*": { receivedDate: "收到文件时间X" } } }
    );
    expect(r.findings.map((f: { rule: string }) => f.rule)).toEqual(["DATA-MAP-COLUMN"]);
  });
});
