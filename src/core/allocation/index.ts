/** Factor-method allocation: exact to the unit, explained factor by factor. */
export * from "./types";
export { allocate } from "./allocate";
export { carryoverDeduction, carryoverRate } from "../rules/carryover";
export { largestRemainder, roundUnits } from "./round";
export * from "./citations";
export * from "./table";
