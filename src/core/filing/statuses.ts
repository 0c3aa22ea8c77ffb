/** Project status (docs/rules.md「读取台账」); in a module of its own so every filing spec can import it. */
export const PROJECT_STATUSES = ["未开工", "在建", "已完工", "已验收", "终止", "无法实施"] as const;
