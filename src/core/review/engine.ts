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
import { Bilingual, bi } from "../i18n";
import { MoneyUnit } from "../money";
import {
  AmountField,
  CellProblem,
  ColumnPlan,
  LedgerRecord,
  amountKey,
  isBlankRow,
  parseRow,
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
import {
  ColumnMapping,
  Field,
  Finding,
  ReviewParams,
  ReviewResult,
  SheetInput,
  SheetKind,
  SheetNotes,
  SheetResult,
  columnIndex,
  columnLetters,
} from "./types";
import { DEFAULT_PACKS, PackId, Vars, render, ruleById } from "./registry";
import { listsFor } from "./negative";
import { KIND_MODULES, KindModule, SheetCheck, Emit, SheetEnv } from "./kinds";
import { kindRank } from "./labels";
import { duplicateName } from "./kinds/duplicate";

export { classifyStatus } from "./kinds/idle";

/** Data rows buffered at most to infer an undeclared unit. */
export const UNIT_SAMPLE_ROWS = 100;

/**
 * Deterministic order within a sheet: row, column, kind (each module's `order`), rule, evidence
 * (sheet-level first).
 */
export function compareFindings(a: Finding, b: Finding): number {
  const ra = a.row ?? 0;
  const rb = b.row ?? 0;
  if (ra !== rb) return ra - rb;
  const ca = a.column === null ? -1 : columnIndex(a.column);
  const cb = b.column === null ? -1 : columnIndex(b.column);
  if (ca !== cb) return ca - cb;
  const ka = kindRank(a.kind) - kindRank(b.kind);
  if (ka !== 0) return ka;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.evidence < b.evidence ? -1 : a.evidence > b.evidence ? 1 : 0;
}

// ── Shared, per-review context ─────────────────────────────────────────────

interface Context {
  params: ReviewParams;
  /** The packs whose rules report (NEGATIVE added when a single negative list is chosen). */
  packs: ReadonlySet<string>;
  /** The packs as chosen: what each kind's check is started with. */
  chosen: ReadonlySet<string>;
}

function makeContext(params: ReviewParams): Context {
  const chosen = new Set(params.packs ?? DEFAULT_PACKS);
  const packs = new Set(chosen);
  // Choosing one negative list (XJ2018, HB2015, CN2017) runs the NEGATIVE pack with that list.
  if (listsFor(chosen).length) packs.add("NEGATIVE");
  return { params, packs, chosen };
}

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
  private records = 0;
  private lastRow = 0;
  private finished: SheetOutcome | null = null;
  private readonly mergesUnread: Bilingual | undefined;
  /** Columns whose cell in an earlier record held a value (when merges are unknown). */
  private readonly above = new Set<number>();
  private unjudged = 0;
  private keys: Map<string, number> | null;
  private readonly notJudged = { rows: 0, years: new Set<number>() };
  private readonly notGoverned = { rows: 0, types: new Set<string>() };
  private idleNotChecked = 0;
  private idleYears = 0;
  /** Every kind's check (./kinds) with its state for this sheet, beside its module. */
  private readonly checks: { kind: KindModule; check: SheetCheck }[];
  /** The checks that read this sheet's rows (its kind, the columns they need): set with the header. */
  private rowChecks: SheetCheck[] = [];
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
    const env: SheetEnv = {
      name,
      notes: {
        notJudged: (year) => {
          this.notJudged.rows++;
          this.notJudged.years.add(year);
        },
        notGoverned: (type) => {
          this.notGoverned.rows++;
          this.notGoverned.types.add(type);
        },
        idleNotChecked: (years: number) => {
          this.idleYears = years;
          this.idleNotChecked++;
        },
      },
      blanks: {
        filled: (c) => {
          if (this.mergesUnread) this.above.add(c);
        },
        mayBeMerged: (c) => {
          if (!this.mergesUnread || !this.above.has(c)) return false;
          this.unjudged++; // perhaps under a vertical merge the host did not report
          return true;
        },
      },
    };
    this.checks = [];
    for (const kind of KIND_MODULES) {
      const check = kind.start?.(params, this.ctx.chosen, env);
      if (check) this.checks.push({ kind, check });
    }
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
    if (this.kind !== null)
      for (const c of this.checks) if (this.runs(c.kind)) c.check.finish(this.emitter);
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
        years: this.idleYears,
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

  private emit(
    rule: string,
    row: number | null,
    col: number | null,
    vars: Vars,
    evidence: string
  ): Finding | null {
    const def = ruleById(rule);
    if (!def || !this.ctx.packs.has(def.pack)) return null;
    const column = col === null || row === null ? null : columnLetters(col);
    const f: Finding = {
      kind: def.kind,
      rule: def.rule,
      severity: def.severity,
      sheet: this.name,
      row,
      column,
      cell: column === null ? null : column + row,
      message: this.shared(render(def.message, vars)),
      evidence,
      citation: def.citation,
    };
    this.findings.push(f);
    return f;
  }

  /** Rendered messages seen on this sheet, by their Chinese text (bounded). */
  private readonly messages = new Map<string, Bilingual>();

  /**
   * One object for a message the sheet repeats (a blank start date on 200,000 rows is one text):
   * the findings share it instead of each holding its own copy. Never modified after this.
   */
  private shared(m: Bilingual): Bilingual {
    const seen = this.messages.get(m.zh);
    if (seen !== undefined) return seen.en === m.en ? seen : m;
    if (this.messages.size < 4096) this.messages.set(m.zh, m);
    return m;
  }

  /** Whether a kind's check reads this sheet (its sheet kinds). */
  private runs(kind: KindModule): boolean {
    return this.kind !== null && kind.sheetKinds.includes(this.kind);
  }

  private sheetLevelChecks(): void {
    const view = {
      sheetKind: this.kind!,
      mapping: this.mapping,
      headerRow: this.header!.headerRow,
    };
    for (const c of this.checks) if (this.runs(c.kind)) c.check.header?.(view, this.emitter);
    this.rowChecks = this.checks
      .filter(({ kind }) => this.runs(kind))
      .filter(({ kind }) => !kind.needs || kind.needs.every((f) => this.mapping[f] !== undefined))
      .map((c) => c.check);
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
    const view = {
      rec: out.record,
      sheetKind: this.kind!,
      mapping: this.mapping,
      units: this.plan.units,
      bad: badFields,
    };
    for (const check of this.rowChecks) check.row(view, this.emitter);
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
