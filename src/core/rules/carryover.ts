/**
 * 34号（十三）: 對當年度財政專項扶貧資金結轉結余率大于10%的 … 按結余結轉額度予以扣減. The rate is
 * carry-over ÷ the year's total; "大于" is read in its plain meaning, strictly above, so exactly 10 % is not
 * deducted; above it, the whole carry-over amount is.
 */
import { Decimal } from "../money";
import { bi, Bilingual } from "../i18n";
import { Citation, DOCS, SEEDS } from "./citation";

/** The one encoding of the carry-over rule: the allocation, the review engine and FUND.CARRYOVER use it. */
export const CARRYOVER_CITATION: Citation = {
  document: DOCS.GX34,
  clause: "第（十三）条",
  quote:
    "對當年度財政專項扶貧資金結轉結余率大于10%的,自治區在分配下一年度財政專項扶貧資金時按結余結轉額度予以扣減。",
  seed: SEEDS.GX34,
};

/**
 * 10 %, as a fraction: the threshold's one home. The review (REVIEW_DEFAULTS), the allocation
 * (allocate, the factor-table plan) and =FUND.CARRYOVER default to it; offices may set another
 * (a parameter everywhere it is used).
 */
export const DEFAULT_CARRYOVER_THRESHOLD = new Decimal("0.1");

export type CarryoverOutcome =
  { ok: true; rate: Decimal; deduction: Decimal } | { ok: false; message: Bilingual };

export function carryoverRate(carryover: Decimal, total: Decimal): Decimal {
  return carryover.dividedBy(total);
}

export function carryoverDeduction(
  carryover: Decimal,
  total: Decimal,
  threshold: Decimal = DEFAULT_CARRYOVER_THRESHOLD
): CarryoverOutcome {
  if (carryover.isNegative())
    return {
      ok: false,
      message: bi(
        `结转结余不能为负：${carryover}`,
        `the carry-over cannot be negative: ${carryover}`
      ),
    };
  if (threshold.isNegative())
    return {
      ok: false,
      message: bi(
        `结转率阈值不能为负：${threshold}`,
        `the threshold cannot be negative: ${threshold}`
      ),
    };
  if (!total.greaterThan(0))
    return {
      ok: false,
      message: bi(
        `当年资金总额必须大于 0，收到 ${total}`,
        `the year's total must be above 0, got ${total}`
      ),
    };
  // rate > threshold ⇔ carryover > threshold × total (total > 0): exact, and no division unless
  // the rate itself is read (a column of FUND.CARRYOVER reads only the deduction).
  const over = carryover.greaterThan(threshold.times(total));
  let rate: Decimal | undefined;
  return {
    ok: true,
    get rate() {
      return (rate ??= carryoverRate(carryover, total));
    },
    deduction: over ? carryover : ZERO,
  };
}

const ZERO = new Decimal(0);
