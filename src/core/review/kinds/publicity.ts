/**
 * PUBLICITY — 新扶贫领字〔2018〕76号 二（四）: a publicity notice (or a project list) must give the
 * nine items of each project. A missing column is one finding on the sheet; a blank cell, or one
 * holding only a placeholder (“/”, “无”, “待定”), is one finding on that cell. 绩效目标 is the
 * tenth item, left to PERFORMANCE (76号 二（六）).
 */
import { bi } from "../../i18n";
import { FIELD_LABELS, PUBLICITY_FIELDS } from "../../ledger/classify";
import { placeholderOf } from "../../ledger/record";
import { PUBLICITY_CITATION } from "../../rules/review";
import type { RuleDef } from "../rule-def";
import type { Field } from "../types";
import type { KindModule } from "./types";
import { placeholderWhere } from "./format";

/**
 * Publicity items checked cell by cell: the nine items' columns (core/ledger/classify, which
 * also recognises a publicity sheet by them) but 绩效目标, left to PERFORMANCE (76号 二（六）).
 */
export const PUBLICITY_CHECKED: readonly Field[] = PUBLICITY_FIELDS.filter(
  (f) => f !== "performance"
);

export function publicityRuleId(f: Field): string {
  return `XJ76-2-4-${f.replace(/[A-Z]/g, (c) => "_" + c).toUpperCase()}`;
}

const rules: RuleDef[] = PUBLICITY_CHECKED.map((f) => ({
  kind: "PUBLICITY",
  rule: publicityRuleId(f),
  severity: "warning",
  pack: "XJ76",
  params: { field: FIELD_LABELS[f].zh },
  citation: PUBLICITY_CITATION,
  message: bi(
    `公示内容缺少“${FIELD_LABELS[f].zh}”：{where}`,
    `publicity item "${FIELD_LABELS[f].en}" missing: {where}`
  ),
}));

export const publicityKind: KindModule = {
  id: "PUBLICITY",
  label: bi("公示缺项", "Publicity field missing"),
  order: 50,
  hint: bi(
    "在公告公示表中补填缺少的项目，重新公示。",
    "Fill in the missing item in the publicity notice and publish it again."
  ),
  sheetKinds: ["publicity", "projects"],
  fields: PUBLICITY_CHECKED,
  rules,
  start(_params, _packs, sheet) {
    return {
      header({ mapping, headerRow }, emit) {
        for (const f of PUBLICITY_CHECKED)
          if (mapping[f] === undefined)
            emit(
              publicityRuleId(f),
              null,
              null,
              { where: bi("表中没有该列", "the sheet has no such column") },
              `表头（第 ${headerRow} 行）无“${FIELD_LABELS[f].zh}”列`
            );
      },
      row({ rec, mapping: m, bad }, emit) {
        for (const f of PUBLICITY_CHECKED) {
          const c = m[f];
          if (c === undefined || bad?.has(f)) continue;
          const v = rec.values[c];
          const blank = v === null || v === undefined || (typeof v === "string" && v.trim() === "");
          if (!blank) {
            sheet.blanks.filled(c);
            const p = placeholderOf(v);
            if (p !== null)
              emit(
                publicityRuleId(f),
                rec.row,
                c,
                { where: placeholderWhere(p) },
                `${FIELD_LABELS[f].zh}：${p}`
              );
            continue;
          }
          if (sheet.blanks.mayBeMerged(c)) continue; // perhaps under a vertical merge the host did not report
          emit(
            publicityRuleId(f),
            rec.row,
            c,
            { where: bi("本行未填写", "blank in this row") },
            `${FIELD_LABELS[f].zh}：空`
          );
        }
      },
      finish() {},
    };
  },
};
