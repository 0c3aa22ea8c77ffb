import { OfficeFilingWorkbook } from "../../src/excel/filing";
import { FakeExcel } from "./filing-fake";
import { columnIndex } from "../../src/core/review/types";
import {
  filingContract,
  publicityRow,
  type FilingFixture,
  type NormalValidation,
} from "../contract/filing.contract";

/** The Office.js fake in the filing contract's vocabulary. */
function excelFixture(sheets?: { name: string; grid?: unknown[][] }[]): FilingFixture {
  const fake = new FakeExcel(sheets);
  for (const s of fake.sheets) {
    // The used range is the bounding box of the cells holding values, as in Excel.
    s.mock.getUsedRangeOrNullObject = () => {
      let r0 = -1;
      let r1 = -1;
      let c0 = Infinity;
      let c1 = -1;
      s.grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === "" || v === null || v === undefined) return;
          if (r0 < 0) r0 = r;
          r1 = r;
          c0 = Math.min(c0, c);
          c1 = Math.max(c1, c);
        })
      );
      const u = fake.mock(
        r0 < 0
          ? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }
          : { rowIndex: r0, columnIndex: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 }
      );
      u.isNullObject = r0 < 0;
      return u;
    };
  }
  const at = (address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  };
  const alertOf = (dv: {
    rule: Record<string, Record<string, unknown>>;
    errorAlert: Record<string, unknown>;
  }): NormalValidation => {
    const [type, rule] = Object.entries(dv.rule)[0];
    const ops: Record<string, "between" | "greaterEqual"> = {
      Between: "between",
      GreaterThanOrEqualTo: "greaterEqual",
    };
    return {
      type: (type === "wholeNumber" ? "whole" : type) as NormalValidation["type"],
      ...(rule.source !== undefined ? { source: String(rule.source) } : {}),
      ...(rule.inCellDropDown !== undefined ? { dropDown: Boolean(rule.inCellDropDown) } : {}),
      ...(rule.formula1 !== undefined ? { min: String(rule.formula1) } : {}),
      ...(rule.formula2 !== undefined ? { max: String(rule.formula2) } : {}),
      ...(rule.operator !== undefined ? { operator: ops[String(rule.operator)] } : {}),
      strict: dv.errorAlert.style === "Stop",
      shown: dv.errorAlert.showAlert === true,
      title: String(dv.errorAlert.title),
      message: String(dv.errorAlert.message),
    };
  };
  return {
    port: new OfficeFilingWorkbook(fake.run),
    addSheet: (name, grid = []) => void fake.addSheet(name, grid),
    grid: (name) => fake.sheet(name).grid,
    cell: (name, address) => fake.cell(name, address),
    setCell: (name, address, value) => {
      const { row, col } = at(address);
      fake.sheet(name).grid[row][col] = value;
    },
    merged: (name) =>
      fake
        .sheet(name)
        .ranges.filter((r) => r.merge.mock.calls.length > 0)
        .map((r) => r.__address),
    tables: (name) =>
      fake.sheet(name).tables.map((t) => ({
        name: t.name,
        address: t.added.address,
        hasHeaders: t.added.hasHeaders,
      })),
    formats: (name, row) => (fake.lastRange(name, row).numberFormat as string[][])[0],
    validation: (name, range) => {
      const dv = fake.lastRange(name, range).dataValidation;
      return dv.rule ? alertOf(dv) : null;
    },
    merge: (name, area) => {
      const s = fake.sheet(name);
      s.merges = [...(s.merges ?? []), area];
    },
    frozenRows: (name) => fake.sheet(name).frozenRows,
    page: (name) => {
      const s = fake.sheet(name);
      const layout = s.mock.pageLayout;
      return {
        printTitleRows: s.printTitleRows,
        orientation: layout.orientation,
        paperSize: layout.paperSize,
        fit: layout.zoom
          ? { wide: layout.zoom.horizontalFitToPages, tall: layout.zoom.verticalFitToPages }
          : null,
        footer: layout.headersFooters.defaultForAllPages.centerFooter,
      };
    },
    active: () => fake.active,
    selected: () => fake.selected,
    // Sheets, used ranges, header areas, contents.
    checkCalls: () => expect(fake.sync.mock.calls.length).toBe(4),
    resetCalls: () => fake.sync.mockClear(),
  };
}

filingContract("Excel (Office.js over office-addin-mock)", excelFixture);

describe("creating a filing sheet through Office.js", () => {
  test("bounded round trips: 10 and 1,000 rows take the same number of syncs", async () => {
    const syncs = async (n: number) => {
      const fake = new FakeExcel();
      const rows = Array.from({ length: n }, (_, i) => publicityRow(i));
      await new OfficeFilingWorkbook(fake.run).createSheet({
        kind: "publicity",
        county: "",
        year: null,
        rows,
      });
      expect(fake.sheet("项目公告公示表").grid).toHaveLength(3 + n);
      return fake.sync.mock.calls.length;
    };
    const ten = await syncs(10);
    expect(ten).toBe(2);
    expect(await syncs(1000)).toBe(ten);
    // beyond one batch (40,000 cells = 2,857 rows of 14 columns) one more sync per batch
    expect(await syncs(6000)).toBe(ten + 2);
  });
});
