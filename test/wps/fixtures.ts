/** The WPS object-model fake in the contract tests' vocabulary (test/contract/*.contract.ts). */
import type { Fill } from "../contract/review.contract";
import type { FilingFixture, NormalValidation } from "../contract/filing.contract";
import { WpsFilingWorkbook } from "../../src/wps/filing";
import { WpsReviewWorkbook } from "../../src/wps/review";
import type { EtApplication, EtWorkbook } from "../../src/wps/api";
import { has } from "../../src/wps/store";
import { bgr, hexOf } from "../../src/wps/cells";
import {
  cellAt,
  columnName,
  FakeEtApplication,
  FakeEtRange,
  FakeEtSheet,
  FakeEtWorkbook,
  XL_NONE,
  XL_SOLID,
} from "./fake-et";

/** XlPattern values for the pattern names the contract uses. */
export const PATTERNS: Record<string, number> = { None: XL_NONE, Solid: XL_SOLID, Gray25: -4124 };
const PATTERN_NAMES = Object.fromEntries(Object.entries(PATTERNS).map(([k, v]) => [v, k]));

/** The error value WPS hands a JS add-in for #N/A (VBA's CVErr(xlErrNA) as an HRESULT). */
export const WPS_NA = -2146826246;

export function fakeApp(): { app: FakeEtApplication; book: FakeEtWorkbook; et: EtApplication } {
  const app = new FakeEtApplication();
  return { app, book: app.book as FakeEtWorkbook, et: app as unknown as EtApplication };
}

export function sheetOf(book: FakeEtWorkbook, name: string): FakeEtSheet {
  const s = book.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function toFill(f: { color: number; pattern: number; patternColor: number }): Fill {
  return {
    color: hexOf(f.color),
    pattern: PATTERN_NAMES[f.pattern] ?? String(f.pattern),
    patternColor: hexOf(f.patternColor),
  };
}

export function wpsReviewFixture(checkCalls: (book: FakeEtWorkbook, phase: string) => void) {
  const { book, et } = fakeApp();
  const sheet = (name: string) => sheetOf(book, name);
  return {
    book,
    port: new WpsReviewWorkbook(et),
    addSheet(
      name: string,
      values: unknown[][] = [],
      opts: { hidden?: boolean; merges?: string[] } = {}
    ) {
      // Error cells arrive as WPS gives them to an add-in, not as text.
      const s = book.addSheet(
        name,
        values.map((row) => row.map((v) => (v === "#N/A" ? WPS_NA : v)))
      );
      if (opts.hidden) s.visible = 0;
      for (const m of opts.merges ?? []) s.Range(m).Merge();
    },
    setActive: (name: string) => (book.active = sheet(name)),
    rename: (from: string, to: string) => (sheet(from).name = to),
    values: (name: string) => sheet(name).values,
    formatCount: (name: string) => sheet(name).formats.size,
    formulaCount: (name: string) => sheet(name).formulas.size,
    fill: (name: string, cell: string) => {
      const { row, col } = cellAt(cell);
      return toFill(sheet(name).fill(row, col));
    },
    setFill: (name: string, cell: string, f: Fill) => {
      const { row, col } = cellAt(cell);
      sheet(name).fills.set(`${row},${col}`, {
        color: bgr(f.color),
        pattern: PATTERNS[f.pattern],
        patternColor: bgr(f.patternColor),
      });
    },
    fills: (name: string) => {
      const out: Record<string, Fill> = {};
      for (const [k, f] of sheet(name).fills) {
        const [r, c] = k.split(",").map(Number);
        out[`${columnName(c + 1)}${r + 1}`] = toFill(f);
      }
      return out;
    },
    cell: (name: string, address: string) => sheet(name).cell(address),
    writeRaw: (name: string, address: string, value: unknown) => {
      const { row, col } = cellAt(address);
      sheet(name).write(row, col, value);
    },
    tables: (name: string) =>
      sheet(name).tables.map((t) => ({
        address: t.address,
        hasHeaders: t.hasHeaders,
        style: t.style,
      })),
    rowCount: (name: string) => sheet(name).rowCount,
    active: () => book.active?.name ?? "",
    selected: () => book.selected,
    remembers: (key: string) => has(book as unknown as EtWorkbook, key),
    checkCalls: (phase: "emptyRead" | "highlight" | "clear") => checkCalls(book, phase),
    resetCalls: () => {
      book.calls = [];
      book.cellsRead = 0;
    },
  };
}

const DV_TYPES: Record<number, NormalValidation["type"]> = {
  1: "whole",
  2: "decimal",
  3: "list",
  4: "date",
};

/** "=DATE(2000,1,1)" → "2000-01-01"; other formulas as they are. */
function isoOf(formula: string | undefined): string | undefined {
  const m = /^=DATE\((\d+),(\d+),(\d+)\)$/.exec(formula ?? "");
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : formula;
}

export function wpsFilingFixture(
  sheets: { name: string; grid?: unknown[][] }[] = [{ name: "Sheet1" }],
  checkCalls: (book: FakeEtWorkbook) => void = () => undefined
): FilingFixture {
  const { book, et } = fakeApp();
  for (const s of sheets) book.addSheet(s.name, s.grid ?? []);
  const sheet = (name: string) => sheetOf(book, name);
  return {
    port: new WpsFilingWorkbook(et),
    addSheet: (name, grid = []) => void book.addSheet(name, grid),
    grid: (name) => sheet(name).values,
    cell: (name, address) => sheet(name).cell(address).value,
    setCell: (name, address, value) => {
      const { row, col } = cellAt(address);
      sheet(name).write(row, col, value);
    },
    merged: (name) =>
      sheet(name).merges.map((m) => new FakeEtRange(sheet(name), m).Address(false, false)),
    tables: (name) =>
      sheet(name).tables.map((t) => ({
        name: t.name,
        address: t.address,
        hasHeaders: t.hasHeaders,
      })),
    formats: (name, row) => {
      const [a, b] = row.split(":").map(cellAt);
      return Array.from(
        { length: b.col - a.col + 1 },
        (_, i) => sheet(name).cell(`${columnName(a.col + i + 1)}${a.row + 1}`).numberFormat
      );
    },
    validation: (name, range) => {
      const [a, b] = range.split(":");
      const area = a === b ? a : range;
      const v = sheet(name).validations.find((x) => x.area === area);
      if (!v) return null;
      const r = v.rule;
      const ops: Record<number, "between" | "greaterEqual"> = { 1: "between", 7: "greaterEqual" };
      const list = r.type === 3;
      return {
        type: DV_TYPES[r.type],
        ...(list ? { source: r.formula1, dropDown: r.inCellDropdown } : { min: isoOf(r.formula1) }),
        ...(!list && r.formula2 !== undefined ? { max: isoOf(r.formula2) } : {}),
        ...(!list && r.operator !== undefined ? { operator: ops[r.operator] } : {}),
        strict: r.alertStyle === 1,
        shown: r.showError,
        title: r.errorTitle,
        message: r.errorMessage,
      };
    },
    merge: (name, area) => sheet(name).Range(area).Merge(),
    frozenRows: (name) => sheet(name).frozen?.rows ?? null,
    page: (name) => {
      const p = sheet(name).pageSetup;
      return {
        printTitleRows: (p.PrintTitleRows as string) ?? null,
        orientation: p.Orientation === 2 ? "Landscape" : "Portrait",
        paperSize: p.PaperSize === 9 ? "A4" : String(p.PaperSize),
        // FitToPages… apply only when Zoom is false; false for a direction means "as many as needed".
        fit:
          p.Zoom === false
            ? { wide: Number(p.FitToPagesWide || 0), tall: Number(p.FitToPagesTall || 0) }
            : null,
        footer: String(p.CenterFooter ?? ""),
      };
    },
    active: () => book.active?.name ?? null,
    selected: () => (book.selected ? `${book.selected.sheet}!${book.selected.cell}` : null),
    checkCalls: () => checkCalls(book),
    resetCalls: () => {
      book.calls = [];
      book.cellsRead = 0;
    },
  };
}
