/** Names of finding kinds and severities, Chinese first; shared by the pane and the findings sheet. */
import type { Bilingual } from "../../core/i18n";
import type { FindingKind, Severity } from "../../core/review/types";

export const KIND_LABEL: Record<FindingKind, Bilingual> = {
  OVERDUE: { zh: "拨付超期", en: "Passed down late" },
  IDLE: { zh: "项目闲置", en: "Idle project" },
  CARRYOVER: { zh: "结转结余超标", en: "Carry-over above limit" },
  PROHIBITED: { zh: "负面清单支出", en: "Prohibited use" },
  PUBLICITY: { zh: "公示缺项", en: "Publicity field missing" },
  PERFORMANCE: { zh: "缺绩效目标", en: "No performance target" },
  DUPLICATE: { zh: "重复录入", en: "Duplicate entry" },
  DATA: { zh: "无法识别的单元格", en: "Unreadable cell" },
  FILING: { zh: "备案缺项", en: "Filing field missing" },
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
  "FILING",
  "DATA",
];

export const SEVERITY_LABEL: Record<Severity, Bilingual> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Info" },
};

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/** Fill used to highlight a flagged cell, by severity (Excel's own "bad" / "neutral" / blue). */
export const HIGHLIGHT_FILL: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};
