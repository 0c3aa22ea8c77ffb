/** FUND.SAMPLE.CHECK: a spot-check list filled in by hand, against 34号 第（十六）条1's floors. */
import { spotCheckFloor } from "../core/filing/spotcheck-floor";
import { allCells, blank, eligibleIds, fractionArg } from "./sample-args";
import { isOmitted, scalar } from "./args";
import { guard, inputError } from "./errors";

/**
 * Whether a spot-check list reaches its floor (34号 第（十六）条1: at least 60 % of poor counties and 30 % of projects with a single subsidy of 50万元 or more). Counts the distinct listed ids that are in the eligible population and compares with ceil(fraction × eligible).
 * @customfunction SAMPLE.CHECK
 * @helpurl https://localhost:3000/help/functions.html#FUND.SAMPLE.CHECK
 * @param checked The ids on the list (counties or projects as written there).
 * @param ids The whole population: every poor county, or every project.
 * @param fraction The floor, e.g. 60% or 0.3; the count is rounded up.
 * @param [amounts] Each id's amount (same size as ids), to keep only projects at or above threshold.
 * @param [threshold] With amounts: the inclusive threshold, e.g. "50万".
 * @returns "" when the floor is reached; otherwise how many are missing, and any listed id that does not count.
 */
export function sampleCheck(
  checked: any[][],
  ids: any[][],
  fraction: any,
  amounts?: any[][],
  threshold?: any
): any {
  return guard(() => {
    const f = fractionArg(fraction);
    const hasAmounts = !isOmitted(amounts) && allCells(amounts).some((c) => !blank(c));
    const t = scalar(threshold);
    if (hasAmounts !== (!isOmitted(t) && !blank(t)))
      throw inputError(
        "value",
        '金额和门槛须同时提供（例如 C2:C100 和 "50万"）',
        "give both amounts and threshold, or neither"
      );
    const eligible = eligibleIds(allCells(ids), amounts, t, hasAmounts);
    if (eligible.length === 0)
      throw inputError(
        "na",
        "抽查范围为空：没有符合条件的编号",
        "no eligible ids in the population"
      );
    const r = spotCheckFloor(
      allCells(checked).filter((c) => !blank(c)),
      eligible,
      f
    );
    if (r.short === 0) return "";
    const outside = r.outside.length
      ? `；不计入：${r.outside.slice(0, 5).join("、")}${r.outside.length > 5 ? ` 等 ${r.outside.length} 个` : ""}（不在范围内或低于门槛）`
      : "";
    return `不足：抽查 ${r.counted} 个，应不少于 ${r.need} 个（${eligible.length} 个 × ${f.times(100).toString()}%，向上取整），还差 ${r.short} 个${outside}`;
  });
}
