/** The product's review engine (src/core/review), as the command line's Engine. */
import { PACKS, SheetReview, reviewWorkbook } from "../core/review";
import type { Engine } from "./engine";

function packIds(): string[] {
  const packs: unknown = PACKS;
  if (Array.isArray(packs)) {
    return packs.map((p) => (typeof p === "string" ? p : String((p as { id: string }).id)));
  }
  return Object.keys(packs as object);
}

export const coreEngine: Engine = {
  reviewWorkbook,
  startSheet: (name, params) => new SheetReview(name, params),
  packIds,
};
