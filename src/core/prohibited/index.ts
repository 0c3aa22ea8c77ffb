/**
 * Prohibited uses (负面清单): classify a spending description and its economic code against the
 * negative lists of 新扶贫领字〔2018〕76号 一, the Hubei 2015 opinion 六（六） and 财农〔2017〕8号.
 * The review engine, the custom functions and the command line all call this one encoding.
 */
export { createClassifier, classify, econCodeDigits, lookupEconCode } from "./classifier";
export type { ProhibitedHit, Classifier, ClassifierOptions } from "./classifier";
export { parseCustomTerms, customTermsFromJson, parseCategory, EMPTY_CUSTOM } from "./custom";
export type { CustomTerms, CustomTerm, CustomKind, CustomTermProblem } from "./custom";
export { normalize, toSimplified } from "./normalize";
export type { PackId, ProhibitedCategory, ProhibitedRule, RulePack } from "../rules/prohibited";
export {
  NEGATIVE_LISTS,
  NEGATIVE_LIST_IDS,
  CATEGORIES,
  CATEGORY_LABELS,
  findRule,
} from "../rules/prohibited";
