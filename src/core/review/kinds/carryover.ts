/**
 * CARRYOVER — 34号 第（十三）条: a year whose carry-over rate (carry-over ÷ the year's total) is
 * above the threshold (10 % by default, strictly above) has its carry-over deducted from next
 * year's allocation. The clause and the threshold are encoded once, in src/core/rules/carryover.
 */
import { bi } from "../../i18n";
import { Decimal } from "../../money";
import { yuanOf } from "../../ledger/record";
import { carryoverDeduction } from "../../rules/carryover";
import { CARRYOVER_CITATION, REVIEW_DEFAULTS } from "../../rules/review";
import type { RuleDef } from "../rule-def";
import type { KindModule } from "./types";
import { dataRule } from "./data";
import { percent, percentBeside, yuan } from "./format";

export const CARRYOVER_RULE = "GX34-13-CARRYOVER";

const rules: RuleDef[] = [
  {
    kind: "CARRYOVER",
    rule: CARRYOVER_RULE,
    severity: "error",
    pack: "GX34",
    params: { carryoverThreshold: REVIEW_DEFAULTS.carryoverThreshold },
    citation: CARRYOVER_CITATION,
    message: bi(
      "{year}结转结余率 {rate}（结转结余 {carry} ÷ 资金总额 {total}）大于 {threshold}：分配下一年度资金时按结转结余额 {carry} 扣减",
      "{year}carry-over rate {rate} (carry-over {carry} ÷ total {total}) is above {threshold}: {carry} is deducted from next year's allocation"
    ),
  },
  dataRule(
    "DATA-NO-TOTAL",
    "GX34",
    "有结转结余 {carry}，但资金总额为空或为零，无法计算结转结余率",
    "carry-over {carry} but the year total is blank or zero: the rate cannot be computed"
  ),
];

export const carryoverKind: KindModule = {
  id: "CARRYOVER",
  label: bi("结转结余超标", "Carry-over above limit"),
  order: 30,
  hint: bi(
    "核对结转结余和资金总额；确属超标的，分配下一年度资金时按结转结余额扣减。",
    "Check the carry-over and the year's total; if the rate is above the limit, deduct the carry-over from next year's allocation."
  ),
  ruleHints: {
    "DATA-NO-TOTAL": bi(
      "补填当年资金总额，然后重新审查。",
      "Fill in the year's total funds, then review again."
    ),
  },
  sheetKinds: ["carryover"],
  fields: ["year", "total", "carryover"],
  rules,
  start(params) {
    const threshold = new Decimal(
      String(params.carryoverThreshold ?? REVIEW_DEFAULTS.carryoverThreshold)
    );
    return {
      row({ rec, mapping: m, units, bad }, emit) {
        const carryCell = rec.amounts.carryover;
        if (carryCell === undefined) return;
        const carry = yuanOf(carryCell);
        const total = rec.amounts.total && yuanOf(rec.amounts.total);
        const unit = units.carryover ?? "元";
        const y = rec.text.year ? rec.text.year.replace(/\s*年度?$/, "") : "";
        const year = y ? `${y}年度` : "";
        if (total === undefined || total.isZero()) {
          if (bad?.has("total")) return;
          emit(
            "DATA-NO-TOTAL",
            rec.row,
            m.total!,
            { carry: yuan(carry, unit) },
            `${year}结转结余 ${yuan(carry, unit)}；资金总额：${total ? "0" : "空"}`
          );
          return;
        }
        // 34号（十三）, encoded once in core/rules/carryover: strictly above the threshold deducts.
        const outcome = carryoverDeduction(carry, total, threshold);
        if (!outcome.ok || outcome.deduction.isZero()) return;
        const rate = outcome.rate;
        const tUnit = units.total ?? "元";
        emit(
          CARRYOVER_RULE,
          rec.row,
          m.carryover!,
          {
            year: y ? bi(`${y}年度`, `${y}: `) : "",
            rate: percentBeside(rate, threshold),
            carry: yuan(carry, unit),
            total: yuan(total, tUnit),
            threshold: percent(threshold),
          },
          `${year}结转结余 ${yuan(carry, unit)} ÷ 资金总额 ${yuan(total, tUnit)} = ${percentBeside(rate, threshold)}`
        );
      },
      finish() {},
    };
  },
};
