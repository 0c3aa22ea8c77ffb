/**
 * Filing functions: FUND.SAMPLE (reproducible spot-check sample, 34号 第（十六）条1) and
 * FUND.DAXIE (amount in Chinese uppercase, 会计基础工作规范 第五十二条).
 */
import { daxie as daxieCore, DaxieError } from "../core/filing/daxie";
import { drawSample } from "../core/filing/sample";
import { guard, inputError } from "./errors";
import { allCells, blank, eligibleIds, fractionArg } from "./sample-args";
import { amountArg, booleanArg, isOmitted, scalar } from "./args";

function seedArg(v: unknown): number | string {
  const x = scalar(v);
  if (typeof x === "number" && Number.isFinite(x)) return x;
  if (typeof x === "string" && x.trim() !== "") return x;
  throw inputError(
    "value",
    "随机种子必须是数字或文本（例如年份 2025），且不能为空",
    "seed must be a number or text (e.g. the year), not blank"
  );
}

/**
 * A reproducible random sample of ids, e.g. for the yearly spot checks (34号 （十六）1: at least
 * 60 % of poor counties and 30 % of projects with a single subsidy of 50万元 or more). Draws
 * ceil(fraction × eligible) ids; the same ids and seed give the same sample on every machine.
 * With amounts and threshold, only ids whose amount is at or above the threshold are eligible.
 * The selected ids spill down in their input order.
 * @customfunction SAMPLE
 * @helpurl https://localhost:3000/help/functions.html#FUND.SAMPLE
 * @param ids The ids to draw from (a column or row of counties, projects…); blank cells are skipped.
 * @param fraction The share to draw, in (0, 1], e.g. 0.3 or "30%"; the count is rounded up.
 * @param seed Any number or text (e.g. the year); the same seed gives the same sample.
 * @param [amounts] Each id's amount (same size as ids); numbers or text such as "80万".
 * @param [threshold] Only ids whose amount is at or above this are drawn, e.g. "50万" (inclusive).
 * @returns The selected ids, one per row.
 */
export function sample(
  ids: any[][],
  fraction: any,
  seed: any,
  amounts?: any[][],
  threshold?: any
): any[][] {
  // Declared any[][] so the metadata says "matrix" (a spill); a union type would read as a
  // scalar. On bad input the runtime receives the CustomFunctions.Error that guard returns.
  return guard((): any[][] => {
    const idCells = allCells(ids);
    const f = fractionArg(fraction);
    const s = seedArg(seed);
    const hasAmounts = !isOmitted(amounts) && allCells(amounts).some((c) => !blank(c));
    const t = scalar(threshold);
    const hasThreshold = !isOmitted(t) && !blank(t);
    if (hasAmounts !== hasThreshold)
      throw inputError(
        "value",
        '金额和门槛须同时提供（例如 C2:C100 和 "50万"）',
        "give both amounts and threshold, or neither"
      );
    const eligible = eligibleIds(idCells, amounts, t, hasAmounts);
    if (eligible.length === 0)
      throw inputError("na", "没有可抽取的编号", "no eligible ids to draw from");
    return drawSample(eligible, f, s).map((i) => [eligible[i]]);
  }) as any[][];
}

/**
 * The amount in Chinese uppercase for financial documents (会计基础工作规范 第五十二条):
 * 1010.5 → 壹仟零壹拾元伍角, 100000 → 壹拾万元整, -3.2 → 负叁元贰角.
 * @customfunction DAXIE
 * @helpurl https://localhost:3000/help/functions.html#FUND.DAXIE
 * @param amount The amount in yuan: a number or text such as "1,234.50" or "12.5万"; at most two decimals.
 * @param [zhengAfterJiao] TRUE writes 整 after 角 as well (壹仟零壹拾元伍角整); default FALSE.
 * @returns The amount in Chinese uppercase.
 */
export function daxie(amount: any, zhengAfterJiao?: any): string {
  // Declared string so the metadata says "string"; bad input returns guard's Excel error.
  return guard((): string => {
    const x = scalar(amount);
    if (isOmitted(x) || x === "") throw inputError("value", "缺少金额", "amount is missing");
    if (typeof x === "boolean")
      throw inputError("value", "金额必须是数字", "amount must be a number");
    const d = amountArg(x, ["金额", "amount"]);
    const withZheng = booleanArg(zhengAfterJiao, false, ["角后写整", "zhengAfterJiao"]);
    try {
      return daxieCore(d, { zhengAfterJiao: withZheng });
    } catch (e) {
      if (e instanceof DaxieError && e.reason === "decimals")
        throw inputError(
          "value",
          `金额最多两位小数（到分），收到 ${d.toString()}`,
          `at most two decimals (fen), got ${d.toString()}`
        );
      if (e instanceof DaxieError)
        throw inputError("value", "金额超出可写范围（万亿级以上）", "amount too large");
      throw e;
    }
  }) as string;
}
