/**
 * The WPS Allocation adapter: the shared contract (the Excel adapter's expectations) over the WPS
 * object-model fake, then what is particular to WPS (no chart support degrades to `chart: false`).
 */
import {
  allocationContract,
  FACTOR_VALUES,
  layoutFor,
  selectionContract,
  type AllocationFixture,
  type Box,
} from "../contract/allocation.contract";
import { WpsAllocationWorkbook } from "../../src/wps/allocation";
import { cellAt, FakeEtSheet } from "./fake-et";
import { fakeApp, sheetOf } from "./fixtures";

function area(address: string): Box {
  const [a, b] = address.split(":").map(cellAt);
  const e = b ?? a;
  return { row: a.row, col: a.col, rows: e.row - a.row + 1, cols: e.col - a.col + 1 };
}

function wpsFixture(
  existing: string[],
  tables: string[] = []
): AllocationFixture & { sheets: () => FakeEtSheet[] } {
  const { book, et } = fakeApp();
  for (const name of existing) book.addSheet(name);
  tables.forEach((name, i) => {
    const s = book.sheets[i] ?? book.addSheet(`表格${i}`);
    s.tables.push({ name, address: "A1:B2", hasHeaders: true, style: "" });
  });
  const before = new Set(book.sheets);
  const sheet = (name: string) => sheetOf(book, name);
  return {
    port: new WpsAllocationWorkbook(et),
    sheets: () => book.sheets,
    added: () => book.sheets.filter((s) => !before.has(s)).map((s) => s.name),
    cell(name, row, col) {
      const s = sheet(name);
      const key = `${row},${col}`;
      const out: { value?: unknown; formula?: string; format?: string } = {};
      if (s.formats.has(key)) out.format = s.formats.get(key);
      const f = s.formulas.get(key);
      if (f !== undefined) out.formula = f;
      else if (s.values[row]?.[col] !== undefined && s.values[row][col] !== "")
        out.value = s.values[row][col];
      return out;
    },
    table(name) {
      const t = sheet(name).tables[0];
      return t
        ? { ...area(t.address), hasHeaders: t.hasHeaders, name: t.name, style: t.style }
        : null;
    },
    frozenRows: (name) => sheet(name).frozen?.rows ?? null,
    chart(name) {
      const c = sheet(name).charts[0];
      if (!c) return null;
      return {
        type: c.type === 57 ? "BarClustered" : (String(c.type) as "BarClustered"),
        seriesBy: "Columns", // SetSourceData(…, xlColumns) is the only call the adapter makes
        source: area(c.source ?? "A1"),
        title: c.title,
        legend: c.legend,
      };
    },
    activated: (name) => book.active?.name === name,
    checkCalls() {
      // Writing the result never reads a cell of the workbook.
      expect(book.count("Range.Value2")).toBe(0);
    },
  };
}

allocationContract("WPS 表格 (ET object model fake)", wpsFixture);

selectionContract("WPS 表格 (ET object model fake)", (selected) => {
  const { book, et } = fakeApp();
  book.addSheet("说明", [["x"]]);
  const s = book.addSheet("Sheet1", [
    [],
    ["", ...FACTOR_VALUES[0]],
    ["", ...FACTOR_VALUES[1]],
    ["", ...FACTOR_VALUES[2]],
  ]);
  book.active = s;
  s.selection = selected;
  return {
    port: new WpsAllocationWorkbook(et),
    // One block read of the cells: the selection's, or the used range's around a single cell.
    checkCalls: () => expect(book.cellsRead).toBeLessThanOrEqual(6 + 1),
  };
});

describe("WpsAllocationWorkbook particulars", () => {
  test("a WPS that cannot add the chart still writes the table, and says chart: false", async () => {
    const fx = wpsFixture([]);
    const port = fx.port as WpsAllocationWorkbook;
    const original = Object.getOwnPropertyDescriptor(FakeEtSheet.prototype, "Shapes")!;
    Object.defineProperty(FakeEtSheet.prototype, "Shapes", {
      configurable: true,
      get: () => ({
        AddChart: () => {
          throw new Error("WPS: AddChart is not supported");
        },
      }),
    });
    try {
      const w = await port.writeResult(layoutFor(4, { chart: true, formulas: false }));
      expect(w.chart).toBe(false);
      expect(fx.table(w.sheetName)).not.toBeNull();
    } finally {
      Object.defineProperty(FakeEtSheet.prototype, "Shapes", original);
    }
  });
});

test("addresses name the sheet as Excel does: quoted only when the name needs it", async () => {
  const { addressSheet } = await import("../../src/wps/allocation");
  expect(addressSheet("因素表")).toBe("因素表");
  expect(addressSheet("Sheet1")).toBe("Sheet1");
  expect(addressSheet("因素 表")).toBe("'因素 表'");
  expect(addressSheet("It's")).toBe("'It''s'");
  expect(addressSheet("2024年")).toBe("'2024年'");
});
