import * as v8 from "v8";
import { packOutcome, unpackOutcome } from "../../src/cli/outcome-pack";
import type { FileOutcome } from "../../src/cli/review-file";
import type { Finding } from "../../src/core/review/types";

const citation = {
  doc: "桂政发〔2014〕34号",
  clause: "（十三）",
} as unknown as Finding["citation"];

function outcome(n: number): FileOutcome {
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    findings.push({
      kind: i % 2 ? "OVERDUE" : "DATA",
      rule: i % 2 ? "GX34-13-CENTRAL_ADVANCE" : "DATA-FUNDTYPE",
      severity: i % 2 ? "error" : "warning",
      sheet: "台账",
      row: i % 5 ? i + 2 : null,
      column: i % 5 ? "D" : null,
      cell: i % 5 ? `D${i + 2}` : null,
      message: {
        zh: `无法识别的资金类型「本级预算」${"。".repeat(100)}`,
        en: "unrecognised fund type",
      },
      evidence: `第 ${i} 行`,
      citation: i % 2 ? citation : null,
      ...(i === 3 ? { extra: { first: 1 } } : {}),
    } as Finding);
  }
  return {
    path: "a.xlsx",
    sheets: [{ name: "台账", recognised: true }],
    findings,
    rows: n,
    report: "a.review.xlsx",
  };
}

test("packing and unpacking gives the outcome back, every field of every finding", () => {
  const o = outcome(50);
  const back = unpackOutcome(v8.deserialize(v8.serialize(packOutcome(o))));
  expect(back).toEqual(o);
});

test("what crosses the IPC channel is much smaller: each repeated text once", () => {
  const o = outcome(20000);
  const plain = v8.serialize(o).length;
  const packed = v8.serialize(packOutcome(o)).length;
  expect(packed * 4).toBeLessThan(plain);
});
