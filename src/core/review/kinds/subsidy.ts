/**
 * MGMT_FEE and SUBSIDY — how 34号 lets county funds be spent: the management fee within the
 * office's share （十）, 民办公助 within 50万元 （十一）1, interest subsidies not above the
 * benchmark rate （十二）1. The fee and the benchmark come from the office's lists; without them
 * those two rules check nothing (the pane and the command line say the list was not supplied).
 */
import { bi } from "../../i18n";
import { Decimal } from "../../money";
import { yuanOf } from "../../ledger/record";
import {
  MANAGEMENT_FEE_CITATION,
  MANAGEMENT_FEE_USE,
  managementFeeExcess,
} from "../../rules/management-fee";
import { MINBAN_CITATION, MINBAN_LIMIT_YUAN, MINBAN_MARK, minbanAbove } from "../../rules/minban";
import { INTEREST_CITATION, INTEREST_MARK } from "../../rules/interest";
import { foldText } from "../../normal-form";
import { feeShareFor } from "../office";
import type { RuleDef } from "../registry";
import type { KindModule } from "./types";
import { money, pct } from "./format";
import { INTEREST_RULE, NO_BENCHMARK_RULE, NO_TERM_RULE, interestFinding } from "./interest-table";

export const FEE_RULE = "GX34-10-FEE-CAP";
export const MINBAN_RULE = "GX34-11-1-MINBAN";
export { INTEREST_RULE, NO_BENCHMARK_RULE, NO_TERM_RULE };

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
  {
    kind: "SUBSIDY",
    rule: MINBAN_RULE,
    severity: "warning",
    pack: "SUBSIDY",
    params: { limit: "50万元" },
    citation: MINBAN_CITATION,
    message: bi(
      "民办公助方式限于财政扶贫资金补助在 50万元以内的贫困村小型公共基础设施，本行补助 {amount}",
      "the 民办公助 mode is for small village infrastructure with a subsidy within 500,000 yuan; this row: {amount}"
    ),
  },
  {
    kind: "INTEREST",
    rule: INTEREST_RULE,
    severity: "error",
    pack: "SUBSIDY",
    params: { benchmark: "贷款基准利率（本单位提供）" },
    citation: INTEREST_CITATION,
    message: bi(
      "贴息利率 {rate} 高于同期人民银行基准利率 {benchmark}（{from} 起执行）",
      "interest subsidised at {rate}, above the central bank's benchmark {benchmark} (in force from {from})"
    ),
  },
  {
    kind: "DATA",
    rule: NO_BENCHMARK_RULE,
    severity: "warning",
    pack: "SUBSIDY",
    params: {},
    citation: null,
    message: bi(
      "贴息利率 {rate}，但「贷款基准利率」中没有 {day} 适用的基准利率，无法判断",
      "interest rate {rate}, but the benchmark list has no rate in force on {day}: not judged"
    ),
  },
  {
    kind: "DATA",
    rule: NO_TERM_RULE,
    severity: "warning",
    pack: "SUBSIDY",
    params: {},
    citation: null,
    message: bi(
      "贴息利率 {rate}，「贷款基准利率」按贷款期限分档（{lowest}–{highest}），{why}，无法判断",
      "interest rate {rate}; the benchmark is banded by loan term ({lowest}–{highest}) and {why}: not judged"
    ),
  },
];

export const subsidyKind: KindModule = {
  rules,
  start(params, packs) {
    if (!packs.has("SUBSIDY")) return null;
    const share = feeShareFor(params.office?.feeShares, params.asOf);
    const benchmarks = params.office?.benchmarks;
    const feeRows: { row: number; col: number; running: Decimal }[] = [];
    let fees = new Decimal(0);
    let sheetTotal = new Decimal(0);
    return {
      row({ rec, mapping, sheetKind }, emit) {
        if (sheetKind !== "ledger" && sheetKind !== "projects") return;
        const text = foldText(`${rec.text.content ?? ""} ${rec.text.project ?? ""}`);
        const cell = rec.amounts.amount;
        const amount = cell ? yuanOf(cell) : null;
        if (amount) sheetTotal = sheetTotal.plus(amount);
        const textCol = mapping.content ?? mapping.project;
        if (share && amount && MANAGEMENT_FEE_USE.test(text)) {
          fees = fees.plus(amount);
          feeRows.push({ row: rec.row, col: mapping.amount ?? textCol!, running: fees });
        }
        if (amount && MINBAN_MARK.test(text) && minbanAbove(amount))
          emit(
            MINBAN_RULE,
            rec.row,
            mapping.amount!,
            { amount: money(amount, cell!.unit) },
            `${text.trim()}；补助 ${money(amount)}；上限 ${money(MINBAN_LIMIT_YUAN, "万元")}（含）`
          );
        if (INTEREST_MARK.test(text)) {
          const f = interestFinding(text, rec, params.asOf, benchmarks);
          if (f) emit(f.rule, rec.row, textCol!, f.vars, f.evidence);
        }
      },
      finish(emit) {
        if (!share || feeRows.length === 0) return;
        const total = share.totalYuan !== null ? new Decimal(share.totalYuan) : sheetTotal;
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
