/**
 * The region's assessments of counties (广西 2014 创新扶贫开发工作意见, seed 004):
 * 第18条 exit criteria, 第19条 the progress counties (top 15 on three measures at once),
 * 第23条 accountability for the bottom 3 of the whole region in consecutive years.
 *
 * Bounds (民法典 第一千二百五十九条): 以上 and 以下 include the number itself — a poverty rate of
 * exactly 8 % meets "8%以下", a 新农合 rate of exactly 95 % meets "95%以上"; "达到…平均水平"
 * is met at the average itself. Ranks are competition ranks (1 + how many are strictly better),
 * so counties tied at 15th (or at 3rd from the bottom) are all inside: the text names a place,
 * and a tie shares it.
 */
import { Decimal } from "../money";
import { normalize } from "../prohibited/normalize";
import { Citation, DOCS, SEEDS } from "./citation";

const cite = (clause: string, quote: string): Citation => ({
  document: DOCS.GX2014_INNOVATE,
  clause,
  quote,
  seed: SEEDS.GX2014_INNOVATE,
});

export const EXIT_CITATION = cite(
  "第18条",
  "凡同时符合下列条件的片区县、重点县,由自治区扶贫开发领导小组办公室组织核实后,报自治区扶贫开发领导小组审核,最后由自治区人民政府认定脱贫并给予扶贫资金项目奖励。"
);
export const PROGRESS_COUNTY_CITATION = cite(
  "第19条",
  "凡年度农民人均纯收入增长速度、贫困人口数量占农村户籍人口比例下降速度及扶贫考评成绩均排在片区县、重点县前十五名的,由自治区扶贫开发领导小组办公室组织核实,报自治区扶贫开发领导小组认定为扶贫工作进步县并给予扶贫资金项目奖励。"
);
export const ACCOUNTABILITY_CITATION = cite(
  "第23条",
  "对连续两年扶贫绩效考评结果排在全区最后3名、在本岗位工作超一年的县党政主要领导、分管领导和相关部门负责人进行约谈"
);

export type Compare = "atLeastParam" | "atMost" | "atLeast" | "yes";

export interface ExitCriterion {
  key: string;
  /** How the criterion reads in the clause (for messages). */
  label: string;
  headers: readonly string[];
  compare: Compare;
  /** For rates: the bound as a fraction; for atLeastParam: the parameter's name. */
  bound?: string;
}

/** 第18条's conditions; rates are fractions (8 % = 0.08). */
export const EXIT_CRITERIA: readonly ExitCriterion[] = [
  {
    key: "income",
    label: "农民人均纯收入达到全区平均水平",
    headers: ["农民人均纯收入", "农村居民人均可支配收入"],
    compare: "atLeastParam",
    bound: "region_income",
  },
  {
    key: "revenue",
    label: "人均公共财政预算收入达到县域平均水平以上",
    headers: ["人均公共财政预算收入", "人均一般公共预算收入"],
    compare: "atLeastParam",
    bound: "county_revenue",
  },
  {
    key: "poverty",
    label: "贫困人口占农村户籍人口8%以下",
    headers: ["贫困发生率", "贫困人口占农村户籍人口比例", "贫困人口比例"],
    compare: "atMost",
    bound: "0.08",
  },
  {
    key: "paved",
    label: "具备条件的建制村通沥青（水泥）路率达100%",
    headers: ["建制村通沥青水泥路率", "建制村通沥青路率", "建制村通硬化路率"],
    compare: "atLeast",
    bound: "1",
  },
  {
    key: "hamlets",
    label: "20户以上的自然村95%以上通村屯道路",
    headers: ["20户以上自然村通路率", "自然村通路率", "自然村通村屯道路率"],
    compare: "atLeast",
    bound: "0.95",
  },
  {
    key: "clinics",
    label: "有标准化卫生室的建制村达100%",
    headers: ["标准化卫生室建制村比例", "有标准化卫生室的建制村比例", "标准化卫生室覆盖率"],
    compare: "atLeast",
    bound: "1",
  },
  {
    key: "coop",
    label: "新型农村合作医疗参合率达95%以上",
    headers: ["新农合参合率", "新型农村合作医疗参合率"],
    compare: "atLeast",
    bound: "0.95",
  },
  {
    key: "water",
    label: "基本解决农村饮水安全问题",
    headers: ["饮水安全", "农村饮水安全"],
    compare: "yes",
  },
  {
    key: "power",
    label: "全面解决无电人口用电问题",
    headers: ["无电人口用电", "通电"],
    compare: "yes",
  },
  { key: "tv", label: "基本实现广播电视户户通", headers: ["广播电视户户通"], compare: "yes" },
  {
    key: "internet",
    label: "互联网覆盖所有贫困村",
    headers: ["互联网覆盖", "互联网覆盖贫困村"],
    compare: "yes",
  },
  {
    key: "housing",
    label: "基本完成存量农村危房改造任务",
    headers: ["危房改造", "农村危房改造"],
    compare: "yes",
  },
  {
    key: "industry",
    label: "初步构建特色支柱产业体系",
    headers: ["特色支柱产业", "特色产业体系"],
    compare: "yes",
  },
  {
    key: "schools",
    label: "村级小学校舍无D级危房",
    headers: ["村级小学无D级危房", "小学校舍无D级危房"],
    compare: "yes",
  },
  {
    key: "education",
    label: "完成义务教育巩固率任务",
    headers: ["义务教育巩固率任务", "义务教育巩固率达标"],
    compare: "yes",
  },
  {
    key: "skills",
    label: "扶贫对象户掌握1-2项实用技术",
    headers: ["掌握实用技术", "实用技术"],
    compare: "yes",
  },
  {
    key: "welfare",
    label: "困难家庭应保尽保",
    headers: ["应保尽保", "社会保障应保尽保"],
    compare: "yes",
  },
];

/** Built on first use, not at import (the normal form's first call builds OpenCC's tables). */
let headerIndex: Map<string, ExitCriterion> | null = null;

function headerIndexOf(): Map<string, ExitCriterion> {
  if (headerIndex) return headerIndex;
  const m = new Map<string, ExitCriterion>();
  for (const c of EXIT_CRITERIA) for (const h of c.headers) m.set(headerKey(h), c);
  headerIndex = m;
  return m;
}

function headerKey(h: string): string {
  return normalize(h)
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/[*%、，,]/g, "");
}

/** Which criterion a header names, or null. */
export function criterionOfHeader(h: unknown): ExitCriterion | null {
  return typeof h === "string" ? (headerIndexOf().get(headerKey(h)) ?? null) : null;
}

/** A rate as written: 0.08, "8%", or 8 (numbers above 1 are percentages). Null when unreadable. */
export function readRate(v: unknown): Decimal | null {
  if (typeof v === "number" && Number.isFinite(v)) {
    const d = new Decimal(Number(v.toPrecision(15)).toString());
    return d.greaterThan(1) ? d.dividedBy(100) : d;
  }
  if (typeof v === "string") {
    const m = /^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*([%％])?\s*$/.exec(
      v.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    );
    if (!m) return null;
    const d = new Decimal(m[1]);
    return m[2] || d.greaterThan(1) ? d.dividedBy(100) : d;
  }
  return null;
}

/** 是/达标/已完成/TRUE/√ → true; 否/未达标/未完成/FALSE/× → false; else null. */
export function readYes(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== "string") return null;
  const t = normalize(v);
  if (/^(是|达标|已达标|已完成|完成|已实现|实现|已解决|解决|true|yes|y|√|✓)$/.test(t)) return true;
  if (/^(否|未达标|未完成|未实现|未解决|false|no|n|×|✗)$/.test(t)) return false;
  return null;
}

export interface ExitResult {
  failing: string[];
  unreadable: string[];
  missing: string[];
}

/**
 * 第18条 for one county: every criterion, judged on the row's cells under their headers. The
 * averages are parameters (published each year by the statistics office).
 */
export function exitCheck(
  headers: readonly unknown[],
  row: readonly unknown[],
  params: { region_income: Decimal; county_revenue: Decimal }
): ExitResult {
  const at = new Map<string, number>();
  headers.forEach((h, i) => {
    const c = criterionOfHeader(h);
    if (c && !at.has(c.key)) at.set(c.key, i);
  });
  const out: ExitResult = { failing: [], unreadable: [], missing: [] };
  for (const c of EXIT_CRITERIA) {
    const i = at.get(c.key);
    if (i === undefined) {
      out.missing.push(c.label);
      continue;
    }
    const v = row[i];
    if (c.compare === "yes") {
      const y = readYes(v);
      if (y === null) out.unreadable.push(`${c.label}「${String(v ?? "")}」`);
      else if (!y) out.failing.push(c.label);
      continue;
    }
    if (c.compare === "atLeastParam") {
      const n =
        typeof v === "number"
          ? new Decimal(Number(v.toPrecision(15)).toString())
          : typeof v === "string" && /^\s*-?[0-9]+(\.[0-9]+)?\s*$/.test(v)
            ? new Decimal(v.trim())
            : null;
      if (!n) out.unreadable.push(`${c.label}「${String(v ?? "")}」`);
      else {
        const bound = params[c.bound as "region_income" | "county_revenue"];
        if (n.lessThan(bound)) out.failing.push(`${c.label}（${n} < ${bound}）`);
      }
      continue;
    }
    const r = readRate(v);
    if (!r) {
      out.unreadable.push(`${c.label}「${String(v ?? "")}」`);
      continue;
    }
    const bound = new Decimal(c.bound!);
    const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(4).toString()}%`;
    if (c.compare === "atMost" ? r.greaterThan(bound) : r.lessThan(bound))
      out.failing.push(`${c.label}（实际 ${pct(r)}）`);
  }
  return out;
}

/**
 * Competition ranks, best first: rank = 1 + the number of values strictly better. `higherIsBetter`
 * false ranks from the lowest. Null values are not ranked (null rank).
 */
export function competitionRanks(
  values: readonly (Decimal | null)[],
  higherIsBetter = true
): (number | null)[] {
  return values.map((v) => {
    if (!v) return null;
    let better = 0;
    for (const w of values) if (w && (higherIsBetter ? w.greaterThan(v) : w.lessThan(v))) better++;
    return better + 1;
  });
}

/** 第19条: eligible counties ranked within the top `n` (ties included) on all measures at once. */
export function progressCounties(
  measures: readonly (readonly (Decimal | null)[])[],
  eligible: readonly boolean[],
  n = 15
): boolean[] {
  const ranks = measures.map((m) => competitionRanks(m.map((v, i) => (eligible[i] ? v : null))));
  return eligible.map((e, i) => e && ranks.every((r) => r[i] !== null && r[i]! <= n));
}

/**
 * 第23条: for each county, how many consecutive years up to the latest it was in the bottom `n`
 * of the whole region (ties included). `scores[year][county]`, oldest year first; a county not
 * scored in a year (null) is not in the bottom that year.
 */
export function bottomStreaks(scores: readonly (readonly (Decimal | null)[])[], n = 3): number[] {
  const counties = scores[0]?.length ?? 0;
  const inBottom = scores.map((year) =>
    competitionRanks(year, false).map((r) => r !== null && r <= n)
  );
  const out: number[] = [];
  for (let c = 0; c < counties; c++) {
    let k = 0;
    for (let y = scores.length - 1; y >= 0 && inBottom[y][c]; y--) k++;
    out.push(k);
  }
  return out;
}

/** 第23条's consequences by streak: 2 years → interview (约谈), 3 years → reassignment (岗位调整). */
export function accountability(streak: number, n = 3): string {
  if (streak >= 3) return `连续${streak}年后${n}名：岗位调整（在岗超过两年者）并规定约束性使用方向`;
  if (streak === 2) return `连续2年后${n}名：约谈（在岗超一年者）`;
  return "";
}
