/**
 * Every finding kind, one module each; the registry, the engine, the labels, the panes' filters,
 * the command line's summary and the docs table all read this list. Adding a kind: one module
 * beside these (./types KindModule; docs/adding-a-rule.md) and one line here.
 */
import type { KindModule } from "./types";
import { overdueKind } from "./overdue";
import { idleKind } from "./idle";
import { carryoverKind } from "./carryover";
import { prohibitedKind } from "./prohibited";
import { publicityKind } from "./publicity";
import { performanceKind } from "./performance";
import { duplicateKind } from "./duplicate";
import { blacklistKind } from "./blacklist";
import { feeKind } from "./fee";
import { subsidyKind } from "./subsidy";
import { interestKind } from "./interest";
import { targetsKind } from "./targets";
import { doubleClaimKind } from "./double-claim";
import { responsibleKind } from "./responsible";
import { adjustKind } from "./adjust";
import { filingKind } from "./filing";
import { dataKind } from "./data";

export const KIND_MODULES: readonly KindModule[] = [
  overdueKind,
  idleKind,
  carryoverKind,
  prohibitedKind,
  publicityKind,
  performanceKind,
  duplicateKind,
  blacklistKind,
  feeKind,
  subsidyKind,
  interestKind,
  targetsKind,
  doubleClaimKind,
  responsibleKind,
  adjustKind,
  filingKind,
  dataKind,
];

export type {
  KindModule,
  SheetCheck,
  RowView,
  HeaderView,
  Emit,
  SheetEnv,
  NoteBook,
  BlankGuard,
} from "./types";
