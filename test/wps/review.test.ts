/**
 * The WPS Review adapter: the shared contract (the same expectations as the Excel adapter's),
 * then what is particular to WPS — bounded Value2 calls, remembered state in custom document
 * properties of at most 255 characters each, and the object model's rules the fake enforces.
 */
import { finding, ledger, reviewContract } from "../contract/review.contract";
import { WpsReviewWorkbook } from "../../src/wps/review";
import { CELLS_PER_CALL } from "../../src/wps/cells";
import { HIGHLIGHTS_SETTING } from "../../src/excel/review";
import { fakeApp, sheetOf, wpsReviewFixture } from "./fixtures";
import { TRAIL_SETTING } from "../../src/workbook/review/highlights";
import { MARK_HEADER } from "../../src/workbook/review/findings-table";
import { recordRun, setMark, type ReviewTrail } from "../../src/core/review/trail";
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

describe("WPS review trail (custom document properties)", () => {
  const trailOf = (note: string): ReviewTrail =>
    setMark(recordRun(null, ["K1", "K2"], "2026-05-08 14:30"), "K1", {
      status: "verified",
      note,
      by: "张三",
      at: "2026-05-08 14:31",
      where: "台账!H4",
    });

  test("a workbook without a trail has none; a saved trail is read back by a later session", async () => {
    const { book, et } = fakeApp();
    book.addSheet("台账", ledger(5));
    expect(await new WpsReviewWorkbook(et).loadTrail()).toBeNull();
    const t = trailOf("已与拨付凭证核对");
    await new WpsReviewWorkbook(et).saveTrail(t);
    // a new adapter over the same workbook: what a reopened file gives
    expect(await new WpsReviewWorkbook(et).loadTrail()).toEqual(t);
    // nothing written into a cell: the only sheet is still the ledger, unchanged
    expect(book.sheets.map((s) => s.name)).toEqual(["台账"]);
  });

  test("a long trail is kept in parts of ≤ 255 characters and saving again replaces it", async () => {
    const { book, et } = fakeApp();
    book.addSheet("台账", ledger(5));
    const port = new WpsReviewWorkbook(et);
    const long = trailOf("核".repeat(2000));
    await port.saveTrail(long);
    const parts = book.properties.filter((p) => p.name.startsWith(`${TRAIL_SETTING}#`));
    expect(parts.length).toBeGreaterThan(8);
    for (const p of parts) expect(String(p.value).length).toBeLessThanOrEqual(255);
    const short = trailOf("短");
    await port.saveTrail(short);
    expect(await port.loadTrail()).toEqual(short);
    expect(book.properties.filter((p) => p.name.startsWith(`${TRAIL_SETTING}#`)).length).toBe(2);
  });

  test("an unreadable stored trail reads as no trail (never a guess)", async () => {
    const { book, et } = fakeApp();
    book.addSheet("台账", ledger(5));
    book.properties.push(
      { name: `${TRAIL_SETTING}#0`, value: "{not json" },
      { name: `${TRAIL_SETTING}#n`, value: "1" }
    );
    expect(await new WpsReviewWorkbook(et).loadTrail()).toBeNull();
  });

  test("the findings sheet carries each finding's mark in a last column", async () => {
    const { book, et } = fakeApp();
    book.addSheet("台账", ledger(5));
    const port = new WpsReviewWorkbook(et);
    const name = await port.writeFindings([finding("台账", "H4"), finding("台账", "H5")], "zh", {
      asOf: "2026-05-08",
      packs: [],
      marks: ["已核实（张三）：已与拨付凭证核对", null],
    });
    const values = sheetOf(book, name).values;
    expect(values[0][8]).toBe(MARK_HEADER);
    expect(values[1][8]).toBe("已核实（张三）：已与拨付凭证核对");
    expect(values[2][8] ?? "").toBe("");
  });
});
