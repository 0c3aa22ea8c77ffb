/** FUND.RISING: the competitive-allocation share rising year on year (34号 第（四）条). */
import { Decimal } from "../core/money";
import { notRising } from "../core/rules/competitive";
import { readRate } from "../core/rules/assessment";
import { guard, inputError } from "./errors";

/**
 * Whether the share of funds allocated competitively rose every year (34号 第（四）条: 逐年加大以奖代补等竞争性分配资金的比例). A share equal to the year before is not a rise.
 * @customfunction RISING
 * @helpurl https://localhost:3000/help/functions.html#FUND.RISING
 * @param shares The share for each year, oldest first (e.g. 20%, 0.25 or 25); blanks are not allowed.
 * @param [years] The year labels, same size, for the message (default: 1st, 2nd, …).
 * @returns "" when each year's share is above the year before; otherwise the years that did not rise.
 */
export function rising(shares: any[][], years?: any[][]): any {
  return guard(() => {
    const cells = (Array.isArray(shares) ? shares : [[shares]]).flatMap((r) =>
      Array.isArray(r) ? r : [r]
    );
    const labels = Array.isArray(years)
      ? years.flatMap((r) => (Array.isArray(r) ? r : [r])).map((y) => String(y ?? ""))
      : null;
    if (labels && labels.length !== cells.length)
      throw inputError(
        "value",
        "年度区域大小须与比例相同",
        "years must be the same size as shares"
      );
    const values: Decimal[] = cells.map((c, i) => {
      const d = readRate(c);
      if (!d)
        throw inputError(
          "value",
          `第 ${i + 1} 个比例「${String(c ?? "")}」无法识别（如 20% 或 0.2）`,
          `share ${i + 1} "${String(c ?? "")}" is not readable (e.g. 20% or 0.2)`
        );
      return d;
    });
    if (values.length < 2)
      throw inputError("value", "至少需要两个年度的比例", "at least two years are needed");
    const name = (i: number) => (labels ? labels[i] : `第${i + 1}年`);
    const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(4).toString()}%`;
    return notRising(values)
      .map((i) => `${name(i)} ${pct(values[i])} 未高于 ${name(i - 1)} ${pct(values[i - 1])}`)
      .join("；");
  });
}
