/**
 * The WPS Review adapter: the shared contract (the same expectations as the Excel adapter's),
 * then what is particular to WPS — bounded Value2 calls, remembered state in custom document
 * properties of at most 255 characters each, and the object model's rules the fake enforces.
 */
import { finding, ledger, reviewContract } from "../contract/review.contract";
import { WpsReviewWorkbook } from "../../src/wps/review";
import { CELLS_PER_CALL } from "../../src/wps/cells";
import { HIGHLIGHTS_SETTING } from "../../src/excel/review";
import { fakeApp, wpsReviewFixture } from "./fixtures";
import { FakeEtApplication } from "./fake-et";
import type { EtApplication } from "../../src/wps/api";

reviewContract("WPS 表格 (ET object model fake)", () =>
  wpsReviewFixture((book, phase) => {
    // No round trips in WPS; what must hold instead: an empty sheet costs one UsedRange and no
    // block read; highlighting and clearing never read or write cell values.
    if (phase === "emptyRead") {
      expect(book.count("Worksheet.UsedRange")).toBe(1);
      expect(book.cellsRead).toBeLessThanOrEqual(1);
    } else {
      expect(book.count("Range.Value2")).toBe(0);
      expect(book.count("Range.Value2=")).toBe(0);
    }
  })
);

describe("WpsReviewWorkbook particulars", () => {
  test("a 50,000-row ledger is read in a few block reads, never a call per row", async () => {
    const { book, et } = fakeApp();
    book.addSheet("台账", ledger(50000));
    const input = await new WpsReviewWorkbook(et).readSheet("台账");
    expect(input.values).toHaveLength(50003);
    expect(input.values[50002][0]).toBe(50000);
    expect(input.values[50002][1]).toBe("东风村产业路硬化项目50000");
    // 50,003 rows × 11 columns in pieces of at most CELLS_PER_CALL cells, plus the used range's own.
    const pieces = Math.ceil((50003 * 11) / (Math.floor(CELLS_PER_CALL / 11) * 11));
    expect(book.count("Range.Value2")).toBeLessThanOrEqual(pieces + 1);
    expect(book.count("Range.Value2")).toBeLessThan(10);
  });

  test("remembered highlights over many cells are split into properties of ≤ 255 characters", async () => {
    const { book, et } = fakeApp();
    book.addSheet("台账", ledger(300));
    const port = new WpsReviewWorkbook(et);
    const fs = Array.from({ length: 300 }, (_, i) => finding("台账", `H${i + 4}`));
    expect((await port.highlight(fs)).cells).toBe(300);
    const parts = book.properties.filter((p) => p.name.startsWith(`${HIGHLIGHTS_SETTING}#`));
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) expect(String(p.value).length).toBeLessThanOrEqual(255);
    expect((await port.clearHighlights()).cells).toBe(300);
    expect(book.properties).toEqual([]);
  });

  test("the fake enforces the object model: 1-based indices, Select on the active sheet only", () => {
    const { book } = fakeApp();
    const s = book.addSheet("A", [["x"]]);
    book.addSheet("B");
    expect(() => s.Cells.Item(0, 1)).toThrow(/1-based/);
    expect(() => (book.Worksheets as { Item(i: number): unknown }).Item(0)).toThrow(/1-based/);
    book.active = book.sheet("B")!;
    expect(() => s.Range("A1").Select()).toThrow(/not active/);
    expect(() => (s.Range("A1:B2").Value2 = [["only one row"]])).toThrow(/shape/);
    expect(s.Range("A1").Value2).toBe("x"); // one cell: a scalar
    expect(s.Range("A1:A2").Value2).toEqual([["x"], [undefined]]); // a block: rows of cells
  });

  test("no workbook open: the pane is told so", async () => {
    const app = new FakeEtApplication(null) as unknown as EtApplication;
    await expect(new WpsReviewWorkbook(app).listSheets()).rejects.toThrow("没有打开的工作簿");
  });
});
