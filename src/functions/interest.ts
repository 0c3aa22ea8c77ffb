/** FUND.INTEREST: an interest subsidy's rate against the office's benchmark table (34号 第（十二）条1). */
import { Decimal } from "../core/money";
import { formatIso } from "../core/dates";
import { benchmarksOn, parsePercent, readBenchmarkTable } from "../core/review/office";
import { judgeByTerm, parseTerm, rateAboveBenchmark } from "../core/rules/interest";
import { isOmitted, optionalDateArg, scalar } from "./args";
import { guard, inputError } from "./errors";

function pct(d: Decimal): string {
  return `${d.times(100).toDecimalPlaces(4).toString()}%`;
}

/**
 * Whether a subsidised interest rate is above the benchmark (34号 第（十二）条1: not above the central bank's benchmark of the same period; equal is allowed). The table is your office's: the central bank's rates are not built in.
 * @customfunction INTEREST
 * @helpurl https://localhost:3000/help/functions.html#FUND.INTEREST
 * @param rate The subsidised rate, e.g. 4.75% or 0.0475.
 * @param benchmarks The benchmark table: a range with a header row naming 起始日期 and 基准利率, optionally 贷款期限 (one row per term band of a start date).
 * @param [term] The loan term: months as a number, or text such as "3年" or "36个月". Needed when the table is banded and the rate lies between the bands' rates.
 * @param [date] The day the subsidy applies (the table in force then); omitted: the latest table.
 * @returns "" when not above; otherwise the benchmark it exceeds; or why it cannot be judged.
 */
export function interest(rate: any, benchmarks: any[][], term?: any, date?: any): any {
  return guard(() => {
    const r = parsePercent(scalar(rate));
    if (!r)
      throw inputError(
        "value",
        `利率「${String(scalar(rate) ?? "")}」无法识别（如 4.75% 或 0.0475）`,
        `rate "${String(scalar(rate) ?? "")}" is not readable (e.g. 4.75% or 0.0475)`
      );
    if (!Array.isArray(benchmarks))
      throw inputError("value", "缺少基准利率表区域", "the benchmark table range is missing");
    const rows = (benchmarks as unknown[]).map((x) => (Array.isArray(x) ? x : [x]));
    const { rates, problems } = readBenchmarkTable(rows);
    if (problems.length) {
      const p = problems[0];
      throw inputError(
        "value",
        `基准利率表${p.row ? `第${p.row}行` : ""}：${p.message.zh}`,
        `benchmark table${p.row ? ` row ${p.row}` : ""}: ${p.message.en}`
      );
    }
    const day = optionalDateArg(date, ["日期", "date"]);
    const table = benchmarksOn(rates, day ?? Number.MAX_SAFE_INTEGER);
    if (!table.length)
      return day === null
        ? "无法判断：基准利率表为空"
        : `无法判断：${formatIso(day)} 没有适用的基准利率`;
    const t = scalar(term);
    let months: number | null = null;
    if (!isOmitted(t) && t !== "") {
      months = parseTerm(t);
      if (months === null)
        throw inputError(
          "value",
          `贷款期限「${String(t)}」无法识别（如 3年、36个月）`,
          `loan term "${String(t)}" is not readable (e.g. 3年, 36个月)`
        );
    }
    const last = table[table.length - 1];
    if (!last.term) {
      const b = new Decimal(last.rate);
      return rateAboveBenchmark(r, b) ? `高于基准利率 ${pct(b)}（${formatIso(last.from)} 起）` : "";
    }
    const v = judgeByTerm(
      r,
      table.map((x) => ({ band: x.term!, rate: new Decimal(x.rate) })),
      months
    );
    if (!v.judged)
      return v.why === "term-unknown"
        ? `无法判断：基准利率按期限分档（${pct(v.lowest)}–${pct(v.highest)}），请给出贷款期限`
        : `无法判断：期限 ${months} 个月不在任何档次内`;
    if (!v.above) return "";
    return `高于基准利率 ${pct(v.benchmark)}（${v.band ? `档次「${v.band.text}」` : "各档次中最高，无论期限"}，${formatIso(last.from)} 起）`;
  });
}
