/**
 * 34号 第（十）条: a county may withdraw a share of the year's total special poverty funds as a
 * management fee, for planning (规划编制) and project-fund management (项目资金管理); the share is
 * set by the finance department (财政厅会同有关部门另行规定). The seed gives no number, so the
 * add-in has no default: the office enters its share (管理费比例 sheet, --lists, or the
 * function's argument). Spending within the fee is allowed — the negative list does not call it
 * an administrative cost; spending above share × total is a finding. "Above" excludes the cap
 * itself: a fee exactly at the cap is within it.
 */
import { Decimal } from "../money";
import { bi, Bilingual } from "../i18n";
import { Citation, DOCS, SEEDS } from "./citation";

export const MANAGEMENT_FEE_CITATION: Citation = {
  document: DOCS.GX34,
  clause: "第（十）条",
  quote:
    "各縣可按當年本級安排和上級補助的各類財政專項扶貧資金總額(含上級通過競爭立項方式安排的財政專項扶貧資金)統一提取一定比例的管理費用,統籌用于扶貧生態移民、整村(鄉)推進扶貧開發等扶貧規劃和重大扶貧項目的規劃編制和項目資金管理等,自治區不再另行安排項目工作經費補助。具體提取比例和使用要求由財政廳會同有關部門另行規定。",
  seed: SEEDS.GX34,
};

/** The sheet an office states its share in (columns 年度, 提取比例, 资金总额（万元）). */
export const MANAGEMENT_FEE_SHEET = "管理费比例";

/** Spending the clause names as what the fee is for: counted against the cap. */
export const MANAGEMENT_FEE_USE = /管理费|规划编制|项目资金管理/;

/** The words the negative list must not call an administrative cost when a cap is set. */
export const MANAGEMENT_FEE_TERMS = [
  "项目管理费",
  "扶贫管理费",
  "规划编制",
  "项目资金管理",
] as const;

export type FeeOutcome =
  { ok: true; cap: Decimal; excess: Decimal; ratio: Decimal } | { ok: false; message: Bilingual };

/** The cap (share × total) and how far `fee` is above it (0 when at or below). */
export function managementFeeExcess(fee: Decimal, total: Decimal, share: Decimal): FeeOutcome {
  if (share.isNegative() || share.greaterThan(1))
    return {
      ok: false,
      message: bi(
        `提取比例应在 0 到 100% 之间，收到 ${share}`,
        `the share must be 0 to 100 %, got ${share}`
      ),
    };
  if (!total.greaterThan(0))
    return {
      ok: false,
      message: bi(`资金总额必须大于 0，收到 ${total}`, `the total must be above 0, got ${total}`),
    };
  if (fee.isNegative())
    return {
      ok: false,
      message: bi(`管理费不能为负：${fee}`, `the fee cannot be negative: ${fee}`),
    };
  const cap = total.times(share);
  return {
    ok: true,
    cap,
    ratio: fee.dividedBy(total),
    excess: fee.greaterThan(cap) ? fee.minus(cap) : new Decimal(0),
  };
}
