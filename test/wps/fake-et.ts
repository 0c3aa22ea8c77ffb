/**
 * A fake of WPS 表格's JavaScript object model (the `Application` a WPS add-in page gets), for the
 * WPS adapters' tests and the browser harness. Written like the Excel fakes: it keeps a model of
 * the workbook, records the calls made on it, and enforces what the real API does (as declared
 * in et-jsapi-declare 2.5.0 and documented for the VBA objects WPS mirrors):
 *
 * - indices are 1-based: Cells.Item(0, 1), Worksheets.Item(0) are errors; a missing name is one;
 * - Value2 of one cell is a scalar, of a block a 2-D array (rows of cells, blanks undefined);
 *   assigning a block needs a 2-D array of exactly its shape (or one scalar for every cell);
 * - a string beginning with =, +, - or @ written into a cell not formatted Text ("@") becomes a
 *   formula, as in the real program; NumberFormat takes one string for the whole range;
 * - Interior.Color is a BGR number; "no fill" is Pattern xlNone (-4142), reading white;
 *   giving a colour to an unfilled cell makes a solid fill;
 * - Select works only on the active sheet; ActiveWindow's freeze applies to the active sheet;
 *   Worksheets.Add makes the new sheet active; sheet names are unique (case-insensitive), ≤ 31
 *   characters, without : \ / ? * [ ];
 * - Validation.Add on a range that already has a rule is an error (Delete first);
 * - a custom document property's text holds at most 255 characters; names are unique;
 * - table (ListObject) names are unique in the workbook.
 *
 * No jest and no Node APIs: the browser harness bundles it too.
 */

export const XL_NONE = -4142;
export const XL_SOLID = 1;
export const WHITE = 16777215;

export interface EtFill {
  color: number;
  pattern: number;
  patternColor: number;
}
export const NO_FILL: EtFill = { color: WHITE, pattern: XL_NONE, patternColor: 0 };

export interface EtValidationRecord {
  type: number;
  alertStyle?: number;
  operator?: number;
  formula1?: string;
  formula2?: string;
  inCellDropdown: boolean;
  showError: boolean;
  errorTitle: string;
  errorMessage: string;
}

interface Area {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnName(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** "B3" → 0-based row and column. */
export function cellAt(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) throw new Error(`bad cell address ${a}`);
  return { row: Number(m[2]) - 1, col: columnNumber(m[1]) - 1 };
}

const BAD_NAME = /[:\\/?*[\]]/;

function fail(message: string): never {
  // The JS API surfaces VBA's run-time errors as exceptions.
  throw new Error(`WPS: ${message}`);
}

export class FakeEtSheet {
  /** Dense values from A1, 0-based; "" or undefined for blank. */
  values: unknown[][];
  formulas = new Map<string, string>();
  formats = new Map<string, string>();
  fills = new Map<string, EtFill>();
  merges: Area[] = [];
  validations: { area: string; rule: EtValidationRecord }[] = [];
  tables: { name: string; address: string; hasHeaders: boolean; style: unknown }[] = [];
  charts: { type: number; source: string | null; title: string; legend: boolean }[] = [];
  autoFilters: string[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  fonts = new Map<string, { bold?: boolean; size?: number; color?: number }>();
  alignments = new Map<string, number>();
  wrapped = new Set<string>();
  frozen: { rows: number; cols: number } | null = null;
  pageSetup: Record<string, unknown> = {};
  visible = -1;
  /** The sheet's selected cells ("A1", "B2:C4"): Application.Selection on the active sheet. */
  selection = "A1";

  constructor(
    readonly book: FakeEtWorkbook,
    public name: string,
    readonly codeName: string,
    values: unknown[][] = []
  ) {
    this.values = values;
  }

  value(r: number, c: number): unknown {
    const v = this.values[r]?.[c];
    return v === "" ? undefined : v;
  }

  fill(r: number, c: number): EtFill {
    return this.fills.get(`${r},${c}`) ?? NO_FILL;
  }

  /** What a cell holds: its value, its formula, its number format. */
  cell(address: string): { value: unknown; formula: string | null; numberFormat: string } {
    const { row, col } = cellAt(address);
    const key = `${row},${col}`;
    return {
      value: this.values[row]?.[col] ?? "",
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
      row[c] = v === undefined || v === null ? "" : v;
    }
  }

  /** Excel's used range: the bounding box of cells holding a value or formula. */
  usedBox(): Area | null {
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

  get rowCount(): number {
    return this.values.length;
  }

  // ── the object model ──

  get Name(): string {
    return this.name;
  }
  set Name(v: string) {
    this.book.call("Worksheet.Name=");
    if (v === this.name) return;
    if (!v || v.length > 31 || BAD_NAME.test(v)) fail(`invalid sheet name ${v}`);
    if (this.book.sheets.some((s) => s !== this && s.name.toLowerCase() === v.toLowerCase())) {
      fail(`a sheet named ${v} exists`);
    }
    this.name = v;
  }
  get CodeName(): string {
    return this.codeName;
  }
  get Visible(): number {
    return this.visible;
  }
  set Visible(v: number) {
    this.visible = v;
  }
  get Index(): number {
    return this.book.sheets.indexOf(this) + 1;
  }
  get UsedRange(): FakeEtRange {
    this.book.call("Worksheet.UsedRange");
    const box = this.usedBox() ?? { r0: 0, c0: 0, rows: 1, cols: 1 };
    return new FakeEtRange(this, box);
  }
  get Cells(): { Item(row: number, column: number): FakeEtRange } {
    return {
      Item: (row: number, column: number) => {
        this.book.call("Cells.Item");
        if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) {
          fail(`Cells.Item(${row}, ${column}): indices are 1-based`);
        }
        return new FakeEtRange(this, { r0: row - 1, c0: column - 1, rows: 1, cols: 1 });
      },
    };
  }
  Range(cell1: string | FakeEtRange, cell2?: string | FakeEtRange): FakeEtRange {
    this.book.call("Worksheet.Range");
    if (cell2 !== undefined || typeof cell1 !== "string")
      fail("Range(cell1, cell2) is not modelled");
    const [p, q] = cell1.replace(/\$/g, "").split(":");
    if (/^[A-Z]+$/i.test(p)) {
      const c0 = columnNumber(p) - 1;
      const c1 = columnNumber(q ?? p) - 1;
      return new FakeEtRange(this, { r0: 0, c0, rows: 1048576, cols: c1 - c0 + 1 });
    }
    const s = cellAt(p);
    const e = q ? cellAt(q) : s;
    return new FakeEtRange(this, {
      r0: s.row,
      c0: s.col,
      rows: e.row - s.row + 1,
      cols: e.col - s.col + 1,
    });
  }
  Activate(): void {
    this.book.call("Worksheet.Activate");
    this.book.active = this;
  }
  get PageSetup(): Record<string, unknown> {
    return new Proxy(this.pageSetup, {
      set: (t, prop, value) => {
        this.book.call(`PageSetup.${String(prop)}=`);
        t[String(prop)] = value;
        return true;
      },
    });
  }
  get ListObjects(): unknown {
    const sheet = this;
    return {
      get Count() {
        return sheet.tables.length;
      },
      Item(i: number | string) {
        const t =
          typeof i === "number" ? sheet.tables[i - 1] : sheet.tables.find((x) => x.name === i);
        if (!t) fail(`ListObjects.Item(${i})`);
        return tableObject(sheet, t);
      },
      Add(sourceType: number, source: FakeEtRange, _link: unknown, hasHeaders: number) {
        sheet.book.call("ListObjects.Add");
        if (sourceType !== 1 || !(source instanceof FakeEtRange))
          fail("ListObjects.Add needs xlSrcRange and a range");
        let k = 1;
        while (sheet.book.tableNames().includes(`表${k}`)) k++;
        const t = {
          name: `表${k}`,
          address: source.Address(false, false),
          hasHeaders: hasHeaders === 1,
          style: "TableStyleMedium2",
        };
        sheet.tables.push(t);
        return tableObject(sheet, t);
      },
    };
  }
  get Shapes(): unknown {
    const sheet = this;
    return {
      AddChart(type: number) {
        sheet.book.call("Shapes.AddChart");
        const rec = { type, source: null as string | null, title: "", legend: true };
        sheet.charts.push(rec);
        const chart = {
          SetSourceData(src: FakeEtRange) {
            rec.source = src.Address(false, false);
          },
          HasTitle: false,
          ChartTitle: {
            set Text(v: string) {
              rec.title = v;
            },
            get Text() {
              return rec.title;
            },
          },
          set HasLegend(v: boolean) {
            rec.legend = v;
          },
          get HasLegend() {
            return rec.legend;
          },
        };
        return { Chart: chart, Left: 0, Top: 0 };
      },
    };
  }
}

function tableObject(sheet: FakeEtSheet, t: FakeEtSheet["tables"][number]): unknown {
  return {
    get Name() {
      return t.name;
    },
    set Name(v: string) {
      if (
        sheet.book.tableNames().some((n) => n.toLowerCase() === v.toLowerCase() && n !== t.name)
      ) {
        fail(`a table named ${v} exists`);
      }
      t.name = v;
    },
    get TableStyle() {
      return t.style;
    },
    set TableStyle(v: unknown) {
      t.style = v;
    },
  };
}

export class FakeEtRange {
  constructor(
    readonly sheet: FakeEtSheet,
    readonly area: Area
  ) {}

  private get book(): FakeEtWorkbook {
    return this.sheet.book;
  }
  private each(f: (r: number, c: number) => void): void {
    const { r0, c0 } = this.area;
    // Whole columns: only the rows the sheet has (the rest are blank and stay so).
    const rows = this.area.rows > 100000 ? Math.max(1, this.sheet.rowCount) : this.area.rows;
    for (let r = 0; r < rows; r++) for (let c = 0; c < this.area.cols; c++) f(r0 + r, c0 + c);
  }
  private get single(): boolean {
    return this.area.rows === 1 && this.area.cols === 1;
  }

  get Value2(): unknown {
    this.book.call("Range.Value2");
    this.book.cellsRead += this.area.rows * this.area.cols;
    const { r0, c0, rows, cols } = this.area;
    if (this.single) return this.sheet.value(r0, c0);
    if (rows * cols > 5_000_000) fail("Value2 of more than 5 million cells");
    const out: unknown[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < cols; c++) row.push(this.sheet.value(r0 + r, c0 + c));
      out.push(row);
    }
    return out;
  }
  set Value2(v: unknown) {
    this.book.call("Range.Value2=");
    this.assign(v, (r, c, x) => this.sheet.write(r, c, x));
  }
  get Formula(): unknown {
    const { r0, c0 } = this.area;
    return this.sheet.formulas.get(`${r0},${c0}`) ?? this.sheet.value(r0, c0) ?? "";
  }
  set Formula(v: unknown) {
    this.book.call("Range.Formula=");
    this.assign(v, (r, c, x) => {
      const key = `${r},${c}`;
      if (typeof x === "string" && x.startsWith("=")) {
        this.sheet.write(r, c, "");
        this.sheet.formulas.set(key, x);
        this.sheet.values[r][c] = "(formula)";
      } else this.sheet.write(r, c, x);
    });
  }
  private assign(v: unknown, put: (r: number, c: number, x: unknown) => void): void {
    const { r0, c0, rows, cols } = this.area;
    if (!Array.isArray(v)) {
      this.each((r, c) => put(r, c, v));
      return;
    }
    if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
      fail(`a ${rows}×${cols} range was given an array of another shape`);
    }
    this.book.cellsWritten += rows * cols;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) put(r0 + r, c0 + c, (v[r] as unknown[])[c]);
  }
  get NumberFormat(): string {
    const { r0, c0 } = this.area;
    return this.sheet.formats.get(`${r0},${c0}`) ?? "General";
  }
  set NumberFormat(v: string) {
    this.book.call("Range.NumberFormat=");
    if (typeof v !== "string") fail("NumberFormat takes one format string for the range");
    this.each((r, c) => this.sheet.formats.set(`${r},${c}`, v));
  }
  get Row(): number {
    return this.area.r0 + 1;
  }
  get Column(): number {
    return this.area.c0 + 1;
  }
  get Rows(): { Count: number } {
    return { Count: this.area.rows };
  }
  get Columns(): { Count: number } {
    return { Count: this.area.cols };
  }
  get Worksheet(): FakeEtSheet {
    return this.sheet;
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    const { r0, c0, rows, cols } = this.area;
    const ref = (r: number, c: number) =>
      `${columnAbsolute ? "$" : ""}${columnName(c + 1)}${rowAbsolute ? "$" : ""}${r + 1}`;
    return this.single ? ref(r0, c0) : `${ref(r0, c0)}:${ref(r0 + rows - 1, c0 + cols - 1)}`;
  }
  Resize(rows?: number, cols?: number): FakeEtRange {
    const n = rows ?? this.area.rows;
    const m = cols ?? this.area.cols;
    if (!Number.isInteger(n) || !Number.isInteger(m) || n < 1 || m < 1)
      fail(`Resize(${rows}, ${cols})`);
    return new FakeEtRange(this.sheet, { ...this.area, rows: n, cols: m });
  }
  get EntireColumn(): FakeEtRange {
    return new FakeEtRange(this.sheet, {
      r0: 0,
      c0: this.area.c0,
      rows: 1048576,
      cols: this.area.cols,
    });
  }
  AutoFit(): boolean {
    return true;
  }
  AutoFilter(): boolean {
    this.sheet.autoFilters.push(this.Address(false, false));
    return true;
  }
  Merge(): void {
    this.book.call("Range.Merge");
    this.sheet.merges.push({ ...this.area });
  }
  private mergeOf(r: number, c: number): Area | undefined {
    return this.sheet.merges.find(
      (m) => r >= m.r0 && r < m.r0 + m.rows && c >= m.c0 && c < m.c0 + m.cols
    );
  }
  get MergeCells(): boolean | null {
    this.book.call("Range.MergeCells");
    let some = false;
    let all = true;
    this.each((r, c) => {
      if (this.mergeOf(r, c)) some = true;
      else all = false;
    });
    return all ? true : some ? null : false;
  }
  get MergeArea(): FakeEtRange {
    const m = this.mergeOf(this.area.r0, this.area.c0);
    return m ? new FakeEtRange(this.sheet, m) : this;
  }
  Select(): boolean {
    this.book.call("Range.Select");
    if (this.book.active !== this.sheet)
      fail("Select method of Range class failed (the sheet is not active)");
    this.sheet.selection = this.Address(false, false);
    this.book.selected = { sheet: this.sheet.name, cell: this.sheet.selection };
    return true;
  }
  Activate(): boolean {
    return this.Select();
  }
  get Interior(): unknown {
    const range = this;
    const { r0, c0 } = this.area;
    const set = (patch: Partial<EtFill>) => {
      range.book.call("Interior=");
      range.each((r, c) => {
        const was = range.sheet.fill(r, c);
        let now = { ...was, ...patch };
        if (patch.color !== undefined && was.pattern === XL_NONE) now.pattern = XL_SOLID;
        if (patch.pattern === XL_NONE) now = { ...NO_FILL };
        if (now.pattern === XL_NONE) range.sheet.fills.delete(`${r},${c}`);
        else range.sheet.fills.set(`${r},${c}`, now);
      });
    };
    return {
      get Color() {
        return range.sheet.fill(r0, c0).color;
      },
      set Color(v: number) {
        if (typeof v !== "number") fail("Interior.Color is a BGR number");
        set({ color: v });
      },
      get Pattern() {
        return range.sheet.fill(r0, c0).pattern;
      },
      set Pattern(v: number) {
        set({ pattern: v });
      },
      get PatternColor() {
        return range.sheet.fill(r0, c0).patternColor;
      },
      set PatternColor(v: number) {
        set({ patternColor: v });
      },
      set ColorIndex(v: number) {
        if (v === XL_NONE) set({ pattern: XL_NONE });
      },
    };
  }
  get Font(): unknown {
    const key = this.Address(false, false);
    const font = this.sheet.fonts.get(key) ?? {};
    this.sheet.fonts.set(key, font);
    return {
      set Bold(v: boolean) {
        font.bold = v;
      },
      set Size(v: number) {
        font.size = v;
      },
      set Color(v: number) {
        if (typeof v !== "number") fail("Font.Color is a BGR number");
        font.color = v;
      },
    };
  }
  set HorizontalAlignment(v: number) {
    this.sheet.alignments.set(this.Address(false, false), v);
  }
  set WrapText(v: boolean) {
    if (v) this.sheet.wrapped.add(this.Address(false, false));
  }
  set RowHeight(v: number) {
    for (let r = 0; r < this.area.rows; r++) this.sheet.rowHeights.set(this.area.r0 + r + 1, v);
  }
  set ColumnWidth(v: number) {
    if (v < 0 || v > 255) fail("ColumnWidth is 0–255 characters");
    for (let c = 0; c < this.area.cols; c++) this.sheet.columnWidths.set(this.area.c0 + c + 1, v);
  }
  get Validation(): unknown {
    const sheet = this.sheet;
    const area = this.Address(false, false);
    const find = () => sheet.validations.find((v) => v.area === area);
    return {
      Add(
        type: number,
        alertStyle?: number,
        operator?: number,
        formula1?: string,
        formula2?: string
      ) {
        sheet.book.call("Validation.Add");
        if (find()) fail("Validation.Add on a range that already has validation");
        sheet.validations.push({
          area,
          rule: {
            type,
            alertStyle,
            operator,
            formula1,
            formula2,
            inCellDropdown: true,
            showError: true,
            errorTitle: "",
            errorMessage: "",
          },
        });
      },
      Delete() {
        sheet.validations = sheet.validations.filter((v) => v.area !== area);
      },
      set InCellDropdown(v: boolean) {
        (find() ?? fail("no validation")).rule.inCellDropdown = v;
      },
      set ShowError(v: boolean) {
        (find() ?? fail("no validation")).rule.showError = v;
      },
      set ErrorTitle(v: string) {
        (find() ?? fail("no validation")).rule.errorTitle = v;
      },
      set ErrorMessage(v: string) {
        (find() ?? fail("no validation")).rule.errorMessage = v;
      },
    };
  }
}

interface Property {
  name: string;
  value: unknown;
}

export class FakeEtWorkbook {
  sheets: FakeEtSheet[] = [];
  active: FakeEtSheet | null = null;
  selected: { sheet: string; cell: string } | null = null;
  properties: Property[] = [];
  /** Every call and property write, by name, in order. */
  calls: string[] = [];
  cellsRead = 0;
  cellsWritten = 0;
  private nextCode = 1;

  constructor(readonly Name = "工作簿1.et") {}

  call(what: string): void {
    this.calls.push(what);
  }
  count(what: string): number {
    return this.calls.filter((c) => c === what).length;
  }

  addSheet(name: string, values: unknown[][] = []): FakeEtSheet {
    const s = new FakeEtSheet(this, name, `Sheet${this.nextCode++}`, values);
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }
  sheet(name: string): FakeEtSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  tableNames(): string[] {
    return this.sheets.flatMap((s) => s.tables.map((t) => t.name));
  }
  property(name: string): unknown {
    return this.properties.find((p) => p.name === name)?.value;
  }

  get Worksheets(): unknown {
    const book = this;
    return {
      get Count() {
        return book.sheets.length;
      },
      Item(i: number | string) {
        book.call("Worksheets.Item");
        const s =
          typeof i === "number"
            ? Number.isInteger(i) && i >= 1
              ? book.sheets[i - 1]
              : fail(`Worksheets.Item(${i}): indices are 1-based`)
            : book.sheets.find((x) => x.name.toLowerCase() === i.toLowerCase());
        return s ?? fail(`Worksheets.Item(${i}): no such sheet`);
      },
      Add(before?: FakeEtSheet, after?: FakeEtSheet) {
        book.call("Worksheets.Add");
        let k = book.sheets.length + 1;
        while (book.sheets.some((s) => s.name.toLowerCase() === `sheet${k}`)) k++;
        const s = new FakeEtSheet(book, `Sheet${k}`, `Sheet${book.nextCode++}`);
        const at = after
          ? book.sheets.indexOf(after) + 1
          : before
            ? book.sheets.indexOf(before)
            : 0;
        book.sheets.splice(at, 0, s);
        book.active = s;
        return s;
      },
    };
  }
  get ActiveSheet(): FakeEtSheet | null {
    return this.active;
  }
  get CustomDocumentProperties(): unknown {
    const book = this;
    const wrap = (p: Property) => ({
      get Name() {
        return p.name;
      },
      get Value() {
        return p.value;
      },
      Delete() {
        book.call("DocumentProperty.Delete");
        book.properties = book.properties.filter((x) => x !== p);
      },
    });
    return {
      get Count() {
        return book.properties.length;
      },
      Item(i: number | string) {
        const p =
          typeof i === "number"
            ? book.properties[i - 1]
            : book.properties.find((x) => x.name === i);
        return wrap(p ?? fail(`CustomDocumentProperties.Item(${i}): no such property`));
      },
      Add(name: string, _link: boolean, type: number, value: unknown) {
        book.call("DocumentProperties.Add");
        if (book.properties.some((x) => x.name === name)) fail(`a property named ${name} exists`);
        if (type === 4 && String(value).length > 255)
          fail("a text property holds at most 255 characters");
        const p = { name, value };
        book.properties.push(p);
        return wrap(p);
      },
    };
  }
}

/** The `Application` global of a WPS 表格 add-in page, over one workbook. */
export class FakeEtApplication {
  /** What PluginStorage holds (shared by the add-in's pages). */
  storage = new Map<string, unknown>();
  constructor(readonly book: FakeEtWorkbook | null = new FakeEtWorkbook()) {}

  get ActiveWorkbook(): FakeEtWorkbook | null {
    return this.book;
  }
  get ActiveSheet(): FakeEtSheet | null {
    return this.book?.active ?? null;
  }
  /** The selection is always on the active sheet, as in the real program. */
  get Selection(): FakeEtRange | null {
    const s = this.book?.active;
    return s ? s.Range(s.selection) : null;
  }
  get ActiveWindow(): unknown {
    const book = this.book;
    const state = { split: 0, splitCol: 0 };
    return {
      set SplitRow(v: number) {
        state.split = v;
      },
      set SplitColumn(v: number) {
        state.splitCol = v;
      },
      set FreezePanes(v: boolean) {
        book?.call("ActiveWindow.FreezePanes=");
        if (!book?.active) fail("no active sheet");
        book.active.frozen = v ? { rows: state.split, cols: state.splitCol } : null;
      },
    };
  }
  get PluginStorage(): unknown {
    return {
      setItem: (k: string, v: unknown) => this.storage.set(k, v),
      getItem: (k: string) => this.storage.get(k),
    };
  }
}
