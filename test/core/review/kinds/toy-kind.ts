/**
 * A toy finding kind, written exactly as a new module under src/core/review/kinds/ would be
 * (docs/adding-a-rule.md): a project row whose amount is zero. kinds.test.ts adds it to the
 * list — the one line a newcomer adds to src/core/review/kinds/index.ts — and nothing else.
 */
import { bi } from "../../../../src/core/i18n";
import { yuanOf } from "../../../../src/core/ledger/record";
import { DUPLICATE_CITATION } from "../../../../src/core/rules/review";
import type { RuleDef } from "../../../../src/core/review/registry";
import { PROJECT_SHEETS, type KindModule } from "../../../../src/core/review/kinds/types";

export const ZERO_RULE = "TOY-ZERO-AMOUNT";

const rules: RuleDef[] = [
  {
    kind: "TOY",
    rule: ZERO_RULE,
    severity: "info",
    pack: "DATA",
    params: {},
    citation: DUPLICATE_CITATION,
    message: bi("项目「{project}」金额为零", 'project "{project}" has a zero amount'),
  },
];

export const toyKind: KindModule = {
  id: "TOY",
  label: bi("零金额", "Zero amount"),
  order: 75, // between DUPLICATE (70) and BLACKLIST (80)
  hint: bi("核实金额是否漏填。", "Check whether the amount was left out."),
  sheetKinds: PROJECT_SHEETS,
  fields: ["project", "amount"],
  needs: ["amount"],
  rules,
  start(_params, packs) {
    if (!packs.has("DATA")) return null;
    return {
      row({ rec, mapping }, emit) {
        const cell = rec.amounts.amount;
        if (cell && yuanOf(cell).isZero())
          emit(ZERO_RULE, rec.row, mapping.amount!, { project: rec.text.project ?? "" }, "金额：0");
      },
      finish() {},
    };
  },
};
