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
  "FILING",
  "DATA",
];

export const SEVERITY_LABEL: Record<Severity, Bilingual> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Info" },
};

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];
