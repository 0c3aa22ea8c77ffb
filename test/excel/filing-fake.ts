/**
 * A small Excel object model over office-addin-mock, enough for the Filing adapter: worksheets
 * and tables collections, ranges by address and by indexes, used ranges, tables, data
 * validation, freeze panes, page layout. Scalar properties follow the mock's rule (read only
 * after load + sync); `context.sync` is a jest.fn so tests count round trips. Values written
 * to a range land in the sheet's grid at the next sync, as in Excel.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnIndex } from "../../src/core/review/types";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Mock = OfficeMockObject & Record<string, any>;

export interface FakeSheet {
  name: string;
  grid: unknown[][];
  /** Merged areas ("A1:F1"), as Range.getMergedAreasOrNullObject reports them. */
  merges?: string[];
  mock: Mock;
  /** Every range handed out by getRange, in order. */
  ranges: Mock[];
  tables: Mock[];
  frozenRows: number | null;
  printTitleRows: string | null;
}

function parseAddress(a: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/.exec(a.replace(/\$/g, ""));
  if (!m) throw new Error(`bad address ${a}`);
  const c1 = columnIndex(m[1]);
  const r1 = m[2] ? Number(m[2]) - 1 : 0;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : m[2] ? r1 : 1048575;
  return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

/** A collection whose `items` can be read only after load("items/…") and a sync. */
function collection(fake: FakeExcel, items: () => Mock[], extra: Record<string, unknown>): Mock {
  const m = fake.mock(extra);
  let pending = false;
  let loaded = false;
  m.load = (arg: string) => {
    pending = true;
    const prop = String(arg).replace(/^items\//, "");
    for (const it of items()) it.load(prop);
    return m;
  };
  fake.onSync.push(() => {
    if (pending) loaded = true;
    pending = false;
  });
  Object.defineProperty(m, "items", {
    get: () => {
      if (!loaded) throw new Error("items read before load and sync");
      return items();
    },
  });
  return m;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly mocks: Mock[] = [];
  readonly onSync: (() => void)[] = [];
  readonly context: Mock;
  readonly sync: jest.Mock;
  active: string | null = null;
  selected: string | null = null;

  constructor(sheets: { name: string; grid?: unknown[][] }[] = [{ name: "Sheet1" }]) {
    const worksheets = collection(this, () => this.sheets.map((s) => s.mock), {
      add: (name: string) => this.addSheet(name).mock,
      getItem: (name: string) => {
        const s = this.sheets.find((x) => x.name === name);
        if (!s) throw new Error(`ItemNotFound ${name}`);
        return s.mock;
      },
    });
    const tables = collection(this, () => this.sheets.flatMap((s) => s.tables), {});
    this.context = new OfficeMockObject({ workbook: { name: "Book1" } }) as Mock;
    this.context.workbook.worksheets = worksheets;
    this.context.workbook.tables = tables;
    this.sync = jest.fn(async () => {
      for (const m of this.mocks) await m.sync();
      await new Promise((r) => setImmediate(r)); // the mock settles its children asynchronously
      for (const f of this.onSync) f();
    });
    this.context.sync = this.sync;
    for (const s of sheets) this.addSheet(s.name, s.grid ?? []);
  }

  mock(data: Record<string, unknown>): Mock {
    const m = new OfficeMockObject(data as any) as Mock;
    this.mocks.push(m);
    return m;
  }

  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(this.context as unknown as Excel.RequestContext);

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The value of one cell ("C5"). */
  cell(sheet: string, address: string): unknown {
    const { row, col } = parseAddress(address);
    return this.sheet(sheet).grid[row]?.[col] ?? "";
  }

  private range(s: FakeSheet, row: number, col: number, rows: number, cols: number, address: string): Mock {
    const values = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => s.grid[row + r]?.[col + c] ?? "")
    );
    const r = this.mock({
      address,
      values,
      numberFormat: [[]],
      format: {
        font: { bold: false, size: 11, color: "#000000" },
        horizontalAlignment: "General",
        rowHeight: 15,
        columnWidth: 48,
        wrapText: false,
      },
      // rule and errorAlert are assigned whole; a populated object would be reset at sync
      dataValidation: { clear: jest.fn() },
      merge: jest.fn(),
      select: () => {
        this.selected = `${s.name}!${address}`;
      },
    });
    r.__address = address; // plain property, readable without load
    const initial = r.values; // the mock's "not loaded" marker until load + sync
    this.onSync.push(() => {
      // A written (assigned) 2-D array lands in the grid once.
      if (Array.isArray(r.values) && r.values !== initial && !(r as any).__written) {
        if (r.values === values) return; // loaded, not written
        (r as any).__written = true;
        (r.values as unknown[][]).forEach((line, i) =>
          line.forEach((v, j) => {
            while (s.grid.length <= row + i) s.grid.push([]);
            s.grid[row + i][col + j] = v;
          })
        );
      }
    });
    return r;
  }

  addSheet(name: string, grid: unknown[][] = []): FakeSheet {
    if (this.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`a sheet named ${name} exists`); // Excel refuses duplicates
    const s = { name, grid, ranges: [], tables: [], frozenRows: null, printTitleRows: null } as unknown as FakeSheet;
    s.mock = this.mock({
      name,
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          const t = this.mock({ name: "", style: "" });
          Object.assign(t, { added: { address, hasHeaders } }); // what the adapter asked for
          s.tables.push(t);
          return t;
        },
      },
      freezePanes: {
        freezeRows: (n: number) => {
          s.frozenRows = n;
        },
      },
      pageLayout: {
        orientation: "Portrait",
        paperSize: "Letter",
        centerHorizontally: false,
        setPrintTitleRows: (rows: string) => {
          s.printTitleRows = rows;
        },
        headersFooters: { defaultForAllPages: { centerFooter: "" } },
      },
      getRange: (address: string) => {
        const p = parseAddress(address);
        const r = this.range(s, p.row, p.col, Math.min(p.rows, 5000), Math.min(p.cols, 200), address);
        s.ranges.push(r);
        return r;
      },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
        this.range(s, row, col, rows, cols, `R${row}C${col}`),
      getUsedRangeOrNullObject: () => {
        const rows = s.grid.length;
        const cols = Math.max(0, ...s.grid.map((r) => r.length));
        const u = this.mock({
          rowIndex: 0,
          columnIndex: 0,
          rowCount: rows,
          columnCount: cols,
          getMergedAreasOrNullObject: () => {
            const m = this.mock({
              address: (s.merges ?? []).map((a: string) => `${s.name}!${a}`).join(","),
            });
            m.isNullObject = !s.merges || s.merges.length === 0;
            return m;
          },
        });
        u.isNullObject = rows === 0 || cols === 0;
        return u;
      },
      activate: () => {
        this.active = s.name;
      },
    });
    this.sheets.push(s);
    return s;
  }

  /** The last range handed out for `address` on `sheet`. */
  lastRange(sheet: string, address: string): Mock {
    const r = [...this.sheet(sheet).ranges].reverse().find((x) => x.__address === address);
    if (!r) throw new Error(`no range ${address} on ${sheet}`);
    return r;
  }
}
