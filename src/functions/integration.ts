/**
 * FUND.INTEGRATION: the ZG2015 per-household and growth targets (秭归县 2015, one county's
 * practice, not a rule) over the office's own figures.
 */
import { Decimal } from "../core/money";
import { parsePercent } from "../core/review/office";
import { householdAndGrowth } from "../core/rules/integration-targets";
import { amountArg, isOmitted, scalar } from "./args";
import { guard, inputError } from "./errors";

function wan(yuan: Decimal): string {
  return `${yuan.dividedBy(10000).toDecimalPlaces(4).toString()}万元`;
}

/**
 * Checks a year's integrated poverty funds against Zigui county's targets (one county's practice, 2015, not a rule): at least 1万元 per poor household, and the total growing 10% or more a year. 以上 includes the figure itself. Your office may give its own figures.
 * @customfunction INTEGRATION
 * @helpurl https://localhost:3000/help/functions.html#FUND.INTEGRATION
 * @param total This year's integrated total (a number in 元, or text such as "836万").
 * @param [households] The number of poor households it serves (blank: not judged).
 * @param [last_year] Last year's integrated total (blank: growth not judged).
 * @param [per_household] Minimum per household; default 1万元 (Zigui's figure).
 * @param [growth] Minimum growth a year, e.g. 10% or 0.1; default 10% (Zigui's figure).
 * @returns "" when every given target is met; otherwise each shortfall.
 */
export function integration(
  total: any,
  households?: any,
  last_year?: any,
  per_household?: any,
  growth?: any
): any {
  return guard(() => {
    const t = amountArg(total, ["整合资金总额", "total"]);
    const h = scalar(households);
    let n: number | null = null;
    if (!isOmitted(h) && h !== "") {
      if (typeof h !== "number" || !Number.isInteger(h) || h < 0)
        throw inputError(
          "value",
          `贫困户数应为非负整数，收到「${String(h)}」`,
          "households must be a whole number ≥ 0"
        );
      n = h;
    }
    const ly = scalar(last_year);
    const last = isOmitted(ly) || ly === "" ? null : amountArg(ly, ["上年整合资金", "last_year"]);
    const ph = scalar(per_household);
    const per =
      isOmitted(ph) || ph === "" ? undefined : amountArg(ph, ["每户下限", "per_household"]);
    const g = scalar(growth);
    let rate: Decimal | undefined;
    if (!isOmitted(g) && g !== "") {
      const d = parsePercent(g);
      if (!d)
        throw inputError(
          "value",
          `年增长「${String(g)}」无法识别（如 10% 或 0.1）`,
          `growth "${String(g)}" is not readable (e.g. 10% or 0.1)`
        );
      rate = d;
    }
    const r = householdAndGrowth(t, n, last, per, rate);
    const out: string[] = [];
    if (r.household)
      out.push(`低于每户目标：应不低于 ${wan(r.household)}（${n} 户），实为 ${wan(t)}`);
    if (r.growth) out.push(`低于年增长目标：应不低于 ${wan(r.growth)}，实为 ${wan(t)}`);
    return out.length ? `${out.join("；")}（秭归做法，非规定）` : "";
  });
}
