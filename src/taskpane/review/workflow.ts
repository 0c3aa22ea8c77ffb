/**
 * The Review pane's workflow, without React: read the office's own sheets (terms, holidays,
 * fund types, lists), read the sheets to review with their remembered mappings, build the
 * parameters, run the engine, and keep the review trail (marks, last run) in the workbook. The
 * pane (ReviewPane.tsx) holds state and shows it; everything it does to the workbook is here.
 */
import { parseCustomTerms, type CustomTerm } from "../../core/prohibited";
import { configSheetOf, configSheetReason } from "../../core/review/config-sheets";
import type { Bilingual, Lang } from "../../core/i18n";
import type {
  ColumnMapping,
  Finding,
  ReviewParams,
  SheetInput,
  SheetResult,
} from "../../core/review/types";
import {
  findingKeys,
  markText,
  recordRun,
  setMark,
  viewTrail,
  type MarkStatus,
  type ReviewTrail,
  type TrailView,
} from "../../core/review/trail";
import type { FindingsPrintInfo, ReviewEngine, ReviewWorkbook } from "../../workbook/review/port";
import { missingListsNotice, readOfficeSheets } from "./office-lists";
import { isOfficeTableSheet, readOfficeTables } from "./office-sheets";

/** The "all sheets" choice in the sheet picker. */
export const ALL = "\u0000all";

/** "2026-05-08": the reviewer's local date (the pane reads the clock; the engine never does). */
export function isoFromDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** "2026-05-08 14:30": the reviewer's local date and time, for a mark or a run. */
export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${isoFromDate(d)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export interface RunRequest {
  /** A sheet's name, or ALL. */
  target: string;
  /** Every visible sheet, configuration sheets included (they are read, not reviewed). */
  allNames: readonly string[];
  /** The sheets the picker offers (what ALL reviews). */
  reviewable: readonly string[];
  /** The review date as an Excel serial. */
  asOf: number;
  packs: ReadonlySet<string>;
}

export type RunStep = { phase: "reading" | "reviewing"; progress: number };

export type RunOutcome =
  /** Nothing was reviewed: why (a table with unreadable rows, only configuration sheets…). */
  | { ok: false; notice: { intent: "error" | "info"; message: Bilingual } }
  | {
      ok: true;
      findings: Finding[];
      /** Per sheet reviewed, in order. */
      sheets: SheetResult[];
      /** The sheets as read (the trail keys findings by their rows). */
      inputs: SheetInput[];
      /** The office's lists some chosen rule pack needs but the workbook lacks. */
      missingLists: Bilingual | null;
    };

function rowsProblem(
  sheet: string,
  problems: readonly { row: number; message: Bilingual }[]
): Bilingual {
  const rows = problems.slice(0, 5);
  return {
    zh: `「${sheet}」有无法读取的行，请先改正：${rows.map((p) => `第 ${p.row} 行 ${p.message.zh}`).join("；")}`,
    en: `"${sheet}" has rows that cannot be read; fix them first: ${rows.map((p) => `row ${p.row} ${p.message.en}`).join("; ")}`,
  };
}

/**
 * One review run. `onStep` reports reading progress (0–0.6) and the switch to reviewing; the
 * caller may let the screen paint there (the engine then runs synchronously).
 */
export async function runReview(
  workbook: ReviewWorkbook,
  engine: ReviewEngine,
  req: RunRequest,
  onStep: (step: RunStep) => Promise<void> | void = () => undefined
): Promise<RunOutcome> {
  // An office's own negative-list terms live in a sheet of their own (core/review/config-sheets).
  const termsSheet = req.allNames.find((n) => configSheetOf(n) === "terms");
  let customTerms: CustomTerm[] | undefined;
  if (termsSheet) {
    const parsed = parseCustomTerms((await workbook.readSheet(termsSheet)).values);
    if (parsed.problems.length)
      return {
        ok: false,
        notice: { intent: "error", message: rowsProblem(termsSheet, parsed.problems) },
      };
    customTerms = parsed.terms;
  }
  // The office's 节假日安排 and 资金类型对照 sheets (office-sheets.ts), from every sheet.
  const tables = await readOfficeTables(workbook, req.allNames);
  if (!tables.ok) return { ok: false, notice: { intent: "error", message: tables.message } };
  // The office's lists (黑名单, 管理费比例, 贷款基准利率, 整合目标): office-lists.ts.
  const office = await readOfficeSheets(workbook, req.allNames);
  if (!office.ok) return { ok: false, notice: { intent: "error", message: office.message } };

  const picked = req.target === ALL ? req.reviewable : [req.target];
  const names = picked.filter((n) => configSheetOf(n) === null && !isOfficeTableSheet(n));
  if (names.length === 0) {
    return {
      ok: false,
      notice: {
        intent: "info",
        message: configSheetReason(req.target) ?? {
          zh: `「${req.target}」是本单位的设置表（负面清单、节假日安排、资金类型对照或本单位清单），审查时读取，本身不审查`,
          en: `"${req.target}" is one of your office's tables (terms, holidays, fund types or lists): read for each review, not reviewed itself`,
        },
      },
    };
  }
  const inputs: SheetInput[] = [];
  const mappings: Record<string, ColumnMapping> = {};
  for (let i = 0; i < names.length; i++) {
    inputs.push(await workbook.readSheet(names[i]));
    const m = await workbook.loadMapping(names[i]);
    if (m) mappings[names[i]] = m;
    await onStep({ phase: "reading", progress: (0.6 * (i + 1)) / names.length });
  }
  await onStep({ phase: "reviewing", progress: 0.6 });

  const params: ReviewParams = {
    asOf: req.asOf,
    packs: [...req.packs],
    mappings,
    ...tables.params,
  };
  if (customTerms?.length) params.customTerms = customTerms;
  if (Object.keys(office.lists).length) params.office = office.lists;
  const missing = missingListsNotice(office.missing);
  const missingLists =
    missing && (req.packs.has("BLACKLIST") || req.packs.has("SUBSIDY")) ? missing : null;

  if (req.target === ALL) {
    const result = engine.reviewWorkbook(inputs, params);
    return {
      ok: true,
      findings: result.findings,
      sheets: [...result.sheets],
      inputs,
      missingLists,
    };
  }
  const result = engine.reviewSheet(inputs[0], params);
  return { ok: true, findings: result.findings, sheets: [result.sheet], inputs, missingLists };
}

/** The trail as the pane holds it after a run: keys, the stored trail and the view of both. */
export interface TrailState {
  keys: string[];
  trail: ReviewTrail;
  view: TrailView;
}

/**
 * The run against the workbook's trail: marks laid over it, new / open against the last run;
 * then this run is recorded as the last. Null on a host that keeps no trail.
 */
export async function trackRun(
  workbook: ReviewWorkbook,
  findings: readonly Finding[],
  inputs: readonly SheetInput[],
  at: string
): Promise<TrailState | null> {
  if (!workbook.loadTrail || !workbook.saveTrail) return null;
  const keys = findingKeys(findings, inputs);
  const stored = await workbook.loadTrail();
  const view = viewTrail(stored, keys);
  const trail = recordRun(stored, keys, at);
  await workbook.saveTrail(trail);
  return { keys, trail, view };
}

/**
 * One finding marked (or, with status null, its mark removed), saved in the workbook. New and
 * resolved stay as this run found them (the trail's last run is now this run).
 */
export async function markFinding(
  workbook: ReviewWorkbook,
  state: TrailState,
  finding: Finding,
  index: number,
  mark: { status: MarkStatus | null; note: string; by: string; at: string }
): Promise<TrailState> {
  const key = state.keys[index];
  if (!workbook.saveTrail || !key) return state;
  const where = finding.cell ? `${finding.sheet}!${finding.cell}` : finding.sheet;
  const trail = setMark(
    state.trail,
    key,
    mark.status ? { status: mark.status, note: mark.note, by: mark.by, at: mark.at, where } : null
  );
  await workbook.saveTrail(trail);
  const v = viewTrail(trail, state.keys);
  return {
    keys: state.keys,
    trail,
    view: { ...v, states: state.view.states, resolved: state.view.resolved },
  };
}

/** What an action tells the user. */
export interface ActionNotice {
  intent: "success" | "info";
  message: Bilingual;
}

/** A findings sheet written (with each finding's mark when the trail has any). */
export async function writeFindingsSheet(
  workbook: ReviewWorkbook,
  findings: Finding[],
  lang: Lang,
  print: FindingsPrintInfo | null,
  view: TrailView | null
): Promise<ActionNotice> {
  const name = await workbook.writeFindings(findings, lang, {
    ...print,
    marks: view?.marks.map((m) => (m ? markText(m, lang) : null)),
  });
  return {
    intent: "success",
    message: { zh: `已写入工作表「${name}」`, en: `Findings written to the sheet "${name}"` },
  };
}

export async function highlightFindings(
  workbook: ReviewWorkbook,
  findings: Finding[]
): Promise<ActionNotice> {
  const r = await workbook.highlight(findings);
  return {
    intent: "info",
    message: { zh: `已标记 ${r.cells} 个单元格`, en: `${r.cells} cells highlighted` },
  };
}

export async function clearHighlights(workbook: ReviewWorkbook): Promise<ActionNotice> {
  const r = await workbook.clearHighlights();
  return {
    intent: "info",
    message: {
      zh: `已清除标记，恢复 ${r.cells} 个单元格原有填充`,
      en: `Highlights cleared; ${r.cells} cells restored`,
    },
  };
}

/** "与上次审查相比：新增 N 项，已解决 M 项；已标记 K 项". */
export function trailSummary(view: TrailView): Bilingual {
  const fresh = view.states.filter((x) => x === "new").length;
  const marked = view.marks.filter(Boolean).length;
  return {
    zh: `与上次审查相比：新增 ${fresh} 项，已解决 ${view.resolved} 项；已标记 ${marked} 项`,
    en: `Since the last run: ${fresh} new, ${view.resolved} resolved; ${marked} marked`,
  };
}

/** An operation that threw, as a notice: a sentence in both languages, the detail on demand. */
export function failureNotice(e: unknown): { intent: "error"; message: Bilingual; detail: string } {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return {
    intent: "error",
    message: {
      zh: "操作未能完成，工作表未被审查或未被更改。请重试；如仍出错，请将下方详情告知维护者。",
      en: "The operation could not be completed; nothing was reviewed or changed. Try again, and if it fails again, report the details below.",
    },
    detail,
  };
}
