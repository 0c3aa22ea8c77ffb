/**
 * 新扶贫领字〔2018〕76号 二（三）: leftover balances of completed and accepted projects are cleared
 * in time and pooled for other use (「对完工验收项目形成结余资金及时清理，统筹安排使用」), and the
 * county reports progress, completion and the use of funds monthly (「按月统计…并逐级上报」).
 *
 * What the monthly progress report (项目实施进度月报) lets us check, row by row, for a project
 * marked 已完工 or 已验收:
 * - its 结余资金 agrees with 项目资金 − 已支付 (the month's statistics of the use of funds);
 * - a leftover above zero says how it was cleared and pooled (结余清理及统筹使用情况); a leftover
 *   of zero needs no such note (nothing is left to clear — the clause asks nothing of it).
 * Not checked: 及时 — the clause sets no number of days, and the add-in invents none; nor is the
 * report compared with the disbursement ledger (the ledger's amounts are money arranged or passed
 * down, the report's 已支付 is money paid to the project, so a difference is not a fault).
 */
import { Decimal } from "../money";
import { Citation, DOCS, SEEDS } from "./citation";

export const LEFTOVER_CITATION: Citation = {
  document: DOCS.XJ76,
  clause: "二（三）",
  quote: "对完工验收项目形成结余资金及时清理，统筹安排使用。",
  seed: SEEDS.XJ76,
};

export const COMPLETED_STATUSES = ["已完工", "已验收"] as const;

export function isCompleted(status: string): boolean {
  return (COMPLETED_STATUSES as readonly string[]).includes(status.trim());
}

/** amount − paid when the report's leftover disagrees with it, else null (all three in one unit). */
export function leftoverMismatch(
  amount: Decimal,
  paid: Decimal,
  leftover: Decimal
): Decimal | null {
  const expected = amount.minus(paid);
  return expected.equals(leftover) ? null : expected;
}
