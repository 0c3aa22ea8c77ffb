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
import { carryoverDeduction } from "../rules/carryover";
import { Bilingual, bi } from "../i18n";
import { Decimal, MoneyUnit } from "../money";
import { addMonths, formatIso } from "../dates";
import { compact, toHalfWidth } from "../text";
import { CALENDAR_SHEET, CalendarCoverageError, WorkCalendar, officialCalendar } from "../calendar";
import {
  ACCEPTED_FUND_TYPES,
  FUND_TYPE_SHEET,
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
  yuanOf,
} from "../ledger/record";
import {
  HEADER_SCAN_ROWS,
  HeaderInfo,
  RowIn,
  applyMapping,
  detectHeader,
  inferUnit,
} from "../ledger/detect";
import { FIELD_LABELS, classifySheet } from "../ledger/classify";
import { matchHeader, unitOfHeader } from "../ledger/headers";
import { simplify } from "../ledger/simplify";
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
import { PUBLICITY_CHECKED, PackId, Vars, publicityRuleId, render, ruleById } from "./registry";
import { UseClassifier, listsFor } from "./negative";

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
  const packs = new Set(params.packs ?? ["GX34", "NEGATIVE", "XJ76", "DATA"]);
  // Choosing one negative list (XJ2018, HB2015, CN2017) runs the NEGATIVE pack with that list.
  const lists = listsFor(packs);
  if (lists.length) packs.add("NEGATIVE");
  return {
    params,
    packs,
    uses: lists.length ? new UseClassifier(lists, params.customTerms) : null,
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

function classifyStatus(s: string): StatusClass {
  const t = simplify(compact(s));
  if (IDLE_TERMINATED.test(t) && !/未终止/.test(t)) return "terminated";
  if (IDLE_IMPOSSIBLE.test(t)) return "impossible";
  if (IDLE_NOT_STARTED.test(t)) return "notStarted";
  return null;
}

// White space and punctuation, half- and full-width, ignored when comparing names.
const NAME_NOISE = /[\s\u3000"'“”‘’「」『』《》<>()（）[\]【】,，.。、;；:：!！?？·\-—_＿－]/g;

function duplicateName(s: string): string {
  const t = simplify(s.replace(NAME_NOISE, ""));
  return /[A-Z\uff21-\uff3a\uff10-\uff19\uff41-\uff5a]/.test(t) ? toHalfWidth(t).toLowerCase() : t;
}

// ── The streaming review of one sheet ──────────────────────────────────────

export interface SheetReviewOptions {
  /** Merged areas ("A1:H1"); accepted for completeness — `values` already carry a merge's text. */
  merges?: string[];
}

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
  private readonly seen = new Map<string, number>();
  private records = 0;
  private lastRow = 0;
  /** Unrecognised fund types: the one finding each, and the rows it stands for. */
  private readonly unknownTypes = new Map<string, { finding: Finding | null; rows: number }>();
  private readonly notJudged = { rows: 0, years: new Set<number>() };
  private readonly notGoverned = { rows: 0, types: new Set<string>() };
  private idleNotChecked = 0;
  private finished: { sheet: SheetResult; findings: Finding[] } | null = null;

  constructor(
    readonly name: string,
    params: ReviewParams,
    _opts: SheetReviewOptions = {}
  ) {
    this.ctx = makeContext(params);
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

  finish(): { sheet: SheetResult; findings: Finding[] } {
    if (this.finished) return this.finished;
    if (this.phase === "header") this.decideHeader();
    if (this.phase === "sample") this.decideUnit();
    for (const u of this.unknownTypes.values())
      if (u.finding && u.rows > 1) u.finding.evidence += `；共 ${u.rows} 行`;
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
    const own = this.name.trim();
    if (own === CALENDAR_SHEET || own === FUND_TYPE_SHEET) {
      // An office's own table: read before a review (pane), or named with --calendar /
      // --fund-types on the command line; never reviewed as a ledger.
      this.phase = "unrecognised";
      this.buffer = [];
      const option = own === CALENDAR_SHEET ? "--calendar" : "--fund-types";
      this.reason = bi(
        `本单位设置表「${own}」，不作为台账审查（审查窗格自动读取；命令行请用 ${option} 本文件）`,
        `your office's ${own} table, not a ledger (the Review pane reads it; on the command line pass ${option} with this file)`
      );
      return;
    }
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
    } else header = detectHeader(rows);
    const userMapping = this.ctx.params.mappings?.[this.name];
    if (!header) {
      this.phase = "unrecognised";
      this.buffer = [];
      this.reason = bi(
        `前 ${HEADER_SCAN_ROWS} 行中找不到表头（至少需识别两列，如项目名称、金额）`,
        `no header in the first ${HEADER_SCAN_ROWS} rows (at least two known columns, such as project name and amount)`
      );
      return;
    }
    this.header = header;
    this.mapping = applyMapping(header.mapping, userMapping);
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
    if (out.problems.length) {
      badFields = new Set();
      for (const p of out.problems) {
        this.dataFinding(p);
        if (p.field) badFields.add(p.field);
      }
    }
    if (out.kind !== "record") return;
    this.records++;
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
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) continue;
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
    if (rec.text.performance) return;
    this.emit(
      "XJ76-2-6",
      rec.row,
      c,
      { where: bi("本行未填写", "blank in this row") },
      `项目：${rec.text.project || rec.text.content}；绩效目标：空`
    );
  }

  private checkDuplicate(rec: LedgerRecord): void {
    if (!this.ctx.packs.has("DATA")) return;
    const m = this.mapping;
    const nameField = m.project !== undefined ? "project" : "content";
    const name = rec.text[nameField];
    const cell = rec.amounts.amount;
    if (!name || cell === undefined) return;
    const unit = this.plan.units.amount ?? "元";
    const doc = rec.text.docNumber ? duplicateName(rec.text.docNumber) : "";
    const key = `${duplicateName(name)}\u0001${amountKey(cell, unit)}\u0001${doc}`;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, rec.row);
      return;
    }
    const amount = yuanOf(cell);
    this.emit(
      "XJ76-2-1-DUPLICATE",
      rec.row,
      m[nameField]!,
      { first, project: name, amount: yuan(amount, unit) },
      `与第 ${first} 行相同：${name}；${yuan(amount, unit)}${doc ? `；${rec.text.docNumber}` : ""}`
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

/** Reviews one sheet (through SheetReview, exactly as the streaming path does). */
export function reviewSheet(
  sheet: SheetInput,
  params: ReviewParams
): { sheet: SheetResult; findings: Finding[] } {
  const review = new SheetReview(sheet.name, params, { merges: sheet.merges });
  feed(review, sheet);
  return review.finish();
}

/** Reviews every sheet; findings ordered by sheet (as given), row, column, kind. */
export function reviewWorkbook(sheets: SheetInput[], params: ReviewParams): ReviewResult {
  const results: SheetResult[] = [];
  const findings: Finding[] = [];
  for (const s of sheets) {
    const r = reviewSheet(s, params);
    results.push(r.sheet);
    findings.push(...r.findings);
  }
  return { sheets: results, findings };
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
