/** The finding kinds kept in modules of their own; the registry and the engine read this list. */
import type { KindModule } from "./types";
import { blacklistKind } from "./blacklist";
import { subsidyKind } from "./subsidy";
import { targetsKind } from "./targets";
import { doubleClaimKind } from "./double-claim";
import { responsibleKind } from "./responsible";
import { adjustKind } from "./adjust";

export const KIND_MODULES: readonly KindModule[] = [
  blacklistKind,
  subsidyKind,
  targetsKind,
  doubleClaimKind,
  responsibleKind,
  adjustKind,
];

export type { KindModule, SheetCheck, RowView, Emit } from "./types";
