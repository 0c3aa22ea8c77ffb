/**
 * 新扶贫领字〔2018〕76号 三（二）: once the county's annual project plan is set, the finance
 * department keeps a fund ledger (扶贫资金总台账) and the competent department a project ledger
 * (扶贫项目总台账) that fixes, per project, the unit, the leader and the person responsible
 * (责任单位、责任领导、责任人) — "监管实名制".
 *
 * What is checkable in a sheet, and what we check (pack LEDGER, off unless the office ticks it):
 * - a PROJECT ledger (a 项目库/项目清单/项目计划 sheet, or a sheet named 项目…台账) must have a
 *   责任人 column (a missing column is one sheet-level finding: the clause asks for a named person
 *   and the sheet cannot show one), and every project row a name in it (a blank is a finding);
 * - a FUND ledger (资金台账, 拨付台账) is not held to a person per row: the clause asks the finance
 *   department to keep it, and 二（二）'s 专人管理 is about who keeps the account, not a column;
 * - 责任领导 has no column the header reader recognises; it is not checked (docs/rules.md says so).
 */
import { foldText } from "../normal-form";
import { Citation, DOCS, SEEDS } from "./citation";

export const RESPONSIBLE_CITATION: Citation = {
  document: DOCS.XJ76,
  clause: "三（二）",
  quote:
    "县级年度扶贫项目计划方案确定后，财政部门要建立扶贫资金总台账，项目主管部门对应建立扶贫项目总台账，确定扶贫项目实施的具体责任单位、责任领导、责任人。要建立扶贫项目监管实名制",
  seed: SEEDS.XJ76,
};

const PROJECT_LEDGER_NAME = /项目.*台账|项目库|项目清单|项目计划/;
const FUND_LEDGER_NAME = /资金.*台账|拨付|支付|下达/;

/**
 * Whether a sheet is a project ledger in the sense of 三（二）: its kind says it lists projects,
 * or its name names a project ledger and not a fund ledger ("项目资金拨付台账" is a fund ledger).
 */
export function isProjectLedger(sheetName: string, sheetKind: string): boolean {
  if (sheetKind === "projects") return true;
  const n = foldText(sheetName);
  return PROJECT_LEDGER_NAME.test(n) && !FUND_LEDGER_NAME.test(n);
}

/** A 责任人 cell that names nobody: blank, or a placeholder such as 无 / 待定 / —. */
export function namesNobody(text: string | undefined): boolean {
  const t = (text ?? "").replace(/\s+/g, "");
  return t === "" || /^(无|暂无|待定|未定|不详|[-—－/／\\]+)$/.test(t);
}
