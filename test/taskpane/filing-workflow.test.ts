/**
 * The Filing pane's workflow without React (src/taskpane/filing/workflow.ts), against the
 * in-memory workbook of src/workbook.
 */
import { MemoryFilingWorkbook } from "../../src/workbook/filing/memory";
import { createFiling, yearOf, type FilingForm } from "../../src/taskpane/filing/workflow";

const form = (over: Partial<FilingForm> = {}): FilingForm => ({
  kind: "publicity",
  county: "某县",
  year: "2025",
  seed: "",
  counties: "",
  projects: "",
  ...over,
});

test("a year is four digits or nothing", () => {
  expect(yearOf(" 2025 ")).toBe(2025);
  expect(yearOf("25")).toBeNull();
  expect(yearOf("")).toBeNull();
});

test("a sheet is created; a second one of the kind is renamed and said so as a warning", async () => {
  const wb = new MemoryFilingWorkbook();
  const first = await createFiling(wb, form(), false);
  expect(first).toMatchObject({ ok: true, warn: false, check: null });
  const second = await createFiling(wb, form(), false);
  if (!second.ok) throw new Error("not created");
  expect(second.warn).toBe(true);
  expect(second.lines[0].zh).toMatch(/\(2\)/);
});

test("a check on screen is redone with the new sheet", async () => {
  const wb = new MemoryFilingWorkbook();
  const before = await wb.check();
  const out = await createFiling(wb, form(), true);
  if (!out.ok || !out.check) throw new Error("no check");
  expect(out.check).toEqual(await wb.check());
  expect(out.check).not.toEqual(before);
});

test("the spot-check list needs a seed or a year; with one, its draw note is told", async () => {
  const wb = new MemoryFilingWorkbook();
  const none = await createFiling(wb, form({ kind: "spotcheck", year: "", seed: "" }), false);
  expect(none).toEqual({
    ok: false,
    message: { zh: "请填写随机种子或年度", en: "Enter a seed or the year" },
  });
  const out = await createFiling(
    wb,
    form({ kind: "spotcheck", counties: "甲县\n乙县\n丙县", projects: "甲县\t村道\n乙县\t水渠" }),
    false
  );
  if (!out.ok) throw new Error("not created");
  expect(out.lines.length).toBeGreaterThanOrEqual(2);
});
