/** The clauses the factor-method allocation follows, quoted from the seeds as printed. */
import { Citation, DOCS, SEEDS } from "../rules/citation";

/** 34号（一）: the pool is split to counties by the factor method. */
export const FACTOR_METHOD: Citation = {
  document: DOCS.GX34,
  clause: "第（一）条",
  quote: "按因素法將專項資金切塊分配到縣。",
  seed: SEEDS.GX34,
};

/** 34号（二）: key counties (片区县、重点县) are guaranteed priority — policy coefficients, minimums. */
export const KEY_COUNTIES: Citation = {
  document: DOCS.GX34,
  clause: "第（二）条",
  quote:
    "對滇桂黔石漠化片區縣和國家扶貧開發工作重點縣(含合山市),自治區在分配財政專項扶貧資金時予以重點保障。",
  seed: SEEDS.GX34,
};

/**
 * 34号（三）: objective and performance factors; performance weight at least 30 % of the total.
 * Our copy is damaged at the figure (「不低于總權重的?0%」); 30 % is the figure generally cited
 * (docs/rules.md「绩效因素权重」), so it is a parameter.
 */
export const PERFORMANCE_WEIGHT: Citation = {
  document: DOCS.GX34,
  clause: "第（三）条",
  quote: "自治區財政專項扶貧資金切塊分配因素指標由客觀因素指標和績效因素指標兩部分構成",
  seed: SEEDS.GX34,
};

/** 34号（十三）: carry-over rate above 10 % → deducted next year (encoded once, in core/rules). */
export { CARRYOVER_CITATION as CARRYOVER } from "../rules/carryover";

/** 004 第10条: special funds are in principle blocked to counties by the factor method. */
export const FACTOR_METHOD_004: Citation = {
  document: DOCS.GX2014_INNOVATE,
  clause: "第10条",
  quote: "财政专项扶贫资金原则上按照因素测算法切块到县。",
  seed: SEEDS.GX2014_INNOVATE,
};

export const ALLOCATION_CITATIONS: Citation[] = [
  FACTOR_METHOD,
  KEY_COUNTIES,
  PERFORMANCE_WEIGHT,
  FACTOR_METHOD_004,
];
