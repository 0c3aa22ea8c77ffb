/**
 * The Review pane's workflow without React (src/taskpane/review/workflow.ts), against the
 * in-memory workbook of src/workbook: what is read, what is reviewed, what the trail keeps.
 */
import { MemoryReviewWorkbook, sampleSheets } from "../../src/workbook/review/memory";
import { coreEngine } from "../../src/workbook/review/engine";
import {
  ALL,
  markFinding,
  runReview,
  trackRun,
  trailSummary,
  writeFindingsSheet,
  type RunStep,
} from "../../src/taskpane/review/workflow";
import { TERMS_SHEET } from "../../src/core/review/config-sheets";
import { reviewSheet, reviewWorkbook } from "../../src/core/review";
import { serialFromYmd } from "../../src/core/dates";
import { parseCustomTerms } from "../../src/core/prohibited";
import { MARK_HEADER } from "../../src/workbook/review/findings-table";

const AS_OF = serialFromYmd(2025, 9, 1);
const PACKS = new Set(coreEngine.packs.filter((p) => !p.off).map((p) => p.id));

async function request(wb: MemoryReviewWorkbook, target: string) {
  const list = await wb.listSheets();
  return { target, allNames: list.names, reviewable: list.names, asOf: AS_OF, packs: PACKS };
}

test("one sheet: read with its mapping, reviewed as the engine reviews it, progress in order", async () => {
  const wb = new MemoryReviewWorkbook();
  const name = wb.sheets[0].name;
  const steps: RunStep[] = [];
  const out = await runReview(wb, coreEngine, await request(wb, name), (s) => {
    steps.push(s);
  });
  if (!out.ok) throw new Error("not reviewed");
  const direct = reviewSheet(await wb.readSheet(name), {
    asOf: AS_OF,
    packs: [...PACKS],
    mappings: {},
  });
  expect(out.findings).toEqual(direct.findings);
  expect(out.sheets).toEqual([direct.sheet]);
  expect(out.inputs.map((i) => i.name)).toEqual([name]);
  expect(steps).toEqual([
    { phase: "reading", progress: 0.6 },
    { phase: "reviewing", progress: 0.6 },
  ]);
});

test("all sheets: every reviewable sheet, the office's configuration sheets read but not reviewed", async () => {
  const sheets = sampleSheets();
  sheets.push({
    name: TERMS_SHEET,
    values: [
      ["类别", "词语", "类型"],
      ["UNRELATED", "冷库", "禁止"],
    ],
    fills: new Map(),
  });
  const wb = new MemoryReviewWorkbook(sheets);
  const out = await runReview(wb, coreEngine, await request(wb, ALL));
  if (!out.ok) throw new Error("not reviewed");
  expect(out.inputs.map((i) => i.name)).toEqual(sampleSheets().map((s) => s.name));
  const inputs = await Promise.all(sampleSheets().map((s) => wb.readSheet(s.name)));
  const terms = parseCustomTerms(sheets[sheets.length - 1].values).terms;
  expect(terms).toHaveLength(1);
  const direct = reviewWorkbook(inputs, {
    asOf: AS_OF,
    packs: [...PACKS],
    mappings: {},
    customTerms: terms,
  });
  expect(out.findings).toEqual(direct.findings);
});

test("a configuration sheet as the target: an info notice, nothing reviewed", async () => {
  const sheets = sampleSheets();
  sheets.push({ name: TERMS_SHEET, values: [["类别", "词语", "类型"]], fills: new Map() });
  const wb = new MemoryReviewWorkbook(sheets);
  const out = await runReview(wb, coreEngine, await request(wb, TERMS_SHEET));
  expect(out.ok).toBe(false);
  if (!out.ok) expect(out.notice.intent).toBe("info");
});

test("an unreadable row in the terms sheet stops the run, naming the row", async () => {
  const sheets = sampleSheets();
  sheets.push({
    name: TERMS_SHEET,
    values: [
      ["类别", "词语", "类型"],
      ["X", "", "禁止"],
    ],
    fills: new Map(),
  });
  const wb = new MemoryReviewWorkbook(sheets);
  const out = await runReview(wb, coreEngine, await request(wb, sheets[0].name));
  expect(out.ok).toBe(false);
  if (!out.ok) {
    expect(out.notice.intent).toBe("error");
    expect(out.notice.message.zh).toMatch(/第 2 行/);
  }
});

test("the trail: recorded after a run, a mark saved, kept on the next run, written to the findings sheet", async () => {
  const wb = new MemoryReviewWorkbook();
  const name = wb.sheets[0].name;
  const first = await runReview(wb, coreEngine, await request(wb, name));
  if (!first.ok) throw new Error("not reviewed");
  const t1 = await trackRun(wb, first.findings, first.inputs, "2026-05-08 14:30");
  expect(t1!.view.states.every((s) => s === "open")).toBe(true); // no last run: nothing is "new"
  expect(wb.trail?.lastRun?.keys).toHaveLength(first.findings.length);

  const marked = await markFinding(wb, t1!, first.findings[1], 1, {
    status: "verified",
    note: "已与凭证核对",
    by: "张三",
    at: "2026-05-08 14:31",
  });
  expect(marked.view.marks.filter(Boolean)).toHaveLength(1);
  expect(marked.view.marks[1]).toMatchObject({ status: "verified", note: "已与凭证核对" });
  expect(wb.trail?.marks).toHaveLength(1);

  const second = await runReview(wb, coreEngine, await request(wb, name));
  if (!second.ok) throw new Error("not reviewed");
  const t2 = await trackRun(wb, second.findings, second.inputs, "2026-05-09 09:00");
  expect(t2!.view.marks[1]).toMatchObject({ status: "verified" });
  expect(trailSummary(t2!.view).en).toBe(`Since the last run: 0 new, 0 resolved; 1 marked`);

  const done = await writeFindingsSheet(
    wb,
    second.findings,
    "zh",
    { asOf: "2025-09-01" },
    t2!.view
  );
  expect(done.intent).toBe("success");
  const sheet = wb.sheets[wb.sheets.length - 1];
  expect(sheet.values[0][sheet.values[0].length - 1]).toBe(MARK_HEADER);
  expect(String(sheet.values[2][sheet.values[0].length - 1])).toMatch(
    /^已核实（张三 2026-05-08 14:31）：已与凭证核对$/
  );
});

test("a host without a trail: no trail kept", async () => {
  const wb = new MemoryReviewWorkbook();
  const bare = Object.assign(Object.create(Object.getPrototypeOf(wb)), wb, {
    loadTrail: undefined,
    saveTrail: undefined,
  }) as MemoryReviewWorkbook;
  expect(await trackRun(bare, [], [], "2026-05-08 14:30")).toBeNull();
});
