/**
 * Office.js implementation of the Allocation pane's workbook. Round trips are few and do not grow
 * with the number of counties: reading is one sync (two when a single cell is selected and the
 * sheet's used range is read instead); writing is two (names taken, then everything at once).
 */
import type { AllocationWorkbook, RangeSnapshot, WrittenResult } from "../workbook/allocation/port";
import { uniqueSheetName, uniqueTableName } from "../core/a1";
import { a1 } from "../workbook/allocation/layout";
import type { Block, ResultSheetLayout } from "../workbook/allocation/layout";

/** Table names are workbook-wide, ASCII keeps them valid everywhere: FundAllocation, FundAllocation2… */

function fill<T>(rows: number, cols: number, at: (c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < cols; c++) row.push(at(c));
    out.push(row);
  }
  return out;
}

function writeBlock(sheet: Excel.Worksheet, b: Block): void {
  const rows = b.values.length;
  const cols = b.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  const range = sheet.getRangeByIndexes(b.row, b.col, rows, cols);
  if (b.kind === "text") {
    // "@" first: a name beginning with "=" stays text, never becomes a formula.
    range.numberFormat = fill(rows, cols, () => "@");
    range.values = b.values;
  } else if (b.kind === "number") {
    const formats = b.formats ?? [];
    range.numberFormat = fill(rows, cols, (c) => formats[c] ?? "General");
    range.values = b.values;
  } else {
    range.formulas = b.values;
  }
}

export class OfficeAllocationWorkbook implements AllocationWorkbook {
  async readSelection(): Promise<RangeSnapshot> {
    return Excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange();
      selected.load("address, values, rowIndex, columnIndex, rowCount, columnCount");
      // The selection is always on the active sheet.
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      if (selected.rowCount > 1 || selected.columnCount > 1)
        return {
          sheet: sheet.name,
          address: selected.address,
          top: selected.rowIndex,
          left: selected.columnIndex,
          values: selected.values,
        };
      // One cell selected: take the table around it, i.e. the sheet's used range.
      const used = sheet.getUsedRange(true);
      used.load("address, values, rowIndex, columnIndex");
      await context.sync();
      return {
        sheet: sheet.name,
        address: used.address,
        top: used.rowIndex,
        left: used.columnIndex,
        values: used.values,
      };
    });
  }

  async writeResult(layout: ResultSheetLayout): Promise<WrittenResult> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();

      const sheetName = uniqueSheetName(
        layout.sheetBaseName,
        sheets.items.map((s) => s.name)
      );
      const tableName = uniqueTableName(
        "FundAllocation",
        tables.items.map((t) => t.name)
      );
      const sheet = sheets.add(sheetName);
      for (const b of layout.blocks) writeBlock(sheet, b);

      const t = layout.table;
      const table = sheet.tables.add(sheet.getRangeByIndexes(t.row, t.col, t.rows, t.cols), true);
      table.name = tableName;
      table.style = "TableStyleMedium2";
      sheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
      layout.columnWidths.forEach((w, c) => {
        sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7;
      });
      sheet.freezePanes.freezeRows(t.row + 1);

      if (layout.chart) {
        const c = layout.chart;
        const chart = sheet.charts.add(
          "BarClustered",
          sheet.getRangeByIndexes(c.row, c.col, c.rows, c.cols),
          "Columns"
        );
        chart.title.text = c.title;
        chart.legend.visible = false;
        const right = Math.max(
          t.col + t.cols,
          ...layout.blocks.map((b) => b.col + (b.values[0]?.length ?? 0))
        );
        chart.setPosition(a1(0, right + 1));
        chart.height = Math.min(1600, Math.max(240, 18 * (c.rows - 1) + 80));
        chart.width = 480;
      }
      sheet.activate();
      await context.sync();
      return { sheetName, tableName, chart: layout.chart !== null, formulas: layout.formulas };
    });
  }
}
