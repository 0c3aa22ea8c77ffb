/**
 * PROHIBITED — what poverty funds must never pay for: one rule per clause of each negative list
 * (src/core/rules/prohibited), all in the NEGATIVE pack, each list also choosable on its own.
 * The content (or use) column is read first, then the project name; the economic code goes with
 * the first text classified. One finding per category per row, on the cell whose words tripped it.
 */
import { bi } from "../../i18n";
import {
  NEGATIVE_LISTS as PROHIBITED_PACKS,
  NEGATIVE_LIST_IDS as PROHIBITED_LISTS,
} from "../../rules/prohibited/packs";
import type { RuleDef } from "../registry";
import { UseClassifier, listsFor } from "../negative";
import { ROW_SHEETS, type KindModule } from "./types";
import { withFeeExceptions } from "./fee-exceptions";

const rules: RuleDef[] = PROHIBITED_LISTS.flatMap((id) =>
  PROHIBITED_PACKS[id].rules.map((r): RuleDef => ({
    kind: "PROHIBITED",
    rule: r.id,
    severity: r.severity,
    pack: "NEGATIVE",
    params: { list: id, category: r.category },
    citation: r.citation,
    message: bi(
      `疑似负面清单支出（{label}）：${r.message.zh}`,
      `possibly a prohibited use ({label}): ${r.message.en}`
    ),
  }))
);

export const prohibitedKind: KindModule = {
  id: "PROHIBITED",
  label: bi("负面清单", "Prohibited use"),
  order: 40,
  hint: bi(
    "查看支出用途和凭证；确属负面清单事项的，停止支付并追回资金；不属于的，标记为误报并写明理由。",
    "Look at what the money paid for and its vouchers; if it is on the negative list, stop payment and recover the money; if not, mark it a false alarm and say why."
  ),
  sheetKinds: ROW_SHEETS,
  fields: ["content", "project", "econCode"],
  rules,
  start(params, packs) {
    // Choosing one negative list (XJ2018, HB2015, CN2017) runs the NEGATIVE pack with that list.
    const lists = listsFor(packs);
    if (!lists.length) return null;
    const uses = new UseClassifier(lists, withFeeExceptions(params, packs));
    return {
      row({ rec, mapping: m }, emit) {
        const econ = rec.text.econCode || null;
        let seenCategories: Set<string> | null = null;
        let econUsed = false;
        for (let k = 0; k < 2; k++) {
          const text = k === 0 ? rec.text.content : rec.text.project;
          const col = k === 0 ? m.content : m.project;
          if (!text || col === undefined) continue;
          // Contents repeat down a ledger (cached); project names are nearly all distinct (not).
          const hits = uses.classify(text, econUsed ? null : econ, k === 0);
          econUsed = true;
          for (const h of hits) {
            seenCategories ??= new Set<string>();
            if (seenCategories.has(h.category)) continue;
            seenCategories.add(h.category);
            emit(
              h.rule,
              rec.row,
              col,
              { label: h.label, evidence: h.evidence },
              `${k === 0 ? "建设内容" : "项目名称"}：${text}；${h.evidence}`
            );
          }
        }
      },
      finish() {},
    };
  },
};
