/**
 * Citations and default parameters of the review rules that are not disbursement deadlines
 * (those live with src/core/deadlines) nor negative lists (src/core/prohibited). Quotes are
 * copied from the seeds as printed: 001 (桂政發〔2014〕34號) is in Traditional characters.
 */
import type { Citation } from "./citation";
import { DOCS, SEEDS } from "./citation";
import { DEFAULT_CARRYOVER_THRESHOLD } from "./carryover";

/** 34号 （七）3 — terminated, impossible, or not started for more than 2 years → reclaim. */
export const IDLE_CITATION: Citation = {
  document: DOCS.GX34,
  clause: "第（七）条3",
  quote: "項目終止實施、無法實施或超過2年未實施的,由相關財政部門收回項目資金。",
  seed: SEEDS.GX34,
};

/** 34号 （十三） — a carry-over rate above 10 % is deducted from next year's allocation. */
export { CARRYOVER_CITATION } from "./carryover";

/** 76号 二（四） — the nine items a publicity notice must contain. */
export const PUBLICITY_CITATION: Citation = {
  document: DOCS.XJ76,
  clause: "二（四）",
  quote:
    "扶贫项目的公示公告内容应包括扶贫项目名称、资金来源、资金规模、实施地点、建设内容、建设周期、绩效目标、实施单位及责任人、监督举报电话等。",
  seed: SEEDS.XJ76,
};

/** 76号 二（六） — every project must file performance targets. */
export const PERFORMANCE_CITATION: Citation = {
  document: DOCS.XJ76,
  clause: "二（六）",
  quote: "所有财政资金安排的扶贫项目都要填报绩效目标。",
  seed: SEEDS.XJ76,
};

/**
 * 76号 二（一） — the ledger must be complete, true and timely; an entry made twice
 * overstates the money and breaks that.
 */
export const DUPLICATE_CITATION: Citation = {
  document: DOCS.XJ76,
  clause: "二（一）",
  quote: "确保总台账数据的全面性、真实性、及时性",
  seed: SEEDS.XJ76,
};

/** Defaults of the review parameters (docs/rules.md「结转结余扣减」「项目闲置」「期间的计算」). */
export const REVIEW_DEFAULTS = {
  /** 34号 （十三）「大于10%」: strictly above (./carryover, the threshold's one home). */
  carryoverThreshold: DEFAULT_CARRYOVER_THRESHOLD.toNumber(),
  /** 34号 （七）3「超過2年」: the as-of date strictly after approval + 2 years. */
  idleYears: 2,
  /** Any rest day extends a deadline (courts' usual reading of 民法典 第二百零三条). */
  strict: false,
} as const;
