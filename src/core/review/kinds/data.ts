/**
 * DATA — a cell that cannot be read, so a rule could not be judged on it and a person must look.
 * It breaks no clause by itself: a warning without a citation. The engine reports these while
 * it reads cells (error values, unreadable amounts and dates, merged cells it could not read, a
 * `--map` entry that names no column); a kind whose check needs a cell it cannot judge registers
 * its own DATA rule beside its others (DATA-NO-START in ./overdue, DATA-NO-TOTAL in ./carryover).
 */
import { bi } from "../../i18n";
import type { PackId, RuleDef } from "../rule-def";
import type { KindModule } from "./types";

/** A DATA rule: a warning, no citation, no parameters. */
export function dataRule(rule: string, pack: PackId, zh: string, en: string): RuleDef {
  return {
    kind: "DATA",
    rule,
    severity: "warning",
    pack,
    params: {},
    citation: null,
    message: bi(zh, en),
  };
}

const rules: RuleDef[] = [
  dataRule(
    "DATA-ERROR",
    "DATA",
    "单元格是错误值 {value}",
    "the cell holds the error value {value}"
  ),
  dataRule("DATA-AMOUNT", "DATA", "无法识别的金额「{value}」", 'unreadable amount "{value}"'),
  dataRule("DATA-DATE-AMBIGUOUS", "DATA", "{detail}", "{detail}"),
  dataRule("DATA-DATE-IMPOSSIBLE", "DATA", "{detail}", "{detail}"),
  dataRule("DATA-DATE-UNREADABLE", "DATA", "{detail}", "{detail}"),
  dataRule(
    "DATA-MERGES-UNREAD",
    "DATA",
    "本表的合并单元格未能读取（{detail}）：合并单元格下方看似空白的 {n} 个单元格未作“未填写”判断，请在较新版本的 Excel 或用命令行审查",
    "this sheet's merged cells could not be read ({detail}): {n} cells that look blank under a filled cell were not judged as unfilled; review in a newer Excel or with the command line"
  ),
  dataRule(
    "DATA-MAP-COLUMN",
    "DATA",
    "列映射「{field} → {target}」在表头中找不到：{detail}",
    'column mapping "{field} → {target}" matches no column of the header: {detail}'
  ),
];

export const dataKind: KindModule = {
  id: "DATA",
  label: bi("无法读取", "Unreadable cell"),
  order: 150,
  hint: bi(
    "改正该单元格（金额写成数字，日期写成日期），然后重新审查。",
    "Correct the cell (amounts as numbers, dates as dates), then run the review again."
  ),
  sheetKinds: [],
  fields: [],
  rules,
};
