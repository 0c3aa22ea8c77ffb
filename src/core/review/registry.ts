/**
 * The rule registry: every rule the review engine can report, as data — kind, stable rule id,
 * severity, the pack it belongs to, its parameters, its citation and its message template
 * (Chinese and English, `{name}` placeholders). The engine looks rules up here; the pane and
 * the command line list them from here.
 *
 * Severity: a broken clause is an error (OVERDUE, IDLE, CARRYOVER, PROHIBITED); a missing
 * publicity or performance field and a duplicate entry are warnings (the record is incomplete
 * or doubtful, the money may still be right); DATA findings are warnings because they break no
 * clause by themselves — they say a cell could not be read, so a rule could not be judged on
 * it and a person must look.
 */
import type { Bilingual } from "../i18n";
import { bi } from "../i18n";
import type { Citation } from "../rules/citation";
import { DISBURSEMENT_RULES, describePeriod } from "../deadlines";
import {
  CARRYOVER_CITATION,
  DUPLICATE_CITATION,
  IDLE_CITATION,
  PERFORMANCE_CITATION,
  PUBLICITY_CITATION,
  REVIEW_DEFAULTS,
} from "../rules/review";
import type { Field, FindingKind, Severity } from "./types";
import { FIELD_LABELS } from "../ledger/classify";
import { PACKS as PROHIBITED_PACKS, PACK_IDS as PROHIBITED_LISTS } from "../rules/prohibited/packs";
import { KIND_MODULES } from "./kinds";

export type PackId =
  | "GX34"
  | "NEGATIVE"
  | "XJ76"
  | "DATA"
  | "BLACKLIST"
  | "SUBSIDY"
  | "ZG2015"
  | "DOUBLE"
  | "LEDGER"
  | "ADJUST";

export interface PackDef {
  id: PackId;
  name: Bilingual;
  description: Bilingual;
  /** Off unless the office chooses it (e.g. one county's practice, not a rule). */
  off?: boolean;
}

/** Packs a user can choose (ReviewParams.packs); all run by default. */
export const PACKS: readonly PackDef[] = [
  {
    id: "GX34",
    name: bi("桂政发〔2014〕34号", "Guangxi Gov. 34/2014"),
    description: bi(
      "资金下达时限（十三）、闲置项目收回（七）3、结转结余率（十三）",
      "disbursement deadlines (13), idle projects (7)3, carry-over rate (13)"
    ),
  },
  {
    id: "NEGATIVE",
    name: bi("负面清单", "Negative lists"),
    description: bi(
      "扶贫资金不得支出的事项：76号 一、财农〔2017〕8号、湖北 2015 意见 六（六）",
      "what poverty funds must never pay for: XJ 76/2018 1, CN 8/2017, Hubei 2015 6(6)"
    ),
  },
  {
    id: "XJ76",
    name: bi("新扶贫领字〔2018〕76号", "Xinjiang 76/2018"),
    description: bi(
      "公告公示九项内容 二（四）、绩效目标 二（六）",
      "the nine publicity items 2(4), performance targets 2(6)"
    ),
  },
  {
    id: "DATA",
    name: bi("数据质量", "Data quality"),
    description: bi(
      "无法读取的单元格（金额、日期、错误值）、重复录入",
      "unreadable cells (amounts, dates, error values), entries made twice"
    ),
  },
  {
    id: "BLACKLIST",
    name: bi("扶持黑名单", "Blacklist"),
    description: bi(
      "34号（十八）：列入黑名单 3 年内不得承担扶贫项目（读取「黑名单」工作表）",
      "34/2014 (18): no projects for 3 years after blacklisting (reads the 黑名单 sheet)"
    ),
  },
  {
    id: "SUBSIDY",
    name: bi("管理费与补助方式", "Fees and subsidy modes"),
    description: bi(
      "34号（十）管理费比例、（十一）1 民办公助 50万元以内、（十二）1 贴息不高于基准利率",
      "34/2014 (10) management-fee share, (11)1 民办公助 within 500,000 yuan, (12)1 interest not above the benchmark"
    ),
  },
  {
    id: "DOUBLE",
    name: bi("疑似重复申报", "Double claims"),
    description: bi(
      "同一项目由两个资金渠道或两个文号安排，列出供核实：湖北 2015 意见 五（三）、76号 二（一）。默认不运行：统筹整合的项目本就可由多个渠道、多个文件安排资金，需要时勾选",
      "one project under two channels or documents, listed for checking: Hubei 2015 5(3), XJ 76/2018 2(1). Off by default: integrated projects are legitimately funded through several channels and documents; tick it when wanted"
    ),
    off: true,
  },
  {
    id: "ZG2015",
    name: bi("整合目标（秭归做法）", "Integration targets (Zigui practice)"),
    description: bi(
      "一县做法，非规定，默认不运行：每村整合 300万元，扶贫 100万、发改 40万、财政 10万、行业 150万（可在「整合目标」中修改）",
      "one county's practice, not a rule, off by default: 3m yuan per village and department minimums (editable in 整合目标)"
    ),
    off: true,
  },
  {
    id: "LEDGER",
    name: bi("台账责任与结余", "Ledger duties"),
    description: bi(
      "76号 三（二）项目总台账确定责任人（监管实名制）。默认不运行，需要时勾选",
      "XJ 76/2018 3(2): the project ledger names each project's person responsible. Off by default; tick it when wanted"
    ),
    off: true,
  },
  {
    id: "ADJUST",
    name: bi("项目调整审批备案", "Project adjustments"),
    description: bi(
      "34号（七）1–2：与「年度统筹整合资金方案」相比金额或实施地点变了的项目，须在「项目调整备案表」中有批准和备案。默认不运行，需要时勾选",
      "34/2014 (7)1–2: a project whose amount or place differs from the pooling plan needs an approved (and filed) entry in 项目调整备案表. Off by default"
    ),
    off: true,
  },
];

/** The packs a review runs when it is not told which. */
export const DEFAULT_PACKS: readonly string[] = PACKS.filter((p) => !p.off).map((p) => p.id);

/**
 * The negative lists the NEGATIVE pack runs, each choosable on its own in ReviewParams.packs
 * (e.g. ["GX34", "CN2017"] runs the deadline rules and the national list only).
 */
export const NEGATIVE_LISTS: readonly { id: string; document: string; name: Bilingual }[] =
  PROHIBITED_LISTS.map((id) => ({
    id,
    document: PROHIBITED_PACKS[id].document,
    name: PROHIBITED_PACKS[id].title,
  }));

export type ParamValue = number | string | boolean;

export interface RuleDef {
  kind: FindingKind;
  rule: string;
  severity: Severity;
  pack: PackId;
  /** The parameters the rule uses, with their defaults (ReviewParams names where they apply). */
  params: Record<string, ParamValue>;
  /** null only for DATA rules, which break no clause. */
  citation: Citation | null;
  /** Message template, `{name}` filled by the engine. */
  message: Bilingual;
}

/** One rule per clause of each negative list (src/core/rules/prohibited), all in the NEGATIVE pack. */
const prohibited: RuleDef[] = PROHIBITED_LISTS.flatMap((id) =>
  PROHIBITED_PACKS[id].rules.map((r): RuleDef => ({
    kind: "PROHIBITED",
    rule: r.id,
    severity: r.severity,
    pack: "NEGATIVE",
    params: { list: id, category: r.category },
    citation: r.citation,
    message: bi(
      `疑似负面清单支出（{label}）：${r.message.zh}`,
      `possibly a prohibited use ({label}): ${r.message.en}`
    ),
  }))
);

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

/** Publicity items checked cell by cell (绩效目标 is left to PERFORMANCE, 76号 二（六）). */
export const PUBLICITY_CHECKED: readonly Field[] = [
  "project",
  "source",
  "amount",
  "place",
  "content",
  "period",
  "implementer",
  "responsible",
  "hotline",
];

export function publicityRuleId(f: Field): string {
  return `XJ76-2-4-${f.replace(/[A-Z]/g, (c) => "_" + c).toUpperCase()}`;
}

const publicity: RuleDef[] = PUBLICITY_CHECKED.map((f) => ({
  kind: "PUBLICITY",
  rule: publicityRuleId(f),
  severity: "warning",
  pack: "XJ76",
  params: { field: FIELD_LABELS[f].zh },
  citation: PUBLICITY_CITATION,
  message: bi(
    `公示内容缺少“${FIELD_LABELS[f].zh}”：{where}`,
    `publicity item "${FIELD_LABELS[f].en}" missing: {where}`
  ),
}));

const data = (rule: string, pack: PackId, zh: string, en: string): RuleDef => ({
  kind: "DATA",
  rule,
  severity: "warning",
  pack,
  params: {},
  citation: null,
  message: bi(zh, en),
});

/** Every rule, in a stable order. */
export const RULES: readonly RuleDef[] = [
  ...overdue,
  {
    kind: "IDLE",
    rule: "GX34-7-3-NOT_STARTED",
    severity: "error",
    pack: "GX34",
    params: { idleYears: REVIEW_DEFAULTS.idleYears },
    citation: IDLE_CITATION,
    message: bi(
      "项目批复（{approval}）后超过 {years} 年未实施（{limit} 届满），资金应由财政部门收回",
      "not started more than {years} years after approval ({approval}; the period ended {limit}): the funds are to be reclaimed"
    ),
  },
  {
    kind: "IDLE",
    rule: "GX34-7-3-TERMINATED",
    severity: "error",
    pack: "GX34",
    params: {},
    citation: IDLE_CITATION,
    message: bi(
      "项目终止实施（{status}），资金应由财政部门收回",
      "project terminated ({status}): the funds are to be reclaimed"
    ),
  },
  {
    kind: "IDLE",
    rule: "GX34-7-3-IMPOSSIBLE",
    severity: "error",
    pack: "GX34",
    params: {},
    citation: IDLE_CITATION,
    message: bi(
      "项目无法实施（{status}），资金应由财政部门收回",
      "project cannot be carried out ({status}): the funds are to be reclaimed"
    ),
  },
  {
    kind: "CARRYOVER",
    rule: "GX34-13-CARRYOVER",
    severity: "error",
    pack: "GX34",
    params: { carryoverThreshold: REVIEW_DEFAULTS.carryoverThreshold },
    citation: CARRYOVER_CITATION,
    message: bi(
      "{year}结转结余率 {rate}（结转结余 {carry} ÷ 资金总额 {total}）大于 {threshold}：分配下一年度资金时按结转结余额 {carry} 扣减",
      "{year}carry-over rate {rate} (carry-over {carry} ÷ total {total}) is above {threshold}: {carry} is deducted from next year's allocation"
    ),
  },
  ...prohibited,
  ...publicity,
  {
    kind: "PERFORMANCE",
    rule: "XJ76-2-6",
    severity: "warning",
    pack: "XJ76",
    params: {},
    citation: PERFORMANCE_CITATION,
    message: bi("项目未填报绩效目标：{where}", "no performance target: {where}"),
  },
  {
    kind: "DUPLICATE",
    rule: "XJ76-2-1-DUPLICATE",
    severity: "warning",
    pack: "DATA",
    params: {},
    citation: DUPLICATE_CITATION,
    message: bi(
      "与第 {first} 行重复：同一项目「{project}」、同一金额 {amount} 录入两次",
      'same as row {first}: project "{project}" with amount {amount} entered twice'
    ),
  },
  data("DATA-ERROR", "DATA", "单元格是错误值 {value}", "the cell holds the error value {value}"),
  data("DATA-AMOUNT", "DATA", "无法识别的金额「{value}」", 'unreadable amount "{value}"'),
  data("DATA-DATE-AMBIGUOUS", "DATA", "{detail}", "{detail}"),
  data("DATA-DATE-IMPOSSIBLE", "DATA", "{detail}", "{detail}"),
  data("DATA-DATE-UNREADABLE", "DATA", "{detail}", "{detail}"),
  data(
    "DATA-FUNDTYPE",
    "GX34",
    "无法识别的资金类型「{value}」，无法判断下达时限。{accepted}",
    'unrecognised fund type "{value}": the deadline cannot be judged. {accepted}'
  ),
  data(
    "DATA-NO-START",
    "GX34",
    "此类资金的时限自{start}起算，需要“{field}”列：{where}，无法判断下达时限（不以其他日期代替）",
    'this fund\'s period runs from {start} and needs the "{field}" column: {where}; the deadline cannot be judged (no other date is used instead)'
  ),
  data(
    "DATA-CALENDAR",
    "GX34",
    "期限落在 {year} 年，缺少该年的节假日安排，无法判断是否超期：请在工作簿中加入“节假日安排”工作表（审查窗格），或用 --calendar 文件（命令行）提供 {year} 年的放假和调休上班日期",
    "the deadline falls in {year}, for which no holiday arrangement is known, so lateness cannot be judged: add a 节假日安排 sheet to the workbook (Review pane) or pass --calendar FILE (command line) with {year}'s holidays and make-up working days"
  ),
  data(
    "DATA-NO-APPROVAL",
    "GX34",
    "项目未开工但项目批复日期为空，无法判断是否超过 {years} 年未实施",
    "not started but the project approval date is blank: cannot tell whether {years} years have passed"
  ),
  data(
    "DATA-NO-TOTAL",
    "GX34",
    "有结转结余 {carry}，但资金总额为空或为零，无法计算结转结余率",
    "carry-over {carry} but the year total is blank or zero: the rate cannot be computed"
  ),
  data(
    "DATA-MERGES-UNREAD",
    "DATA",
    "本表的合并单元格未能读取（{detail}）：合并单元格下方看似空白的 {n} 个单元格未作“未填写”判断，请在较新版本的 Excel 或用命令行审查",
    "this sheet's merged cells could not be read ({detail}): {n} cells that look blank under a filled cell were not judged as unfilled; review in a newer Excel or with the command line"
  ),
  data(
    "DATA-MAP-COLUMN",
    "DATA",
    "列映射「{field} → {target}」在表头中找不到：{detail}",
    'column mapping "{field} → {target}" matches no column of the header: {detail}'
  ),
  ...KIND_MODULES.flatMap((k) => k.rules),
];

const BY_ID = new Map(RULES.map((r) => [r.rule, r]));

/** The registry as a list (for the pane's and the command line's rule listings). */
export function listRules(): readonly RuleDef[] {
  return RULES;
}

export function ruleById(id: string): RuleDef | undefined {
  return BY_ID.get(id);
}

export type Vars = Record<string, string | number | Bilingual>;

/** Fills a template; a Bilingual variable gives its Chinese to the Chinese text and so on. */
export function render(template: Bilingual, vars: Vars): Bilingual {
  const fill = (t: string, lang: "zh" | "en") =>
    t.replace(/\{(\w+)\}/g, (m, k: string) => {
      const v = vars[k];
      if (v === undefined) return m;
      return typeof v === "object" ? v[lang] : String(v);
    });
  return { zh: fill(template.zh, "zh"), en: fill(template.en, "en") };
}
