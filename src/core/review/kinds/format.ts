/** Money and rates in findings of the kinds kept in modules (as the engine writes them). */
import { Decimal, MoneyUnit, convertUnit } from "../../money";
import { formatIso } from "../../dates";
import type { LedgerRecord } from "../../ledger/record";

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
