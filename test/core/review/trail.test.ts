import { reviewSheet } from "../../../src/core/review";
import type { Finding, SheetInput } from "../../../src/core/review/types";
import { sampleSheets } from "../../../src/workbook/review/memory";
import { serialFromYmd } from "../../../src/core/dates";
import {
  findingKeys,
  markText,
  parseTrail,
  recordRun,
  serialiseTrail,
  setMark,
  viewTrail,
} from "../../../src/core/review/trail";

const AS_OF = serialFromYmd(2025, 9, 1);

function ledger(): SheetInput {
  const s = sampleSheets()[0];
  return { name: s.name, values: s.values.map((r) => [...r]), origin: { row: 1, column: 1 } };
}

function run(sheet: SheetInput): { findings: Finding[]; keys: string[] } {
  const { findings } = reviewSheet(sheet, { asOf: AS_OF });
  return { findings, keys: findingKeys(findings, [sheet]) };
}

const mark = (note: string) => ({
  status: "verified" as const,
  note,
  by: "张三",
  at: "2026-05-08 14:30",
  where: "",
});

/** A copy of the sheet with a blank row inserted before worksheet row `at`. */
function insertRow(sheet: SheetInput, at: number): SheetInput {
  const values = sheet.values.map((r) => [...r]);
  values.splice(
    at - 1,
    0,
    values[0].map(() => "")
  );
  return { ...sheet, values };
}

function deleteRow(sheet: SheetInput, at: number): SheetInput {
  const values = sheet.values.map((r) => [...r]);
  values.splice(at - 1, 1);
  return { ...sheet, values };
}

/** Each finding's key → its cell, for a run. */
const cells = (r: { findings: Finding[]; keys: string[] }) =>
  new Map(r.keys.map((k, i) => [k, r.findings[i].cell]));

test("keys are unique within a run and stable across runs of the same sheet", () => {
  const a = run(ledger());
  expect(a.findings.length).toBeGreaterThan(5);
  expect(new Set(a.keys).size).toBe(a.keys.length);
  expect(run(ledger()).keys).toEqual(a.keys);
});

test("a mark survives a row inserted above its finding and follows it to its new address", () => {
  const before = run(ledger());
  const i = before.findings.findIndex((f) => f.kind === "OVERDUE");
  const was = before.findings[i];
  const trail = setMark(null, before.keys[i], mark("已与拨付凭证核对"));
  const after = run(insertRow(ledger(), 5));
  const view = viewTrail(trail, after.keys);
  const j = view.marks.findIndex((m) => m !== null);
  expect(j).toBeGreaterThanOrEqual(0);
  expect(view.marks.filter((m) => m !== null)).toHaveLength(1);
  // The same finding, one row further down.
  expect(after.findings[j].rule).toBe(was.rule);
  expect(after.findings[j].row).toBe(was.row! + 1);
  expect(after.findings[j].column).toBe(was.column);
  expect(view.marks[j]!.note).toBe("已与拨付凭证核对");
});

test("a row deleted above: marks follow; the deleted row's own finding is resolved, not moved", () => {
  const before = run(ledger());
  let trail = null as ReturnType<typeof setMark> | null;
  before.keys.forEach(
    (k, i) => (trail = setMark(trail, k, mark(`note ${before.findings[i].cell}`)))
  );
  trail = recordRun(trail, before.keys, "2026-05-08 14:30");
  const flagged = before.findings.filter((f) => f.row !== null).map((f) => f.row!);
  const gone = Math.min(...flagged);
  const after = run(deleteRow(ledger(), gone));
  const view = viewTrail(trail, after.keys);
  after.findings.forEach((f, j) => {
    const m = view.marks[j];
    expect(m).not.toBeNull();
    // The mark made on the finding's old address (one row lower) — never another finding's.
    const old = `${f.column ?? ""}${f.row === null ? "" : f.row + (f.row >= gone ? 1 : 0)}`;
    if (f.row !== null) expect(m!.note).toBe(`note ${old}`);
  });
  expect(view.states.every((s) => s === "open")).toBe(true);
  const lost = before.findings.filter((f) => f.row === gone).length;
  expect(lost).toBeGreaterThan(0);
  expect(view.resolved).toBe(lost);
  expect(view.resolvedMarks).toHaveLength(lost);
});

test("re-run: new, still open and resolved against the last run", () => {
  const first = run(ledger());
  const trail = recordRun(null, first.keys, "2026-05-08 10:00");
  // Correct one fault (the overdue row gets a passed-down date within its deadline) and add one.
  const sheet = ledger();
  const overdue = first.findings.find((f) => f.kind === "OVERDUE" && f.cell)!;
  const fixed = { ...sheet, values: sheet.values.map((r) => [...r]) };
  const row = fixed.values[overdue.row! - 1];
  row[7] = row[6]; // passed down the day it was received
  fixed.values.push(
    [...fixed.values[fixed.values.length - 1]].map((v, c) => (c === 1 ? "新增重复项目" : v))
  );
  const second = run(fixed);
  const view = viewTrail(trail, second.keys);
  const firstKeys = new Set(first.keys);
  const fresh = second.keys.filter((k) => !firstKeys.has(k)).length;
  expect(fresh).toBeGreaterThan(0);
  expect(view.states.filter((s) => s === "new")).toHaveLength(fresh);
  expect(view.resolved).toBeGreaterThanOrEqual(1);
  // Without a last run, nothing is called new.
  expect(viewTrail(null, second.keys).states.every((s) => s === "open")).toBe(true);
});

test("a mark never moves to a different finding: identical rows, and a row whose content changed", () => {
  const sheet = ledger();
  const i = sheet.values.findIndex((r) => r[1] === "乡镇扶贫工作站用车");
  // The same row entered twice further down: the second copy is a finding of its own.
  sheet.values.push([...sheet.values[i]]);
  const a = run(sheet);
  const dup = a.findings
    .map((f, k) => ({ f, k }))
    .filter(({ f }) => f.kind === "PROHIBITED" && f.row !== null);
  expect(dup.length).toBeGreaterThanOrEqual(2);
  const firstCopy = dup.find(({ f }) => f.row === i + 1)!;
  const trail = setMark(null, a.keys[firstCopy.k], mark("误报：工作用车租赁"));
  const view = viewTrail(trail, a.keys);
  expect(view.marks.filter((m) => m !== null)).toHaveLength(1);
  expect(view.marks[firstCopy.k]).not.toBeNull();
  // The marked row is edited (another vehicle): its finding is new to the trail, unmarked.
  const edited = { ...sheet, values: sheet.values.map((r) => [...r]) };
  edited.values[i][2] = "购买公务用车3辆";
  const b = run(edited);
  const vb = viewTrail(trail, b.keys);
  const same = b.findings.findIndex((f) => f.kind === "PROHIBITED" && f.row === i + 1);
  expect(same).toBeGreaterThanOrEqual(0);
  expect(vb.marks[same]).toBeNull();
  // …and the untouched copy below does not inherit the mark either.
  expect(vb.marks.every((m) => m === null)).toBe(true);
  expect(cells(b).size).toBe(b.keys.length);
});

test("stored as JSON; anything unreadable is no trail, never a guess", () => {
  const t = recordRun(setMark(null, "K#1/1", mark("ok")), ["K#1/1"], "2026-05-08 14:30");
  expect(parseTrail(serialiseTrail(t))).toEqual(t);
  expect(parseTrail("{not json")).toBeNull();
  expect(parseTrail(JSON.stringify({ version: 2, marks: [] }))).toBeNull();
  expect(markText({ ...mark("已核对"), key: "K" }, "zh")).toBe(
    "已核实（张三 2026-05-08 14:30）：已核对"
  );
  expect(markText({ ...mark(""), key: "K", by: "" }, "en")).toBe("Checked (2026-05-08 14:30)");
});

test("a row keys the same read from a used range starting in column C or from column A, whatever empty columns follow", () => {
  const sheet = ledger();
  const fromA = run(sheet);
  // the same sheet with two blank columns before it, read as Excel's used range (origin C1)…
  const shifted: SheetInput = {
    name: sheet.name,
    values: sheet.values.map((r) => [...r, "", "", ""]),
    origin: { row: 1, column: 3 },
  };
  // …and from A1 with the two blank columns in place (the command line reads from column A)
  const padded: SheetInput = {
    name: sheet.name,
    values: sheet.values.map((r) => ["", "", ...r]),
    origin: { row: 1, column: 1 },
  };
  const onShifted = fromA.findings;
  expect(findingKeys(onShifted, [padded])).toEqual(findingKeys(onShifted, [shifted]));
  // a change to any one cell of a flagged row changes that finding's key
  const f = fromA.findings.find((x) => x.row !== null)!;
  const changed: SheetInput = { ...padded, values: padded.values.map((r) => [...r]) };
  changed.values[f.row! - 1][2] = `${String(changed.values[f.row! - 1][2])}x`;
  const i = fromA.findings.indexOf(f);
  expect(findingKeys(onShifted, [changed])[i]).not.toBe(findingKeys(onShifted, [padded])[i]);
});
