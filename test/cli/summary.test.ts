/**
 * The terminal summary's per-kind counts follow the kinds' display order (each module's `order`,
 * as the pane's filter and the report's summary sheet), not the order the findings came in.
 */
import { summary } from "../../src/cli/review-command";
import type { FileOutcome } from "../../src/cli/review-file";
import { KIND_ORDER } from "../../src/core/review/labels";
import type { Finding, FindingKind } from "../../src/core/review/types";

const finding = (kind: FindingKind, row: number): Finding => ({
  kind,
  rule: `${kind}-TEST`,
  severity: "warning",
  sheet: "台账",
  row,
  column: "B",
  cell: `B${row}`,
  message: { zh: "测试", en: "test" },
  evidence: "",
  citation: null,
});

test("kinds are counted in display order, whatever order the findings came in", () => {
  // the reverse of the display order, DATA (last) first
  const kinds = ["DATA", "PROHIBITED", "OVERDUE"] as FindingKind[];
  const outcome: FileOutcome = {
    path: "台账.xlsx",
    sheets: [{ name: "台账", recognised: true }],
    findings: [...kinds, "DATA" as FindingKind].map((k, i) => finding(k, i + 2)),
    rows: 5,
  };
  const text = summary([outcome], "2026-11-23", "zh", "test");
  const line = text.split("\n").find((l) => / OVERDUE 1/.test(l))!;
  const shown = [...line.matchAll(/ ([A-Z]+) (\d+)/g)].map((m) => [m[1], Number(m[2])]);
  const expected = [...KIND_ORDER]
    .filter((k) => kinds.includes(k))
    .map((k) => [k, k === "DATA" ? 2 : 1]);
  expect(shown).toEqual(expected);
  expect(expected.map(([k]) => k)).not.toEqual(kinds); // the input order really differed
});
