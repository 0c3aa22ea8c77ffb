/** DOUBLE — a project under two funding channels or two documents (Hubei 五（三）; 76号 二（一）). */
import { bi } from "../../i18n";
import { unitKey } from "../../rules/blacklist";
import { DOUBLE_CLAIM_CITATION } from "../../rules/double-claim";
import type { RuleDef } from "../rule-def";
import { PROJECT_SHEETS, type KindModule } from "./types";

export const DOUBLE_RULE = "HB15-5-3-DOUBLE";

const rules: RuleDef[] = [
  {
    kind: "DOUBLE",
    rule: DOUBLE_RULE,
    severity: "warning",
    pack: "DOUBLE",
    params: {},
    citation: DOUBLE_CLAIM_CITATION,
    message: bi(
      "项目「{project}」已在第 {first} 行由{was}安排资金，本行又由{now}安排：请核实是否重复申报（多渠道资金重复交叉）",
      'project "{project}" is funded in row {first} by {was} and again here by {now}: check for a double claim'
    ),
  },
];

interface Seen {
  row: number;
  source: string;
  doc: string;
  flagged: boolean;
}

const norm = (s: string | undefined) => (s ? unitKey(s) : "");

export const doubleClaimKind: KindModule = {
  id: "DOUBLE",
  label: bi("疑似重复申报", "Possible double claim"),
  order: 130,
  hint: bi(
    "核对两处申报是否为同一项目；确属重复的，撤回其中一处并说明。",
    "Check whether the two claims are the same project; if so, withdraw one and record why."
  ),
  sheetKinds: PROJECT_SHEETS,
  fields: ["project", "place", "source", "docNumber"],
  rules,
  start(_params, packs) {
    if (!packs.has("DOUBLE")) return null;
    const seen = new Map<string, Seen>();
    return {
      row({ rec, mapping }, emit) {
        if (mapping.source === undefined && mapping.docNumber === undefined) return;
        const project = rec.text.project;
        if (!project) return;
        const key = `${norm(project)}\u0001${norm(rec.text.place)}`;
        const source = rec.text.source ?? "";
        const doc = rec.text.docNumber ?? "";
        const first = seen.get(key);
        if (!first) {
          if (seen.size < 200000) seen.set(key, { row: rec.row, source, doc, flagged: false });
          return;
        }
        if (first.flagged) return;
        const otherSource = !!source && !!first.source && norm(source) !== norm(first.source);
        const otherDoc = !!doc && !!first.doc && norm(doc) !== norm(first.doc);
        if (!otherSource && !otherDoc) return;
        first.flagged = true;
        const what = (s: string, d: string) =>
          [otherSource ? `「${s}」` : "", otherDoc ? `文号 ${d}` : ""].filter(Boolean).join("、");
        emit(
          DOUBLE_RULE,
          rec.row,
          mapping.project!,
          {
            project,
            first: first.row,
            was: bi(what(first.source, first.doc), what(first.source, first.doc)),
            now: bi(what(source, doc), what(source, doc)),
          },
          `项目：${project}；第 ${first.row} 行 ${first.source || "—"} ${first.doc || ""}；本行 ${source || "—"} ${doc || ""}`.trim()
        );
      },
      finish() {},
    };
  },
};
