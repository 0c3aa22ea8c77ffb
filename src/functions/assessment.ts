/**
 * The region's assessments over a county indicator table (广西 2014 创新扶贫开发工作意见):
 * FUND.EXIT (第18条), FUND.PROGRESS (第19条), FUND.BOTTOM (第23条).
 */
import { Decimal } from "../core/money";
import {
  accountability,
  bottomStreaks,
  exitCheck,
  progressCounties,
} from "../core/rules/assessment";
import { isOmitted, scalar } from "./args";
import { guard, inputError } from "./errors";

function rowOf(v: unknown): unknown[] {
  if (!Array.isArray(v)) return [v];
  return (v as unknown[][]).flatMap((r) => (Array.isArray(r) ? r : [r]));
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function numberOf(v: unknown, what: string, i: number): Decimal | null {
  if (blank(v)) return null;
  if (typeof v === "number" && Number.isFinite(v))
    return new Decimal(Number(v.toPrecision(15)).toString());
  if (typeof v === "string" && /^\s*-?[0-9]+(\.[0-9]+)?\s*%?\s*$/.test(v)) {
    const t = v.trim();
    return t.endsWith("%") ? new Decimal(t.slice(0, -1).trim()).dividedBy(100) : new Decimal(t);
  }
  throw inputError(
    "value",
    `${what}第 ${i + 1} 个值「${String(v)}」不是数字`,
    `${what} value ${i + 1} "${String(v)}" is not a number`
  );
}

function paramNumber(v: unknown, zh: string, en: string): Decimal {
  const x = scalar(v);
  if (typeof x !== "number" || !Number.isFinite(x))
    throw inputError("value", `${zh}必须是数字`, `${en} must be a number`);
  return new Decimal(Number(x.toPrecision(15)).toString());
}

function nArg(v: unknown, fallback: number): number {
  const x = scalar(v);
  if (isOmitted(x) || x === "") return fallback;
  if (typeof x !== "number" || !Number.isInteger(x) || x < 1)
    throw inputError(
      "value",
      `名次必须是正整数，收到「${String(x)}」`,
      `the place must be a whole number ≥ 1`
    );
  return x;
}

/**
 * Whether a county meets the exit criteria of 广西 2014 创新扶贫开发工作意见 第18条 (income, fiscal revenue, poverty rate 8% or less, roads, clinics, 新农合 95% or more, and the yes/no conditions). 以上/以下 include the number itself.
 * @customfunction EXIT
 * @helpurl https://localhost:3000/help/functions.html#FUND.EXIT
 * @param indicators The county's row of the indicator table.
 * @param headers The table's header row (same width), naming each indicator.
 * @param region_income The region's average rural income per head this year (全区平均水平).
 * @param county_revenue The average fiscal revenue per head of county units, as published by the statistics office.
 * @returns "" when every criterion is met; otherwise the criteria not met, or those that could not be judged.
 */
export function exit(
  indicators: any[][],
  headers: any[][],
  region_income: any,
  county_revenue: any
): any {
  return guard(() => {
    const row = rowOf(indicators);
    const head = rowOf(headers);
    if (row.length !== head.length)
      throw inputError(
        "value",
        `指标行有 ${row.length} 格，表头有 ${head.length} 格，须相同`,
        `indicators has ${row.length} cells, headers ${head.length}: sizes must match`
      );
    const r = exitCheck(head, row, {
      region_income: paramNumber(region_income, "全区农民人均纯收入", "region_income"),
      county_revenue: paramNumber(
        county_revenue,
        "县域人均公共财政预算收入平均水平",
        "county_revenue"
      ),
    });
    if (r.failing.length) return `未达标：${r.failing.join("；")}`;
    if (r.unreadable.length || r.missing.length)
      return `无法判断：${[...r.unreadable.map((u) => `无法读取 ${u}`), ...r.missing.map((m) => `缺少“${m}”列`)].join("；")}`;
    return "";
  });
}

/**
 * The progress counties of 第19条: eligible counties (片区县、重点县) whose income growth, fall in the poverty ratio and assessment score all rank in the top 15 among the eligible (ties share a place, so a tie at 15th is in).
 * @customfunction PROGRESS
 * @helpurl https://localhost:3000/help/functions.html#FUND.PROGRESS
 * @param growth Each county's growth rate of rural income per head (higher is better).
 * @param decline Each county's fall in the poverty ratio (higher is better).
 * @param score Each county's assessment score (higher is better).
 * @param [eligible] Each county's class or TRUE/FALSE: 片区县 and 重点县 (or TRUE/是) are eligible; default all.
 * @param [top] The number of places, default 15.
 * @returns One TRUE/FALSE per county (spills), TRUE for a progress county.
 */
export function progress(
  growth: any[][],
  decline: any[][],
  score: any[][],
  eligible?: any[][],
  top?: any
): any[][] {
  return guard((): any[][] => {
    const cols = [rowOf(growth), rowOf(decline), rowOf(score)];
    const n = cols[0].length;
    if (cols.some((c) => c.length !== n))
      throw inputError(
        "value",
        "三项指标区域大小须相同",
        "the three measures must be the same size"
      );
    const el = isOmitted(eligible) ? new Array(n).fill(true) : rowOf(eligible).map(isEligible);
    if (el.length !== n)
      throw inputError(
        "value",
        "资格区域大小须与指标相同",
        "eligible must be the same size as the measures"
      );
    const names = ["农民人均纯收入增长速度", "贫困人口比例下降速度", "扶贫考评成绩"];
    const measures = cols.map((c, k) =>
      c.map((v, i) => {
        const d = numberOf(v, names[k], i);
        if (d === null && el[i])
          throw inputError(
            "value",
            `${names[k]}第 ${i + 1} 个值为空：参评县须有三项数据`,
            `${names[k]} value ${i + 1} is blank`
          );
        return d;
      })
    );
    return progressCounties(measures, el, nArg(top, 15)).map((b) => [b]);
  }) as any[][];
}

function isEligible(v: unknown): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const t = String(v ?? "").trim();
  return /片区|重点|^是$|^TRUE$/i.test(t);
}

/**
 * 第23条 accountability: for each county, whether its assessment result was among the region's last 3 in the most recent consecutive years (2 years: interview; 3 years: reassignment). Ties at 3rd from the bottom are in.
 * @customfunction BOTTOM
 * @helpurl https://localhost:3000/help/functions.html#FUND.BOTTOM
 * @param scores Assessment scores: one row per county, one column per year, oldest year first; a blank means not assessed that year.
 * @param [last] The number of places at the bottom, default 3.
 * @returns One text per county (spills): "" or the consecutive years at the bottom with the consequence.
 */
export function bottom(scores: any[][], last?: any): any[][] {
  return guard((): any[][] => {
    if (!Array.isArray(scores) || !Array.isArray(scores[0]))
      throw inputError("value", "成绩须为区域（每县一行，每年一列）", "scores must be a range");
    const rows = scores as unknown[][];
    const years = rows[0].length;
    const byYear = Array.from({ length: years }, (_, y) =>
      rows.map((r, i) => numberOf(r[y], `第 ${y + 1} 年成绩`, i))
    );
    const n = nArg(last, 3);
    return bottomStreaks(byYear, n).map((k) => [accountability(k, n)]);
  }) as any[][];
}
