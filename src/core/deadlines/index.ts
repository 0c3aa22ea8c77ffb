/**
 * Periods (民法典 第二百零一条至第二百零三条) and the disbursement deadlines of
 * 桂政发〔2014〕34号 第（十三）条 (docs/rules.md「期间的计算」「资金下达时限」).
 *
 * - The start day is not counted (第二百零一条).
 * - N months: the corresponding day of the final month, or its last day (第二百零二条).
 * - N working days: the N-th official working day after the start.
 * - N days: start + N.
 * - A last day that is not a working day moves to the next working day (第二百零三条; by
 *   default any non-working day extends, as courts usually hold; strict mode extends only past
 *   statutory holidays). A make-up working Saturday never extends.
 * - Done on the deadline day is on time.
 */
import { Bilingual, bi } from "../i18n";
import { addMonths } from "../dates";
import { compact } from "../text";
import type { Citation } from "../rules/citation";
import { DOCS, SEEDS } from "../rules/citation";
import type { WorkCalendar } from "../calendar";
import { FundRuleId, classifyFundType, normaliseFundName } from "./fundtypes";
import { readCount } from "../cn-count";

export * from "./fundtypes";

export type PeriodUnit = "month" | "workday" | "day" | "year";

export interface Period {
  n: number;
  unit: PeriodUnit;
}

/** How a last day that is not a working day moves: any rest day, statutory holidays only, or not at all. */
export type Roll = "workday" | "holiday" | "none";

export const CIVIL_CODE_PERIODS: Citation = {
  document: DOCS.CIVIL_CODE,
  clause: "第二百零一条至第二百零三条",
  quote:
    "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。",
};

/**
 * A period written as people write it: 4个月, 4个月内, 60个工作日, 30天, 30日, 2年, 两个月,
 * 4 months, 60 working days, 30 days, 2 years. Returns null when it is not a period.
 */
export function parsePeriod(text: string): Period | null {
  const s = compact(text)
    .toLowerCase()
    .replace(/(以内|之内|内)$/, "");
  const zh = /^([0-9]+|[一二两三四五六七八九十]+)(个?月|个?工作日|天|日|年)$/.exec(s);
  if (zh) {
    const n = readCount(zh[1]);
    if (n === null || n <= 0) return null;
    const u = zh[2].replace("个", "");
    return {
      n,
      unit: u === "月" ? "month" : u === "工作日" ? "workday" : u === "年" ? "year" : "day",
    };
  }
  const en =
    /^(\d+)(months?|workingdays?|workdays?|businessdays?|days?|calendardays?|years?)$/.exec(s);
  if (en) {
    const n = Number(en[1]);
    if (n <= 0) return null;
    const u = en[2];
    const unit: PeriodUnit = u.startsWith("month")
      ? "month"
      : u.startsWith("year")
        ? "year"
        : /working|work|business/.test(u)
          ? "workday"
          : "day";
    return { n, unit };
  }
  return null;
}

export function describePeriod(p: Period): Bilingual {
  const zhUnit = { month: "个月", workday: "个工作日", day: "天", year: "年" }[p.unit];
  const enUnit = { month: "month", workday: "working day", day: "day", year: "year" }[p.unit];
  return bi(`${p.n}${zhUnit}`, `${p.n} ${enUnit}${p.n === 1 ? "" : "s"}`);
}

/** The raw last day of a period, before any rolling. */
export function rawPeriodEnd(start: number, period: Period, cal: WorkCalendar): number {
  switch (period.unit) {
    case "month":
      return addMonths(start, period.n);
    case "year":
      return addMonths(start, 12 * period.n);
    case "day":
      return start + period.n;
    case "workday":
      return cal.addWorkdays(start, period.n);
  }
}

/** The last day of a period starting on `start`, rolled per `roll` (default: any rest day extends). */
export function periodEnd(
  start: number,
  period: Period,
  cal: WorkCalendar,
  roll: Roll = "workday"
): number {
  const raw = rawPeriodEnd(start, period, cal);
  if (period.unit === "workday" || roll === "none") return raw;
  return roll === "workday" ? cal.nextWorkdayOnOrAfter(raw) : cal.nextNonHolidayOnOrAfter(raw);
}

// ── 桂政发〔2014〕34号 第（十三）条 ───────────────────────────────────────────

export type DeadlineRuleId = FundRuleId;

export interface DeadlineRule {
  id: DeadlineRuleId;
  /** Stable id used in findings. */
  ruleId: string;
  label: Bilingual;
  /** Chinese names offices write in a fund-type column (compared after normalisation). */
  aliases: string[];
  /** The event the period runs from. */
  start: Bilingual;
  /**
   * The ledger column that event is read from (34号（十三）): receipt of the allocation document
   * for the central rules, the people's congress approving the budget for the others. Never
   * another date in its place.
   */
  startField: "receivedDate" | "budgetDate";
  period: Period;
  citation: Citation;
}

const GX34_13 = (quote: string): Citation => ({
  document: DOCS.GX34,
  clause: "第（十三）条",
  quote,
  seed: SEEDS.GX34,
});

const RECEIPT = bi("收到资金下达文件之日", "the day the allocation document was received");
const APPROVAL = bi(
  "自治区人大批复部门预算之日",
  "the day the people's congress approved the department budget"
);

/** The five deadlines, the clause quoted as printed (the source is in Traditional characters). */
export const DISBURSEMENT_RULES: readonly DeadlineRule[] = [
  {
    id: "CENTRAL_ADVANCE",
    ruleId: "GX34-13-CENTRAL_ADVANCE",
    label: bi("中央提前下达资金", "central funds released in advance"),
    aliases: ["中央提前下达", "中央财政提前下达", "中央提前下达资金", "中央财政上一年度提前下达"],
    start: RECEIPT,
    startField: "receivedDate",
    period: { n: 4, unit: "month" },
    citation: GX34_13(
      "對中央財政上一年度提前下達的財政專項扶貧資金,應在收到資金下達文件后4個月內完成資金下達"
    ),
  },
  {
    id: "CENTRAL_NEW",
    ruleId: "GX34-13-CENTRAL_NEW",
    label: bi("当年中央新增资金", "new central funds of the year"),
    aliases: [
      "中央新增",
      "当年中央新增",
      "中央财政新增",
      "中央新增资金",
      "当年中央财政专项扶贫资金新增部分",
    ],
    start: RECEIPT,
    startField: "receivedDate",
    period: { n: 2, unit: "month" },
    citation: GX34_13(
      "對當年中央財政專項扶貧資金新增部分,應在收到資金下達文件后2個月內完成資金下達"
    ),
  },
  {
    id: "REGION_BUDGET",
    ruleId: "GX34-13-REGION_BUDGET",
    label: bi("自治区本级预算资金", "region-level budget funds"),
    aliases: ["本级预算", "自治区本级", "省级本级", "自治区本级预算", "自治区本级财政预算安排"],
    start: APPROVAL,
    startField: "budgetDate",
    period: { n: 60, unit: "workday" },
    citation: GX34_13(
      "對自治區本級財政預算安排的財政專項扶貧資金,應在自治區人大批復部門預算后60個工作日內完成資金下達"
    ),
  },
  {
    id: "DEPT_DETAILED",
    ruleId: "GX34-13-DEPT_DETAILED",
    label: bi("部门整合资金（预算已细化）", "departments' pooled funds, budget itemised"),
    aliases: ["部门已细化", "部门整合已细化", "部门整合(已细化)", "部门预算已细化"],
    start: APPROVAL,
    startField: "budgetDate",
    period: { n: 1, unit: "month" },
    citation: GX34_13(
      "對相關部門整合用于支持貧困地區發展的項目資金,部門預算已經細化的,應在自治區人大批復部門預算后1個月內完成資金下達"
    ),
  },
  {
    id: "DEPT_UNDETAILED",
    ruleId: "GX34-13-DEPT_UNDETAILED",
    label: bi("部门整合资金（预算未细化）", "departments' pooled funds, budget not itemised"),
    aliases: ["部门未细化", "部门整合未细化", "部门整合(未细化)", "部门预算未细化"],
    start: APPROVAL,
    startField: "budgetDate",
    period: { n: 60, unit: "workday" },
    citation: GX34_13(
      "部門預算未細化的,應在自治區人大批復部門預算后60個工作日內完成資金分解和下達"
    ),
  },
];

/**
 * Built on first use, not at import: the names go through the normal form, whose first call
 * builds OpenCC's tables (≈20 ms), and this module loads with the custom functions at every
 * Excel start (bench/startup.bench.ts).
 */
let ruleIndex: Map<string, DeadlineRule> | null = null;

function ruleIndexOf(): Map<string, DeadlineRule> {
  if (ruleIndex) return ruleIndex;
  const m = new Map<string, DeadlineRule>();
  for (const r of DISBURSEMENT_RULES) {
    m.set(r.id, r);
    m.set(r.ruleId, r);
    for (const a of r.aliases) {
      m.set(normaliseFundName(a), r);
      m.set(normaliseFundName(a + "资金"), r);
      m.set(normaliseFundName(a + "专项扶贫资金"), r);
    }
  }
  ruleIndex = m;
  return m;
}

/** A rule by id (CENTRAL_ADVANCE…), finding id, or Chinese name exactly (after normalisation). */
export function ruleByName(text: string): DeadlineRule | null {
  const key = normaliseFundName(String(text));
  if (key === "") return null;
  const index = ruleIndexOf();
  return index.get(key) ?? index.get(key.replace(/_/g, "")) ?? null;
}

function lookupRule(text: string): DeadlineRule | null {
  const named = ruleByName(text);
  if (named) return named;
  const c = classifyFundType(text);
  return c.kind === "rule" ? ruleOf(c.id) : null;
}

/**
 * What a text resolves to, remembered by the text as written: a column of
 * `=FUND.DEADLINE(A2,"60个工作日")` normalises and classifies its rule once, not once per cell.
 * Bounded: when full it starts afresh (the distinct texts of a workbook are few).
 */
type Resolved = { rule: DeadlineRule | null; period: Period | null };
const RESOLVED = new Map<string, Resolved>();
const RESOLVED_MAX = 512;

function resolved(text: string): Resolved {
  let r = RESOLVED.get(text);
  if (r === undefined) {
    const rule = lookupRule(text);
    const parsed = rule ? null : parsePeriod(text);
    r = { rule, period: rule ? rule.period : parsed && Object.freeze(parsed) };
    if (text.length > 200) return r; // a long cell text is not kept
    if (RESOLVED.size >= RESOLVED_MAX) RESOLVED.clear();
    RESOLVED.set(text, r);
  }
  return r;
}

/**
 * A rule by id, Chinese name, or a fund type that names the clause's level and kind
 * (classifyFundType: 中央财政提前下达扶贫资金 → CENTRAL_ADVANCE; 市级提前下达资金 → none).
 */
export function findDeadlineRule(text: string): DeadlineRule | null {
  return resolved(String(text)).rule;
}

/** The rule object of an id. */
export function ruleOf(id: DeadlineRuleId): DeadlineRule {
  return DISBURSEMENT_RULES.find((r) => r.id === id)!;
}

export class UnknownRuleError extends Error {
  readonly text: Bilingual;
  constructor(
    readonly seen: string,
    why?: Bilingual
  ) {
    const text = bi(
      `${why ? why.zh + "；" : ""}无法识别的时限规则「${seen}」：可用 中央提前下达、中央新增、本级预算、部门已细化、部门未细化，或写成「4个月」「60个工作日」「30天」`,
      `${why ? why.en + "; " : ""}unknown deadline rule "${seen}": use CENTRAL_ADVANCE, CENTRAL_NEW, REGION_BUDGET, DEPT_DETAILED, DEPT_UNDETAILED, or a period such as "4 months", "60 working days", "30 days"`
    );
    super(`${text.zh} (${text.en})`);
    this.text = text;
  }
}

/** A rule, or a bare period, from what a user wrote. Throws UnknownRuleError. */
export function resolveRule(text: string): { rule: DeadlineRule | null; period: Period } {
  const r = resolved(text);
  if (r.period) return { rule: r.rule, period: r.period };
  const c = classifyFundType(text);
  throw new UnknownRuleError(text, c.kind === "not-governed" ? c.reason : undefined);
}

/**
 * The deadline for something that started on `start`: a rule (object, id, alias) or a period.
 * Throws CalendarCoverageError for years without calendar data, UnknownRuleError for bad text.
 */
export function deadline(
  start: number,
  rule: DeadlineRule | Period | string,
  cal: WorkCalendar,
  opts: { strict?: boolean } = {}
): number {
  const period =
    typeof rule === "string" ? resolveRule(rule).period : "period" in rule ? rule.period : rule;
  return periodEnd(start, period, cal, opts.strict ? "holiday" : "workday");
}

/** Calendar days late: 0 when done on or before the deadline. */
export function daysLate(deadlineSerial: number, judged: number): number {
  return Math.max(0, judged - deadlineSerial);
}
