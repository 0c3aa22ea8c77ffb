/**
 * Integration targets — ONE COUNTY'S PRACTICE, not a rule: Zigui county (秭归县, Yichang,
 * Hubei) reported in 2015 that it integrates at least 300万元 per poor village (扶贫 ≥ 100万,
 * 发改 ≥ 40万, 财政 ≥ 10万 of special poverty funds; line departments — 交通、农业、林业、水利 —
 * 150万 or more) and at least 1万元 per poor household, growing 10 % or more a year. The add-in
 * offers these as an optional pack (ZG2015, off unless an office turns it on); every figure is a
 * parameter an office can change in its 整合目标 sheet. The per-village figures are checked over
 * a ledger (village = 实施地点, department = words of 资金来源); the per-household and growth
 * targets need figures a ledger does not hold (households, last year's total), so they are a cell
 * function (FUND.INTEGRATION) over the office's own figures.
 */
import { Decimal } from "../money";
import { Citation, SEEDS } from "./citation";

export const INTEGRATION_CITATION: Citation = {
  document: "秭归县扶贫资金整合实践（2015，一县做法，非规定）",
  clause: "一、二",
  quote:
    "对每个实施整村推进的贫困村,要求扶贫、发改、财政部门分别安排不低于100万元、40万元、10万元专项扶贫资金,交通、农业、林业、水利等行业部门投入150万元以上,保证每村整合资金不低于300万元的最低要求。",
  seed: SEEDS.ZG2015,
};

export const TARGETS_SHEET = "整合目标";

export type TargetKey = "village" | "扶贫" | "发改" | "财政" | "行业";

/** Zigui's figures in 元, as reported (不低于 / 以上 include the figure). */
export const ZIGUI_TARGETS: Record<TargetKey, string> = {
  village: "3000000",
  扶贫: "1000000",
  发改: "400000",
  财政: "100000",
  行业: "1500000",
};

/** The department a 资金来源 text names, or null (then only the village total counts it). */
export function departmentOf(source: string): Exclude<TargetKey, "village"> | null {
  if (/发改|发展改革|以工代赈/.test(source)) return "发改";
  if (/扶贫/.test(source)) return "扶贫";
  if (/交通|农业|林业|水利|行业/.test(source)) return "行业";
  if (/财政/.test(source)) return "财政";
  return null;
}

/** 「每个贫困户投入达到1万元以上」: 元 per poor household (以上 includes the figure). */
export const ZIGUI_PER_HOUSEHOLD_YUAN = "10000";
/** 「确保整合资金总量每年递增10%以上」: growth as a fraction (以上 includes it). */
export const ZIGUI_GROWTH = "0.1";

export const HOUSEHOLD_CITATION: Citation = {
  document: INTEGRATION_CITATION.document,
  clause: "一、二",
  quote:
    "为实现每个贫困村整合资金达到300万元、每个贫困户投入达到1万元以上的目标要求,该县坚持用制度规范整合,不断强化政府引导作用,通过“硬整合”来破解难题。",
  seed: SEEDS.ZG2015,
};

export const GROWTH_CITATION: Citation = {
  document: INTEGRATION_CITATION.document,
  clause: "二",
  quote: "确保整合资金总量每年递增10%以上",
  seed: SEEDS.ZG2015,
};

/**
 * The per-household and growth shortfalls of one year's integrated total (元): total ≥
 * households × per household, and total ≥ last year × (1 + growth). Exact arithmetic; a figure
 * not given is not judged (null in the result).
 */
export function householdAndGrowth(
  totalYuan: Decimal,
  households: number | null,
  lastYearYuan: Decimal | null,
  perHouseholdYuan: Decimal = new Decimal(ZIGUI_PER_HOUSEHOLD_YUAN),
  growth: Decimal = new Decimal(ZIGUI_GROWTH)
): { household: Decimal | null; growth: Decimal | null } {
  const needH = households === null ? null : perHouseholdYuan.times(households);
  const needG = lastYearYuan === null ? null : lastYearYuan.times(growth.plus(1));
  return {
    household: needH !== null && totalYuan.lessThan(needH) ? needH : null,
    growth: needG !== null && totalYuan.lessThan(needG) ? needG : null,
  };
}

export function belowTarget(amountYuan: Decimal, targetYuan: Decimal): boolean {
  return amountYuan.lessThan(targetYuan);
}
