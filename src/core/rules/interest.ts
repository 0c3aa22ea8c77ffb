/**
 * 34号 第（十二）条1: interest subsidies are given at a rate "不高于同期人民银行基准利率". 不高于
 * includes the bound: a rate equal to the benchmark is allowed; above it is a finding. The
 * benchmark is not in the seeds and changes over time: the office supplies it (贷款基准利率 sheet,
 * --lists, or the function's argument); the add-in ships no figure.
 */
import { Decimal } from "../money";
import { toHalfWidth } from "../text";
import { Citation, DOCS, SEEDS } from "./citation";

export const INTEREST_CITATION: Citation = {
  document: DOCS.GX34,
  clause: "第（十二）条1",
  quote: "在一定貸款期限和貸款額度內,按不高于同期人民銀行基準利率給予全額或一定比例財政貼息補助。",
  seed: SEEDS.GX34,
};

/** The sheet an office states the benchmark in (columns 起始日期, 基准利率（%）). */
export const BENCHMARK_SHEET = "贷款基准利率";

/** A row about an interest subsidy. */
export const INTEREST_MARK = /贴息|貼息/;

/** "贴息利率4.35%", "年利率 4.9％", "利率为4.75%" → the rate as a fraction, or null. */
export function rateInText(text: string): Decimal | null {
  const m = /利率[为為:：]?\s*([0-9]+(?:\.[0-9]+)?)\s*%/.exec(toHalfWidth(text));
  return m ? new Decimal(m[1]).dividedBy(100) : null;
}

/** True when the subsidised rate is above the benchmark (equal is allowed). */
export function rateAboveBenchmark(rate: Decimal, benchmark: Decimal): boolean {
  return rate.greaterThan(benchmark);
}
