/**
 * The interest-subsidy verdict of one row (34号 第（十二）条1) against the office's benchmark
 * table — one rate per start date, or a table banded by loan term (src/core/rules/interest) —
 * as the finding to emit, or null when the row is within the benchmark or states no rate.
 */
import { bi } from "../../i18n";
import { Decimal } from "../../money";
import type { LedgerRecord } from "../../ledger/record";
import { judgeByTerm, rateAboveBenchmark, rateInText, termInText } from "../../rules/interest";
import { BenchmarkRate, benchmarksOn } from "../office";
import type { Vars } from "../registry";
import { arrangedOn, formatIso, pct } from "./format";

export const INTEREST_RULE = "GX34-12-1-INTEREST";
export const NO_BENCHMARK_RULE = "DATA-NO-BENCHMARK";
export const NO_TERM_RULE = "DATA-NO-TERM";

export function interestFinding(
  text: string,
  rec: LedgerRecord,
  asOf: number,
  benchmarks: readonly BenchmarkRate[] | undefined
): { rule: string; vars: Vars; evidence: string } | null {
  const rate = rateInText(text);
  if (!rate || !benchmarks?.length) return null;
  const on = arrangedOn(rec, asOf);
  const table = benchmarksOn(benchmarks, on.day);
  if (!table.length)
    return {
      rule: NO_BENCHMARK_RULE,
      vars: { rate: pct(rate), day: formatIso(on.day) },
      evidence: `${text.trim()}；${on.what} ${formatIso(on.day)}`,
    };
  const b = table[table.length - 1];
  const where = `「贷款基准利率」${formatIso(b.from)} 起`;
  if (!b.term) {
    const benchmark = new Decimal(b.rate);
    if (!rateAboveBenchmark(rate, benchmark)) return null;
    return {
      rule: INTEREST_RULE,
      vars: { rate: pct(rate), benchmark: pct(benchmark), from: formatIso(b.from) },
      evidence: `${text.trim()}；贴息利率 ${pct(rate)}；基准利率 ${pct(benchmark)}（「贷款基准利率」第 ${b.row} 行，${formatIso(b.from)} 起）；${on.what} ${formatIso(on.day)}`,
    };
  }
  const term = termInText(text);
  const v = judgeByTerm(
    rate,
    table.map((x) => ({ band: x.term!, rate: new Decimal(x.rate) })),
    term
  );
  const termSaid = term === null ? "未写贷款期限" : `贷款期限 ${term} 个月`;
  if (!v.judged)
    return {
      rule: NO_TERM_RULE,
      vars: {
        rate: pct(rate),
        lowest: pct(v.lowest),
        highest: pct(v.highest),
        why:
          v.why === "term-unknown"
            ? bi(
                "本行看不出贷款期限（如“贷款期限3年”）",
                "the row gives no loan term (e.g. 贷款期限3年)"
              )
            : bi(`期限 ${term} 个月不在任何档次内`, `a term of ${term} months is in no band`),
      },
      evidence: `${text.trim()}；${termSaid}；${where}`,
    };
  if (!v.above) return null;
  return {
    rule: INTEREST_RULE,
    vars: { rate: pct(rate), benchmark: pct(v.benchmark), from: formatIso(b.from) },
    evidence: `${text.trim()}；贴息利率 ${pct(rate)}；${termSaid}；基准利率 ${pct(v.benchmark)}（${v.band ? `档次「${v.band.text}」` : "各档次中最高，无论期限"}，${where}）；${on.what} ${formatIso(on.day)}`,
  };
}
