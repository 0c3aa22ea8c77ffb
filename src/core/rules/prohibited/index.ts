/** The negative lists (docs/rules.md「负面清单」): shared term groups, economic codes, and three packs. */
export * from "./terms";
export * from "./codes";
export * from "./packs";
