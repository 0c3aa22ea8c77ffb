/** Filing: the sheets offices file and publish, their completeness check, sampling, 大写金额. */
export * from "./specs";
export * from "./layout";
export * from "./check";
export * from "./sample";
export * from "./daxie";
export * from "./spotcheck";
