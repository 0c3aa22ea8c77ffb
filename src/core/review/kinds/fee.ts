/**
 * MGMT_FEE — 34号 第（十）条: the management fee within the share the office sets. Spending named
 * 规划编制 / 项目资金管理 adds up down the sheet; above share × the year's total (the office's
 * 管理费比例 list gives both, else the sheet's amounts make the total) is one finding on the row
 * where the running sum crosses the cap. Without the office's share this checks nothing (the pane
 * and the command line say the list was not supplied).
 */
import { bi } from "../../i18n";
import { Decimal } from "../../money";
import { yuanOf } from "../../ledger/record";
import { YuanTotal } from "../../ledger/yuan-total";
import {
  MANAGEMENT_FEE_CITATION,
  MANAGEMENT_FEE_USE,
  managementFeeExcess,
} from "../../rules/management-fee";
import { feeShareFor } from "../office";
import type { RuleDef } from "../rule-def";
import { PROJECT_SHEETS, type KindModule } from "./types";
import { money, pct, foldedUse } from "./format";

export const FEE_RULE = "GX34-10-FEE-CAP";

const rules: RuleDef[] = [
  {
    kind: "MGMT_FEE",
    rule: FEE_RULE,
    severity: "error",
    pack: "SUBSIDY",
    params: { share: "管理费比例（本单位设定）" },
    citation: MANAGEMENT_FEE_CITATION,
    message: bi(
      "管理费累计 {fee} 超过提取上限 {cap}（资金总额 {total} × 提取比例 {share}），超出 {excess}",
      "management fees total {fee}, above the cap {cap} (total {total} × share {share}) by {excess}"
    ),
  },
];

export const feeKind: KindModule = {
  id: "MGMT_FEE",
  label: bi("管理费超比例", "Management fee above share"),
  order: 90,
  hint: bi(
    "核对管理费计提比例；超出部分调回项目资金。",
    "Check the management-fee share; return the excess to project funds."
  ),
  sheetKinds: PROJECT_SHEETS,
  fields: ["content", "project", "amount"],
  rules,
  start(params, packs) {
    if (!packs.has("SUBSIDY")) return null;
    const share = feeShareFor(params.office?.feeShares, params.asOf);
    const feeRows: { row: number; col: number; running: Decimal }[] = [];
    let fees = new Decimal(0);
    // the sheet's total is needed only when the office did not state its funds' total
    const sheetTotal = share && share.totalYuan === null ? new YuanTotal() : null;
    return {
      row({ rec, mapping }) {
        // without a share nothing is reported: no amount is converted or summed
        if (!share) return;
        const cell = rec.amounts.amount;
        if (!cell) return;
        sheetTotal?.add(cell);
        const text = foldedUse(rec);
        if (MANAGEMENT_FEE_USE.test(text)) {
          fees = fees.plus(yuanOf(cell));
          feeRows.push({
            row: rec.row,
            col: mapping.amount ?? (mapping.content ?? mapping.project)!,
            running: fees,
          });
        }
      },
      finish(emit) {
        if (!share || feeRows.length === 0) return;
        const total = share.totalYuan !== null ? new Decimal(share.totalYuan) : sheetTotal!.value();
        const out = managementFeeExcess(fees, total, new Decimal(share.share));
        if (!out.ok || out.excess.isZero()) return;
        const crossing = feeRows.find((f) => f.running.greaterThan(out.cap))!;
        const whence =
          share.totalYuan !== null
            ? `资金总额取「管理费比例」第 ${share.row} 行`
            : "资金总额取本表金额合计（「管理费比例」未填资金总额）";
        emit(
          FEE_RULE,
          crossing.row,
          crossing.col,
          {
            fee: money(fees),
            cap: money(out.cap),
            total: money(total),
            share: pct(new Decimal(share.share)),
            excess: money(out.excess),
          },
          `管理费 ${feeRows.length} 行（第 ${feeRows.map((f) => f.row).join("、")} 行）合计 ${money(fees)}；第 ${crossing.row} 行起超过上限；${whence}`
        );
      },
    };
  },
};
