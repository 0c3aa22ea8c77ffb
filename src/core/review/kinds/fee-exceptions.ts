/**
 * 34号 第（十）条: spending on 规划编制 and 项目资金管理 within the management fee is what the fee
 * is for, so — once the office has set its share and the SUBSIDY pack runs — the negative list
 * does not call it an administrative cost (ADMIN). Spending above the share is the MGMT_FEE
 * finding instead. Without a share nothing changes: the words are then judged as before.
 */
import type { CustomTerm } from "../../prohibited/custom";
import { MANAGEMENT_FEE_TERMS } from "../../rules/management-fee";
import type { ReviewParams } from "../types";

export function withFeeExceptions(
  params: ReviewParams,
  packs: ReadonlySet<string>
): CustomTerm[] | undefined {
  if (!packs.has("SUBSIDY") || !params.office?.feeShares?.length) return params.customTerms;
  return [
    ...(params.customTerms ?? []),
    ...MANAGEMENT_FEE_TERMS.map((term): CustomTerm => ({
      category: "ADMIN",
      term,
      kind: "exception",
      source: "34号（十）管理费 management fee",
    })),
  ];
}
