import { OfficeMockObject } from "office-addin-mock";
import { OfficeAllocationWorkbook } from "../../src/excel/allocation";
import { uniqueTableName } from "../../src/core/a1";
import {
  allocationContract,
  layoutFor,
  selectionContract,
  FACTOR_VALUES,
  type AllocationFixture,
  type Box,
} from "../contract/allocation.contract";

/** What the writer did to one range. */
interface RangeRecord {
  row: number;
  col: number;
  rows: number;
  cols: number;
  values?: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  format: { font: Record<string, unknown>; columnWidth?: number };
}

/** A recording worksheet: Office.js's shape for the calls the writer makes. */
function recordingSheet(name: string) {
  const ranges: RangeRecord[] = [];
  const tables: Record<string, unknown>[] = [];
  const charts: {
    type: string;
    source: RangeRecord;
    seriesBy: string;
    chart: Record<string, unknown>;
  }[] = [];
  const sheet = {
    name,
    ranges,
    tables: {
      added: tables,
      add(range: RangeRecord, hasHeaders: boolean) {
        const t: Record<string, unknown> = { range, hasHeaders };
        tables.push(t);
        return t;
      },
    },
    charts: {
      added: charts,
      add(type: string, source: RangeRecord, seriesBy: string) {
        const chart: Record<string, unknown> = {
          title: {},
          legend: {},
          setPosition(cell: string) {
            chart.position = cell;
          },
        };
        charts.push({ type, source, seriesBy, chart });
        return chart;
      },
    },
    freezePanes: {
      frozen: 0,
      freezeRows(n: number) {
        this.frozen = n;
      },
    },
    activated: false,
    activate() {
      sheet.activated = true;
    },
    getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
      const r: RangeRecord = { row, col, rows, cols, format: { font: {} } };
      ranges.push(r);
      return r;
    },
  };
  return sheet;
}

function excelMock(existing: string[], tableNames: string[] = []) {
  const added: ReturnType<typeof recordingSheet>[] = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          loaded: "",
          load(what: string) {
            this.loaded = what;
          },
          add(name: string) {
            const s = recordingSheet(name);
            added.push(s);
            return s;
          },
        },
        tables: {
          loaded: "",
          load(what: string) {
            this.loaded = what;
          },
        },
      },
    },
    run: async function (cb: (c: unknown) => Promise<unknown>) {
      return cb(this.context);
    },
  }) as unknown as {
    context: {
      sync: () => Promise<void>;
      workbook: {
        worksheets: { items: unknown; loaded: string };
        tables: { items: unknown; loaded: string };
      };
    };
  };
  // Collections' items as plain arrays (the mock cannot model "items/name" loads); the tests
  // check that the writer asked for the names.
  mock.context.workbook.worksheets.items = existing.map((name) => ({ name }));
  mock.context.workbook.tables.items = tableNames.map((name) => ({ name }));
  (global as unknown as { Excel: unknown }).Excel = mock;
  return { mock, added };
}

/** The recording mock read back as cells, in the contract's vocabulary. */
function excelFixture(existing: string[], tables: string[] = []): AllocationFixture {
  const { mock, added } = excelMock(existing, tables);
  const sheet = (name: string) => {
    const s = added.find((x) => x.name === name);
    if (!s) throw new Error(`no added sheet ${name}`);
    return s;
  };
  const box = (r: RangeRecord): Box => ({ row: r.row, col: r.col, rows: r.rows, cols: r.cols });
  return {
    port: new OfficeAllocationWorkbook(),
    added: () => added.map((s) => s.name),
    cell(name, row, col) {
      const out: { value?: unknown; formula?: string; format?: string } = {};
      for (const r of sheet(name).ranges) {
        if (row < r.row || row >= r.row + r.rows || col < r.col || col >= r.col + r.cols) continue;
        const [i, j] = [row - r.row, col - r.col];
        if (r.numberFormat) out.format = String(r.numberFormat[i][j]);
        if (r.values) out.value = r.values[i][j];
        if (r.formulas) out.formula = String(r.formulas[i][j]);
      }
      return out;
    },
    table(name) {
      const t = sheet(name).tables.added[0] as
        { range: RangeRecord; hasHeaders: boolean; name: string; style: string } | undefined;
      return t ? { ...box(t.range), hasHeaders: t.hasHeaders, name: t.name, style: t.style } : null;
    },
    frozenRows: (name) => sheet(name).freezePanes.frozen,
    chart(name) {
      const c = sheet(name).charts.added[0];
      if (!c) return null;
      return {
        type: c.type as "BarClustered",
        seriesBy: c.seriesBy as "Columns",
        source: box(c.source),
        title: (c.chart.title as { text: string }).text,
        legend: (c.chart.legend as { visible: boolean }).visible,
      };
    },
    activated: (name) => sheet(name).activated,
    checkCalls() {
      // The names taken are loaded in the first of the two syncs.
      expect(mock.context.workbook.worksheets.loaded).toBe("items/name");
      expect(mock.context.workbook.tables.loaded).toBe("items/name");
    },
  };
}

allocationContract("Excel (Office.js over a recording mock)", excelFixture);

describe("OfficeAllocationWorkbook.writeResult", () => {
  it("uses the same number of context.sync() calls for 5 and for 300 counties", async () => {
    const counts: number[] = [];
    for (const n of [5, 300]) {
      const { mock } = excelMock(["因素表"]);
      const sync = jest.spyOn(mock.context, "sync");
      await new OfficeAllocationWorkbook().writeResult(
        layoutFor(n, { chart: true, formulas: true })
      );
      counts.push(sync.mock.calls.length);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBe(2);
  });

  it("the table name skips names already used (case-insensitive)", () => {
    expect(uniqueTableName("FundAllocation", [])).toBe("FundAllocation");
    expect(uniqueTableName("FundAllocation", ["fundallocation", "FundAllocation2"])).toBe(
      "FundAllocation3"
    );
  });
});

function selectionMock(rows: number, cols: number) {
  const values = FACTOR_VALUES;
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        selected: {
          address: "Sheet1!B2:C4",
          values: rows === 1 ? [["县"]] : values,
          rowIndex: 1,
          columnIndex: 1,
          rowCount: rows,
          columnCount: cols,
        },
        getSelectedRange() {
          return this.selected;
        },
        worksheets: {
          active: {
            name: "Sheet1",
            used: { address: "Sheet1!B2:C4", values, rowIndex: 1, columnIndex: 1 },
            getUsedRange() {
              return this.used;
            },
          },
          getActiveWorksheet() {
            return this.active;
          },
        },
      },
    },
    run: async function (cb: (c: unknown) => Promise<unknown>) {
      return cb(this.context);
    },
  }) as unknown as { context: { sync: () => Promise<void> } };
  (global as unknown as { Excel: unknown }).Excel = mock;
  return mock;
}

selectionContract("Excel (Office.js over office-addin-mock)", (selected) => {
  const mock = selectionMock(selected === "B2" ? 1 : 3, selected === "B2" ? 1 : 2);
  const sync = jest.spyOn(mock.context, "sync");
  return {
    port: new OfficeAllocationWorkbook(),
    // One sync for a selected block; a second for the used range around a single cell.
    checkCalls: () => expect(sync).toHaveBeenCalledTimes(selected === "B2" ? 2 : 1),
  };
});
