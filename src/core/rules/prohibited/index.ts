/** The negative lists (rules.md §4, §7): shared term groups, economic codes, and three packs. */
export * from "./terms";
export * from "./codes";
export * from "./packs";
