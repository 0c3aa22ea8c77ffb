import { allocate as allocateCell } from "../../src/functions/functions";
import { allocate, defaultPlan, planToInput, recogniseTable } from "../../src/core/allocation";
import { Decimal } from "../../src/core/money";
import { buildLayout } from "../../src/workbook/allocation/layout";
import { a1, columnLetters as columnLetter, sheetRef } from "../../src/core/a1";
import {
  MemoryAllocationWorkbook,
  SAMPLE_FACTOR_TABLE,
} from "../../src/workbook/allocation/memory";

/** Reads a cell of the memory workbook the way Excel would, following ='Sheet'!A1 references. */
function cellValue(wb: MemoryAllocationWorkbook, sheet: string, ref: string): unknown {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  const col = m[1].split("").reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const v = wb.sheets.get(sheet)?.[Number(m[2]) - 1]?.[col];
  const link = typeof v === "string" ? /^='(.+)'!([A-Z]+\d+)$/.exec(v) : null;
  return link ? cellValue(wb, link[1], link[2]) : v;
}

function rangeValues(wb: MemoryAllocationWorkbook, sheet: string, range: string): unknown[][] {
  const [from, to] = range.split(":");
  const p = (r: string) => /^\$?([A-Z]+)\$?(\d+)$/.exec(r)!;
  const [c0, r0] = [p(from)[1], Number(p(from)[2])];
  const [c1, r1] = [p(to ?? from)[1], Number(p(to ?? from)[2])];
  const ci = (c: string) => c.split("").reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const out: unknown[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: unknown[] = [];
    for (let c = ci(c0); c <= ci(c1); c++) row.push(cellValue(wb, sheet, `${columnLetter(c)}${r}`));
    out.push(row);
  }
  return out;
}

describe("result sheet layout", () => {
  it("helpers: column letters, A1 references, quoted sheet names", () => {
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701)]).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
    ]);
    expect(a1(4, 1, true)).toBe("$B$5");
    expect(sheetRef("Data")).toBe("Data");
    expect(sheetRef("因素 表")).toBe("'因素 表'");
    expect(sheetRef("O'Brien")).toBe("'O''Brien'");
  });

  it("the live =FUND.ALLOCATE formula gives the same amounts as the table (key counties included)", async () => {
    const wb = new MemoryAllocationWorkbook();
    const table = recogniseTable(SAMPLE_FACTOR_TABLE);
    const plan = {
      ...defaultPlan(table),
      pool: "50000000",
      carryoverColumn: null,
      minimumAll: "1000000",
    };
    const p = planToInput(table, plan);
    if (!p.ok) throw new Error(p.message.en);
    const r = allocate(p.input);
    if (!r.ok) throw new Error(r.error.message.en);
    const layout = buildLayout({
      names: p.names,
      factorNames: plan.factors.map((f) => f.name),
      result: r,
      chart: true,
      formulas: {
        source: {
          sheet: "因素表",
          rows: table.dataRows,
          factorColumns: plan.factors.map((f) => f.column),
        },
        weights: p.input.specs.map((s) => new Decimal(s.weight)),
        directions: p.input.specs.map((s) => s.direction ?? "+"),
        minimums: p.input.minimums?.map((x) => (x === null ? null : new Decimal(x))),
        coefficients: p.input.coefficients?.map((x) => (x === null ? null : new Decimal(x))),
      },
    });
    const { sheetName } = await wb.writeResult(layout);
    const formula = layout.blocks.find((b) => String(b.values[0][0]).startsWith("=FUND.ALLOCATE"))!;
    const args = /^=FUND\.ALLOCATE\((.*)\)$/.exec(String(formula.values[0][0]))![1].split(",");
    const [pool, factors, weights, dirs, unit, mins, coefs] = args.map((a) =>
      rangeValues(wb, sheetName, a)
    );
    const live = allocateCell(
      pool[0][0] as number,
      factors,
      weights,
      dirs,
      unit[0][0] as number,
      mins,
      coefs
    );
    const tableAmounts = rangeValues(wb, sheetName, `B6:B${5 + p.names.length}`);
    expect(live).toEqual(tableAmounts);
    expect(r.warnings.map((w) => w.code)).toEqual([]);
  });
});
