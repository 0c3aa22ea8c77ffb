/** Ledgers as offices keep them: header recognition, units, typed rows (docs/rules.md「读取台账」). */
export * from "./headers";
export * from "./detect";
export * from "./classify";
export * from "./record";
export { foldText, normalize } from "../normal-form";
export * from "./merge";
