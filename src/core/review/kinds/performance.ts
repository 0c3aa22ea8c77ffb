/**
 * PERFORMANCE — 新扶贫领字〔2018〕76号 二（六）: every project funded by the budget files its
 * performance targets. A publicity notice or project list without the column is one finding on
 * the sheet; where the column is mapped, a project row with it blank (or a placeholder) is one.
 */
import { bi } from "../../i18n";
import { placeholderOf } from "../../ledger/record";
import { PERFORMANCE_CITATION } from "../../rules/review";
import type { RuleDef } from "../rule-def";
import { ROW_SHEETS, type KindModule } from "./types";
import { placeholderWhere } from "./format";

export const PERFORMANCE_RULE = "XJ76-2-6";

const rules: RuleDef[] = [
  {
    kind: "PERFORMANCE",
    rule: PERFORMANCE_RULE,
    severity: "warning",
    pack: "XJ76",
    params: {},
    citation: PERFORMANCE_CITATION,
    message: bi("项目未填报绩效目标：{where}", "no performance target: {where}"),
  },
];

export const performanceKind: KindModule = {
  id: "PERFORMANCE",
  label: bi("缺绩效目标", "No performance target"),
  order: 60,
  hint: bi(
    "补填项目绩效目标（如受益人数、建设规模），再申报或拨付。",
    "Fill in the project's performance target (people served, size built) before it is filed or paid."
  ),
  sheetKinds: ROW_SHEETS,
  fields: ["performance", "project", "content"],
  needs: ["performance"],
  rules,
  start(_params, _packs, sheet) {
    return {
      header({ sheetKind, mapping, headerRow }, emit) {
        if (sheetKind !== "publicity" && sheetKind !== "projects") return;
        if (mapping.performance === undefined)
          emit(
            PERFORMANCE_RULE,
            null,
            null,
            { where: bi("表中没有绩效目标列", "the sheet has no performance-target column") },
            `表头（第 ${headerRow} 行）无“绩效目标”列`
          );
      },
      row({ rec, mapping }, emit) {
        const c = mapping.performance!;
        if (!rec.text.project && !rec.text.content) return;
        const written = rec.text.performance;
        const p = written ? placeholderOf(written) : null;
        if (written && p === null) {
          sheet.blanks.filled(c);
          return;
        }
        if (p !== null) {
          emit(
            PERFORMANCE_RULE,
            rec.row,
            c,
            { where: placeholderWhere(p) },
            `项目：${rec.text.project || rec.text.content}；绩效目标：${p}`
          );
          return;
        }
        if (sheet.blanks.mayBeMerged(c)) return;
        emit(
          PERFORMANCE_RULE,
          rec.row,
          c,
          { where: bi("本行未填写", "blank in this row") },
          `项目：${rec.text.project || rec.text.content}；绩效目标：空`
        );
      },
      finish() {},
    };
  },
};
