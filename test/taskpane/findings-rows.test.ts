/** The findings list's rows without React: grouping, filtering and the rows in view. */
import { groupRows, haystack, visibleRows } from "../../src/taskpane/review/findings-rows";
import type { Finding } from "../../src/core/review/types";

const f = (kind: Finding["kind"], severity: Finding["severity"], message: string): Finding =>
  ({
    kind,
    severity,
    rule: "R",
    sheet: "台账",
    row: 4,
    column: "H",
    cell: "H4",
    message: { zh: message, en: message },
    evidence: "",
    citation: null,
  }) as unknown as Finding;

test("grouped by kind in display order, a heading per group, filters by kind, severity and text", () => {
  const list = [
    f("OVERDUE", "error", "甲"),
    f("PROHIBITED", "warning", "乙"),
    f("OVERDUE", "warning", "丙"),
  ];
  const hay = list.map(haystack);
  const all = groupRows(list, hay, { kind: "", severity: "", query: "" });
  expect(all.shown).toBe(3);
  expect(all.rows.filter((r) => r.type === "head")).toHaveLength(2);
  // each group's findings follow its heading; indices run over shown findings in order
  const idx = all.rows.flatMap((r) => (r.type === "finding" ? [r.index] : []));
  expect(idx).toEqual([0, 1, 2]);
  expect(groupRows(list, hay, { kind: "OVERDUE", severity: "", query: "" }).shown).toBe(2);
  expect(groupRows(list, hay, { kind: "", severity: "warning", query: "" }).shown).toBe(2);
  expect(groupRows(list, hay, { kind: "", severity: "", query: "丙" }).shown).toBe(1);
  expect(groupRows(list, hay, { kind: "", severity: "", query: "台账!h4" }).shown).toBe(3);
});

test("the rows in view: those overlapping the viewport and its overscan", () => {
  // 100 rows of 10 px
  const offsets = Array.from({ length: 101 }, (_, i) => i * 10);
  expect(visibleRows(offsets, 0, 50, 0)).toEqual({ first: 0, last: 5 });
  expect(visibleRows(offsets, 205, 50, 0)).toEqual({ first: 20, last: 26 });
  expect(visibleRows(offsets, 205, 50, 20)).toEqual({ first: 18, last: 28 });
  expect(visibleRows(offsets, 990, 50, 0)).toEqual({ first: 99, last: 100 });
  expect(visibleRows([0], 0, 50, 0)).toEqual({ first: 0, last: 0 });
});
