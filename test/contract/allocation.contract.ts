/**
 * What the Allocation pane relies on from a workbook, whichever host holds it: run against the
 * Excel adapter over its recording Office.js mock (test/excel/allocation.test.ts) and the WPS
 * adapter over the WPS object-model fake (test/wps/allocation.test.ts). Positions are 0-based
 * (row, column) as the layout gives them; each fixture reads its host's record back as cells.
 */
import type { AllocationWorkbook } from "../../src/workbook/allocation/port";
import { buildLayout } from "../../src/workbook/allocation/layout";
import { allocate, AllocationResult } from "../../src/core/allocation";
import { Decimal } from "../../src/core/money";

export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface AllocationFixture {
  port: AllocationWorkbook;
  /** Names of the sheets the adapter added, in order. */
  added(): string[];
  /** What the adapter wrote into a cell of a sheet it added (undefined where nothing). */
  cell(
    sheet: string,
    row: number,
    col: number
  ): { value?: unknown; formula?: string; format?: string };
  table(sheet: string): (Box & { hasHeaders: boolean; name: string; style: unknown }) | null;
  frozenRows(sheet: string): number | null;
  chart(sheet: string): {
    type: "BarClustered";
    seriesBy: "Columns";
    source: Box;
    title: string;
    legend: boolean;
  } | null;
  activated(sheet: string): boolean;
  /** Host-specific accounting of a write (Office: what was loaded; WPS: nothing read). */
  checkCalls(): void;
}

export function counties(n: number): { names: string[]; result: AllocationResult } {
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

export function layoutFor(n: number, opts: { chart: boolean; formulas: boolean }) {
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

export function allocationContract(
  host: string,
  make: (existing: string[], tables?: string[]) => AllocationFixture
): void {
  describe(`Allocation workbook contract: ${host} — writing the result`, () => {
    it("never overwrites a sheet: picks 分配结果 (3) when 分配结果 and 分配结果 (2) exist", async () => {
      const fx = make(["因素表", "分配结果", "分配结果 (2)"], ["FundAllocation"]);
      const w = await fx.port.writeResult(layoutFor(5, { chart: false, formulas: false }));
      expect(w.sheetName).toBe("分配结果 (3)");
      expect(fx.added()).toEqual(["分配结果 (3)"]);
      expect(w.tableName).toBe("FundAllocation2");
      fx.checkCalls();
    });

    it("writes a formatted table of county, amount, share, contributions, deduction", async () => {
      const fx = make(["因素表"]);
      const w = await fx.port.writeResult(layoutFor(5, { chart: false, formulas: false }));
      const sheet = w.sheetName;
      const t = fx.table(sheet)!;
      expect(t).not.toBeNull();
      expect(t.hasHeaders).toBe(true);
      expect(t.name).toBe("FundAllocation");
      expect(t.style).toBe("TableStyleMedium2");
      expect([t.row, t.col, t.rows, t.cols]).toEqual([4, 0, 6, 9]);
      const header = Array.from({ length: 9 }, (_, c) => fx.cell(sheet, 4, c).value);
      expect(header.slice(0, 4)).toEqual([
        "县（单位） County",
        "分配金额 Amount",
        "因素份额 Share",
        "贫困人口 贡献 Contribution",
      ]);
      expect(header).toContain("结转扣减 Deduction");
      let total = 0;
      for (let r = 5; r < 10; r++)
        total += Math.round((fx.cell(sheet, r, 1).value as number) * 100);
      expect(total).toBe(1000000000); // 10,000,000.00 元 in 分, exactly
      expect(fx.cell(sheet, 5, 1).format).toBe("#,##0.00");
      expect(fx.cell(sheet, 5, 2).format).toBe("0.0000%");
      expect(fx.frozenRows(sheet)).toBe(5);
      expect(fx.activated(sheet)).toBe(true);
    });

    it("writes county names as text, so a name beginning with = stays text", async () => {
      const fx = make([]);
      const { result } = counties(2);
      const w = await fx.port.writeResult(
        buildLayout({
          names: ["=HYPERLINK(1)", "隆安县"],
          factorNames: ["a", "b"],
          result,
          chart: false,
        })
      );
      expect(fx.cell(w.sheetName, 5, 0)).toEqual({ value: "=HYPERLINK(1)", format: "@" });
      expect(fx.cell(w.sheetName, 6, 0)).toEqual({ value: "隆安县", format: "@" });
    });

    it("adds a native clustered bar chart of amounts by county", async () => {
      const fx = make([]);
      const w = await fx.port.writeResult(layoutFor(8, { chart: true, formulas: false }));
      expect(w.chart).toBe(true);
      const c = fx.chart(w.sheetName)!;
      expect(c.type).toBe("BarClustered");
      expect(c.seriesBy).toBe("Columns");
      expect([c.source.row, c.source.col, c.source.rows, c.source.cols]).toEqual([4, 0, 9, 2]);
      expect(c.title).toContain("分配金额");
      expect(c.legend).toBe(false);
    });

    it("writes live =FUND.ALLOCATE formulas whose factor cells refer to the source table", async () => {
      const fx = make([]);
      const w = await fx.port.writeResult(layoutFor(3, { chart: false, formulas: true }));
      let main: string | undefined;
      for (let r = 0; r < 12 && !main; r++)
        for (let c = 0; c < 16 && !main; c++) {
          const f = fx.cell(w.sheetName, r, c).formula;
          if (f?.startsWith("=FUND.ALLOCATE")) main = f;
        }
      expect(main).toBe("=FUND.ALLOCATE($B$2,$L$6:$M$8,$L$3:$M$3,$L$4:$M$4,$D$2)");
      // L6:M8 holds the references to the source table's factor cells
      const refs = [5, 6, 7].map((r) => [11, 12].map((c) => fx.cell(w.sheetName, r, c).formula));
      expect(refs).toEqual([
        ["='因素 表'!C2", "='因素 表'!D2"],
        ["='因素 表'!C3", "='因素 表'!D3"],
        ["='因素 表'!C4", "='因素 表'!D4"],
      ]);
    });
  });
}

export interface SelectionFixture {
  port: AllocationWorkbook;
  checkCalls(): void;
}

export const FACTOR_VALUES = [
  ["县", "人口"],
  ["甲", 1],
  ["乙", 2],
];

/**
 * Reading the factor table: Sheet1 holds FACTOR_VALUES at B2:C4; `selected` is the user's
 * selection (the whole block, or the single cell B2).
 */
export function selectionContract(
  host: string,
  make: (selected: "B2:C4" | "B2") => SelectionFixture
): void {
  describe(`Allocation workbook contract: ${host} — reading the selection`, () => {
    it("reads the selected range with its position", async () => {
      const fx = make("B2:C4");
      const s = await fx.port.readSelection();
      expect(s).toEqual({
        sheet: "Sheet1",
        address: "Sheet1!B2:C4",
        top: 1,
        left: 1,
        values: FACTOR_VALUES,
      });
      fx.checkCalls();
    });

    it("reads the used range when a single cell is selected", async () => {
      const fx = make("B2");
      const s = await fx.port.readSelection();
      expect(s.values).toEqual(FACTOR_VALUES);
      expect(s).toMatchObject({ sheet: "Sheet1", address: "Sheet1!B2:C4", top: 1, left: 1 });
      fx.checkCalls();
    });
  });
}
