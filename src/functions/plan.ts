/** FUND.PLANCHECK: the county's annual pooling plan — timing, document number, filing (湖北 2015 意见 四（四）、五（一）). */
import { planProblems } from "../core/rules/pooling-plan";
import { optionalDateArg, scalar, isOmitted } from "./args";
import { guard, inputError } from "./errors";

/**
 * Checks a county's annual pooling plan (Hubei 2015 opinion 四（四）, 五（一）): drafting started by the end of the third quarter of the year before, issued with a county government document number, filed with the provincial finance department.
 * @customfunction PLANCHECK
 * @helpurl https://localhost:3000/help/functions.html#FUND.PLANCHECK
 * @param year The year the plan is for, e.g. 2026.
 * @param drafted The day drafting started (编制/着手日期).
 * @param doc_number The county government document number it was issued under (文号).
 * @param [filed] The day it was filed with the provincial finance department (备案日期).
 * @returns "" when on time, numbered and filed; otherwise each problem.
 */
export function planCheck(year: any, drafted: any, doc_number: any, filed?: any): any {
  return guard(() => {
    const y = scalar(year);
    if (typeof y !== "number" || !Number.isInteger(y) || y < 1990 || y > 2100)
      throw inputError(
        "value",
        `年度应为 1990–2100 的整数，收到「${String(y ?? "")}」`,
        "year must be a whole number 1990–2100"
      );
    const d = optionalDateArg(drafted, ["编制日期", "drafted"]);
    const n = scalar(doc_number);
    const doc = isOmitted(n) ? "" : String(n);
    const f = optionalDateArg(filed, ["备案日期", "filed"]);
    return planProblems(y, d, doc, f).join("；");
  });
}
