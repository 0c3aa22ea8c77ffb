/** Money and rates in findings of the kinds kept in modules (as the engine writes them). */
import { Decimal, MoneyUnit, convertUnit } from "../../money";
import { formatIso } from "../../dates";
import { Bilingual, bi } from "../../i18n";
import type { LedgerRecord } from "../../ledger/record";
import { foldText } from "../../normal-form";

export function money(yuan: Decimal, unit: MoneyUnit = "元"): string {
  return `${convertUnit(yuan, "元", unit).toDecimalPlaces(4).toString()}${unit}`;
}

export function pct(fraction: Decimal): string {
  return `${fraction.times(100).toDecimalPlaces(4).toString()}%`;
}

/** The day a project was arranged: approval, else pass-down, else receipt, else the review date. */
export function arrangedOn(rec: LedgerRecord, asOf: number): { day: number; what: string } {
  const d = rec.dates;
  if (d.approvalDate !== undefined) return { day: d.approvalDate, what: "项目批复日期" };
  if (d.passDownDate !== undefined) return { day: d.passDownDate, what: "资金下达日期" };
  if (d.receivedDate !== undefined) return { day: d.receivedDate, what: "收文/批复日期" };
  return { day: asOf, what: "审查日期" };
}

export { formatIso };

/** An amount in the unit its column was read in (the engine's kinds: OVERDUE … DUPLICATE). */
export function yuan(v: Decimal, unit: MoneyUnit): string {
  return money(v, unit);
}

/** A rate as a percentage with fixed places: Decimal#toFixed (decimal.js, half-up), never a float. */
export function percent(rate: Decimal, places = 2): string {
  return `${rate.times(100).toFixed(places)}%`;
}

/** A rate as a percentage, with as many places as it takes to differ from `bound` (2 to 6). */
export function percentBeside(rate: Decimal, bound: Decimal): string {
  let dp = 2;
  while (dp < 6 && rate.times(100).toDecimalPlaces(dp).equals(bound.times(100).toDecimalPlaces(dp)))
    dp++;
  return percent(rate, dp);
}

/** The finding's «where» for a must-fill cell holding only a placeholder, quoting it. */
export function placeholderWhere(p: string): Bilingual {
  return bi(`本行填写的是「${p}」，不算填写`, `this row says "${p}", which fills nothing`);
}

let lastRec: LedgerRecord | null = null;
let lastText = "";

/**
 * A row's content and project name in the normal form (what MGMT_FEE, SUBSIDY and INTEREST
 * match their words in): folded once per record, however many kinds read it.
 */
export function foldedUse(rec: LedgerRecord): string {
  if (rec !== lastRec) {
    lastText = foldText(`${rec.text.content ?? ""} ${rec.text.project ?? ""}`);
    lastRec = rec;
  }
  return lastText;
}
