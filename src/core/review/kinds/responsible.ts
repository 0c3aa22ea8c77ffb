/**
 * LEDGER — 76号 三（二）: a project ledger names the person responsible for each project
 * (src/core/rules/ledger-duty). Pack LEDGER, off unless the office ticks it. Fund ledgers are
 * not held to a person per row; a project ledger without a 责任人 column is said once.
 */
import { bi } from "../../i18n";
import { RESPONSIBLE_CITATION, isProjectLedger, namesNobody } from "../../rules/ledger-duty";
import type { RuleDef } from "../registry";
import { PROJECT_SHEETS, type KindModule } from "./types";

export const RESPONSIBLE_RULE = "XJ76-3-2-RESPONSIBLE";
export const RESPONSIBLE_COLUMN_RULE = "XJ76-3-2-RESPONSIBLE-COLUMN";

const rules: RuleDef[] = [
  {
    kind: "LEDGER",
    rule: RESPONSIBLE_RULE,
    severity: "warning",
    pack: "LEDGER",
    params: { sheets: "项目台账（项目库、项目清单、项目计划、项目…台账）" },
    citation: RESPONSIBLE_CITATION,
    message: bi(
      "项目总台账应确定每个项目的责任人（监管实名制），本行「{project}」未填写责任人",
      'the project ledger must name the person responsible for each project; "{project}" names nobody'
    ),
  },
  {
    kind: "LEDGER",
    rule: RESPONSIBLE_COLUMN_RULE,
    severity: "warning",
    pack: "LEDGER",
    params: { column: "责任人" },
    citation: RESPONSIBLE_CITATION,
    message: bi(
      "项目总台账没有「责任人」列，不能确定各项目的责任人（监管实名制），逐行检查无法进行",
      "the project ledger has no 责任人 (person responsible) column: the clause's named person cannot be shown, and no row could be checked"
    ),
  },
];

export const responsibleKind: KindModule = {
  id: "LEDGER",
  label: bi("台账管理", "Ledger duties"),
  order: 135,
  hint: bi(
    "在项目总台账中补填责任人（监管实名制）。",
    "Name the person responsible for each project in the project ledger."
  ),
  sheetKinds: PROJECT_SHEETS,
  fields: ["project", "responsible"],
  rules,
  start(_params, packs, sheet) {
    if (!packs.has("LEDGER")) return null;
    let projectLedger = false;
    return {
      header({ sheetKind, mapping, headerRow }, emit) {
        projectLedger = isProjectLedger(sheet.name, sheetKind);
        if (projectLedger && mapping.responsible === undefined)
          emit(
            RESPONSIBLE_COLUMN_RULE,
            null,
            null,
            {},
            `工作表「${sheet.name}」表头（第 ${headerRow} 行）无“责任人”（或 项目负责人、负责人）列`
          );
      },
      row({ rec, mapping }, emit) {
        const c = mapping.responsible;
        if (!projectLedger || c === undefined) return;
        const who = rec.text.responsible;
        if (!namesNobody(who)) return;
        const project = rec.text.project || rec.text.content || `第 ${rec.row} 行`;
        emit(
          RESPONSIBLE_RULE,
          rec.row,
          c,
          { project },
          `项目：${project}；责任人：${who ? `「${who}」` : "空白"}`
        );
      },
      finish() {},
    };
  },
};
