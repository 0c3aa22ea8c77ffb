/**
 * Names of finding kinds and severities, Chinese first, in one place: the Review and Filing
 * panes, the findings sheet and the command line's report all show these.
 */
import type { Bilingual } from "../i18n";
import type { FindingKind, Severity } from "./types";

export const KIND_LABEL: Record<FindingKind, Bilingual> = {
  OVERDUE: { zh: "下达超期", en: "Passed down late" },
  IDLE: { zh: "项目闲置", en: "Idle project" },
  CARRYOVER: { zh: "结转结余超标", en: "Carry-over above limit" },
  PROHIBITED: { zh: "负面清单", en: "Prohibited use" },
  PUBLICITY: { zh: "公示缺项", en: "Publicity field missing" },
  PERFORMANCE: { zh: "缺绩效目标", en: "No performance target" },
  DUPLICATE: { zh: "重复录入", en: "Duplicate entry" },
  DATA: { zh: "无法读取", en: "Unreadable cell" },
  FILING: { zh: "备案缺项", en: "Filing field missing" },
  BLACKLIST: { zh: "黑名单", en: "Blacklisted unit" },
  MGMT_FEE: { zh: "管理费超比例", en: "Management fee above share" },
  SUBSIDY: { zh: "民办公助超限", en: "民办公助 above limit" },
  INTEREST: { zh: "贴息超基准", en: "Interest above benchmark" },
  TARGET: { zh: "整合目标", en: "Integration target" },
  DOUBLE: { zh: "疑似重复申报", en: "Possible double claim" },
  LEDGER: { zh: "台账管理", en: "Ledger duties" },
  ADJUST: { zh: "项目调整未备案", en: "Adjustment not approved or filed" },
};

/** Display order of the kinds. */
export const KIND_ORDER: FindingKind[] = [
  "OVERDUE",
  "IDLE",
  "CARRYOVER",
  "PROHIBITED",
  "PUBLICITY",
  "PERFORMANCE",
  "DUPLICATE",
  "BLACKLIST",
  "MGMT_FEE",
  "SUBSIDY",
  "INTEREST",
  "TARGET",
  "DOUBLE",
  "LEDGER",
  "ADJUST",
  "FILING",
  "DATA",
];

export const SEVERITY_LABEL: Record<Severity, Bilingual> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Info" },
};

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/**
 * What to do next, per kind — the reviewer's or the office's next step for a finding — with
 * narrower advice for rules whose remedy differs from their kind's (hintFor picks).
 */
export const KIND_HINT: Record<FindingKind, Bilingual> = {
  OVERDUE: {
    zh: "核对收到文件日期和下达日期；确属超期的，说明原因并督促尽快下达。",
    en: "Check the received and passed-down dates; if the money is late, record why and have it passed down now.",
  },
  IDLE: {
    zh: "核实项目实施状态；确属闲置、终止或无法实施的，报财政部门收回资金。",
    en: "Confirm the project's status; if it is idle, terminated or impossible, report it so the finance office reclaims the funds.",
  },
  CARRYOVER: {
    zh: "核对结转结余和资金总额；确属超标的，分配下一年度资金时按结转结余额扣减。",
    en: "Check the carry-over and the year's total; if the rate is above the limit, deduct the carry-over from next year's allocation.",
  },
  PROHIBITED: {
    zh: "查看支出用途和凭证；确属负面清单事项的，停止支付并追回资金；不属于的，标记为误报并写明理由。",
    en: "Look at what the money paid for and its vouchers; if it is on the negative list, stop payment and recover the money; if not, mark it a false alarm and say why.",
  },
  PUBLICITY: {
    zh: "在公告公示表中补填缺少的项目，重新公示。",
    en: "Fill in the missing item in the publicity notice and publish it again.",
  },
  PERFORMANCE: {
    zh: "补填项目绩效目标（如受益人数、建设规模），再申报或拨付。",
    en: "Fill in the project's performance target (people served, size built) before it is filed or paid.",
  },
  DUPLICATE: {
    zh: "核对两行是否为同一笔资金；重复录入的，删除其中一行；确为两笔的，在备注中说明。",
    en: "Check whether the two rows are the same money; delete one if it was entered twice, or note why there are two.",
  },
  DATA: {
    zh: "改正该单元格（金额写成数字，日期写成日期），然后重新审查。",
    en: "Correct the cell (amounts as numbers, dates as dates), then run the review again.",
  },
  FILING: {
    zh: "在备案表中补填该项，再次检查后报送。",
    en: "Fill in this item in the filing sheet, check again, then send it.",
  },
  BLACKLIST: {
    zh: "核对该单位是否仍在黑名单期限内；确属黑名单单位的，停止安排资金并报告。",
    en: "Check whether the unit is still within its ban; if so, stop funding it and report it.",
  },
  MGMT_FEE: {
    zh: "核对管理费计提比例；超出部分调回项目资金。",
    en: "Check the management-fee share; return the excess to project funds.",
  },
  SUBSIDY: {
    zh: "核对民办公助补助金额；超出限额的，按规定调整或报批。",
    en: "Check the 民办公助 subsidy; adjust it or seek approval where it is above the limit.",
  },
  INTEREST: {
    zh: "核对贴息利率；超过基准利率的部分不予贴息。",
    en: "Check the subsidised rate; interest above the benchmark is not subsidised.",
  },
  TARGET: {
    zh: "对照本县整合目标，核实完成情况并说明差距原因。",
    en: "Compare with the county's integration targets, confirm progress and explain any gap.",
  },
  DOUBLE: {
    zh: "核对两处申报是否为同一项目；确属重复的，撤回其中一处并说明。",
    en: "Check whether the two claims are the same project; if so, withdraw one and record why.",
  },
  LEDGER: {
    zh: "在项目总台账中补填责任人；完工项目的结余资金及时清理、统筹安排使用，并在月报中写明。",
    en: "Name the person responsible in the project ledger; clear and re-pool completed projects' leftover balances and say so in the monthly report.",
  },
  ADJUST: {
    zh: "补办调整审批（县政府批准或上级同意），并在「项目调整备案表」中登记批准文号和备案情况。",
    en: "Have the adjustment approved (county government, or the higher department for a new place) and log its document number and filing in 项目调整备案表.",
  },
};

const RULE_HINT: Record<string, Bilingual> = {
  "DATA-FUNDTYPE": {
    zh: "把资金类型改为能识别的写法（如“中央提前下达”“中央新增”“自治区本级”），然后重新审查。",
    en: "Write the fund type in a recognised form (e.g. 中央提前下达, 中央新增, 自治区本级), then run the review again.",
  },
  "DATA-NO-START": {
    zh: "补填收到文件日期（或对应的起算日期），然后重新审查。",
    en: "Fill in the date the document was received (or the start date the rule counts from), then review again.",
  },
  "DATA-CALENDAR": {
    zh: "在工作簿中添加“节假日安排”表，填写该年的节假日和调休上班日，然后重新审查。",
    en: "Add a 节假日安排 sheet with that year's holidays and make-up working days, then review again.",
  },
  "DATA-NO-APPROVAL": {
    zh: "补填项目批复日期，然后重新审查。",
    en: "Fill in the project's approval date, then review again.",
  },
  "DATA-NO-TOTAL": {
    zh: "补填当年资金总额，然后重新审查。",
    en: "Fill in the year's total funds, then review again.",
  },
};

/** The next step for a finding of this rule (its kind's advice unless the rule has its own). */
export function hintFor(rule: string, kind: FindingKind): Bilingual {
  return RULE_HINT[rule] ?? KIND_HINT[kind];
}
