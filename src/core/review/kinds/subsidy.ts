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
import {
  INTEREST_CITATION,
  INTEREST_MARK,
  judgeByTerm,
  rateAboveBenchmark,
  rateInText,
  termInText,
} from "../../rules/interest";
import { foldText } from "../../normal-form";
import { benchmarksOn, feeShareFor } from "../office";
import type { RuleDef } from "../registry";
import type { KindModule } from "./types";
import { arrangedOn, formatIso, money, pct } from "./format";

export const FEE_RULE = "GX34-10-FEE-CAP";
export const MINBAN_RULE = "GX34-11-1-MINBAN";
export const INTEREST_RULE = "GX34-12-1-INTEREST";
export const NO_BENCHMARK_RULE = "DATA-NO-BENCHMARK";
export const NO_TERM_RULE = "DATA-NO-TERM";

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
          const rate = rateInText(text);
          if (!rate || !benchmarks?.length) return;
          const on = arrangedOn(rec, params.asOf);
          const table = benchmarksOn(benchmarks, on.day);
          if (!table.length) {
            emit(
              NO_BENCHMARK_RULE,
              rec.row,
              textCol!,
              { rate: pct(rate), day: formatIso(on.day) },
              `${text.trim()}；${on.what} ${formatIso(on.day)}`
            );
            return;
          }
          const b = table[table.length - 1];
          const where = `「贷款基准利率」${formatIso(b.from)} 起`;
          if (!b.term) {
            const benchmark = new Decimal(b.rate);
            if (rateAboveBenchmark(rate, benchmark))
              emit(
                INTEREST_RULE,
                rec.row,
                textCol!,
                { rate: pct(rate), benchmark: pct(benchmark), from: formatIso(b.from) },
                `${text.trim()}；贴息利率 ${pct(rate)}；基准利率 ${pct(benchmark)}（「贷款基准利率」第 ${b.row} 行，${formatIso(b.from)} 起）；${on.what} ${formatIso(on.day)}`
              );
            return;
          }
          const term = termInText(text);
          const v = judgeByTerm(
            rate,
            table.map((x) => ({ band: x.term!, rate: new Decimal(x.rate) })),
            term
          );
          const termSaid = term === null ? "未写贷款期限" : `贷款期限 ${term} 个月`;
          if (!v.judged) {
            emit(
              NO_TERM_RULE,
              rec.row,
              textCol!,
              {
                rate: pct(rate),
                lowest: pct(v.lowest),
                highest: pct(v.highest),
                why:
                  v.why === "term-unknown"
                    ? bi(
                        "本行看不出贷款期限（如“贷款期限3年”）",
                        "the row gives no loan term (e.g. 贷款期限3年)"
                      )
                    : bi(
                        `期限 ${term} 个月不在任何档次内`,
                        `a term of ${term} months is in no band`
                      ),
              },
              `${text.trim()}；${termSaid}；${where}`
            );
            return;
          }
          if (v.above)
            emit(
              INTEREST_RULE,
              rec.row,
              textCol!,
              { rate: pct(rate), benchmark: pct(v.benchmark), from: formatIso(b.from) },
              `${text.trim()}；贴息利率 ${pct(rate)}；${termSaid}；基准利率 ${pct(v.benchmark)}（${v.band ? `档次「${v.band.text}」` : "各档次中最高，无论期限"}，${where}）；${on.what} ${formatIso(on.day)}`
            );
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
