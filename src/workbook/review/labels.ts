/** Labels the Review pane shows; kind and severity names come from core/review/labels. */
import type { Bilingual } from "../../core/i18n";
import type { Field, Severity, SheetKind } from "../../core/review/types";
import { FIELD_LABELS } from "../../core/ledger/classify";

export { KIND_LABEL, KIND_ORDER, SEVERITY_LABEL, SEVERITY_ORDER } from "../../core/review/labels";

/** Fill used to highlight a flagged cell, by severity (Excel's own "bad" / "neutral" / blue). */
export const HIGHLIGHT_FILL: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/**
 * The mapping editor's headings, in the order it shows them. The Chinese is the one field name
 * the findings use (core/ledger/classify FIELD_LABELS), except that 建设内容 is shown as
 * 建设内容/用途 because the column holds either; the English is a short heading, where the
 * findings' English is a phrase within a sentence.
 */
const HEADING_EN: Record<Field, string> = {
  project: "Project",
  projectNo: "Project no.",
  content: "Content / use",
  fundType: "Fund type",
  source: "Source",
  amount: "Amount",
  receivedDate: "Document received",
  budgetDate: "Budget approved",
  passDownDate: "Passed down",
  docNumber: "Document no.",
  econCode: "Economic code",
  approvalDate: "Approved",
  status: "Status",
  place: "Place",
  implementer: "Implementer",
  responsible: "Responsible",
  hotline: "Hotline",
  period: "Period",
  performance: "Performance target",
  year: "Year",
  total: "Total funds",
  carryover: "Carry-over",
};

export const FIELD_LABEL: Record<Field, Bilingual> = Object.fromEntries(
  (Object.keys(HEADING_EN) as Field[]).map((f) => [
    f,
    {
      zh: f === "content" ? `${FIELD_LABELS.content.zh}/用途` : FIELD_LABELS[f].zh,
      en: HEADING_EN[f],
    },
  ])
) as Record<Field, Bilingual>;

export const SHEET_KIND_LABEL: Record<SheetKind, Bilingual> = {
  ledger: { zh: "资金台账", en: "Ledger" },
  carryover: { zh: "结转结余表", en: "Carry-over table" },
  publicity: { zh: "公告公示", en: "Publicity notice" },
  projects: { zh: "项目库", en: "Project list" },
  filing: { zh: "备案表", en: "Filing sheet" },
};
