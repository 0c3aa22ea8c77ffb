/** The shipped examples are exactly what scripts/make-examples.ts writes, byte for byte. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { makeExamples } from "../../scripts/make-examples";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const FILES = [
  "county-ledger.xlsx",
  "publicity-list.xlsx",
  "carryover.xlsx",
  "allocation-factors.xlsx",
];

test("regenerating the examples gives the committed files, byte for byte", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-ex-"));
  try {
    await makeExamples(dir);
    for (const f of FILES) {
      expect(
        fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(EXAMPLES, f)))
      ).toBe(true);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the county ledger looks like an office's: title, unit row, header on row 3", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(EXAMPLES, "county-ledger.xlsx"));
  const ws = wb.getWorksheet("资金拨付台账")!;
  expect(ws.getCell("A1").value).toMatch(/台账$/);
  expect(ws.getCell("A2").value).toMatch(/单位：万元/);
  expect(ws.getCell("F3").value).toBe("金额\n（万元）");
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "资金拨付台账",
    "结转结余情况",
    "项目公示",
    "填表说明",
  ]);
});
