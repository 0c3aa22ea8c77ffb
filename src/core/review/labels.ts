/**
 * Names of finding kinds and severities, Chinese first, in one place: the Review and Filing
 * panes, the findings sheet and the command line's report all show these.
 */
import type { Bilingual } from "../i18n";
import type { FindingKind, Severity } from "./types";
import { KIND_MODULES } from "./kinds";

const BY_ORDER = [...KIND_MODULES].sort((a, b) => a.order - b.order);

/** Each kind's name (from its module in ./kinds). */
export const KIND_LABEL: Record<FindingKind, Bilingual> = Object.fromEntries(
  BY_ORDER.map((k) => [k.id, k.label])
) as Record<FindingKind, Bilingual>;

/** Display order of the kinds (each module's `order`): the pane's filter, the summary sheet. */
export const KIND_ORDER: FindingKind[] = BY_ORDER.map((k) => k.id);

/** A kind's rank in KIND_ORDER (the engine's order of findings in one cell); unknown last. */
export function kindRank(kind: FindingKind): number {
  const i = KIND_RANK.get(kind);
  return i === undefined ? BY_ORDER.length : i;
}
const KIND_RANK = new Map(BY_ORDER.map((k, i) => [k.id, i]));

export const SEVERITY_LABEL: Record<Severity, Bilingual> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Info" },
};

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/**
 * What to do next, per kind — the reviewer's or the office's next step for a finding — with
 * narrower advice for rules whose remedy differs from their kind's (hintFor picks). Both are
 * declared by each kind's module.
 */
export const KIND_HINT: Record<FindingKind, Bilingual> = Object.fromEntries(
  BY_ORDER.map((k) => [k.id, k.hint])
) as Record<FindingKind, Bilingual>;

const RULE_HINT: Record<string, Bilingual> = Object.assign(
  {},
  ...KIND_MODULES.map((k) => k.ruleHints ?? {})
);

/** The next step for a finding of this rule (its kind's advice unless the rule has its own). */
export function hintFor(rule: string, kind: FindingKind): Bilingual {
  return RULE_HINT[rule] ?? KIND_HINT[kind];
}
