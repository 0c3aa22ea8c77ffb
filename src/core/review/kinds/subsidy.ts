/**
 * SUBSIDY — 34号 第（十一）条1: the 民办公助 mode is for small village infrastructure with a
 * subsidy within 50万元 (inclusive); a row marked 民办公助 above that is one finding.
 */
import { bi } from "../../i18n";
import { withThousands } from "../../money";
import { yuanOf } from "../../ledger/record";
import { MINBAN_CITATION, MINBAN_LIMIT_YUAN, MINBAN_MARK, minbanAbove } from "../../rules/minban";
import type { RuleDef } from "../rule-def";
import { PROJECT_SHEETS, type KindModule } from "./types";
import { money, foldedUse } from "./format";

export const MINBAN_RULE = "GX34-11-1-MINBAN";

/** The limit as the messages say it: "50万元", "500,000 yuan" (from MINBAN_LIMIT_YUAN, its one home). */
export const MINBAN_LIMIT_TEXT = bi(
  money(MINBAN_LIMIT_YUAN, "万元"),
  `${withThousands(MINBAN_LIMIT_YUAN)} yuan`
);

const rules: RuleDef[] = [
  {
    kind: "SUBSIDY",
    rule: MINBAN_RULE,
    severity: "warning",
    pack: "SUBSIDY",
    params: { limit: MINBAN_LIMIT_TEXT.zh },
    citation: MINBAN_CITATION,
    message: bi(
      `民办公助方式限于财政扶贫资金补助在 ${MINBAN_LIMIT_TEXT.zh}以内的贫困村小型公共基础设施，本行补助 {amount}`,
      `the 民办公助 mode is for small village infrastructure with a subsidy within ${MINBAN_LIMIT_TEXT.en}; this row: {amount}`
    ),
  },
];

export const subsidyKind: KindModule = {
  id: "SUBSIDY",
  label: bi("民办公助超限", "民办公助 above limit"),
  order: 100,
  hint: bi(
    "核对民办公助补助金额；超出限额的，按规定调整或报批。",
    "Check the 民办公助 subsidy; adjust it or seek approval where it is above the limit."
  ),
  sheetKinds: PROJECT_SHEETS,
  fields: ["content", "project", "amount"],
  rules,
  start(_params, packs) {
    if (!packs.has("SUBSIDY")) return null;
    return {
      row({ rec, mapping }, emit) {
        const cell = rec.amounts.amount;
        if (!cell) return;
        const text = foldedUse(rec);
        if (!MINBAN_MARK.test(text)) return; // (the words first: most rows are not 民办公助)
        const amount = yuanOf(cell);
        if (minbanAbove(amount))
          emit(
            MINBAN_RULE,
            rec.row,
            mapping.amount!,
            { amount: money(amount, cell.unit) },
            `${text.trim()}；补助 ${money(amount)}；上限 ${money(MINBAN_LIMIT_YUAN, "万元")}（含）`
          );
      },
      finish() {},
    };
  },
};
