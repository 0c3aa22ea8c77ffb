/** The negative lists' ids, apart from their rules (./packs) so that ./terms can name them. */
export type PackId = "XJ2018" | "HB2015" | "CN2017";

/** The negative lists (负面清单) by id, in the order findings cite them. */
export const NEGATIVE_LIST_IDS: readonly PackId[] = ["XJ2018", "HB2015", "CN2017"];
