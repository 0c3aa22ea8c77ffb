/**
 * WPS 表格 implementation of the Filing pane's workbook: the same sheet as src/excel/filing.ts
 * (title, subtitle, header, table, number formats, drop-downs, frozen header, A4 landscape with
 * title rows on every page) through WPS's object model, and the same completeness check.
 *
 * Differences the object model imposes, each noted where it happens: a drop-down's date limits
 * are =DATE(…) formulas (Validation.Add takes formula text), column widths are in characters
 * (Range.ColumnWidth), colours are BGR numbers, and freezing goes through the active window.
 */
import type {
  CreateFilingRequest,
  CreateFilingResult,
  FilingWorkbook,
} from "../workbook/filing/port";
import {
  checkFilingSheet,
  ColumnLayout,
  createdMessage,
  FilingCheckResult,
  FIRST_DATA_ROW,
  HEADER_SEARCH_ROWS,
  recogniseFilingSheet,
  sheetLayout,
  SPECS,
} from "../core/filing";
import { ymdFromSerial } from "../core/dates";
import type { SheetInput } from "../core/review/types";
import { cellValue, validationAlert } from "../workbook/filing/cells";
import type { EtApplication, EtRange, EtWorkbook } from "./api";
import { XL } from "./api";
import {
  activeWorkbook,
  addSheet,
  addTable,
  bgr,
  freezeRows,
  mergedAreas,
  readBlock,
  selectCell,
  setColumnFormats,
  tableNames,
  usedBox,
  worksheets,
  writeBlock,
} from "./cells";

function dateFormula(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `=DATE(${year},${month},${day})`;
}

/** Validation.Add(Type, AlertStyle, Operator, Formula1, Formula2), then the alert's texts. */
function dataValidation(range: EtRange, c: ColumnLayout): void {
  const v = c.validation;
  if (!v) return;
  const alert = validationAlert(v);
  const style = alert.strict ? XL.alertStop : XL.alertWarning;
  const dv = range.Validation;
  dv.Delete();
  switch (v.type) {
    case "list":
      dv.Add(XL.validateList, style, XL.between, v.choices.join(","));
      dv.InCellDropdown = true;
      break;
    case "decimal":
      dv.Add(XL.validateDecimal, style, XL.greaterEqual, String(v.min));
      break;
    case "date":
      dv.Add(XL.validateDate, style, XL.between, dateFormula(v.min), dateFormula(v.max));
      break;
    case "whole":
      dv.Add(XL.validateWholeNumber, style, XL.between, String(v.min), String(v.max));
  }
  dv.ShowError = true;
  dv.ErrorTitle = c.field.header;
  dv.ErrorMessage = alert.message;
}

export class WpsFilingWorkbook implements FilingWorkbook {
  constructor(private readonly app: EtApplication) {}

  private get wb(): EtWorkbook {
    return activeWorkbook(this.app);
  }

  async createSheet(req: CreateFilingRequest): Promise<CreateFilingResult> {
    const wb = this.wb;
    const rows = req.rows ?? [];
    const layout = sheetLayout(SPECS[req.kind], {
      county: req.county,
      year: req.year,
      rows: rows.length,
      note: req.note,
      existingSheets: worksheets(wb).map((s) => s.Name),
      existingTables: tableNames(wb),
    });
    const cols = layout.columns;
    const ws = addSheet(wb, layout.sheetName);

    const title = ws.Range(layout.titleRange);
    title.Merge();
    ws.Range("A1").Value2 = layout.title;
    title.Font.Bold = true;
    title.Font.Size = 16;
    title.HorizontalAlignment = XL.center;
    title.RowHeight = 30;
    const sub = ws.Range(layout.subtitleRange);
    sub.Merge();
    ws.Range("A2").Value2 = layout.subtitle;
    sub.Font.Size = 10;
    sub.Font.Color = bgr("#616161");

    const header = ws.Range(layout.headerRange);
    header.Value2 = [cols.map((c) => c.header)];
    header.Font.Bold = true;
    header.WrapText = true;
    header.HorizontalAlignment = XL.center;

    // Number formats before values, so a phone number or a "=…" text is stored as text.
    const formats = cols.map((c) => c.numberFormat);
    if (rows.length === 0) setColumnFormats(ws, FIRST_DATA_ROW, 1, 1, formats);
    writeBlock(
      ws,
      FIRST_DATA_ROW,
      1,
      rows.map((r) => cols.map((c) => cellValue(c, r[c.index]))),
      formats
    );

    for (const c of cols) {
      // ColumnWidth counts characters of the standard font (VBA's unit), not points.
      ws.Range(`${c.letter}:${c.letter}`).ColumnWidth = c.width;
      dataValidation(ws.Range(layout.columnBody(c.index)), c);
    }

    addTable(ws, ws.Range(layout.tableRange), layout.tableName, "TableStyleMedium2");
    freezeRows(this.app, ws, layout.freezeRows);

    const page = ws.PageSetup;
    page.Orientation = XL.landscape;
    page.PaperSize = XL.paperA4;
    page.CenterHorizontally = true;
    page.Zoom = false; // FitToPages… apply only when Zoom is off
    page.FitToPagesWide = 1;
    page.FitToPagesTall = false;
    page.PrintTitleRows = layout.printTitleRows;
    page.CenterFooter = layout.footer;

    ws.Activate();
    ws.Range(`A${FIRST_DATA_ROW}`).Select();
    return {
      sheetName: layout.sheetName,
      renamed: layout.renamed,
      tableName: layout.tableName,
      rows: rows.length,
      message: createdMessage(layout),
    };
  }

  async check(): Promise<FilingCheckResult> {
    const result: FilingCheckResult = { sheets: [], findings: [] };
    for (const ws of worksheets(this.wb)) {
      const box = usedBox(ws);
      if (box.rows === 0) continue;
      const top = readBlock(
        ws,
        box.row,
        box.column,
        Math.min(box.rows, HEADER_SEARCH_ROWS),
        box.cols
      );
      const rec = recogniseFilingSheet(top);
      if (!rec) continue;
      const input: SheetInput = {
        name: ws.Name,
        values: readBlock(ws, box.row, box.column, box.rows, box.cols),
        origin: { row: box.row, column: box.column },
        // Every merged area of the sheet (a name merged down two rows fills both), as in Excel.
        merges: mergedAreas(
          ws,
          { origin: { row: box.row, column: box.column }, rows: box.rows, cols: box.cols },
          box.rows
        ),
      };
      result.sheets.push({ name: input.name, kind: rec.spec.kind });
      result.findings.push(...checkFilingSheet(input, rec));
    }
    return result;
  }

  async select(sheet: string, cell: string | null): Promise<void> {
    selectCell(this.wb, sheet, cell);
  }
}
