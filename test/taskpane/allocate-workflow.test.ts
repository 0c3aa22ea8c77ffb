/**
 * The Allocation pane's workflow without React (src/taskpane/allocate/workflow.ts), against the
 * in-memory workbook of src/workbook: read and recognise, change roles, preview, write.
 */
import { MemoryAllocationWorkbook } from "../../src/workbook/allocation/memory";
import {
  previewOf,
  readSelection,
  withRole,
  writeAllocation,
  writtenMessage,
} from "../../src/taskpane/allocate/workflow";
import { allocate, planToInput } from "../../src/core/allocation";

test("the selection is read and recognised; the preview is the engine's result, exact", async () => {
  const wb = new MemoryAllocationWorkbook();
  const sel = await readSelection(wb);
  expect(sel.snapshot.address).toBe("因素表!A1:J9");
  expect(sel.table.dataRows).toHaveLength(8);
  const plan = { ...sel.plan, pool: "10000000" };
  const p = previewOf(sel.table, plan);
  expect(p.planned.ok).toBe(true);
  const direct = planToInput(sel.table, plan);
  if (!direct.ok || !p.outcome?.ok) throw new Error("not planned");
  const expected = allocate(direct.input);
  if (!expected.ok) throw new Error("not allocated");
  expect(p.outcome.amounts.map(String)).toEqual(expected.amounts.map(String));
  expect(p.outcome.distributed.toString()).toBe(expected.distributed.toString());
  expect(p.outcome.distributed.plus(p.outcome.retained).toString()).toBe("10000000");
});

test("without a pool nothing is planned, and nothing is written", async () => {
  const wb = new MemoryAllocationWorkbook();
  const sel = await readSelection(wb);
  const p = previewOf(sel.table, { ...sel.plan, pool: "" });
  expect(p.planned.ok).toBe(false);
  expect(p.outcome).toBeNull();
  expect(await writeAllocation(wb, sel, p, { chart: true, formulas: false })).toBeNull();
  expect(wb.written).toHaveLength(0);
});

test("a role held by one column moves: the previous holder is dropped to 不使用", async () => {
  const wb = new MemoryAllocationWorkbook();
  const sel = await readSelection(wb);
  const name = sel.table.columns.find((c) => c.role === "name")!;
  const other = sel.table.columns.find((c) => c.role === "factor")!;
  const next = withRole(sel.table, sel.plan, other.index, "name");
  expect(next.plan.nameColumn).toBe(other.index);
  expect(next.table.columns[name.index].role).toBe("ignore");
  expect(next.plan.factors.some((f) => f.column === other.index)).toBe(false);
});

test("writing: a new sheet with the result; formulas only where FUND.ALLOCATE can express them", async () => {
  const wb = new MemoryAllocationWorkbook();
  const sel = await readSelection(wb);
  // the sample has a carry-over column: no live formulas even when asked
  const plan = { ...sel.plan, pool: "10000000" };
  const p = previewOf(sel.table, plan);
  expect(p.formulasPossible).toBe(
    !(p.planned.ok && (p.planned.input.caps || p.planned.input.carryover))
  );
  const w = await writeAllocation(wb, { ...sel, plan }, p, { chart: true, formulas: true });
  expect(w).toEqual({ sheetName: wb.written[0].sheetName, chartMissing: false });
  expect(wb.written[0].layout.formulas).toBe(p.formulasPossible);
  expect(writtenMessage({ sheetName: "分配结果", chartMissing: true }).en).toBe(
    'Written to sheet "分配结果"; this host could not add the bar chart — the table is complete'
  );
});
