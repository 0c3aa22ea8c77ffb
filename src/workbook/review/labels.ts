/** Labels the Review pane shows; kind and severity names come from core/review/labels. */
import type { Bilingual } from "../../core/i18n";
import type { Field, Severity, SheetKind } from "../../core/review/types";

export { KIND_LABEL, KIND_ORDER, SEVERITY_LABEL, SEVERITY_ORDER } from "../../core/review/labels";

/** Fill used to highlight a flagged cell, by severity (Excel's own "bad" / "neutral" / blue). */
export const HIGHLIGHT_FILL: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** The logical columns of docs/rules.md「读取台账」, in the order the mapping editor shows them. */
export const FIELD_LABEL: Record<Field, Bilingual> = {
  project: { zh: "项目名称", en: "Project" },
  projectNo: { zh: "项目编号", en: "Project no." },
  content: { zh: "建设内容/用途", en: "Content / use" },
  fundType: { zh: "资金类型", en: "Fund type" },
  source: { zh: "资金来源", en: "Source" },
  amount: { zh: "金额", en: "Amount" },
  receivedDate: { zh: "收到资金下达文件日期", en: "Document received" },
  budgetDate: { zh: "人大批复部门预算日期", en: "Budget approved" },
  passDownDate: { zh: "资金下达日期", en: "Passed down" },
  docNumber: { zh: "文号", en: "Document no." },
  econCode: { zh: "经济分类", en: "Economic code" },
  approvalDate: { zh: "项目批复日期", en: "Approved" },
  status: { zh: "实施状态", en: "Status" },
  place: { zh: "实施地点", en: "Place" },
  implementer: { zh: "实施单位", en: "Implementer" },
  responsible: { zh: "责任人", en: "Responsible" },
  hotline: { zh: "监督举报电话", en: "Hotline" },
  period: { zh: "建设周期", en: "Period" },
  performance: { zh: "绩效目标", en: "Performance target" },
  year: { zh: "年度", en: "Year" },
  total: { zh: "资金总额", en: "Total funds" },
  carryover: { zh: "结转结余", en: "Carry-over" },
};

export const SHEET_KIND_LABEL: Record<SheetKind, Bilingual> = {
  ledger: { zh: "资金台账", en: "Ledger" },
  carryover: { zh: "结转结余表", en: "Carry-over table" },
  publicity: { zh: "公告公示", en: "Publicity notice" },
  projects: { zh: "项目库", en: "Project list" },
  filing: { zh: "备案表", en: "Filing sheet" },
};
