/** In-memory implementation of the Filing pane's workbook interface, for tests and the browser harness. */
import {
  checkFilingWorkbook,
  createdMessage,
  FilingCheckResult,
  sheetLayout,
  SPECS,
} from "../../core/filing";
import { columnIndex } from "../../core/review/types";
import { Decimal } from "../../core/money";
import type { CreateFilingRequest, CreateFilingResult, FilingWorkbook } from "./port";

export interface MemorySheet {
  name: string;
  /** Row-major values from A1, as Office.js `values` gives them. */
  values: unknown[][];
  tableName?: string;
}

export class MemoryFilingWorkbook implements FilingWorkbook {
  readonly sheets: MemorySheet[];
  /** The last cell selected through `select`. */
  selected: { sheet: string; cell: string | null } | null = null;
  active: string | null = null;

  constructor(sheets: MemorySheet[] = [{ name: "Sheet1", values: [] }]) {
    this.sheets = sheets;
  }

  async createSheet(req: CreateFilingRequest): Promise<CreateFilingResult> {
    const rows = req.rows ?? [];
    const layout = sheetLayout(SPECS[req.kind], {
      county: req.county,
      year: req.year,
      rows: rows.length,
      note: req.note,
      existingSheets: this.sheets.map((s) => s.name),
      existingTables: this.sheets.flatMap((s) => (s.tableName ? [s.tableName] : [])),
    });
    const cols = layout.columns;
    this.sheets.push({
      name: layout.sheetName,
      tableName: layout.tableName,
      values: [
        cols.map((_, i) => (i === 0 ? layout.title : "")),
        cols.map((_, i) => (i === 0 ? layout.subtitle : "")),
        cols.map((c) => c.header),
        ...rows.map((r) =>
          cols.map((c) => {
            const v = r[c.index];
            return v instanceof Decimal ? v.toNumber() : (v ?? "");
          })
        ),
      ],
    });
    this.active = layout.sheetName;
    return {
      sheetName: layout.sheetName,
      renamed: layout.renamed,
      tableName: layout.tableName,
      rows: rows.length,
      message: createdMessage(layout),
    };
  }

  async check(): Promise<FilingCheckResult> {
    return checkFilingWorkbook(this.sheets);
  }

  async select(sheet: string, cell: string | null): Promise<void> {
    if (!this.sheets.some((s) => s.name === sheet))
      throw new Error(`工作表「${sheet}」不存在 (no sheet "${sheet}")`);
    this.active = sheet;
    this.selected = { sheet, cell };
  }

  /** Types a value into a cell, as a preparer would ("C5"). */
  setCell(sheet: string, address: string, value: unknown): void {
    const s = this.sheets.find((x) => x.name === sheet);
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!s || !m) throw new Error(`no cell ${sheet}!${address}`);
    const r = Number(m[2]) - 1;
    const c = columnIndex(m[1]);
    while (s.values.length <= r) s.values.push([]);
    const row = s.values[r];
    while (row.length <= c) row.push("");
    row[c] = value;
  }
}
