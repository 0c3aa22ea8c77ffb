/** FUND.AMOUNT: an amount as offices write it, read exactly. */
import { convertUnit, parseAmount, parseUnit } from "../core/money";
import { isOmitted, scalar } from "./args";
import { guard, inputError } from "./errors";

/**
 * Reads an amount as offices write it (1,234.50, full-width digits, (1,234.50) for negatives, 12.5万, 300元) and returns it in yuan, or in the unit asked.
 * @customfunction AMOUNT
 * @helpurl https://localhost:3000/help/functions.html#FUND.AMOUNT
 * @param text The amount: a number or text. Text without a unit is taken as yuan.
 * @param [unit] The unit of the result: 元 (default), 万元 or 亿元.
 * @returns The amount as a number in the unit asked.
 */
export function amount(text: any, unit?: any): any {
  return guard(() => {
    const u = scalar(unit);
    const target = isOmitted(u) || u === "" ? "元" : parseUnit(String(u));
    if (!target)
      throw inputError(
        "value",
        `无法识别的单位「${u}」：可用 元、万元、亿元`,
        `unknown unit "${u}": use 元, 万元 or 亿元`
      );
    const x = scalar(text);
    if (typeof x === "boolean")
      throw inputError("value", "金额不能是 TRUE/FALSE", "an amount cannot be TRUE/FALSE");
    const p = parseAmount(x);
    if (!p.ok) throw inputError("value", p.message.zh, p.message.en);
    return convertUnit(p.value, p.unit ?? "元", target).toNumber();
  });
}
