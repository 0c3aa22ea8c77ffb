import { OfficeMockObject } from "office-addin-mock";
import { OfficeAllocationWorkbook, freeTableName } from "../../src/excel/allocation";
import { buildLayout } from "../../src/taskpane/allocate/layout";
import { allocate, AllocationResult } from "../../src/core/allocation";
import { Decimal } from "../../src/core/money";

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

function counties(n: number): { names: string[]; result: AllocationResult } {
  const factors = Array.from({ length: n }, (_, i) => [10 + (i % 7), 5000 + 37 * i]);
  const r = allocate({
    pool: "10000000",
    factors,
    specs: [
      { name: "贫困人口", weight: 60 },
      { name: "农民人均纯收入", weight: 40, direction: "-" },
    ],
  });
  if (!r.ok) throw new Error(r.error.message.en);
  return { names: factors.map((_, i) => `县${i + 1}`), result: r };
}

function layoutFor(n: number, opts: { chart: boolean; formulas: boolean }) {
  const { names, result } = counties(n);
  return buildLayout({
    names,
    factorNames: ["贫困人口", "农民人均纯收入"],
    result,
    chart: opts.chart,
    formulas: opts.formulas
      ? {
          source: { sheet: "因素 表", rows: names.map((_, i) => i + 1), factorColumns: [2, 3] },
          weights: [new Decimal(60), new Decimal(40)],
          directions: ["+", "-"],
        }
      : undefined,
  });
}

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

  it("never overwrites a sheet: picks 分配结果 (3) when 分配结果 and 分配结果 (2) exist", async () => {
    const { mock, added } = excelMock(["因素表", "分配结果", "分配结果 (2)"], ["FundAllocation"]);
    const w = await new OfficeAllocationWorkbook().writeResult(
      layoutFor(5, { chart: false, formulas: false })
    );
    expect(w.sheetName).toBe("分配结果 (3)");
    expect(added.map((s) => s.name)).toEqual(["分配结果 (3)"]);
    expect(w.tableName).toBe("FundAllocation2");
    expect(mock.context.workbook.worksheets.loaded).toBe("items/name");
    expect(mock.context.workbook.tables.loaded).toBe("items/name");
  });

  it("writes a formatted table of county, amount, share, contributions, deduction", async () => {
    const { added } = excelMock(["因素表"]);
    await new OfficeAllocationWorkbook().writeResult(
      layoutFor(5, { chart: false, formulas: false })
    );
    const sheet = added[0];
    expect(sheet.tables.added).toHaveLength(1);
    const t = sheet.tables.added[0] as {
      range: RangeRecord;
      hasHeaders: boolean;
      name: string;
      style: string;
    };
    expect(t.hasHeaders).toBe(true);
    expect(t.name).toBe("FundAllocation");
    expect(t.style).toBe("TableStyleMedium2");
    expect([t.range.row, t.range.col, t.range.rows, t.range.cols]).toEqual([4, 0, 6, 9]);
    const header = sheet.ranges.find((r) => r.row === 4 && r.col === 0 && r.values)!;
    expect(header.values![0].slice(0, 4)).toEqual([
      "县（单位） County",
      "分配金额 Amount",
      "因素份额 Share",
      "贫困人口 贡献 Contribution",
    ]);
    expect(header.values![0]).toContain("结转扣减 Deduction");
    const numbers = sheet.ranges.find((r) => r.row === 5 && r.col === 1 && r.values)!;
    const total = numbers.values!.reduce((a, row) => a + Math.round((row[0] as number) * 100), 0);
    expect(total).toBe(1000000000); // 10,000,000.00 元 in 分, exactly
    expect(numbers.numberFormat![0][0]).toBe("#,##0.00");
    expect(numbers.numberFormat![0][1]).toBe("0.0000%");
    expect(sheet.freezePanes.frozen).toBe(5);
    expect(sheet.activated).toBe(true);
  });

  it("writes county names as text, so a name beginning with = stays text", async () => {
    const { added } = excelMock([]);
    const { result } = counties(2);
    await new OfficeAllocationWorkbook().writeResult(
      buildLayout({
        names: ["=HYPERLINK(1)", "隆安县"],
        factorNames: ["a", "b"],
        result,
        chart: false,
      })
    );
    const names = added[0].ranges.find((r) => r.row === 5 && r.col === 0 && r.values)!;
    expect(names.numberFormat).toEqual([["@"], ["@"]]);
    expect(names.values).toEqual([["=HYPERLINK(1)"], ["隆安县"]]);
    expect(names.formulas).toBeUndefined();
  });

  it("adds a native clustered bar chart of amounts by county", async () => {
    const { added } = excelMock([]);
    await new OfficeAllocationWorkbook().writeResult(
      layoutFor(8, { chart: true, formulas: false })
    );
    const [c] = added[0].charts.added;
    expect(c.type).toBe("BarClustered");
    expect(c.seriesBy).toBe("Columns");
    expect([c.source.row, c.source.col, c.source.rows, c.source.cols]).toEqual([4, 0, 9, 2]);
    expect((c.chart.title as { text: string }).text).toContain("分配金额");
    expect((c.chart.legend as { visible: boolean }).visible).toBe(false);
  });

  it("writes live =FUND.ALLOCATE formulas whose factor cells refer to the source table", async () => {
    const { added } = excelMock([]);
    await new OfficeAllocationWorkbook().writeResult(
      layoutFor(3, { chart: false, formulas: true })
    );
    const formulas = added[0].ranges.filter((r) => r.formulas);
    const main = formulas.find((r) => String(r.formulas![0][0]).startsWith("=FUND.ALLOCATE"))!;
    expect(main.formulas![0][0]).toBe("=FUND.ALLOCATE($B$2,$L$6:$M$8,$L$3:$M$3,$L$4:$M$4,$D$2)");
    const refs = formulas.find((r) => r !== main)!;
    expect(refs.formulas).toEqual([
      ["='因素 表'!C2", "='因素 表'!D2"],
      ["='因素 表'!C3", "='因素 表'!D3"],
      ["='因素 表'!C4", "='因素 表'!D4"],
    ]);
  });

  it("freeTableName skips names already used", () => {
    expect(freeTableName([])).toBe("FundAllocation");
    expect(freeTableName(["fundallocation", "FundAllocation2"])).toBe("FundAllocation3");
  });
});

describe("OfficeAllocationWorkbook.readSelection", () => {
  function selectionMock(rows: number, cols: number) {
    const values = [
      ["县", "人口"],
      ["甲", 1],
      ["乙", 2],
    ];
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

  it("reads the selected range with its position in one sync", async () => {
    const mock = selectionMock(3, 2);
    const sync = jest.spyOn(mock.context, "sync");
    const s = await new OfficeAllocationWorkbook().readSelection();
    expect(s).toEqual({
      sheet: "Sheet1",
      address: "Sheet1!B2:C4",
      top: 1,
      left: 1,
      values: [
        ["县", "人口"],
        ["甲", 1],
        ["乙", 2],
      ],
    });
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it("reads the used range when a single cell is selected", async () => {
    const mock = selectionMock(1, 1);
    const sync = jest.spyOn(mock.context, "sync");
    const s = await new OfficeAllocationWorkbook().readSelection();
    expect(s.values).toHaveLength(3);
    expect(sync).toHaveBeenCalledTimes(2);
  });
});
