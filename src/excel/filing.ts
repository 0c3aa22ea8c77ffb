/**
 * Office.js implementation of the Filing pane's workbook: creates a filing sheet as an Excel
 * table (drop-downs, 万元 and date formats, frozen header, A4 landscape, title rows repeated
 * on every page) and checks the workbook's filing sheets. Round trips are few and do not grow
 * with the data: creating is two syncs (names, then everything) plus one per CELLS_PER_SYNC
 * cells of data beyond the first batch; checking is three (sheets, header areas, contents)
 * plus one per CELLS_PER_SYNC cells read beyond the first batch.
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
import { formatIso } from "../core/dates";
import type { SheetInput } from "../core/review/types";
import { mergedAreasSupported, splitAddresses } from "./ranges";
import { cellValue, validationAlert } from "../workbook/filing/cells";

/** Cells written or read per round trip: keeps each request well under Excel on the web's limits. */
export const CELLS_PER_SYNC = 40000;

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel column width is in points; a Chinese character is about 12 points at 11 pt. */
const POINTS_PER_CHAR = 7;

function pageLayoutSupported(): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported("ExcelApi", "1.9");
}

function dataValidation(range: Excel.Range, c: ColumnLayout): void {
  const v = c.validation;
  if (!v) return;
  const alert = validationAlert(v);
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: alert.strict ? "Stop" : "Warning",
    title: c.field.header,
    message: alert.message,
  };
  switch (v.type) {
    case "list":
      range.dataValidation.rule = { list: { inCellDropDown: true, source: v.choices.join(",") } };
      return;
    case "decimal":
      range.dataValidation.rule = {
        decimal: { formula1: v.min, operator: "GreaterThanOrEqualTo" },
      };
      return;
    case "date":
      range.dataValidation.rule = {
        date: { formula1: formatIso(v.min), formula2: formatIso(v.max), operator: "Between" },
      };
      return;
    case "whole":
      range.dataValidation.rule = {
        wholeNumber: { formula1: v.min, formula2: v.max, operator: "Between" },
      };
  }
}

export class OfficeFilingWorkbook implements FilingWorkbook {
  private readonly run: Run;

  /** `run` is Excel.run; tests pass one over a mock context. */
  constructor(run?: Run) {
    this.run = run ?? ((batch) => Excel.run(batch));
  }

  createSheet(req: CreateFilingRequest): Promise<CreateFilingResult> {
    return this.run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets;
      sheets.load("items/name");
      const tables = wb.tables;
      tables.load("items/name");
      await context.sync();

      const rows = req.rows ?? [];
      const layout = sheetLayout(SPECS[req.kind], {
        county: req.county,
        year: req.year,
        rows: rows.length,
        note: req.note,
        existingSheets: sheets.items.map((s) => s.name),
        existingTables: tables.items.map((t) => t.name),
      });
      const cols = layout.columns;
      const ws = sheets.add(layout.sheetName);

      const title = ws.getRange(layout.titleRange);
      title.merge(false);
      title.values = [cols.map((_, i) => (i === 0 ? layout.title : ""))];
      title.format.font.bold = true;
      title.format.font.size = 16;
      title.format.horizontalAlignment = "Center";
      title.format.rowHeight = 30;
      const sub = ws.getRange(layout.subtitleRange);
      sub.merge(false);
      sub.values = [cols.map((_, i) => (i === 0 ? layout.subtitle : ""))];
      sub.format.font.size = 10;
      sub.format.font.color = "#616161";

      const header = ws.getRange(layout.headerRange);
      header.values = [cols.map((c) => c.header)];
      header.format.font.bold = true;
      header.format.wrapText = true;
      header.format.horizontalAlignment = "Center";

      // Number formats go with each batch of rows, before its values, so a phone number or a
      // "=…" text is stored as text; an empty table's one body row gets them here.
      const formatRow = cols.map((c) => c.numberFormat);
      if (rows.length === 0) ws.getRange(layout.bodyRange).numberFormat = [formatRow];

      for (const c of cols) {
        ws.getRange(`${c.letter}:${c.letter}`).format.columnWidth = c.width * POINTS_PER_CHAR;
        dataValidation(ws.getRange(layout.columnBody(c.index)), c);
      }

      const table = ws.tables.add(layout.tableRange, true);
      table.name = layout.tableName;
      table.style = "TableStyleMedium2";

      ws.freezePanes.freezeRows(layout.freezeRows);
      if (pageLayoutSupported()) {
        const page = ws.pageLayout;
        page.orientation = "Landscape";
        page.paperSize = "A4";
        page.centerHorizontally = true;
        page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        page.setPrintTitleRows(layout.printTitleRows);
        page.headersFooters.defaultForAllPages.centerFooter = layout.footer;
      }

      // The data, in batches of whole rows; the first batch goes with the layout.
      const perSync = Math.max(1, Math.floor(CELLS_PER_SYNC / cols.length));
      const last = cols[cols.length - 1].letter;
      for (let start = 0; start < rows.length; start += perSync) {
        // One sync per batch of CELLS_PER_SYNC cells: bounded by the request size limit, not per row.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        if (start > 0) await context.sync();
        const chunk = rows.slice(start, start + perSync);
        const top = FIRST_DATA_ROW + start;
        const range = ws.getRange(`A${top}:${last}${top + chunk.length - 1}`);
        range.numberFormat = chunk.map(() => formatRow);
        range.values = chunk.map((r) => cols.map((c) => cellValue(c, r[c.index])));
      }

      ws.activate();
      ws.getRange(`A${FIRST_DATA_ROW}`).select();
      await context.sync();
      return {
        sheetName: layout.sheetName,
        renamed: layout.renamed,
        tableName: layout.tableName,
        rows: rows.length,
        message: createdMessage(layout),
      };
    });
  }

  check(): Promise<FilingCheckResult> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();

      const used = sheets.items.map((ws) => {
        const u = ws.getUsedRangeOrNullObject(true);
        u.load("rowIndex,columnIndex,rowCount,columnCount");
        return { ws, u };
      });
      await context.sync();

      // The top rows of every sheet, to recognise a filing sheet by its header, and its merged
      // areas (ExcelApi 1.13; Excel refuses above 512 areas: then asked again without them).
      const topsOf = (withMerges: boolean) =>
        used
          .filter((x) => !x.u.isNullObject)
          .map((x) => {
            const top = x.ws.getRangeByIndexes(
              x.u.rowIndex,
              x.u.columnIndex,
              Math.min(x.u.rowCount, HEADER_SEARCH_ROWS),
              x.u.columnCount
            );
            top.load("values");
            let merged: Excel.RangeAreas | null = null;
            if (withMerges && typeof x.u.getMergedAreasOrNullObject === "function") {
              merged = x.u.getMergedAreasOrNullObject();
              merged.load("address");
            }
            return { ...x, top, merged };
          });
      let tops = topsOf(mergedAreasSupported());
      try {
        await context.sync();
      } catch (e) {
        if (!tops.some((x) => x.merged)) throw e;
        tops = topsOf(false);
        await context.sync();
      }

      const found = tops
        .map((x) => ({ ...x, rec: recogniseFilingSheet(x.top.values) }))
        .filter((x) => x.rec !== null);

      // Whole contents of the recognised sheets, in batches of rows.
      const parts: { name: string; ranges: Excel.Range[] }[] = [];
      let queued = 0;
      for (const x of found) {
        const { rowIndex, columnIndex, rowCount, columnCount } = x.u;
        const perSync = Math.max(1, Math.floor(CELLS_PER_SYNC / columnCount));
        const ranges: Excel.Range[] = [];
        for (let r = 0; r < rowCount; r += perSync) {
          const n = Math.min(perSync, rowCount - r);
          if (queued > 0 && queued + n * columnCount > CELLS_PER_SYNC) {
            // One sync per batch of CELLS_PER_SYNC cells read, not per row or per sheet.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
            queued = 0;
          }
          const range = x.ws.getRangeByIndexes(rowIndex + r, columnIndex, n, columnCount);
          range.load("values");
          ranges.push(range);
          queued += n * columnCount;
        }
        parts.push({ name: x.ws.name, ranges });
      }
      if (queued > 0) await context.sync();

      const result: FilingCheckResult = { sheets: [], findings: [] };
      found.forEach((x, i) => {
        const input: SheetInput = {
          name: parts[i].name,
          values: parts[i].ranges.flatMap((r) => r.values),
          origin: { row: x.u.rowIndex + 1, column: x.u.columnIndex + 1 },
          merges: x.merged && !x.merged.isNullObject ? splitAddresses(x.merged.address) : [],
        };
        result.sheets.push({ name: input.name, kind: x.rec!.spec.kind });
        result.findings.push(...checkFilingSheet(input, x.rec));
      });
      return result;
    });
  }

  select(sheet: string, cell: string | null): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell ?? "A1").select();
      await context.sync();
    });
  }
}
