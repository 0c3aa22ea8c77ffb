/**
 * The review engine: one pass over a sheet's rows, every chosen rule on every record.
 *
 * `SheetReview` is the streaming form (the command line feeds it a million rows from exceljs'
 * reader): it buffers the first rows until the header is found (HEADER_SCAN_ROWS non-blank
 * rows), and — only when the sheet does not say its unit — up to UNIT_SAMPLE_ROWS data rows to
 * infer it; after that each row is parsed, checked and dropped. What it keeps per row is only
 * what DUPLICATE needs (one Map entry per project-and-amount) and the findings themselves.
 * `reviewSheet` feeds a whole SheetInput through the same class, so both paths give the same
 * findings.
 */
import { DuplicateKeys } from "./dup-key";
import { carryoverDeduction } from "../rules/carryover";
import { Bilingual, bi } from "../i18n";
import { Decimal, MoneyUnit } from "../money";
import { addMonths, formatIso } from "../dates";
import { CalendarCoverageError, WorkCalendar, officialCalendar } from "../calendar";
import {
  ACCEPTED_FUND_TYPES,
  DeadlineRule,
  FundRuleId,
  FundTypeClass,
  classifyWithOffice,
  daysLate,
  deadline,
  rawPeriodEnd,
  ruleOf,
} from "../deadlines";
import {
  AmountField,
  CellProblem,
  ColumnPlan,
  LedgerRecord,
  amountKey,
  isBlankRow,
  parseRow,
  placeholderOf,
  yuanOf,
} from "../ledger/record";
import { Area, fillMerged, parseArea } from "../ledger/merge";
import { guessRole, recogniseTable } from "../allocation/table";
import { configSheetReason } from "./config-sheets";
import {
  HEADER_SCAN_ROWS,
  HeaderInfo,
  MIN_HEADER_FIELDS,
  RowIn,
  applyMapping,
  detectHeader,
  inferUnit,
  isHeaderLikeRow,
} from "../ledger/detect";
import { FIELD_LABELS, classifySheet } from "../ledger/classify";
import { matchHeader, normaliseHeader, unitOfHeader } from "../ledger/headers";
import { foldText, normalize } from "../normal-form";
import { parseAmount } from "../money";
import { REVIEW_DEFAULTS } from "../rules/review";
import type { Citation } from "../rules/citation";
import {
  ColumnMapping,
  Field,
  Finding,
  FindingKind,
  ReviewParams,
  ReviewResult,
  SheetInput,
  SheetKind,
  SheetNotes,
  SheetResult,
  columnIndex,
  columnLetters,
} from "./types";
import {
  DEFAULT_PACKS,
  PUBLICITY_CHECKED,
  PackId,
  Vars,
  publicityRuleId,
  render,
  ruleById,
} from "./registry";
import { UseClassifier, listsFor } from "./negative";
import { KIND_MODULES, SheetCheck, Emit } from "./kinds";
import { withFeeExceptions } from "./kinds/fee-exceptions";

/** Data rows buffered at most to infer an undeclared unit. */
export const UNIT_SAMPLE_ROWS = 100;

const KIND_ORDER: Record<FindingKind, number> = {
  OVERDUE: 0,
  IDLE: 1,
  CARRYOVER: 2,
  PROHIBITED: 3,
  PUBLICITY: 4,
  PERFORMANCE: 5,
  DUPLICATE: 6,
  DATA: 7,
  FILING: 8,
  BLACKLIST: 9,
  MGMT_FEE: 10,
  SUBSIDY: 11,
  INTEREST: 12,
  TARGET: 13,
  DOUBLE: 14,
};

/** Deterministic order within a sheet: row, column, kind, rule, evidence (sheet-level first). */
export function compareFindings(a: Finding, b: Finding): number {
  const ra = a.row ?? 0;
  const rb = b.row ?? 0;
  if (ra !== rb) return ra - rb;
  const ca = a.column === null ? -1 : columnIndex(a.column);
  const cb = b.column === null ? -1 : columnIndex(b.column);
  if (ca !== cb) return ca - cb;
  const ka = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (ka !== 0) return ka;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.evidence < b.evidence ? -1 : a.evidence > b.evidence ? 1 : 0;
}

// ── Shared, per-review context ─────────────────────────────────────────────

interface Context {
  params: ReviewParams;
  packs: ReadonlySet<string>;
  cal: WorkCalendar;
  strict: boolean;
  threshold: Decimal;
  idleMonths: number;
  deadlineCache: Map<number, number | CalendarCoverageError>;
  /** The negative-list classifier, or null when no list is chosen. */
  uses: UseClassifier | null;
  fundTypeCache: Map<string, FundTypeClass>;
  /** The office's 资金类型对照, or null. */
  fundTypes: Map<string, FundRuleId | null> | null;
}

const RULE_SLOT: Record<DeadlineRule["id"], number> = {
  CENTRAL_ADVANCE: 0,
  CENTRAL_NEW: 1,
  REGION_BUDGET: 2,
  DEPT_DETAILED: 3,
  DEPT_UNDETAILED: 4,
};

function makeContext(params: ReviewParams): Context {
  const base = officialCalendar();
  const cal =
    (params.holidays && params.holidays.length) || (params.workdays && params.workdays.length)
      ? base.withOverrides({ holidays: params.holidays, workdays: params.workdays })
      : base;
  const idleYears = params.idleYears ?? REVIEW_DEFAULTS.idleYears;
  const packs = new Set(params.packs ?? DEFAULT_PACKS);
  // Choosing one negative list (XJ2018, HB2015, CN2017) runs the NEGATIVE pack with that list.
  const lists = listsFor(packs);
  if (lists.length) packs.add("NEGATIVE");
  return {
    params,
    packs,
    uses: lists.length ? new UseClassifier(lists, withFeeExceptions(params, packs)) : null,
    cal,
    strict: params.strict ?? REVIEW_DEFAULTS.strict,
    threshold: new Decimal(String(params.carryoverThreshold ?? REVIEW_DEFAULTS.carryoverThreshold)),
    idleMonths: Math.round(idleYears * 12),
    deadlineCache: new Map(),
    fundTypeCache: new Map(),
    fundTypes: params.fundTypes ? new Map(Object.entries(params.fundTypes)) : null,
  };
}

// ── Formatting helpers for messages and evidence ───────────────────────────

function yuan(v: Decimal, unit: MoneyUnit): string {
  const n = unit === "元" ? v : v.dividedBy(unit === "万元" ? 10000 : 100000000);
  return `${n.toDecimalPlaces(4).toString()}${unit}`;
}

/** A rate as a percentage with fixed places: Decimal#toFixed (decimal.js, half-up), never a float. */
function percent(rate: Decimal, places = 2): string {
  return `${rate.times(100).toFixed(places)}%`;
}

/** A rate as a percentage, with as many places as it takes to differ from `bound` (2 to 6). */
function percentBeside(rate: Decimal, bound: Decimal): string {
  let dp = 2;
  while (dp < 6 && rate.times(100).toDecimalPlaces(dp).equals(bound.times(100).toDecimalPlaces(dp)))
    dp++;
  return percent(rate, dp);
}

const IDLE_TERMINATED = /终止/;
const IDLE_IMPOSSIBLE = /无法实施|不能实施|无法开工/;
const IDLE_NOT_STARTED = /^(尚?未开工|尚?未实施|尚?未启动|未动工|未开始)/;

type StatusClass = "terminated" | "impossible" | "notStarted" | null;

const STATUS_CACHE = new Map<string, StatusClass>();

function statusClass(s: string): StatusClass {
  let c = STATUS_CACHE.get(s);
  if (c === undefined) {
    c = classifyStatus(s);
    if (STATUS_CACHE.size < 1000) STATUS_CACHE.set(s, c);
  }
  return c;
}

/** How an idle-rule status word reads (null: not one the idle rule acts on). Exported for tests. */
export function classifyStatus(s: string): StatusClass {
  const t = normalize(s);
  if (IDLE_TERMINATED.test(t) && !/未终止/.test(t)) return "terminated";
  if (IDLE_IMPOSSIBLE.test(t)) return "impossible";
  if (IDLE_NOT_STARTED.test(t)) return "notStarted";
  return null;
}

// White space and punctuation, half- and full-width, ignored when comparing names.
const NAME_NOISE = /[\s\u3000"'“”‘’「」『』《》<>()（）[\]【】,，.。、;；:：!！?？·\-—_＿－]/g;

function duplicateName(s: string): string {
  // the normal form, once: folded, then noise (white space and punctuation) out, ASCII lower case
  const t = foldText(s).replace(NAME_NOISE, "");
  return UPPER_ASCII.test(t) ? t.toLowerCase() : t;
}

// Places and document numbers repeat down a ledger: their keys are cached (bounded).
const KEY_CACHE = new Map<string, string>();
function cachedKey(s: string): string {
  let k = KEY_CACHE.get(s);
  if (k === undefined) {
    k = duplicateName(s);
    if (KEY_CACHE.size < 4096) KEY_CACHE.set(s, k);
  }
  return k;
}

const UPPER_ASCII = /[A-Z]/;

/** A one-row header at `r` whose columns the user's mapping explains (only units read here). */
function headerAt(r: RowIn): HeaderInfo {
  const columnUnits: HeaderInfo["columnUnits"] = {};
  r.values.forEach((v, c) => {
    const u = unitOfHeader(v);
    if (u) columnUnits[c] = u;
  });
  return {
    headerRow: r.row,
    lastHeaderRow: r.row,
    mapping: {},
    headerText: {},
    columnUnits,
    unitRow: null,
  };
}

/** A column given by its letters in `--map` ("F", "AB"). */
const COLUMN_LETTERS = /^[A-Za-z]{1,3}$/;

/** The finding's «where» for a must-fill cell holding only a placeholder, quoting it. */
function placeholderWhere(p: string): Bilingual {
  return bi(`本行填写的是「${p}」，不算填写`, `this row says "${p}", which fills nothing`);
}

/**
 * A record's identity across sheets: its project number, name, place, amount, document number
 * and dates in the normal form. Two sheets holding the same identities hold the same rows.
 */
function recordKey(rec: LedgerRecord, unit: MoneyUnit): string | null {
  const t = rec.text;
  const name = t.project || t.content;
  if (!name && !t.projectNo) return null;
  const a = rec.amounts.amount ?? rec.amounts.total ?? rec.amounts.carryover;
  return [
    t.projectNo ? duplicateName(t.projectNo) : "",
    name ? duplicateName(name) : "",
    t.place ? duplicateName(t.place) : "",
    a ? amountKey(a, unit) : "",
    t.docNumber ? duplicateName(t.docNumber) : "",
    t.fundType ? normalize(t.fundType) : "",
    rec.dates.receivedDate ?? "",
    rec.dates.passDownDate ?? "",
  ].join("\u0001");
}

/**
 * Why a sheet with no recognisable header is not reviewed, and what to do: a factor table (a
 * name column and numeric factor columns) is named as such; anything else gets the general reason.
 */
function notRecognised(rows: RowIn[]): Bilingual {
  const top = rows.slice(0, HEADER_SCAN_ROWS).map((r) => r.values);
  if (top.length >= 3) {
    const t = recogniseTable(top);
    const factors = t.columns.filter((c) => c.role === "factor").length;
    // a column headed as recipients (县, 地区, 单位 …), not just the first column of text
    const names = t.columns.some((c) => c.role === "name" && guessRole(c.header) === "name");
    if (names && factors >= 2 && t.dataRows.length >= 2)
      return bi(
        `因素法分配表（第 ${rows[t.headerRow].row} 行表头：${t.columns
          .filter((c) => c.header)
          .map((c) => c.header)
          .slice(0, 4)
          .join(
            "、"
          )}…），不是资金台账，未审查：请在“资金分配”窗格或 =FUND.ALLOCATE 中使用；若它是台账，请在审查窗格中指定各列`,
        `a factor-method allocation table (header in row ${rows[t.headerRow].row}), not a fund ledger, so not reviewed: use it in the Allocate pane or =FUND.ALLOCATE; if it is a ledger, map its columns in the Review pane (or --map)`
      );
  }
  return bi(
    `前 ${HEADER_SCAN_ROWS} 个非空行中找不到表头（至少需识别两列，如项目名称、金额），未审查：请把表头改为常用列名，或在审查窗格中指定表头行和各列（命令行用 --map）`,
    `no header among the first ${HEADER_SCAN_ROWS} non-blank rows (at least two known columns, such as project name and amount), so not reviewed: rename the header cells, or point at the header row and map the columns in the Review pane (--map on the command line)`
  );
}

// ── The streaming review of one sheet ──────────────────────────────────────

export interface SheetReviewOptions {
  /**
   * Merged areas ("A1:H1"). The rows fed must already carry each merge's value in every cell it
   * covers (reviewSheet fills them with core/ledger/merge; a streamed sheet learns its merges
   * only at its end and says so instead).
   */
  merges?: string[];
  /** The host could not read merged areas: why (reported once, blanks under a value not judged). */
  mergesUnread?: Bilingual;
  /** Keep each record's identity (for recognising a summary sheet that copies others). */
  collectKeys?: boolean;
}

/** Outcome of one sheet, with its records' identities when collected. */
export interface SheetOutcome {
  sheet: SheetResult;
  findings: Finding[];
  keys?: Map<string, number>;
}

/** Most record identities kept per sheet for copy recognition (beyond it: not a copy). */
export const MAX_KEYS = 200_000;

type Phase = "header" | "sample" | "rows" | "unrecognised";

export class SheetReview {
  private readonly ctx: Context;
  private phase: Phase = "header";
  private buffer: RowIn[] = [];
  private header: HeaderInfo | null = null;
  private mapping: ColumnMapping = {};
  private kind: SheetKind | null = null;
  private reason: Bilingual | undefined;
  private plan: ColumnPlan = { mapping: {}, units: {} };
  private unit: SheetResult["unit"];
  private readonly findings: Finding[] = [];
  private readonly seen = new DuplicateKeys();
  private records = 0;
  private lastRow = 0;
  private finished: SheetOutcome | null = null;
  private readonly mergesUnread: Bilingual | undefined;
  /** Columns whose cell in an earlier record held a value (when merges are unknown). */
  private readonly above = new Set<number>();
  private unjudged = 0;
  private keys: Map<string, number> | null;
  /** Unrecognised fund types: the one finding each, and the rows it stands for. */
  private readonly unknownTypes = new Map<string, { finding: Finding | null; rows: number }>();
  private readonly notJudged = { rows: 0, years: new Set<number>() };
  private readonly notGoverned = { rows: 0, types: new Set<string>() };
  private idleNotChecked = 0;
  /** The kinds kept in modules (./kinds), each with its state for this sheet. */
  private readonly checks: SheetCheck[];
  private readonly emitter: Emit = (rule, row, col, vars, evidence) =>
    this.emit(rule, row, col, vars, evidence);

  constructor(
    readonly name: string,
    params: ReviewParams,
    opts: SheetReviewOptions = {}
  ) {
    this.ctx = makeContext(params);
    this.mergesUnread = opts.mergesUnread;
    this.keys = opts.collectKeys ? new Map() : null;
    const config = configSheetReason(name);
    if (config) {
      this.phase = "unrecognised";
      this.reason = config;
    }
    this.checks = KIND_MODULES.flatMap((k) => k.start(params, this.ctx.packs) ?? []);
  }

  /** Adds one worksheet row (1-based row number; values from column A). Rows must ascend. */
  addRow(rowNumber: number, values: unknown[]): void {
    if (this.finished) throw new Error("SheetReview: addRow after finish");
    if (rowNumber <= this.lastRow)
      throw new Error(`SheetReview: rows must ascend (${rowNumber} after ${this.lastRow})`);
    this.lastRow = rowNumber;
    switch (this.phase) {
      case "header": {
        if (isBlankRow(values)) return;
        const forced = this.ctx.params.headerRows?.[this.name];
        if (forced !== undefined) {
          // The user named the header row: keep only that row, decide once it has passed.
          if (rowNumber >= forced) {
            this.buffer.push({ row: rowNumber, values });
            this.decideHeader();
          }
          return;
        }
        this.buffer.push({ row: rowNumber, values });
        if (this.buffer.length >= HEADER_SCAN_ROWS) this.decideHeader();
        return;
      }
      case "sample":
        if (isBlankRow(values)) return;
        this.buffer.push({ row: rowNumber, values });
        if (this.buffer.length >= UNIT_SAMPLE_ROWS) this.decideUnit();
        return;
      case "rows":
        this.processRow(rowNumber, values);
        return;
      case "unrecognised":
        return;
    }
  }

  finish(): SheetOutcome {
    if (this.finished) return this.finished;
    if (this.phase === "header") this.decideHeader();
    if (this.phase === "sample") this.decideUnit();
    if (this.kind !== null) for (const c of this.checks) c.finish(this.emitter);
    for (const u of this.unknownTypes.values())
      if (u.finding && u.rows > 1) u.finding.evidence += `；共 ${u.rows} 行`;
    if (this.kind !== null && this.mergesUnread)
      this.emit(
        "DATA-MERGES-UNREAD",
        null,
        null,
        { detail: this.mergesUnread, n: this.unjudged },
        `未判断的空白单元格 ${this.unjudged} 个`
      );
    this.findings.sort(compareFindings);
    const notes = this.notes();
    const sheet: SheetResult =
      this.kind === null
        ? { name: this.name, recognised: false, reason: this.reason }
        : {
            name: this.name,
            recognised: true,
            reason: this.reason,
            kind: this.kind,
            headerRow: this.header!.headerRow,
            mapping: this.mapping,
            unit: this.unit,
            rows: this.records,
          };
    if (notes) sheet.notes = notes;
    this.finished = { sheet, findings: this.findings };
    if (this.keys && this.kind !== null) this.finished.keys = this.keys;
    this.keys = null;
    return this.finished;
  }

  private notes(): SheetNotes | undefined {
    const n: SheetNotes = {};
    if (this.notJudged.rows)
      n.notJudged = {
        rows: this.notJudged.rows,
        years: [...this.notJudged.years].sort((a, b) => a - b),
      };
    if (this.notGoverned.rows)
      n.notGoverned = { rows: this.notGoverned.rows, types: [...this.notGoverned.types] };
    if (this.idleNotChecked)
      n.idleNotChecked = {
        rows: this.idleNotChecked,
        reason: bi(
          `表中没有“${FIELD_LABELS.approvalDate.zh}”列（闲置只从项目批复日期起算，不用其他日期代替）`,
          `the sheet has no "${FIELD_LABELS.approvalDate.en}" column (idleness runs only from project approval, never from another date)`
        ),
      };
    return Object.keys(n).length ? n : undefined;
  }

  // ── Header and unit ──

  private decideHeader(): void {
    const rows = this.buffer;
    // (An office's own tables — 节假日安排, 资金类型对照 … — were set aside in the constructor:
    // core/review/config-sheets.)
    const forced = this.ctx.params.headerRows?.[this.name];
    let header: HeaderInfo | null;
    if (forced !== undefined) {
      const at = rows.findIndex((r) => r.row >= forced);
      header = at >= 0 ? detectHeader(rows.slice(at, at + 1)) : null;
      if (!header && at >= 0) {
        // Fewer than two known headers: take what is known; the user's mapping says the rest.
        const columnUnits: HeaderInfo["columnUnits"] = {};
        const mapping: ColumnMapping = {};
        rows[at].values.forEach((v, c) => {
          const u = unitOfHeader(v);
          if (u) columnUnits[c] = u;
          for (const f of matchHeader(v)?.fields ?? [])
            if (mapping[f] === undefined) mapping[f] = c;
        });
        header = {
          headerRow: rows[at].row,
          lastHeaderRow: rows[at].row,
          mapping,
          headerText: {},
          columnUnits,
          unitRow: null,
        };
      }
    } else header = detectHeader(rows) ?? this.headerFromHints(rows);
    const userMapping = this.ctx.params.mappings?.[this.name];
    if (!header && userMapping && rows.length > 0) {
      // Nothing recognised, but the user chose the columns: the first non-blank row is the header.
      const n = Object.values(userMapping).filter((c) => c !== undefined && c >= 0).length;
      if (n >= MIN_HEADER_FIELDS) header = headerAt(rows[0]);
    }
    if (!header) {
      this.phase = "unrecognised";
      this.reason = notRecognised(rows);
      this.buffer = [];
      return;
    }
    this.header = header;
    this.mapping = this.applyHints(applyMapping(header.mapping, userMapping), rows);
    const cls = classifySheet(this.name, this.mapping);
    if (cls.kind === null) {
      this.phase = "unrecognised";
      this.buffer = [];
      this.reason = cls.reason;
      return;
    }
    this.kind = cls.kind;
    this.reason = cls.reason;
    this.buffer = rows.filter((r) => r.row > header.lastHeaderRow);
    this.phase = "sample";
    this.sheetLevelChecks();
    if (this.buffer.length >= UNIT_SAMPLE_ROWS || !this.needsInference()) this.decideUnit();
  }

  /** The `--map` entries for this sheet (its own name's over "*"). */
  private hints(): Array<[Field, string]> {
    const h = this.ctx.params.columnHints;
    if (!h) return [];
    return Object.entries({ ...(h["*"] ?? {}), ...(h[this.name] ?? {}) }) as Array<[Field, string]>;
  }

  /**
   * No header recognised, but `--map` names header texts: the row (among the first) holding
   * the most of them is the header, the hints say what its columns mean.
   */
  private headerFromHints(rows: RowIn[]): HeaderInfo | null {
    const texts = this.hints()
      .map(([, t]) => t)
      .filter((t) => !COLUMN_LETTERS.test(t.trim()))
      .map(normaliseHeader);
    if (texts.length === 0) return null;
    let best: RowIn | null = null;
    let bestHits = 0;
    for (const r of rows.slice(0, HEADER_SCAN_ROWS)) {
      const cells = new Set(r.values.map((v) => (typeof v === "string" ? normaliseHeader(v) : "")));
      const hits = texts.filter((t) => cells.has(t)).length;
      if (hits > bestHits) {
        best = r;
        bestHits = hits;
      }
    }
    if (!best || bestHits < Math.min(2, texts.length)) return null;
    return headerAt(best);
  }

  /** Applies `--map` (header text or column letter per field); reports what matches nothing. */
  private applyHints(mapping: ColumnMapping, rows: RowIn[]): ColumnMapping {
    const hints = this.hints();
    if (hints.length === 0) return mapping;
    const out: ColumnMapping = { ...mapping };
    const header = this.header!;
    const headerRows = rows.filter(
      (r) => r.row >= header.headerRow && r.row <= header.lastHeaderRow
    );
    for (const [field, target] of hints) {
      const t = String(target).trim();
      let col = -1;
      if (COLUMN_LETTERS.test(t)) col = columnIndex(t.toUpperCase());
      else {
        const want = normaliseHeader(t);
        for (let k = headerRows.length - 1; k >= 0 && col < 0; k--)
          col = headerRows[k].values.findIndex(
            (v) => typeof v === "string" && normaliseHeader(v) === want
          );
      }
      if (col < 0) {
        this.emit(
          "DATA-MAP-COLUMN",
          null,
          null,
          {
            field: FIELD_LABELS[field]?.zh ?? field,
            target: t,
            detail: bi(
              `第 ${header.headerRow}–${header.lastHeaderRow} 行表头中没有这一列`,
              `no such column in header rows ${header.headerRow}–${header.lastHeaderRow}`
            ),
          },
          `${field} → ${t}`
        );
        continue;
      }
      out[field] = col;
    }
    return out;
  }

  private amountFields(): AmountField[] {
    return (["amount", "total", "carryover"] as AmountField[]).filter(
      (f) => this.mapping[f] !== undefined
    );
  }

  /** The unit the header cell of a field's column names (also for a column the user chose). */
  private headerUnit(f: AmountField): MoneyUnit | undefined {
    return this.header!.columnUnits[this.mapping[f]!];
  }

  private needsInference(): boolean {
    if (this.header!.unitRow) return false;
    return this.amountFields().some((f) => !this.headerUnit(f));
  }

  private decideUnit(): void {
    const units: ColumnPlan["units"] = {};
    const how: Partial<Record<AmountField, NonNullable<SheetResult["unit"]>["how"]>> = {};
    for (const f of this.amountFields()) {
      const h = this.headerUnit(f);
      if (h) {
        units[f] = h;
        how[f] = "header";
      } else if (this.header!.unitRow) {
        units[f] = this.header!.unitRow.unit;
        how[f] = "unit-row";
      } else {
        const c = this.mapping[f]!;
        const samples: number[] = [];
        for (const r of this.buffer) {
          const p = parseAmount(r.values[c]);
          if (p.ok && p.unit === null) samples.push(p.value.toNumber());
        }
        const inferred = inferUnit(samples);
        units[f] = inferred ?? "元";
        how[f] = inferred ? "inferred" : "default";
      }
    }
    this.plan = { mapping: this.mapping, units };
    const main = this.amountFields()[0];
    this.unit = main ? { unit: units[main] as "元" | "万元", how: how[main]! } : undefined;
    if (this.unit?.how === "inferred" && this.reason) {
      this.reason = bi(
        `${this.reason.zh}；金额单位未注明，按数值推断为${this.unit.unit}`,
        `${this.reason.en}; the amount unit is not stated and was inferred as ${this.unit.unit}`
      );
    }
    this.phase = "rows";
    const buffered = this.buffer;
    this.buffer = [];
    for (const r of buffered) this.processRow(r.row, r.values);
  }

  // ── Findings ──

  private enabled(rule: string): boolean {
    const def = ruleById(rule);
    return !!def && this.ctx.packs.has(def.pack);
  }

  private emit(
    rule: string,
    row: number | null,
    col: number | null,
    vars: Vars,
    evidence: string,
    override?: { citation?: Citation; message?: Bilingual; rule?: string }
  ): Finding | null {
    const def = ruleById(rule);
    if (!def || !this.ctx.packs.has(def.pack)) return null;
    const column = col === null || row === null ? null : columnLetters(col);
    const f: Finding = {
      kind: def.kind,
      rule: override?.rule ?? def.rule,
      severity: def.severity,
      sheet: this.name,
      row,
      column,
      cell: column === null ? null : column + row,
      message: override?.message ?? render(def.message, vars),
      evidence,
      citation: override?.citation ?? def.citation,
    };
    this.findings.push(f);
    return f;
  }

  private sheetLevelChecks(): void {
    const k = this.kind;
    if (k === "publicity" || k === "projects") {
      for (const f of PUBLICITY_CHECKED)
        if (this.mapping[f] === undefined)
          this.emit(
            publicityRuleId(f),
            null,
            null,
            { where: bi("表中没有该列", "the sheet has no such column") },
            `表头（第 ${this.header!.headerRow} 行）无“${FIELD_LABELS[f].zh}”列`
          );
      if (this.mapping.performance === undefined)
        this.emit(
          "XJ76-2-6",
          null,
          null,
          { where: bi("表中没有绩效目标列", "the sheet has no performance-target column") },
          `表头（第 ${this.header!.headerRow} 行）无“绩效目标”列`
        );
    }
  }

  private dataFinding(p: CellProblem): void {
    const rule =
      p.problem === "error-value"
        ? "DATA-ERROR"
        : p.problem === "amount"
          ? "DATA-AMOUNT"
          : p.problem === "ambiguous"
            ? "DATA-DATE-AMBIGUOUS"
            : p.problem === "impossible"
              ? "DATA-DATE-IMPOSSIBLE"
              : "DATA-DATE-UNREADABLE";
    const field = p.field ? `${FIELD_LABELS[p.field].zh}：` : "";
    this.emit(rule, p.row, p.col, { value: p.seen, detail: p.message }, `${field}${p.seen}`);
  }

  private processRow(row: number, values: unknown[]): void {
    const out = parseRow(row, values, this.plan);
    let badFields: Set<Field> | null = null;
    // A header row is never data: a sub-header or a repeated header whose words fail as amounts
    // or dates is skipped, not reported (checked only on such rows: matching costs).
    if (
      out.problems.length &&
      out.problems.some((p) => p.problem !== "error-value") &&
      isHeaderLikeRow(values)
    )
      return;
    if (out.problems.length) {
      badFields = new Set();
      for (const p of out.problems) {
        this.dataFinding(p);
        if (p.field) badFields.add(p.field);
      }
    }
    if (out.kind !== "record") return;
    this.records++;
    if (this.keys && this.keys.size < MAX_KEYS) {
      const key = recordKey(out.record, this.plan.units.amount ?? "元");
      if (key !== null && !this.keys.has(key)) this.keys.set(key, row);
    }
    if (this.ctx.packs.size === 0) return; // recognising only (recogniseSheet)
    const rec = out.record;
    const k = this.kind;
    if (k === "carryover") {
      this.checkCarryover(rec, badFields);
      return;
    }
    if (this.mapping.fundType !== undefined) this.checkOverdue(rec, badFields);
    if (this.mapping.status !== undefined) this.checkIdle(rec, badFields);
    this.checkProhibited(rec);
    if (k === "publicity" || k === "projects") this.checkPublicity(rec, badFields);
    if (k === "publicity" || k === "projects" || this.mapping.performance !== undefined)
      this.checkPerformance(rec);
    this.checkDuplicate(rec);
    const view = { rec, sheetKind: k!, mapping: this.mapping, units: this.plan.units };
    for (const c of this.checks) c.row(view, this.emitter);
  }

  private fundClass(text: string): FundTypeClass {
    const cache = this.ctx.fundTypeCache;
    let c = cache.get(text);
    if (c === undefined) {
      c = classifyWithOffice(text, this.ctx.fundTypes ?? undefined);
      if (cache.size < 10000) cache.set(text, c);
    }
    return c;
  }

  private deadlineOf(start: number, rule: DeadlineRule): number | CalendarCoverageError {
    const key = start * 8 + RULE_SLOT[rule.id];
    const cache = this.ctx.deadlineCache;
    let d = cache.get(key);
    if (d === undefined) {
      try {
        d = deadline(start, rule, this.ctx.cal, { strict: this.ctx.strict });
      } catch (e) {
        if (!(e instanceof CalendarCoverageError)) throw e;
        d = e;
      }
      cache.set(key, d);
    }
    return d;
  }

  /**
   * The earliest the deadline can be without knowing the calendar: a month or day period only
   * ever rolls forward, and the n-th working day after a start is at least n days after it.
   */
  private earliestDeadline(start: number, rule: DeadlineRule): number {
    return rule.period.unit === "workday"
      ? start + rule.period.n
      : rawPeriodEnd(start, rule.period, this.ctx.cal);
  }

  /**
   * 34号（十三）: only a fund type that names the clause's level and kind has a deadline; it runs
   * from that rule's own start date (receipt of the document, or budget approval), never from
   * another column.
   */
  private checkOverdue(rec: LedgerRecord, bad: Set<Field> | null): void {
    const m = this.mapping;
    const ft = rec.text.fundType;
    if (!ft) return;
    const cls = this.fundClass(ft);
    if (cls.kind === "unknown") {
      const u = this.unknownTypes.get(ft);
      if (u) {
        u.rows++;
        return;
      }
      const finding = this.emit(
        "DATA-FUNDTYPE",
        rec.row,
        m.fundType!,
        { value: ft, accepted: ACCEPTED_FUND_TYPES },
        `资金类型：${ft}`
      );
      this.unknownTypes.set(ft, { finding, rows: 1 });
      return;
    }
    if (cls.kind === "not-governed") {
      this.notGoverned.rows++;
      this.notGoverned.types.add(ft);
      return;
    }
    const rule = ruleOf(cls.id);
    const field = rule.startField;
    const label = FIELD_LABELS[field];
    const col = m[field];
    const start = rec.dates[field];
    if (start === undefined) {
      if (col !== undefined && bad?.has(field)) return; // already reported as unreadable
      this.emit(
        "DATA-NO-START",
        rec.row,
        col ?? m.fundType!,
        {
          start: rule.start,
          field: label,
          where:
            col === undefined
              ? bi("表中没有该列", "the sheet has no such column")
              : bi("本行为空", "blank in this row"),
        },
        `资金类型：${ft}；${label.zh}：${col === undefined ? "无此列" : "空"}`
      );
      return;
    }
    let judged: number;
    let passed: boolean;
    if (rec.dates.passDownDate !== undefined) {
      judged = rec.dates.passDownDate;
      passed = true;
    } else {
      if (bad?.has("passDownDate")) return; // unreadable pass-down date: reported, not guessed
      judged = this.ctx.params.asOf;
      passed = false;
    }
    const dl = this.deadlineOf(start, rule);
    if (dl instanceof CalendarCoverageError) {
      // Done before the earliest the deadline can be: on time whatever that year's holidays.
      if (judged <= this.earliestDeadline(start, rule)) return;
      this.notJudged.rows++;
      this.notJudged.years.add(dl.year);
      this.emit(
        "DATA-CALENDAR",
        rec.row,
        col!,
        { year: dl.year },
        `资金类型：${ft}；${label.zh} ${formatIso(start)}；缺少 ${dl.year} 年节假日安排`
      );
      return;
    }
    const late = daysLate(dl, judged);
    if (late <= 0) return;
    const j = formatIso(judged);
    this.emit(
      rule.ruleId,
      rec.row,
      m.passDownDate ?? m.fundType!,
      {
        deadline: formatIso(dl),
        judged: passed
          ? bi(`实际 ${j} 下达`, `passed down on ${j}`)
          : bi(`截至 ${j} 仍未下达`, `not passed down as of ${j}`),
        days: late,
      },
      `资金类型：${ft}；${label.zh} ${formatIso(start)}；期限 ${formatIso(dl)}；` +
        (passed ? `下达 ${j}` : `未下达（审查日 ${j}）`) +
        `；超期 ${late} 天`
    );
  }

  private checkIdle(rec: LedgerRecord, bad: Set<Field> | null): void {
    const m = this.mapping;
    const status = rec.text.status;
    if (!status) return;
    const cls = statusClass(status);
    if (cls === null) return;
    if (cls === "terminated" || cls === "impossible") {
      this.emit(
        cls === "terminated" ? "GX34-7-3-TERMINATED" : "GX34-7-3-IMPOSSIBLE",
        rec.row,
        m.status!,
        { status },
        `实施状态：${status}`
      );
      return;
    }
    // 34号（七）3 counts from the project's approval: without that column, no guess from another.
    if (m.approvalDate === undefined) {
      this.idleNotChecked++;
      return;
    }
    const approval = rec.dates.approvalDate;
    const years = this.ctx.idleMonths / 12;
    if (approval === undefined) {
      if (bad?.has("approvalDate")) return;
      this.emit(
        "DATA-NO-APPROVAL",
        rec.row,
        m.approvalDate,
        { years },
        `实施状态：${status}；项目批复日期：空`
      );
      return;
    }
    // 超過2年: the period ends on the corresponding day (民法典 第二百零二条), no working-day roll.
    const limit = addMonths(approval, this.ctx.idleMonths);
    if (this.ctx.params.asOf <= limit) return;
    this.emit(
      "GX34-7-3-NOT_STARTED",
      rec.row,
      m.status!,
      { approval: formatIso(approval), limit: formatIso(limit), years },
      `实施状态：${status}；项目批复 ${formatIso(approval)}；` +
        `${years} 年届满 ${formatIso(limit)}；审查日 ${formatIso(this.ctx.params.asOf)}`
    );
  }

  private checkCarryover(rec: LedgerRecord, bad: Set<Field> | null): void {
    const m = this.mapping;
    const carryCell = rec.amounts.carryover;
    if (carryCell === undefined) return;
    const carry = yuanOf(carryCell);
    const total = rec.amounts.total && yuanOf(rec.amounts.total);
    const unit = this.plan.units.carryover ?? "元";
    const y = rec.text.year ? rec.text.year.replace(/\s*年度?$/, "") : "";
    const year = y ? `${y}年度` : "";
    if (total === undefined || total.isZero()) {
      if (bad?.has("total")) return;
      this.emit(
        "DATA-NO-TOTAL",
        rec.row,
        m.total!,
        { carry: yuan(carry, unit) },
        `${year}结转结余 ${yuan(carry, unit)}；资金总额：${total ? "0" : "空"}`
      );
      return;
    }
    // 34号（十三）, encoded once in core/rules/carryover: strictly above the threshold deducts.
    const outcome = carryoverDeduction(carry, total, this.ctx.threshold);
    if (!outcome.ok || outcome.deduction.isZero()) return;
    const rate = outcome.rate;
    const tUnit = this.plan.units.total ?? "元";
    this.emit(
      "GX34-13-CARRYOVER",
      rec.row,
      m.carryover!,
      {
        year: y ? bi(`${y}年度`, `${y}: `) : "",
        rate: percentBeside(rate, this.ctx.threshold),
        carry: yuan(carry, unit),
        total: yuan(total, tUnit),
        threshold: percent(this.ctx.threshold),
      },
      `${year}结转结余 ${yuan(carry, unit)} ÷ 资金总额 ${yuan(total, tUnit)} = ${percentBeside(rate, this.ctx.threshold)}`
    );
  }

  /**
   * The content (or use) column first, then the project name; the economic code goes with the
   * first text classified. One finding per category per row, on the cell whose words tripped it.
   */
  private checkProhibited(rec: LedgerRecord): void {
    const uses = this.ctx.uses;
    if (!uses) return;
    const m = this.mapping;
    const econ = rec.text.econCode || null;
    let seenCategories: Set<string> | null = null;
    let econUsed = false;
    for (let k = 0; k < 2; k++) {
      const text = k === 0 ? rec.text.content : rec.text.project;
      const col = k === 0 ? m.content : m.project;
      if (!text || col === undefined) continue;
      // Contents repeat down a ledger (cached); project names are nearly all distinct (not).
      const hits = uses.classify(text, econUsed ? null : econ, k === 0);
      econUsed = true;
      for (const h of hits) {
        seenCategories ??= new Set<string>();
        if (seenCategories.has(h.category)) continue;
        seenCategories.add(h.category);
        this.emit(
          h.rule,
          rec.row,
          col,
          { label: h.label, evidence: h.evidence },
          `${k === 0 ? "建设内容" : "项目名称"}：${text}；${h.evidence}`
        );
      }
    }
  }

  private checkPublicity(rec: LedgerRecord, bad: Set<Field> | null): void {
    const m = this.mapping;
    for (const f of PUBLICITY_CHECKED) {
      const c = m[f];
      if (c === undefined || bad?.has(f)) continue;
      const v = rec.values[c];
      const blank = v === null || v === undefined || (typeof v === "string" && v.trim() === "");
      if (!blank) {
        if (this.mergesUnread) this.above.add(c);
        const p = placeholderOf(v);
        if (p !== null)
          this.emit(
            publicityRuleId(f),
            rec.row,
            c,
            { where: placeholderWhere(p) },
            `${FIELD_LABELS[f].zh}：${p}`
          );
        continue;
      }
      if (this.mergesUnread && this.above.has(c)) {
        this.unjudged++; // perhaps under a vertical merge the host did not report
        continue;
      }
      this.emit(
        publicityRuleId(f),
        rec.row,
        c,
        { where: bi("本行未填写", "blank in this row") },
        `${FIELD_LABELS[f].zh}：空`
      );
    }
  }

  private checkPerformance(rec: LedgerRecord): void {
    const c = this.mapping.performance;
    if (c === undefined) return;
    if (!rec.text.project && !rec.text.content) return;
    const written = rec.text.performance;
    const p = written ? placeholderOf(written) : null;
    if (written && p === null) {
      if (this.mergesUnread) this.above.add(c);
      return;
    }
    if (p !== null) {
      this.emit(
        "XJ76-2-6",
        rec.row,
        c,
        { where: placeholderWhere(p) },
        `项目：${rec.text.project || rec.text.content}；绩效目标：${p}`
      );
      return;
    }
    if (this.mergesUnread && this.above.has(c)) {
      this.unjudged++;
      return;
    }
    this.emit(
      "XJ76-2-6",
      rec.row,
      c,
      { where: bi("本行未填写", "blank in this row") },
      `项目：${rec.text.project || rec.text.content}；绩效目标：空`
    );
  }

  /**
   * The same project entered twice: the same project number where the sheet has that column;
   * otherwise the same name, place and amount (and document number where there is one), names
   * compared in the normal form and amounts as numbers, whatever their unit or spelling.
   */
  private checkDuplicate(rec: LedgerRecord): void {
    if (!this.ctx.packs.has("DATA")) return;
    const m = this.mapping;
    const nameField = m.project !== undefined ? "project" : "content";
    const name = rec.text[nameField];
    const cell = rec.amounts.amount;
    const unit = this.plan.units.amount ?? "元";
    const no = rec.text.projectNo ? duplicateName(rec.text.projectNo) : "";
    let key: string[];
    if (m.projectNo !== undefined) {
      if (!no) return;
      key = ["#", no];
    } else {
      if (!name || cell === undefined) return;
      const doc = rec.text.docNumber ? cachedKey(rec.text.docNumber) : "";
      const place = rec.text.place ? cachedKey(rec.text.place) : "";
      key = [duplicateName(name), place, amountKey(cell, unit), doc];
    }
    const first = this.seen.firstOrAdd(rec.row, key);
    if (first === undefined) return;
    const amount = cell === undefined ? "" : yuan(yuanOf(cell), unit);
    this.emit(
      "XJ76-2-1-DUPLICATE",
      rec.row,
      no ? m.projectNo! : m[nameField]!,
      { first, project: name || rec.text.projectNo || "", amount },
      `与第 ${first} 行相同：` +
        [
          no ? `项目编号 ${rec.text.projectNo}` : "",
          name ?? "",
          rec.text.place ?? "",
          amount,
          rec.text.docNumber ?? "",
        ]
          .filter(Boolean)
          .join("；")
    );
  }
}

// ── Whole sheets and workbooks ─────────────────────────────────────────────

function feed(review: SheetReview, sheet: SheetInput): void {
  const row0 = sheet.origin?.row ?? 1;
  const col0 = sheet.origin?.column ?? 1;
  const pad = col0 > 1 ? new Array<unknown>(col0 - 1).fill("") : null;
  const values = sheet.values;
  for (let i = 0; i < values.length; i++) {
    const r = values[i] ?? [];
    review.addRow(row0 + i, pad ? pad.concat(r) : r);
  }
}

/**
 * Reviews one sheet (through SheetReview, exactly as the streaming path does), merged cells
 * filled first: a merged range's value counts in every cell it covers.
 */
export function reviewSheet(
  sheet: SheetInput,
  params: ReviewParams,
  opts: { collectKeys?: boolean } = {}
): SheetOutcome {
  const review = new SheetReview(sheet.name, params, {
    merges: sheet.merges,
    mergesUnread: sheet.mergesUnread,
    collectKeys: opts.collectKeys,
  });
  feed(review, fillMerged(sheet));
  return review.finish();
}

/**
 * A sheet reviewed row by row (too large to hold) learns its merged areas only at its end, after
 * its rows were judged with the cells under a merge blank. Here the "not filled in" findings on
 * such cells are withdrawn (the merge's value fills them; a blank merge is still reported on its
 * top-left cell) and one note says how many. Other rules read those cells as blank: the note
 * says so. Returns the new findings, or null when no merge spans rows below the header.
 */
export function streamedMergesNote(
  outcome: SheetOutcome,
  merges: readonly string[] | undefined
): Finding[] | null {
  const header = outcome.sheet.headerRow ?? 0;
  if (!outcome.sheet.recognised) return null;
  const areas = (merges ?? [])
    .map(parseArea)
    .filter((a): a is Area => a !== null && a.r1 > a.r0 && a.r1 > header);
  if (areas.length === 0) return null;
  const at = new Set(outcome.findings.map((f) => `${f.rule}\u0001${f.cell}`));
  let withdrawn = 0;
  const kept = outcome.findings.filter((f) => {
    if ((f.kind !== "PUBLICITY" && f.kind !== "PERFORMANCE") || f.row === null || !f.column)
      return true;
    const c = columnIndex(f.column) + 1;
    const a = areas.find((x) => f.row! >= x.r0 && f.row! <= x.r1 && c >= x.c0 && c <= x.c1);
    if (!a || (a.r0 === f.row && a.c0 === c)) return true;
    if (at.has(`${f.rule}\u0001${columnLetters(a.c0 - 1)}${a.r0}`)) return true;
    withdrawn++;
    return false;
  });
  const def = ruleById("DATA-MERGES-UNREAD")!;
  kept.push({
    kind: def.kind,
    rule: def.rule,
    severity: def.severity,
    sheet: outcome.sheet.name,
    row: null,
    column: null,
    cell: null,
    message: render(def.message, {
      detail: bi(
        `本表行数多，按行流式读取，${areas.length} 个跨行合并区域在表末才读到；其他规则把合并区域下方的单元格按空白读取`,
        `the sheet is large and was read row by row; its ${areas.length} merged areas spanning rows came at its end, and other rules read the cells under them as blank`
      ),
      n: withdrawn,
    }),
    evidence: `跨行合并区域 ${areas.length} 个；撤回“未填写” ${withdrawn} 条`,
    citation: null,
  });
  kept.sort(compareFindings);
  return kept;
}

const SUMMARY_NAME = /汇总|合计|总表|汇编/;

/**
 * Marks summary sheets that copy other sheets' rows (a 汇总 built by formulas from the township
 * sheets): every record of such a sheet has the identity of a record on another sheet that is
 * not itself a copy. A copy's findings are dropped — each fault is reported once, on the row it
 * comes from — and its result says which sheets it copies. Sheets named like a summary are
 * tried first, then the others from the last; a sheet with fewer than two records is never a
 * copy. Changes `outcomes` in place.
 */
export function markCopies(outcomes: SheetOutcome[]): void {
  const order = outcomes
    .map((o, i) => ({ o, i, summary: SUMMARY_NAME.test(foldText(o.sheet.name)) }))
    .sort((a, b) => (a.summary !== b.summary ? (a.summary ? -1 : 1) : b.i - a.i));
  const copies = new Set<SheetOutcome>();
  for (const { o } of order) {
    if (!o.keys || o.keys.size < 2) continue;
    const sources = new Set<string>();
    let all = true;
    for (const k of o.keys.keys()) {
      const src = outcomes.find((p) => p !== o && !copies.has(p) && p.keys?.has(k));
      if (!src) {
        all = false;
        break;
      }
      sources.add(src.sheet.name);
    }
    if (!all) continue;
    copies.add(o);
    const names = [...sources];
    o.findings.length = 0;
    o.sheet.copyOf = names;
    o.sheet.reason = bi(
      `汇总表：${o.keys.size} 行均与工作表「${names.join("」「")}」中的行相同（如公式引用），不重复审查，问题只在来源行报告`,
      `summary sheet: all ${o.keys.size} rows repeat rows of ${names.map((n) => `"${n}"`).join(", ")} (copied by formula or by hand), so they are not reviewed again; faults are reported on the source rows`
    );
  }
}

/**
 * Reviews every sheet; findings ordered by sheet (as given), row, column, kind. A summary sheet
 * that copies the others is recognised (markCopies) and its rows are not reported twice.
 */
export function reviewWorkbook(sheets: SheetInput[], params: ReviewParams): ReviewResult {
  const outcomes = sheets.map((s) => reviewSheet(s, params, { collectKeys: true }));
  const keys = new Map<string, Map<string, number>>();
  for (const o of outcomes) if (o.keys) keys.set(o.sheet.name, o.keys);
  if (sheets.length > 1) markCopies(outcomes);
  const findings: Finding[] = [];
  for (const o of outcomes) findings.push(...o.findings);
  return { sheets: outcomes.map((o) => o.sheet), findings, keys };
}

/**
 * What the pane shows before a run: the sheet's kind, header row, recognised mapping (with the
 * user's corrections applied) and amount unit. No rule runs.
 */
export function recogniseSheet(
  sheet: SheetInput,
  mapping?: ColumnMapping,
  headerRow?: number
): SheetResult {
  const params: ReviewParams = {
    asOf: 0,
    packs: [],
    mappings: mapping ? { [sheet.name]: mapping } : undefined,
    headerRows: headerRow !== undefined ? { [sheet.name]: headerRow } : undefined,
  };
  return reviewSheet(sheet, params).sheet;
}

/** For tests and the pane: which header a cell's text would be recognised as. */
export function recogniseHeaderText(text: string): Field[] {
  return matchHeader(text)?.fields ?? [];
}

export type { PackId };
