/**
 * INTEREST — 34号 第（十二）条1: interest subsidised at no more than the central bank's benchmark
 * rate in force when the project was arranged. The benchmarks come from the office's 贷款基准利率
 * list; without it this checks nothing (the pane and the command line say the list was not
 * supplied), and a date the list does not cover is a DATA finding, not a guess. A list banded by
 * 贷款期限 holds each row to its term's band (./interest-table, src/core/rules/interest).
 */
import { bi } from "../../i18n";
import { INTEREST_CITATION, INTEREST_MARK } from "../../rules/interest";
import type { RuleDef } from "../registry";
import { PROJECT_SHEETS, type KindModule } from "./types";
import { foldedUse } from "./format";
import { dataRule } from "./data";
import { INTEREST_RULE, NO_BENCHMARK_RULE, NO_TERM_RULE, interestFinding } from "./interest-table";

export { INTEREST_RULE, NO_BENCHMARK_RULE, NO_TERM_RULE };

const rules: RuleDef[] = [
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
  dataRule(
    NO_BENCHMARK_RULE,
    "SUBSIDY",
    "贴息利率 {rate}，但「贷款基准利率」中没有 {day} 适用的基准利率，无法判断",
    "interest rate {rate}, but the benchmark list has no rate in force on {day}: not judged"
  ),
  dataRule(
    NO_TERM_RULE,
    "SUBSIDY",
    "贴息利率 {rate}，「贷款基准利率」按贷款期限分档（{lowest}–{highest}），{why}，无法判断",
    "interest rate {rate}; the benchmark is banded by loan term ({lowest}–{highest}) and {why}: not judged"
  ),
];

export const interestKind: KindModule = {
  id: "INTEREST",
  label: bi("贴息超基准", "Interest above benchmark"),
  order: 110,
  hint: bi(
    "核对贴息利率；超过基准利率的部分不予贴息。",
    "Check the subsidised rate; interest above the benchmark is not subsidised."
  ),
  sheetKinds: PROJECT_SHEETS,
  fields: ["content", "project", "approvalDate", "passDownDate", "receivedDate"],
  rules,
  start(params, packs) {
    if (!packs.has("SUBSIDY")) return null;
    const benchmarks = params.office?.benchmarks;
    return {
      row({ rec, mapping }, emit) {
        const text = foldedUse(rec);
        if (!INTEREST_MARK.test(text)) return;
        const f = interestFinding(text, rec, params.asOf, benchmarks);
        if (f) emit(f.rule, rec.row, (mapping.content ?? mapping.project)!, f.vars, f.evidence);
      },
      finish() {},
    };
  },
};
