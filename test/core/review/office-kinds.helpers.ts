export { reviewSheet } from "../../../src/core/review";
import { DEFAULT_PACKS } from "../../../src/core/review/registry";
export const DEFAULT_PACKS_FOR_TEST = [...DEFAULT_PACKS];
