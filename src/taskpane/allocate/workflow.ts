/**
 * The Allocation pane's workflow, without React: read the selected factor table and recognise
 * it, change a column's role, compute the preview, write the result sheet. The pane
 * (AllocationPane.tsx) holds the plan the user edits and shows it.
 */
import {
  allocate,
  defaultPlan,
  performanceShareOf,
  planToInput,
  readNumber,
  recogniseTable,
  type AllocationPlan,
  type ColumnRole,
  type FactorTable,
} from "../../core/allocation";
import type { Bilingual } from "../../core/i18n";
import { Decimal } from "../../core/money";
import { buildLayout } from "../../workbook/allocation/layout";
import type { AllocationWorkbook, RangeSnapshot } from "../../workbook/allocation/port";

export interface Selection {
  snapshot: RangeSnapshot;
  table: FactorTable;
  plan: AllocationPlan;
}

/** The selected range, its columns recognised from the headers and a first plan. */
export async function readSelection(workbook: AllocationWorkbook): Promise<Selection> {
  const snapshot = await workbook.readSelection();
  const table = recogniseTable(snapshot.values);
  return { snapshot, table, plan: defaultPlan(table) };
}

const SINGLE: Partial<Record<ColumnRole, keyof AllocationPlan>> = {
  name: "nameColumn",
  flag: "flagColumn",
  carryover: "carryoverColumn",
  total: "totalColumn",
  minimum: "minimumColumn",
  cap: "capColumn",
  coefficient: "coefficientColumn",
};

/** Re-derives the plan's column choices after the user changes one column's role. */
export function withRole(
  table: FactorTable,
  plan: AllocationPlan,
  col: number,
  role: ColumnRole
): { table: FactorTable; plan: AllocationPlan } {
  const columns = table.columns.map((c) => {
    if (c.index === col) return { ...c, role };
    // name, flag, carry-over… are one column each: the previous holder is dropped.
    if (role !== "factor" && role !== "ignore" && c.role === role)
      return { ...c, role: "ignore" as const };
    return c;
  });
  const next: AllocationPlan = { ...plan };
  for (const [r, key] of Object.entries(SINGLE) as [ColumnRole, keyof AllocationPlan][]) {
    const holder = columns.find((c) => c.role === r);
    (next as unknown as Record<string, unknown>)[key] = holder
      ? holder.index
      : key === "nameColumn"
        ? plan.nameColumn
        : null;
  }
  const kept = plan.factors.filter((f) => columns[f.column]?.role === "factor");
  const added = columns
    .filter((c) => c.role === "factor" && !kept.some((f) => f.column === c.index))
    .map((c) => ({
      column: c.index,
      name: c.header,
      weight: "10",
      direction: c.direction,
      kind: c.kind,
    }));
  next.factors = [...kept, ...added].sort((a, b) => a.column - b.column);
  return { table: { ...table, columns }, plan: next };
}

/** The plan as the engine's input, its result, and the 34号（三） performance-share check. */
export function previewOf(table: FactorTable, plan: AllocationPlan) {
  const planned = planToInput(table, plan);
  const outcome = planned.ok ? allocate(planned.input) : null;
  return {
    planned,
    outcome,
    perf: performanceShareOf(plan.factors),
    floor: readNumber(plan.performanceFloor) ?? new Decimal("0.3"),
    /** Live formulas reproduce the plain factor method only (no caps, no carry-over). */
    formulasPossible: planned.ok && !planned.input.caps && !planned.input.carryover,
  };
}

export type Preview = ReturnType<typeof previewOf>;

/** The result sheet written; what to tell the user (null when there is nothing to write). */
export async function writeAllocation(
  workbook: AllocationWorkbook,
  sel: Selection,
  preview: Preview,
  opts: { chart: boolean; formulas: boolean }
): Promise<{ sheetName: string; chartMissing: boolean } | null> {
  const { planned, outcome } = preview;
  if (!planned.ok || !outcome || !outcome.ok) return null;
  const { snapshot, table, plan } = sel;
  const input = planned.input;
  const layout = buildLayout({
    names: planned.names,
    factorNames: plan.factors.map((f) => f.name),
    result: outcome,
    chart: opts.chart,
    formulas:
      opts.formulas && preview.formulasPossible
        ? {
            source: {
              sheet: snapshot.sheet,
              rows: table.dataRows.map((r) => snapshot.top + r),
              factorColumns: plan.factors.map((f) => snapshot.left + f.column),
            },
            weights: input.specs.map((s) => new Decimal(s.weight)),
            directions: input.specs.map((s) => s.direction ?? "+"),
            minimums: input.minimums?.map((x) => (x === null ? null : new Decimal(x))),
            coefficients: input.coefficients?.map((x) => (x === null ? null : new Decimal(x))),
          }
        : undefined,
  });
  const w = await workbook.writeResult(layout);
  // A host that cannot add the chart (some WPS versions) still writes the table.
  return { sheetName: w.sheetName, chartMissing: layout.chart !== null && !w.chart };
}

/** "已写入工作表「…」" (and that the chart could not be added, when so). */
export function writtenMessage(w: { sheetName: string; chartMissing: boolean }): Bilingual {
  return {
    zh: `已写入工作表「${w.sheetName}」${w.chartMissing ? "；此程序未能插入条形图，表格已完整写入" : ""}`,
    en: `Written to sheet "${w.sheetName}"${w.chartMissing ? "; this host could not add the bar chart — the table is complete" : ""}`,
  };
}
