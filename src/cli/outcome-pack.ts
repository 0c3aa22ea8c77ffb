/**
 * A file's outcome as it crosses from the worker process to the command: findings repeat the
 * same texts (a message, a rule id, a sheet name) hundreds of thousands of times, and the IPC
 * serializer copies every string — the command would hold a copy of each. Packed, every distinct
 * string and citation crosses once and the findings refer to them by number; unpacked, the
 * findings share those strings again.
 */
import type { Finding } from "../core/review/types";
import type { Citation } from "../core/rules/citation";
import type { MarkStatus } from "../core/review/trail";
import type { FileOutcome, Tally } from "./review-file";

type PackedFinding = [
  kind: number,
  rule: number,
  severity: number,
  sheet: number,
  row: number | null,
  column: number,
  cell: number,
  zh: number,
  en: number,
  evidence: number,
  citation: number,
  rest: Record<string, unknown> | null,
];

export interface PackedOutcome extends Omit<FileOutcome, "findings"> {
  packed: { strings: string[]; citations: Citation[]; findings: PackedFinding[] };
}

export function packOutcome(o: FileOutcome): PackedOutcome {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const s = (x: string) => {
    let i = ids.get(x);
    if (i === undefined) {
      i = strings.length;
      strings.push(x);
      ids.set(x, i);
    }
    return i;
  };
  const citations: Citation[] = [];
  const citationIds = new Map<Citation, number>();
  const findings = o.findings.map((f): PackedFinding => {
    const { kind, rule, severity, sheet, row, column, cell, message, evidence, citation, ...rest } =
      f;
    let c = -1;
    if (citation) {
      c = citationIds.get(citation) ?? citations.length;
      if (c === citations.length) {
        citations.push(citation);
        citationIds.set(citation, c);
      }
    }
    return [
      s(kind),
      s(rule),
      s(severity),
      s(sheet),
      row,
      column === null ? -1 : s(column),
      cell === null ? -1 : s(cell),
      s(message.zh),
      s(message.en),
      s(evidence),
      c,
      Object.keys(rest).length ? rest : null,
    ];
  });
  const { findings: _, ...others } = o;
  return { ...others, packed: { strings, citations, findings } };
}

export function unpackOutcome(p: PackedOutcome): FileOutcome {
  const { packed, ...others } = p;
  const { strings: t, citations } = packed;
  const findings = packed.findings.map(
    ([kind, rule, severity, sheet, row, column, cell, zh, en, evidence, c, rest]): Finding => ({
      kind: t[kind] as Finding["kind"],
      rule: t[rule],
      severity: t[severity] as Finding["severity"],
      sheet: t[sheet],
      row,
      column: column < 0 ? null : t[column],
      cell: cell < 0 ? null : t[cell],
      message: { zh: t[zh], en: t[en] },
      evidence: t[evidence],
      citation: c < 0 ? null : citations[c],
      ...(rest ?? {}),
    })
  );
  return { ...others, findings };
}

export function tallyOf(o: FileOutcome): Tally {
  if (o.tally) return o.tally;
  const severity: Tally["severity"] = {};
  const kinds = new Map<string, number>();
  for (const f of o.findings) {
    severity[f.severity] = (severity[f.severity] ?? 0) + 1;
    kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  }
  const t: Tally = { findings: o.findings.length, severity, kinds: [...kinds] };
  if (o.trail) {
    const marks: Partial<Record<MarkStatus, number>> = {};
    for (const m of o.trail.marks) if (m) marks[m.status] = (marks[m.status] ?? 0) + 1;
    t.trail = { marks, fresh: o.trail.states.filter((s) => s === "new").length };
  }
  return t;
}

/**
 * The outcome as the command needs it when it writes no JSON: its counts (`tally`) and only the
 * first `listed` findings (the ones the terminal lists), so that the command's memory does not
 * grow with the number of findings — the report workbook, written by the worker, has them all.
 */
export function listedOnly(o: FileOutcome, listed: number): FileOutcome {
  if (o.findings.length <= listed) return o;
  const tally = tallyOf(o);
  const out: FileOutcome = { ...o, findings: o.findings.slice(0, listed), tally };
  if (o.trail)
    out.trail = {
      ...o.trail,
      marks: o.trail.marks.slice(0, listed),
      states: o.trail.states.slice(0, listed),
    };
  return out;
}
