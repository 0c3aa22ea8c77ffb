/**
 * OVERDUE — 34号 第（十三）条: money passed down after its deadline. Only a fund type that names
 * the clause's level and kind has a deadline; it runs from that rule's own start date (receipt
 * of the document, or budget approval), never from another column. The periods and their
 * citations are encoded once in src/core/deadlines.
 */
import { bi } from "../../i18n";
import { formatIso } from "../../dates";
import { CalendarCoverageError, WorkCalendar, officialCalendar } from "../../calendar";
import {
  ACCEPTED_FUND_TYPES,
  DISBURSEMENT_RULES,
  DeadlineRule,
  FundRuleId,
  FundTypeClass,
  classifyWithOffice,
  daysLate,
  deadline,
  describePeriod,
  rawPeriodEnd,
  ruleOf,
} from "../../deadlines";
import { FIELD_LABELS } from "../../ledger/classify";
import { REVIEW_DEFAULTS } from "../../rules/review";
import type { RuleDef } from "../rule-def";
import type { Finding, ReviewParams } from "../types";
import { ROW_SHEETS, type KindModule } from "./types";
import { dataRule } from "./data";

const overdue: RuleDef[] = DISBURSEMENT_RULES.map((r) => ({
  kind: "OVERDUE",
  rule: r.ruleId,
  severity: "error",
  pack: "GX34",
  params: {
    period: describePeriod(r.period).zh,
    start: r.start.zh,
    strict: REVIEW_DEFAULTS.strict,
  },
  citation: r.citation,
  message: bi(
    `${r.label.zh}应在${r.start.zh}后${describePeriod(r.period).zh}内下达，期限 {deadline}；{judged}，超期 {days} 天`,
    `${r.label.en} must be passed down within ${describePeriod(r.period).en} of ${r.start.en}: deadline {deadline}; {judged}, {days} days late`
  ),
}));

const rules: RuleDef[] = [
  ...overdue,
  dataRule(
    "DATA-FUNDTYPE",
    "GX34",
    "无法识别的资金类型「{value}」，无法判断下达时限。{accepted}",
    'unrecognised fund type "{value}": the deadline cannot be judged. {accepted}'
  ),
  dataRule(
    "DATA-NO-START",
    "GX34",
    "此类资金的时限自{start}起算，需要“{field}”列：{where}，无法判断下达时限（不以其他日期代替）",
    'this fund\'s period runs from {start} and needs the "{field}" column: {where}; the deadline cannot be judged (no other date is used instead)'
  ),
  dataRule(
    "DATA-CALENDAR",
    "GX34",
    "期限落在 {year} 年，缺少该年的节假日安排，无法判断是否超期：请在工作簿中加入“节假日安排”工作表（审查窗格），或用 --calendar 文件（命令行）提供 {year} 年的放假和调休上班日期",
    "the deadline falls in {year}, for which no holiday arrangement is known, so lateness cannot be judged: add a 节假日安排 sheet to the workbook (Review pane) or pass --calendar FILE (command line) with {year}'s holidays and make-up working days"
  ),
];

const RULE_SLOT: Record<DeadlineRule["id"], number> = {
  CENTRAL_ADVANCE: 0,
  CENTRAL_NEW: 1,
  REGION_BUDGET: 2,
  DEPT_DETAILED: 3,
  DEPT_UNDETAILED: 4,
};

function calendarFor(params: ReviewParams): WorkCalendar {
  const base = officialCalendar();
  return (params.holidays && params.holidays.length) || (params.workdays && params.workdays.length)
    ? base.withOverrides({ holidays: params.holidays, workdays: params.workdays })
    : base;
}

export const overdueKind: KindModule = {
  id: "OVERDUE",
  label: bi("下达超期", "Passed down late"),
  order: 10,
  hint: bi(
    "核对收到文件日期和下达日期；确属超期的，说明原因并督促尽快下达。",
    "Check the received and passed-down dates; if the money is late, record why and have it passed down now."
  ),
  ruleHints: {
    "DATA-FUNDTYPE": bi(
      "把资金类型改为能识别的写法（如“中央提前下达”“中央新增”“自治区本级”），然后重新审查。",
      "Write the fund type in a recognised form (e.g. 中央提前下达, 中央新增, 自治区本级), then run the review again."
    ),
    "DATA-NO-START": bi(
      "补填收到文件日期（或对应的起算日期），然后重新审查。",
      "Fill in the date the document was received (or the start date the rule counts from), then review again."
    ),
    "DATA-CALENDAR": bi(
      "在工作簿中添加“节假日安排”表，填写该年的节假日和调休上班日，然后重新审查。",
      "Add a 节假日安排 sheet with that year's holidays and make-up working days, then review again."
    ),
  },
  sheetKinds: ROW_SHEETS,
  fields: ["fundType", "receivedDate", "budgetDate", "passDownDate"],
  needs: ["fundType"],
  rules,
  start(params, _packs, sheet) {
    const cal = calendarFor(params);
    const strict = params.strict ?? REVIEW_DEFAULTS.strict;
    const deadlineCache = new Map<number, number | CalendarCoverageError>();
    const fundTypeCache = new Map<string, FundTypeClass>();
    const fundTypes: Map<string, FundRuleId | null> | null = params.fundTypes
      ? new Map(Object.entries(params.fundTypes))
      : null;
    /** Unrecognised fund types: the one finding each, and the rows it stands for. */
    const unknownTypes = new Map<string, { finding: Finding | null; rows: number }>();
    /**
     * Fund types whose start-date column the sheet lacks: one cause for every such row, so one
     * finding per fund type as written (at its first row), counting the rows — as for an
     * unrecognised type.
     */
    const noStartColumn = new Map<string, { finding: Finding | null; rows: number }>();

    const fundClass = (text: string): FundTypeClass => {
      let c = fundTypeCache.get(text);
      if (c === undefined) {
        c = classifyWithOffice(text, fundTypes ?? undefined);
        if (fundTypeCache.size < 10000) fundTypeCache.set(text, c);
      }
      return c;
    };

    const deadlineOf = (start: number, rule: DeadlineRule): number | CalendarCoverageError => {
      const key = start * 8 + RULE_SLOT[rule.id];
      let d = deadlineCache.get(key);
      if (d === undefined) {
        try {
          d = deadline(start, rule, cal, { strict });
        } catch (e) {
          if (!(e instanceof CalendarCoverageError)) throw e;
          d = e;
        }
        deadlineCache.set(key, d);
      }
      return d;
    };

    /**
     * The earliest the deadline can be without knowing the calendar: a month or day period only
     * ever rolls forward, and the n-th working day after a start is at least n days after it.
     */
    const earliestDeadline = (start: number, rule: DeadlineRule): number =>
      rule.period.unit === "workday"
        ? start + rule.period.n
        : rawPeriodEnd(start, rule.period, cal);

    return {
      row({ rec, mapping: m, bad }, emit) {
        const ft = rec.text.fundType;
        if (!ft) return;
        const cls = fundClass(ft);
        if (cls.kind === "unknown") {
          const u = unknownTypes.get(ft);
          if (u) {
            u.rows++;
            return;
          }
          const finding = emit(
            "DATA-FUNDTYPE",
            rec.row,
            m.fundType!,
            { value: ft, accepted: ACCEPTED_FUND_TYPES },
            `资金类型：${ft}`
          );
          unknownTypes.set(ft, { finding, rows: 1 });
          return;
        }
        if (cls.kind === "not-governed") {
          sheet.notes.notGoverned(ft);
          return;
        }
        const rule = ruleOf(cls.id);
        const field = rule.startField;
        const label = FIELD_LABELS[field];
        const col = m[field];
        const start = rec.dates[field];
        if (start === undefined) {
          if (col !== undefined && bad?.has(field)) return; // already reported as unreadable
          const missing = col === undefined ? noStartColumn.get(ft) : undefined;
          if (missing) {
            missing.rows++;
            return;
          }
          const finding = emit(
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
          if (col === undefined) noStartColumn.set(ft, { finding, rows: 1 });
          return;
        }
        let judged: number;
        let passed: boolean;
        if (rec.dates.passDownDate !== undefined) {
          judged = rec.dates.passDownDate;
          passed = true;
        } else {
          if (bad?.has("passDownDate")) return; // unreadable pass-down date: reported, not guessed
          judged = params.asOf;
          passed = false;
        }
        const dl = deadlineOf(start, rule);
        if (dl instanceof CalendarCoverageError) {
          // Done before the earliest the deadline can be: on time whatever that year's holidays.
          if (judged <= earliestDeadline(start, rule)) return;
          sheet.notes.notJudged(dl.year);
          emit(
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
        emit(
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
      },
      finish() {
        for (const u of [...unknownTypes.values(), ...noStartColumn.values()])
          if (u.finding && u.rows > 1) u.finding.evidence += `；共 ${u.rows} 行`;
      },
    };
  },
};
