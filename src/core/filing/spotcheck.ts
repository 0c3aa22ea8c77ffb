/**
 * The spot-check list of 34号 第（十六）条1: 抽查面不低于全区贫困县总数的60%和单项补助50万元以上
 * 项目总数的30%. "以上" includes the bound (民法典 第一千二百五十九条), so a 50万元 project is in
 * the pool; counts are rounded up. Both draws use the seeded sampler of ./sample, so anyone
 * with the same lists and seed gets the same names.
 */
import { bi, Bilingual } from "../i18n";
import { Decimal, parseAmountIn } from "../money";
import { toHalfWidth } from "../text";
import { drawSample, sampleSize, seedText } from "./sample";

export interface SpotCheckProject {
  name: string;
  county: string;
  /** As written: a number in 万元, or text like "80万" / "800000元". */
  amount: unknown;
}

export interface SpotCheckParams {
  counties: readonly string[];
  projects: readonly SpotCheckProject[];
  seed: number | string;
  /** Default 0.6 (不低于 60 %). */
  countyFraction?: Decimal.Value;
  /** Default 0.3 (不低于 30 %). */
  projectFraction?: Decimal.Value;
  /** In 万元, inclusive; default 50 (单项补助50万元以上). */
  threshold?: Decimal.Value;
}

export interface SpotCheckResult {
  /** Rows in the order of the 抽查名单 fields: 抽查类型, 县, 项目名称, 金额（万元）, …, 抽查结果. */
  rows: unknown[][];
  counties: { total: number; drawn: number };
  projects: { total: number; eligible: number; drawn: number };
  /** Projects whose amount could not be read (they are not guessed into or out of the pool). */
  problems: Bilingual[];
  /** One line for the sheet's subtitle: seed, populations and draws. */
  note: string;
}

export const DEFAULT_COUNTY_FRACTION = "0.6";
export const DEFAULT_PROJECT_FRACTION = "0.3";
export const DEFAULT_THRESHOLD_WAN = "50";

export function buildSpotCheck(p: SpotCheckParams): SpotCheckResult {
  const cf = new Decimal(p.countyFraction ?? DEFAULT_COUNTY_FRACTION);
  const pf = new Decimal(p.projectFraction ?? DEFAULT_PROJECT_FRACTION);
  const threshold = new Decimal(p.threshold ?? DEFAULT_THRESHOLD_WAN);
  const counties = p.counties.map((c) => c.trim()).filter((c) => c !== "");
  const problems: Bilingual[] = [];
  const eligible: { project: SpotCheckProject; wan: Decimal }[] = [];
  p.projects.forEach((project, i) => {
    const a = parseAmountIn(project.amount, "万元");
    if (!a.ok) {
      problems.push(
        bi(
          `第 ${i + 1} 个项目「${project.name}」的金额无法识别：${a.message.zh}`,
          `project ${i + 1} "${project.name}": ${a.message.en}`
        )
      );
      return;
    }
    if (a.value.greaterThanOrEqualTo(threshold)) eligible.push({ project, wan: a.value });
  });
  const rows: unknown[][] = [];
  const countyDraw = drawSample(counties, cf, p.seed);
  for (const i of countyDraw) rows.push(["贫困县", counties[i], "", "", "", "", "待抽查", ""]);
  // Projects are scored by county and name together: the same name in two counties is two projects.
  const projectDraw = drawSample(
    eligible.map((e) => `${e.project.county.trim()}\u001e${e.project.name.trim()}`),
    pf,
    p.seed
  );
  for (const i of projectDraw) {
    const e = eligible[i];
    rows.push([
      "项目",
      e.project.county.trim(),
      e.project.name.trim(),
      e.wan,
      "",
      "",
      "待抽查",
      "",
    ]);
  }
  const pct = (d: Decimal) => `${d.times(100).toString()}%`;
  const note =
    `随机种子 ${seedText(p.seed)}；贫困县 ${counties.length} 个抽 ${countyDraw.length} 个（不低于${pct(cf)}）；` +
    `单项补助${threshold.toString()}万元以上项目 ${eligible.length} 个抽 ${projectDraw.length} 个（不低于${pct(pf)}）`;
  return {
    rows,
    counties: { total: counties.length, drawn: countyDraw.length },
    projects: { total: p.projects.length, eligible: eligible.length, drawn: projectDraw.length },
    problems,
    note,
  };
}

/** The counts 34号 （十六）1 asks for, without drawing: ceil(60 % × counties), ceil(30 % × projects). */
export function spotCheckFloors(counties: number, eligibleProjects: number) {
  return {
    counties: sampleSize(DEFAULT_COUNTY_FRACTION, counties),
    projects: sampleSize(DEFAULT_PROJECT_FRACTION, eligibleProjects),
  };
}

/**
 * Lines pasted from Excel (tab-separated) or typed (comma-separated) → cells. Blank lines are
 * dropped.
 */
export function parsePastedLines(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) =>
      (l.includes("\t") ? l.split("\t") : toHalfWidth(l).split(",")).map((c) => c.trim())
    );
}

/** Pasted project lines: 项目名称 ⇥ 县 ⇥ 金额（万元）. A header line (no readable amount, first line) is skipped. */
export function parseProjectLines(text: string): SpotCheckProject[] {
  const lines = parsePastedLines(text);
  if (
    lines.length > 0 &&
    /项目|名称|project/i.test(lines[0][0] ?? "") &&
    !parseAmountIn(lines[0][2], "万元").ok
  )
    lines.shift();
  return lines.map((c) => ({ name: c[0] ?? "", county: c[1] ?? "", amount: c[2] ?? "" }));
}

export function parseCountyLines(text: string): string[] {
  return parsePastedLines(text)
    .map((c) => c[0])
    .filter((c) => c !== "");
}
