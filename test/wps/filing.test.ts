/**
 * The WPS Filing adapter: the shared contract (the Excel adapter's expectations), then what is
 * particular to WPS — data written in bounded blocks, and the object model's rules on the way.
 */
import { filingContract, publicityRow } from "../contract/filing.contract";
import { wpsFilingFixture, fakeApp } from "./fixtures";
import { WpsFilingWorkbook } from "../../src/wps/filing";
import { sheetLayout, SPECS } from "../../src/core/filing";

filingContract("WPS 表格 (ET object model fake)", (sheets) =>
  wpsFilingFixture(sheets, (book) => {
    // Checking reads blocks (header area, then contents), never a cell at a time.
    expect(book.count("Range.Value2")).toBeLessThanOrEqual(3 * 2 + 2);
    expect(book.count("Range.Value2=")).toBe(0);
  })
);

describe("WpsFilingWorkbook particulars", () => {
  test("6,000 rows are written in a few blocks; column formats are set per run of columns", async () => {
    const { book, et } = fakeApp();
    const rows = Array.from({ length: 6000 }, (_, i) => publicityRow(i));
    await new WpsFilingWorkbook(et).createSheet({
      kind: "publicity",
      county: "",
      year: null,
      rows,
    });
    const s = book.sheet("项目公告公示表")!;
    expect(s.values).toHaveLength(3 + 6000);
    expect(s.cell("E6003")).toEqual({ value: "'=硬化道路", formula: null, numberFormat: "@" });
    expect(s.formulas.size).toBe(0);
    // title, subtitle, header and the data: the data in ⌈84,000 / 200,000⌉ = 1 block.
    expect(book.count("Range.Value2=")).toBe(4);
    expect(book.count("Range.NumberFormat=")).toBeLessThanOrEqual(14);
    // One validation per column that has one; the frozen header went through the window.
    expect(book.count("ActiveWindow.FreezePanes=")).toBe(2);
  });

  test("one drop-down per column that has a rule; the fake refuses a second rule on a range", async () => {
    const { book, et } = fakeApp();
    await new WpsFilingWorkbook(et).createSheet({ kind: "publicity", county: "", year: null });
    const s = book.sheet("项目公告公示表")!;
    const withRules = sheetLayout(SPECS.publicity, {
      county: "",
      year: null,
      rows: 0,
      existingSheets: [],
      existingTables: [],
    })
      .columns.filter((c) => c.validation)
      .map((c) => `${c.letter}4`);
    expect(s.validations.map((v) => v.area).sort()).toEqual(withRules.sort());
    const dv = s.Range("M4").Validation as { Add(t: number): void };
    expect(() => dv.Add(3)).toThrow(/already has validation/);
  });
});
