/**
 * In-memory implementation of the Allocation pane's workbook, for tests and the browser harness:
 * sheets are grids of values; the selection is a rectangle on one of them; a written result
 * is kept as its layout and as the grid Excel would show.
 */
import type { AllocationWorkbook, RangeSnapshot, WrittenResult } from "./port";
import type { ResultSheetLayout } from "./layout";
import { a1, uniqueSheetName } from "../../core/a1";

/** A factor table as a Guangxi county office might keep it (illustrative figures). */
export const SAMPLE_FACTOR_TABLE: unknown[][] = [
  [
    "县（区）",
    "重点县",
    "贫困人口（人）",
    "贫困发生率（%）",
    "农民人均纯收入（元）",
    "人均财政收入（元）",
    "贫困人口减少进度（%）",
    "资金使用绩效（分）",
    "结转结余（元）",
    "当年资金总额（元）",
  ],
  ["隆安县", "是", 52300, 18.6, 7120, 910, 21.5, 92, 1200000, 31000000],
  ["马山县", "是", 61800, 21.3, 6650, 780, 19.8, 88, 4100000, 35500000],
  ["上林县", "是", 48700, 17.2, 7380, 1020, 23.1, 95, 900000, 28800000],
  ["宾阳县", "", 35200, 8.4, 9860, 1650, 26.4, 90, 1900000, 22600000],
  ["横州市", "", 29800, 6.1, 10420, 2110, 27.9, 86, 2010000, 20100000],
  ["融水苗族自治县", "是", 70500, 23.8, 6210, 690, 18.7, 91, 2800000, 40200000],
  ["三江侗族自治县", "是", 58400, 22.6, 6380, 720, 20.2, 89, 5600000, 36900000],
  ["龙胜各族自治县", "", 21900, 13.5, 8120, 1280, 24.6, 93, 700000, 15400000],
];

export interface MemorySheetWritten {
  sheetName: string;
  layout: ResultSheetLayout;
}

export class MemoryAllocationWorkbook implements AllocationWorkbook {
  readonly sheets = new Map<string, unknown[][]>();
  /** The rectangle "selected": sheet, 0-based top-left, size. */
  selection: { sheet: string; top: number; left: number; rows: number; cols: number };
  readonly written: MemorySheetWritten[] = [];

  constructor(values: unknown[][] = SAMPLE_FACTOR_TABLE, sheet = "因素表") {
    this.sheets.set(
      sheet,
      values.map((r) => [...r])
    );
    this.selection = { sheet, top: 0, left: 0, rows: values.length, cols: values[0]?.length ?? 0 };
  }

  async readSelection(): Promise<RangeSnapshot> {
    const { sheet, top, left, rows, cols } = this.selection;
    const grid = this.sheets.get(sheet) ?? [];
    const values: unknown[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < cols; c++) row.push(grid[top + r]?.[left + c] ?? "");
      values.push(row);
    }
    return {
      sheet,
      address: `${sheet}!${a1(top, left)}:${a1(top + rows - 1, left + cols - 1)}`,
      top,
      left,
      values,
    };
  }

  async writeResult(layout: ResultSheetLayout): Promise<WrittenResult> {
    const sheetName = uniqueSheetName(layout.sheetBaseName, [...this.sheets.keys()]);
    const grid: unknown[][] = [];
    for (const b of layout.blocks)
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          (grid[b.row + i] ??= [])[b.col + j] = v;
        })
      );
    this.sheets.set(sheetName, grid);
    this.written.push({ sheetName, layout });
    return {
      sheetName,
      tableName: `FundAllocation${this.written.length}`,
      chart: layout.chart !== null,
      formulas: layout.formulas,
    };
  }
}
