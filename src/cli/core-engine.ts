/** The product's review engine (src/core/review), as the command line's Engine. */
import { PACKS, SheetReview, reviewWorkbook } from "../core/review";
import type { Engine } from "./engine";

const packIds = (): string[] => PACKS.map((p) => p.id);

export const coreEngine: Engine = {
  reviewWorkbook,
  startSheet: (name, params) => new SheetReview(name, params),
  packIds,
};
