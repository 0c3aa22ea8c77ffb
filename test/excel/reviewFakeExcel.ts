/**
 * A small Excel object model on office-addin-mock, for the Review adapter's tests.
 *
 * Every object the adapter touches is an OfficeMockObject, so the mock's rules hold: a property
 * read before `load` + `context.sync()` is an error string, not data. Writes (values, number
 * formats, fills, settings, selection) are queued and applied to the model at the next sync, as
 * Excel applies a batch; each sync's payload (loaded and written cell values) is measured.
 *
 * Like Excel, a string written into a cell whose number format is not Text ("@") and that begins
 * with =, +, - or @ is interpreted (stored as a formula), not kept as text.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
}

export const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000" };

export class FakeSheet {
  visibility = "Visible";
  /** Dense values from A1 (row-major); "" for blank. */
  values: unknown[][];
  formulas = new Map<string, string>();
  formats = new Map<string, string>();
  fills = new Map<string, FakeFill>();
  merges: string[] = [];
  tables: { address: string; hasHeaders: boolean; mock: { style: string } }[] = [];
  constructor(
    public name: string,
    public id: string,
    values: unknown[][] = []
  ) {
    this.values = values;
  }
  get rowCount(): number {
    return this.values.length;
  }
  get columnCount(): number {
    return this.values.reduce((m, r) => Math.max(m, r.length), 0);
  }
  /** The bounding box of the cells holding a value (Excel's used range, values only). */
  usedBox(): { r0: number; c0: number; rows: number; cols: number } | null {
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        if (r0 < 0) r0 = r;
        r1 = r;
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      })
    );
    return r0 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
  value(r: number, c: number): unknown {
    return this.values[r]?.[c] ?? "";
  }
  fill(r: number, c: number): FakeFill {
    return this.fills.get(`${r},${c}`) ?? NO_FILL;
  }
  /** What a cell holds: its value as text or number, or its formula. */
  cell(address: string): { value: unknown; formula: string | null; numberFormat: string } {
    const { row, col } = parseCell(address);
    const key = `${row},${col}`;
    return {
      value: this.value(row, col),
      formula: this.formulas.get(key) ?? null,
      numberFormat: this.formats.get(key) ?? "General",
    };
  }
  write(r: number, c: number, v: unknown): void {
    const key = `${r},${c}`;
    while (this.values.length <= r) this.values.push([]);
    const row = this.values[r];
    while (row.length <= c) row.push("");
    const format = this.formats.get(key) ?? "General";
    if (typeof v === "string" && format !== "@" && /^[=+\-@]/.test(v)) {
      this.formulas.set(key, v);
      row[c] = "(formula)";
    } else {
      this.formulas.delete(key);
      row[c] = v;
    }
  }
}

export function parseCell(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) throw new Error(`bad cell address ${a}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function letters(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A1:H3" / "G7" / "A:H" → 0-based rectangle (whole columns span the used rows). */
function parseArea(a: string): { r0: number; c0: number; rows: number; cols: number } {
  const local = a.slice(a.lastIndexOf("!") + 1);
  const [p, q] = local.split(":");
  if (/^[A-Z]+$/i.test(p)) {
    const c0 = parseCell(`${p}1`).col;
    const c1 = parseCell(`${q ?? p}1`).col;
    return { r0: 0, c0, rows: 1, cols: c1 - c0 + 1 };
  }
  const s = parseCell(p);
  const e = q ? parseCell(q) : s;
  return { r0: s.row, c0: s.col, rows: e.row - s.row + 1, cols: e.col - s.col + 1 };
}

const ERRORS = ["Error, property was not loaded", "Error, context.sync() was not called"];

export interface SyncRecord {
  /** Bytes of cell values loaded by this sync's requests and written by it (UTF-8 JSON). */
  bytes: number;
}

export class FakeWorkbook {
  /** The ExcelApi version the fake host supports (Range.getMergedAreasOrNullObject is 1.13). */
  excelApi = "1.17";
  /** Like Excel above 512 merged areas: the sync that asks for them fails. */
  refuseMerges = false;
  sheets: FakeSheet[] = [];
  active = "";
  selected: { sheet: string; cell: string } | null = null;
  settings = new Map<string, unknown>();
  syncs: SyncRecord[] = [];
  private nextId = 1;

  addSheet(name: string, values: unknown[][] = []): FakeSheet {
    const s = new FakeSheet(name, `{SHEET-${this.nextId++}}`, values);
    this.sheets.push(s);
    if (!this.active) this.active = name;
    return s;
  }
  sheet(nameOrId: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === nameOrId || s.id === nameOrId);
  }

  /** Install as the global `Excel` (and `Office`, with this platform). */
  install(platform: "PC" | "OfficeOnline" = "PC"): void {
    (global as unknown as { Excel: unknown }).Excel = {
      run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => batch(this.context()),
    };
    (global as unknown as { Office: unknown }).Office = {
      context: {
        diagnostics: { platform },
        requirements: {
          isSetSupported: (name: string, version = "1.1") => {
            if (name !== "ExcelApi") return false;
            const [a, b] = this.excelApi.split(".").map(Number);
            const [c, d] = version.split(".").map(Number);
            return a > c || (a === c && b >= d);
          },
        },
      },
    };
  }

  /** A fresh request context over the model, as each Excel.run gets. */
  context(): unknown {
    const pending: (() => void)[] = [];
    const loaded: { values: unknown }[] = [];
    let refused = false;
    let dyn = 0;
    let record: SyncRecord = { bytes: 0 };
    const root = new OfficeMockObject({ workbook: {} }) as unknown as Record<string, unknown>;
    const attach = (data: Record<string, unknown>): OfficeMockObject => {
      const m = new OfficeMockObject(data as never);
      (root as unknown as { _properties: Map<string, unknown> })._properties.set(`__d${dyn++}`, m);
      return m;
    };
    const wrap = <T extends object>(
      target: T,
      onSet: (path: string, prop: string, value: unknown) => void,
      path = ""
    ): T => {
      return new Proxy(target, {
        get(t, prop) {
          const v = Reflect.get(t, prop);
          if (v instanceof OfficeMockObject && typeof prop === "string" && !prop.startsWith("_")) {
            return wrap(v as object, onSet, path ? `${path}.${prop}` : prop);
          }
          return v;
        },
        set(t, prop, value) {
          if (typeof prop === "string" && !ERRORS.includes(value as string)) {
            onSet(path, prop, value);
          }
          return Reflect.set(t, prop, value);
        },
      });
    };

    const makeRange = (
      sheet: FakeSheet,
      r0: number,
      c0: number,
      rows: number,
      cols: number,
      withValues = true
    ): unknown => {
      const values: unknown[][] = [];
      if (withValues) {
        for (let r = 0; r < rows; r++) {
          const row: unknown[] = [];
          for (let c = 0; c < cols; c++) row.push(sheet.value(r0 + r, c0 + c));
          values.push(row);
        }
      }
      const f = sheet.fill(r0, c0);
      const address = `${sheet.name}!${letters(c0)}${r0 + 1}:${letters(c0 + cols - 1)}${r0 + rows}`;
      const data: Record<string, unknown> = {
        address,
        rowIndex: r0,
        columnIndex: c0,
        rowCount: rows,
        columnCount: cols,
        values: withValues ? values : "values not modelled for this range",
        numberFormat: "General",
        format: {
          fill: {
            color: f.color,
            pattern: f.pattern,
            patternColor: f.patternColor,
            clear: () =>
              pending.push(() => {
                for (let r = 0; r < rows; r++)
                  for (let c = 0; c < cols; c++) sheet.fills.delete(`${r0 + r},${c0 + c}`);
              }),
          },
          autofitColumns: () => undefined,
        },
        getRow: (i: number) => makeRange(sheet, r0 + i, c0, 1, cols),
        getResizedRange: (dr: number, dc: number) => makeRange(sheet, r0, c0, rows + dr, cols + dc),
        getMergedAreasOrNullObject: () => {
          const [a, b] = this.excelApi.split(".").map(Number);
          if (a === 1 && b < 13) throw new Error("ApiNotFound: getMergedAreasOrNullObject");
          if (this.refuseMerges) refused = true;
          const inside = sheet.merges;
          const m = attach({ address: inside.map((a) => `${sheet.name}!${a}`).join(",") });
          (m as unknown as { isNullObject: boolean }).isNullObject = inside.length === 0;
          return m;
        },
        select: () =>
          pending.push(() => (this.selected = { sheet: sheet.name, cell: letters(c0) + (r0 + 1) })),
        load(this: OfficeMockObject, arg: string) {
          if (String(arg).includes("values")) loaded.push(this as unknown as { values: unknown });
          return OfficeMockObject.prototype.load.call(this, arg);
        },
      };
      const mock = attach(data);
      return wrap(mock, (path, prop, value) => {
        if (path === "" && (prop === "values" || prop === "numberFormat" || prop === "formulas")) {
          pending.push(() => {
            const m = value as unknown[][];
            record.bytes += Buffer.byteLength(JSON.stringify(m));
            for (let r = 0; r < rows; r++)
              for (let c = 0; c < cols; c++) {
                const v = m[r][c];
                const key = `${r0 + r},${c0 + c}`;
                if (prop === "numberFormat") sheet.formats.set(key, String(v));
                else if (prop === "formulas") {
                  if (typeof v === "string" && v.startsWith("=")) sheet.formulas.set(key, v);
                  else sheet.write(r0 + r, c0 + c, v);
                } else sheet.write(r0 + r, c0 + c, v);
              }
          });
        }
        if (path === "format.fill" && ["color", "pattern", "patternColor"].includes(prop)) {
          pending.push(() => {
            for (let r = 0; r < rows; r++)
              for (let c = 0; c < cols; c++) {
                const key = `${r0 + r},${c0 + c}`;
                const was = sheet.fills.get(key) ?? NO_FILL;
                const v = prop === "pattern" ? String(value) : String(value).toUpperCase();
                const now = { ...was, [prop]: v };
                // Setting a colour on "no fill" makes a solid fill, as in Excel.
                if (prop === "color" && was.pattern === "None") now.pattern = "Solid";
                sheet.fills.set(key, now);
              }
          });
        }
      });
    };

    const makeSheet = (sheet: FakeSheet): unknown => {
      const m = attach({
        name: sheet.name,
        id: sheet.id,
        visibility: sheet.visibility,
        getRange: (address: string) => {
          const a = parseArea(address);
          const rows = /^[A-Z]+(:[A-Z]+)?$/i.test(address) ? Math.max(1, sheet.rowCount) : a.rows;
          return makeRange(sheet, a.r0, a.c0, rows, a.cols);
        },
        getRangeByIndexes: (r: number, c: number, rows: number, cols: number) =>
          makeRange(sheet, r, c, rows, cols),
        // A blank sheet's used range is A1, as in Excel.
        getUsedRange: () => {
          const box = sheet.usedBox() ?? { r0: 0, c0: 0, rows: 1, cols: 1 };
          return makeRange(sheet, box.r0, box.c0, box.rows, box.cols, false);
        },
        getUsedRangeOrNullObject: () => {
          const box = sheet.usedBox();
          if (!box) {
            const n = attach({ values: [] });
            (n as unknown as { isNullObject: boolean }).isNullObject = true;
            return n;
          }
          const r = makeRange(sheet, box.r0, box.c0, box.rows, box.cols);
          (r as { isNullObject?: boolean }).isNullObject = false;
          return r;
        },
        activate: () => pending.push(() => (this.active = sheet.name)),
        tables: {
          add: (address: string, hasHeaders: boolean) => {
            const t = { style: "" };
            sheet.tables.push({ address, hasHeaders, mock: t });
            return t;
          },
        },
      });
      // visibility is written by the adapter (a very hidden sheet); applied at the next sync
      return new Proxy(m, {
        set(t, prop, value) {
          if (prop === "visibility") pending.push(() => (sheet.visibility = String(value)));
          return Reflect.set(t, prop, value);
        },
      });
    };

    const worksheets = attach({
      items: this.sheets.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility })),
      load(this: OfficeMockObject) {
        // Collections: "items/name" loads the items (the mock models items as plain data).
        return OfficeMockObject.prototype.load.call(this, "items");
      },
      getItem: (key: string) => {
        const s = this.sheet(key);
        if (!s) throw new Error(`ItemNotFound: ${key}`);
        return makeSheet(s);
      },
      getItemOrNullObject: (key: string) => {
        const s = this.sheet(key);
        if (s) {
          const m = makeSheet(s) as { isNullObject?: boolean };
          m.isNullObject = false;
          return m;
        }
        // A null object's methods give null objects, as in Office.js.
        const none = attach({
          getUsedRangeOrNullObject: () => {
            const n = attach({ values: [] });
            (n as unknown as { isNullObject: boolean }).isNullObject = true;
            return n;
          },
        });
        (none as unknown as { isNullObject: boolean }).isNullObject = true;
        return none;
      },
      getActiveWorksheet: () => makeSheet(this.sheet(this.active) as FakeSheet),
      add: (name: string) => {
        if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
          throw new Error(`ItemAlreadyExists: ${name}`);
        }
        return makeSheet(this.addSheet(name));
      },
    });
    const settings = attach({
      getItemOrNullObject: (key: string) => {
        const has = this.settings.has(key);
        const s = attach({
          value: has ? (this.settings.get(key) as never) : "",
          delete: () => pending.push(() => this.settings.delete(key)),
        });
        (s as unknown as { isNullObject: boolean }).isNullObject = !has;
        return s;
      },
      add: (key: string, value: unknown) => pending.push(() => this.settings.set(key, value)),
      getItem: (key: string) => {
        if (!this.settings.has(key)) throw new Error(`ItemNotFound: ${key}`);
        return attach({ delete: () => pending.push(() => this.settings.delete(key)) });
      },
    });
    const workbook = root.workbook as Record<string, unknown>;
    workbook.worksheets = worksheets;
    workbook.settings = settings;

    const sync = OfficeMockObject.prototype.sync;
    (root as { sync: () => Promise<void> }).sync = async () => {
      if (refused) {
        refused = false;
        loaded.length = 0;
        pending.length = 0;
        throw new Error("GeneralException: too many merged areas");
      }
      for (const l of loaded.splice(0)) {
        record.bytes += Buffer.byteLength(
          JSON.stringify(
            (
              l as unknown as { _properties: Map<string, { _valueBeforeLoaded: unknown }> }
            )._properties.get("values")?._valueBeforeLoaded ?? null
          )
        );
      }
      for (const p of pending.splice(0)) p();
      this.syncs.push(record);
      record = { bytes: 0 };
      await sync.call(root as unknown as OfficeMockObject);
    };
    return root;
  }
}
