/**
 * WPS 表格 implementation of the Allocation pane's workbook: reads the selected factor table (or
 * the used range around a single selected cell) and writes the result sheet the Office adapter
 * writes — blocks of text, numbers and formulas, a table, frozen header, a clustered bar chart.
 *
 * The chart goes through Shapes.AddChart + Chart.SetSourceData (lib.et.d.ts). If this WPS
 * cannot add it, the result says `chart: false` and the pane reports no chart (docs/deploy.md).
 */
import type { AllocationWorkbook, RangeSnapshot, WrittenResult } from "../workbook/allocation/port";
import { uniqueSheetName, uniqueTableName } from "../core/a1";
import type { Block, ResultSheetLayout } from "../workbook/allocation/layout";
import type { EtApplication, EtWorksheet } from "./api";
import { XL } from "./api";
import {
  activeWorkbook,
  addSheet,
  addTable,
  block,
  freezeRows,
  readBlock,
  tableNames,
  usedBox,
  worksheets,
  writeBlock,
} from "./cells";

/** A sheet name in an address as Excel writes one: quoted only when it must be ("'因素 表'!A1", "因素表!A1"). */
export function addressSheet(name: string): string {
  return /^\d|[\s'!,;:()+\-&=<>^%$#@~`{}|"[\]]/.test(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** Points per character of column width, to place the chart right of the table. */
const POINTS_PER_WIDTH = 7;

function writeOne(ws: EtWorksheet, b: Block): void {
  const rows = b.values.length;
  const cols = b.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  if (b.kind === "formula") {
    block(ws, b.row + 1, b.col + 1, rows, cols).Formula = b.values;
    return;
  }
  // "@" first for text: a name beginning with "=" stays text, never becomes a formula.
  const formats = Array.from({ length: cols }, (_, c) =>
    b.kind === "text" ? "@" : ((b.formats ?? [])[c] ?? "General")
  );
  writeBlock(ws, b.row + 1, b.col + 1, b.values, formats);
}

export class WpsAllocationWorkbook implements AllocationWorkbook {
  constructor(private readonly app: EtApplication) {}

  async readSelection(): Promise<RangeSnapshot> {
    const wb = activeWorkbook(this.app);
    const sel = this.app.Selection;
    const ws = wb.ActiveSheet;
    const sheet = ws.Name;
    const rows = sel ? sel.Rows.Count : 1;
    const cols = sel ? sel.Columns.Count : 1;
    if (sel && (rows > 1 || cols > 1)) {
      return {
        sheet,
        address: `${addressSheet(sheet)}!${sel.Address(false, false)}`,
        top: sel.Row - 1,
        left: sel.Column - 1,
        values: readBlock(ws, sel.Row, sel.Column, rows, cols),
      };
    }
    // One cell selected: take the table around it, i.e. the sheet's used range.
    const box = usedBox(ws);
    const n = Math.max(1, box.rows);
    const m = Math.max(1, box.cols);
    return {
      sheet,
      address: `${addressSheet(sheet)}!${block(ws, box.row, box.column, n, m).Address(false, false)}`,
      top: box.row - 1,
      left: box.column - 1,
      values: box.rows === 0 ? [[""]] : readBlock(ws, box.row, box.column, n, m),
    };
  }

  async writeResult(layout: ResultSheetLayout): Promise<WrittenResult> {
    const wb = activeWorkbook(this.app);
    const sheetName = uniqueSheetName(
      layout.sheetBaseName,
      worksheets(wb).map((s) => s.Name)
    );
    const wantedTable = uniqueTableName("FundAllocation", tableNames(wb));
    const ws = addSheet(wb, sheetName);
    for (const b of layout.blocks) writeOne(ws, b);

    const t = layout.table;
    const tableName = addTable(
      ws,
      block(ws, t.row + 1, t.col + 1, t.rows, t.cols),
      wantedTable,
      "TableStyleMedium2"
    );
    ws.Cells.Item(1, 1).Font.Bold = true;
    layout.columnWidths.forEach((w, c) => {
      ws.Cells.Item(1, c + 1).EntireColumn.ColumnWidth = w;
    });
    freezeRows(this.app, ws, t.row + 1);

    let chart = false;
    if (layout.chart) {
      const c = layout.chart;
      const right = Math.max(
        t.col + t.cols,
        ...layout.blocks.map((b) => b.col + (b.values[0]?.length ?? 0))
      );
      const left = layout.columnWidths
        .slice(0, right + 1)
        .reduce((a, w) => a + w * POINTS_PER_WIDTH, 0);
      try {
        const shape = ws.Shapes.AddChart(
          XL.barClustered,
          left,
          0,
          480,
          Math.min(1600, Math.max(240, 18 * (c.rows - 1) + 80))
        );
        shape.Chart.SetSourceData(block(ws, c.row + 1, c.col + 1, c.rows, c.cols), XL.columns);
        shape.Chart.HasTitle = true;
        shape.Chart.ChartTitle.Text = c.title;
        shape.Chart.HasLegend = false;
        chart = true;
      } catch {
        chart = false; // reported to the user as "no chart"
      }
    }
    ws.Activate();
    return { sheetName, tableName: tableName ?? "", chart, formulas: layout.formulas };
  }
}
