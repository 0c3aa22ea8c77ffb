/**
 * A stand-in for the review engine, for tests of the command line's reading and writing only
 * (the product always uses src/core/review). It recognises a sheet whose first row holds
 * "项目名称", and reports every cell whose text starts with "BAD" as an error and every cell
 * starting with "WARN" as a warning, with the cell's own text in the message.
 */
import { bi } from "../../src/core/i18n";
import type { Finding, ReviewParams, SheetInput, SheetResult } from "../../src/core/review/types";
import { columnLetters } from "../../src/core/review/types";
import type { ReviewEngine, StreamingReview } from "../../src/workbook/review/engine";

export interface FakeCalls {
  streamed: string[];
  whole: { name: string; merges?: string[]; rows: number }[];
  rows: Map<string, Map<number, unknown[]>>;
  params: ReviewParams[];
}

export function fakeEngine(): ReviewEngine & { calls: FakeCalls } {
  const calls: FakeCalls = { streamed: [], whole: [], rows: new Map(), params: [] };
  const start = (name: string, params: ReviewParams): StreamingReview => {
    calls.params.push(params);
    const rows = new Map<number, unknown[]>();
    calls.rows.set(name, rows);
    return {
      addRow(r, v) {
        rows.set(r, v);
      },
      finish() {
        const recognised = (rows.get(1) ?? []).includes("项目名称");
        const findings: Finding[] = [];
        for (const [r, v] of rows) {
          v.forEach((x, c) => {
            if (typeof x !== "string") return;
            const sev = x.startsWith("BAD") ? "error" : x.startsWith("WARN") ? "warning" : null;
            if (!sev || !recognised) return;
            const column = columnLetters(c);
            findings.push({
              kind: sev === "error" ? "OVERDUE" : "DATA",
              rule: sev === "error" ? "TEST-ERR" : "TEST-WARN",
              severity: sev,
              sheet: name,
              row: r,
              column,
              cell: `${column}${r}`,
              message: bi(`=${x} 中文`, `=${x} English`),
              evidence: x,
              citation:
                sev === "error"
                  ? { document: "桂政发〔2014〕34号", clause: "第（十三）条", quote: "…" }
                  : null,
            });
          });
        }
        const sheet: SheetResult = recognised
          ? { name, recognised: true, kind: "ledger", headerRow: 1, rows: rows.size - 1 }
          : { name, recognised: false, reason: bi("没有表头", "no header") };
        return { sheet, findings };
      },
    };
  };
  /** A whole sheet through the same row-by-row review. */
  const whole = (s: SheetInput, params: ReviewParams) => {
    const review = start(s.name, params);
    s.values.forEach((v, i) => review.addRow(i + 1, v));
    return review.finish();
  };
  return {
    calls,
    packs: [
      { id: "GX34", name: bi("时限", "deadlines") },
      { id: "DATA", name: bi("数据", "data") },
    ],
    recogniseSheet: (s) => whole(s, { asOf: 0 }).sheet,
    reviewSheet: (s, params) => whole(s, params),
    startSheet: (name, params) => {
      calls.streamed.push(name);
      return start(name, params);
    },
    reviewWorkbook: (sheets, params) => {
      const out = { sheets: [] as SheetResult[], findings: [] as Finding[] };
      for (const s of sheets) {
        calls.whole.push({ name: s.name, merges: s.merges, rows: s.values.length });
        const r = whole(s, params);
        out.sheets.push(r.sheet);
        out.findings.push(...r.findings);
      }
      return out;
    },
  };
}
