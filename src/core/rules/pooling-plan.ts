/**
 * The county's annual pooling plan (湖北省人民政府 2015-08-25 意见): drafting starts in the third
 * quarter of the year before (四（四）「在上一年第三季度着手编制好统筹资金规划」), the plan is issued
 * as a county government document (四（四）「以县级政府文件印发」 — it has a 文号; that quote is
 * the filing spec's), and it is filed with the provincial finance department and the competent
 * departments (五（一）「上报省财政厅及相关主管部门备案」).
 *
 * Our reading: for the plan of year Y, drafting must have started by 30 September of Y−1 (an
 * earlier start is not late; the clause asks for early work — 立足于早); a start after that is a
 * finding. The document number and the filing date must be present; a filing date before the
 * drafting start is impossible and said so.
 */
import { formatIso, serialFromYmd } from "../dates";
import { Citation, DOCS, SEEDS } from "./citation";

export const PLAN_TIMING_CITATION: Citation = {
  document: DOCS.HB2015,
  clause: "四（四）",
  quote:
    "要立足于早和实，采取自下而上、上下结合的方式，在上一年第三季度着手编制好统筹资金规划，引导资金有序统筹。",
  seed: SEEDS.HB2015,
};

export const PLAN_FILING_CITATION: Citation = {
  document: DOCS.HB2015,
  clause: "五（一）",
  quote: "各县市区须将项目资金统筹使用方案上报省财政厅及相关主管部门备案。",
  seed: SEEDS.HB2015,
};

/** One problem of a plan and the item it concerns. */
export interface PlanProblem {
  item: "drafted" | "docNumber" | "filed";
  text: string;
}

/** Problems of a plan for `year`, each with its item (empty: on time, numbered, filed). */
export function planProblemsByItem(
  year: number,
  drafted: number | null,
  docNumber: string,
  filed: number | null
): PlanProblem[] {
  const out: PlanProblem[] = [];
  const lastStart = serialFromYmd(year - 1, 9, 30);
  if (drafted === null) out.push({ item: "drafted", text: "缺少编制（着手）日期" });
  else if (drafted > lastStart)
    out.push({
      item: "drafted",
      text: `${formatIso(drafted)} 才着手编制，晚于上一年第三季度（${formatIso(lastStart)} 前）`,
    });
  if (!docNumber.trim()) out.push({ item: "docNumber", text: "缺少县级政府印发文号" });
  if (filed === null) out.push({ item: "filed", text: "缺少报省财政厅备案日期" });
  else if (drafted !== null && filed < drafted)
    out.push({
      item: "filed",
      text: `备案日期 ${formatIso(filed)} 早于编制日期 ${formatIso(drafted)}`,
    });
  return out;
}

/** Problems of a plan for `year` (empty: on time, numbered, filed). */
export function planProblems(
  year: number,
  drafted: number | null,
  docNumber: string,
  filed: number | null
): string[] {
  return planProblemsByItem(year, drafted, docNumber, filed).map((p) => p.text);
}
