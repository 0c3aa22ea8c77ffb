/**
 * The review trail: a reviewer marks a finding 已核实 (checked), 已整改 (corrected) or 误报
 * (false alarm), with a note, who and when; the next run says which findings are new, which are
 * still open and which were resolved since the last run.
 *
 * A mark is keyed by what the finding is about, not where it sits: kind + rule + sheet + a
 * fingerprint of the row's content (and of the flagged cell's own value), so it survives rows
 * inserted or deleted above it. Identical rows are told apart by their order among themselves
 * and their number (#1/2, #2/2). When the row's content changes the key changes and the mark no
 * longer applies — a mark is never carried over to a different finding. Pure: the storage lives in the adapters.
 */
import type { Bilingual } from "../i18n";
import type { Finding, SheetInput } from "./types";
import { columnIndex } from "./types";

export type MarkStatus = "verified" | "corrected" | "false-alarm";

export const MARK_LABEL: Record<MarkStatus, Bilingual> = {
  verified: { zh: "已核实", en: "Checked" },
  corrected: { zh: "已整改", en: "Corrected" },
  "false-alarm": { zh: "误报", en: "False alarm" },
};

export const MARK_STATUSES: readonly MarkStatus[] = ["verified", "corrected", "false-alarm"];

export interface Mark {
  key: string;
  status: MarkStatus;
  note: string;
  /** Who marked it (the Office user's name where available; may be empty). */
  by: string;
  /** When, as the reviewer's local date and time "2026-05-08 14:30". */
  at: string;
  /** Where the finding was when marked (for people reading the trail; never used to match). */
  where: string;
}

export interface ReviewTrail {
  version: 1;
  marks: Mark[];
  /** The last run's findings, as short digests of their keys (for new / still open / resolved). */
  lastRun: { at: string; keys: string[] } | null;
}

export function emptyTrail(): ReviewTrail {
  return { version: 1, marks: [], lastRun: null };
}

/** FNV-1a 32-bit over UTF-16 code units, as 8 hex digits: short keys, same on every host. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).replace(/\s+/g, " ").trim();
}

/**
 * The row's content as one string, by absolute column from A (blank cells kept in place, so
 * columns cannot swap silently; blank cells after the last value dropped): the same row gives the
 * same string whether it was read from a used range starting in column C (the pane) or from
 * column A of the file (the command line), and whatever formatted-but-empty columns follow.
 */
function rowContent(sheet: SheetInput, row: number): string | null {
  const origin = sheet.origin ?? { row: 1, column: 1 };
  const values = sheet.values[row - origin.row];
  if (!values) return null;
  const cells = values.map(cellText);
  let end = cells.length;
  while (end > 0 && cells[end - 1] === "") end--;
  const before = new Array<string>(Math.max(0, origin.column - 1)).fill("");
  return [...before, ...cells.slice(0, end)].join("\u001f");
}

function cellContent(sheet: SheetInput, row: number, column: string): string {
  const origin = sheet.origin ?? { row: 1, column: 1 };
  const values = sheet.values[row - origin.row];
  return cellText(values?.[columnIndex(column) - (origin.column - 1)]);
}

/**
 * One key per finding, in the findings' order. `sheets` are the sheets as read for the run
 * (the finding's row is looked up there); a finding on a sheet not given, or a sheet-level
 * finding, is keyed by its message instead of a row.
 */
export function findingKeys(findings: readonly Finding[], sheets: readonly SheetInput[]): string[] {
  const bySheet = new Map(sheets.map((s) => [s.name, s]));
  const base = findings.map((f) => {
    const sheet = bySheet.get(f.sheet);
    let content: string;
    if (sheet && f.row !== null) {
      const row = rowContent(sheet, f.row);
      const cell = f.column ? cellContent(sheet, f.row, f.column) : "";
      content = row === null ? `msg:${f.message.zh}` : `row:${hash(row)}:${hash(cell)}`;
    } else {
      content = `msg:${hash(f.message.zh)}`;
    }
    return `${f.kind}|${f.rule}|${f.sheet}|${content}`;
  });
  // Identical rows: numbered in sheet order (insertions elsewhere keep their order).
  const order = findings
    .map((f, i) => ({ i, row: f.row ?? 0, col: f.column ? columnIndex(f.column) : 0 }))
    .sort((a, b) => a.row - b.row || a.col - b.col || a.i - b.i);
  // "#n/m": the n-th of m identical ones — when one of them changes, m changes too, so a mark on
  // one copy can never pass to another.
  const total = new Map<string, number>();
  for (const b of base) total.set(b, (total.get(b) ?? 0) + 1);
  const seen = new Map<string, number>();
  const keys = new Array<string>(findings.length);
  for (const { i } of order) {
    const n = (seen.get(base[i]) ?? 0) + 1;
    seen.set(base[i], n);
    keys[i] = `${base[i]}#${n}/${total.get(base[i])}`;
  }
  return keys;
}

export type RunState = "new" | "open";

export interface TrailView {
  /** Per finding (in the findings' order): its mark, if any, and whether it is new since the last run. */
  marks: (Mark | null)[];
  states: RunState[];
  /** Findings of the last run not found in this one. */
  resolved: number;
  /** Marks whose finding did not come up in this run (kept, shown as resolved). */
  resolvedMarks: Mark[];
}

/** The trail laid over this run's findings (keys from findingKeys). */
export function viewTrail(trail: ReviewTrail | null, keys: readonly string[]): TrailView {
  const t = trail ?? emptyTrail();
  const byKey = new Map(t.marks.map((m) => [m.key, m]));
  const now = new Set(keys);
  const digests = keys.map(hash);
  const nowDigests = new Set(digests);
  const last = t.lastRun ? new Set(t.lastRun.keys) : null;
  return {
    marks: keys.map((k) => byKey.get(k) ?? null),
    // Without a previous run nothing is "new": everything is simply open.
    states: digests.map((d) => (last && !last.has(d) ? "new" : "open")),
    resolved: last ? [...last].filter((d) => !nowDigests.has(d)).length : 0,
    resolvedMarks: t.marks.filter((m) => !now.has(m.key)),
  };
}

/** The trail after a run: this run's keys become the last run. */
export function recordRun(
  trail: ReviewTrail | null,
  keys: readonly string[],
  at: string
): ReviewTrail {
  const t = trail ?? emptyTrail();
  // Digests keep the stored trail small (30,000 findings ≈ 300 kB) within Office's settings limit.
  return { ...t, lastRun: { at, keys: keys.map(hash) } };
}

/** The trail with one finding's mark set (or, with status null, removed). */
export function setMark(
  trail: ReviewTrail | null,
  key: string,
  mark: Omit<Mark, "key"> | null
): ReviewTrail {
  const t = trail ?? emptyTrail();
  const marks = t.marks.filter((m) => m.key !== key);
  if (mark) marks.push({ ...mark, key });
  return { ...t, marks };
}

/** The trail as stored (JSON), and back; anything unreadable reads as no trail (never a guess). */
export function serialiseTrail(t: ReviewTrail): string {
  return JSON.stringify(t);
}

export function parseTrail(text: string | null | undefined): ReviewTrail | null {
  if (!text) return null;
  try {
    const t = JSON.parse(text) as ReviewTrail;
    if (t?.version !== 1 || !Array.isArray(t.marks)) return null;
    const marks = t.marks.filter(
      (m) =>
        m &&
        typeof m.key === "string" &&
        (MARK_STATUSES as readonly string[]).includes(m.status) &&
        typeof m.note === "string"
    );
    const lastRun =
      t.lastRun && Array.isArray(t.lastRun.keys)
        ? { at: String(t.lastRun.at ?? ""), keys: t.lastRun.keys.map(String) }
        : null;
    return { version: 1, marks, lastRun };
  } catch {
    return null;
  }
}

/** "已核实（张三 2026-05-08 14:30）：已与凭证核对" — a mark as one line for sheets and reports. */
export function markText(m: Mark, lang: "zh" | "en"): string {
  const who = [m.by, m.at].filter(Boolean).join(" ");
  const label = MARK_LABEL[m.status][lang];
  const head = who ? (lang === "en" ? `${label} (${who})` : `${label}（${who}）`) : label;
  return m.note ? `${head}${lang === "en" ? ": " : "："}${m.note}` : head;
}
