/**
 * The custom functions (namespace FUND). Every function is a named export of this file, so a
 * test calls it exactly as Excel does. Each area keeps its functions, with their JSDoc (which
 * makes functions.en-us.json), in its own file; Chinese help is in ./help/*.zh.json.
 */
export * from "./calendar";
export * from "./money";
export * from "./prohibited";
export * from "./allocation";
export * from "./filing";
export * from "./office";
export * from "./spotcheck";
export * from "./assessment";
export * from "./competitive";
export * from "./plan";
export * from "./integration";
export * from "./interest";
