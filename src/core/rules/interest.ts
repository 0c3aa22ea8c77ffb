/**
 * 34号 第（十二）条1: interest subsidies are given at a rate "不高于同期人民银行基准利率". 不高于
 * includes the bound: a rate equal to the benchmark is allowed; above it is a finding. The
 * benchmark is not in the seeds and changes over time: the office supplies it (贷款基准利率 sheet,
 * --lists, or the function's argument); the add-in ships no figure.
 */
import { Decimal } from "../money";
import { toHalfWidth } from "../text";
import { Citation, DOCS, SEEDS } from "./citation";
import { readCount } from "../cn-count";

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

// ── Loan terms (the benchmark differs by term) ────────────────────────────────
//
// The benchmark table the central bank published came in term bands, worded like
// 「一年以内（含一年）」「一至五年（含五年）」「五年以上」 (the last table, from 2015-10-24, read
// 4.35 % / 4.75 % / 4.90 % — figures from outside the seeds, quoted from memory of the bank's
// announcement and NOT verified here; the add-in ships no figure: the office enters its own).
// Band edges: a band's stated 「含」 decides (一至五年（含五年） holds exactly 5 years). Where the
// table says nothing, 民法典 第一千二百五十九条 reads 以上/以内 as including the number — except that
// a number another band of the same table already holds (含) is not counted twice.

/** A term band in months: lo < term ≤ hi, or lo ≤ term when `loInclusive`; hi null = no end. */
export interface TermBand {
  lo: number;
  loInclusive: boolean;
  hi: number | null;
  text: string;
}

function numberOf(s: string): number | null {
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(s)) return Number(s);
  return s === "零" || s === "〇" ? 0 : readCount(s);
}

const NUM = "([0-9]+(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十]{1,3})";
const UNIT = "(年|个月|個月|月)";

function months(n: string, unit: string | undefined): number | null {
  const v = numberOf(n);
  if (v === null) return null;
  return unit === "年" ? v * 12 : v;
}

/**
 * A band as the table words it: 「一年以内（含一年）」「1年以下」「一至五年（含五年）」「1-5年」
 * 「五年以上」「6个月至1年」. Returns null when it cannot be read. The lower ends of 「A至B」 and
 * 「A以上」 are inclusive here (民法典 第一千二百五十九条) and made exclusive by `settleBands` when
 * another band of the table already holds A (the table's own 「含」).
 */
export function parseTermBand(text: string): TermBand | null {
  const t = toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/[（(][^）)]*[）)]/g, "");
  let m = new RegExp(`^${NUM}${UNIT}?(?:至|到|-|—|~|～)${NUM}${UNIT}$`).exec(t);
  if (m) {
    const hiUnit = m[4];
    const lo = months(m[1], m[2] ?? hiUnit);
    const hi = months(m[3], hiUnit);
    if (lo === null || hi === null || hi <= lo) return null;
    return { lo, loInclusive: true, hi, text };
  }
  m = new RegExp(`^${NUM}${UNIT}(?:以内|以下|及以下)$`).exec(t);
  if (m) {
    const hi = months(m[1], m[2]);
    return hi === null || hi <= 0 ? null : { lo: 0, loInclusive: false, hi, text };
  }
  m = new RegExp(`^${NUM}${UNIT}(?:以上|及以上)$`).exec(t);
  if (m) {
    const lo = months(m[1], m[2]);
    return lo === null ? null : { lo, loInclusive: true, hi: null, text };
  }
  return null;
}

/** A band loses its lower end A when another band of the same table holds A as its upper end. */
export function settleBands(bands: readonly TermBand[]): TermBand[] {
  return bands.map((b) =>
    b.loInclusive && bands.some((o) => o !== b && o.hi === b.lo) ? { ...b, loInclusive: false } : b
  );
}

export function inBand(termMonths: number, b: TermBand): boolean {
  const aboveLo = b.loInclusive ? termMonths >= b.lo : termMonths > b.lo;
  return aboveLo && (b.hi === null || termMonths <= b.hi);
}

/** 「贷款期限3年」「期限36个月」「三年期」 → months, or null (the term is then unknown). */
export function termInText(text: string): number | null {
  const t = toHalfWidth(text);
  let m = new RegExp(`期限[为為:：]?\\s*${NUM}\\s*${UNIT}`).exec(t);
  if (m) return months(m[1], m[2]);
  m = new RegExp(`${NUM}\\s*(年|个月|個月)期`).exec(t);
  return m ? months(m[1], m[2]) : null;
}

/** A term as a cell gives it: months as a number, or 「3年」「36个月」「三年期」「贷款期限3年」. */
export function parseTerm(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) && v > 0 ? v : null;
  const t = toHalfWidth(String(v ?? "")).replace(/\s+/g, "");
  const m = new RegExp(`^${NUM}${UNIT}期?$`).exec(t);
  if (m) return months(m[1], m[2]);
  return termInText(t);
}

export type BandVerdict =
  | { judged: true; above: boolean; benchmark: Decimal; band: TermBand | null }
  | { judged: false; why: "no-band" | "term-unknown"; lowest: Decimal; highest: Decimal };

/**
 * The verdict on a subsidised rate against a table of banded benchmarks. With the term known:
 * the band holding it. Without it: within the lowest benchmark is fine whatever the term, above
 * the highest is above whatever the term, in between cannot be judged.
 */
export function judgeByTerm(
  rate: Decimal,
  bands: readonly { band: TermBand; rate: Decimal }[],
  termMonths: number | null
): BandVerdict {
  const rates = bands.map((b) => b.rate);
  const lowest = Decimal.min(...rates);
  const highest = Decimal.max(...rates);
  if (termMonths !== null) {
    const settled = settleBands(bands.map((b) => b.band));
    const i = settled.findIndex((b) => inBand(termMonths, b));
    if (i < 0) return { judged: false, why: "no-band", lowest, highest };
    const benchmark = bands[i].rate;
    return {
      judged: true,
      above: rateAboveBenchmark(rate, benchmark),
      benchmark,
      band: bands[i].band,
    };
  }
  if (!rateAboveBenchmark(rate, lowest))
    return { judged: true, above: false, benchmark: lowest, band: null };
  if (rateAboveBenchmark(rate, highest))
    return { judged: true, above: true, benchmark: highest, band: null };
  return { judged: false, why: "term-unknown", lowest, highest };
}
