/**
 * The lists an office keeps itself and the review reads before it runs: the blacklist
 * (34号（十八）), the management-fee share (（十）) and the loan benchmark rate (（十二）1). In a
 * workbook they are sheets with fixed names (never reviewed themselves); for the command line,
 * the same sheets in a workbook given with --lists. They are plain data (strings and numbers) so
 * they cross to the command line's worker threads unchanged.
 */
import { bi, Bilingual } from "../i18n";
import { parseAmountIn, Decimal } from "../money";
import { parseDate, yearOf } from "../dates";
import { BLACKLIST_SHEET, BlacklistEntry, parseBlacklist } from "../rules/blacklist";
import { MANAGEMENT_FEE_SHEET } from "../rules/management-fee";
import { BENCHMARK_SHEET, TermBand, parseTermBand } from "../rules/interest";
import { isBlankCell, readOfficeTable } from "../rules/office-table";
import { TARGETS_SHEET, TargetKey } from "../rules/integration-targets";
import {
  ADJUSTMENT_SHEET,
  AdjustmentEntry,
  PLAN_SHEET,
  adjustmentKindOf,
} from "../rules/adjustment";

export interface FeeShare {
  row: number;
  year: number | null;
  /** The share as a fraction, decimal text ("0.01"). */
  share: string;
  /** The year's total special funds in 元, decimal text, when the office states it. */
  totalYuan: string | null;
}

export interface BenchmarkRate {
  row: number;
  /** First day the rate applies (serial). */
  from: number;
  /** As a fraction, decimal text ("0.0435"). */
  rate: string;
  /** The loan-term band the rate is for (贷款期限 column), or null when the table has no bands. */
  term?: TermBand | null;
}

export interface OfficeLists {
  blacklist?: BlacklistEntry[];
  feeShares?: FeeShare[];
  benchmarks?: BenchmarkRate[];
  /** The office's own integration figures in 元 (decimal text), replacing Zigui's (ZG2015 pack). */
  targets?: Partial<Record<TargetKey, string>>;
  /**
   * The pooling plan's projects (年度统筹整合资金方案) and the adjustment log (项目调整备案表), for
   * the ADJUST pack (34号（七）). These are filing sheets, checked for completeness by the filing
   * check: an unreadable cell here is not a stop — an amount that cannot be read is null (that
   * project is not compared), a date that cannot be read counts as not given.
   */
  plan?: PlanRow[];
  adjustments?: AdjustmentEntry[];
}

export interface PlanRow {
  row: number;
  project: string;
  /** 元, decimal text; null when blank or unreadable. */
  amountYuan: string | null;
  /** The plan's 年度 on this row, when readable. */
  year?: number | null;
}

export interface OfficeListProblem {
  sheet: string;
  row: number;
  message: Bilingual;
}

/** The fixed sheet names, in the order the template writes them. */
export const OFFICE_SHEETS = [
  BLACKLIST_SHEET,
  MANAGEMENT_FEE_SHEET,
  BENCHMARK_SHEET,
  TARGETS_SHEET,
] as const;

/** Filing sheets the review also reads before it runs (the ADJUST pack's plan and log). */
export const REFERENCE_SHEETS = [PLAN_SHEET, ADJUSTMENT_SHEET] as const;

export function isOfficeSheet(name: string): boolean {
  const n = name.trim();
  return (
    (OFFICE_SHEETS as readonly string[]).includes(n) ||
    (REFERENCE_SHEETS as readonly string[]).includes(n)
  );
}

/** 1 / "1%" / 0.01 → a fraction. Bare numbers of 1 or more are read as percentages. */
export function parsePercent(v: unknown): Decimal | null {
  let d: Decimal | null = null;
  if (typeof v === "number" && Number.isFinite(v)) {
    d = new Decimal(Number(v.toPrecision(15)).toString());
    if (d.greaterThanOrEqualTo(1)) d = d.dividedBy(100);
  } else if (typeof v === "string") {
    const m = /^\s*([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*([%％])?\s*$/.exec(
      v.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    );
    if (m) {
      d = new Decimal(m[1]);
      if (m[2] || d.greaterThanOrEqualTo(1)) d = d.dividedBy(100);
    }
  }
  return d && !d.isNegative() && d.lessThanOrEqualTo(1) ? d : null;
}

function readFeeShares(values: unknown[][], problems: OfficeListProblem[]): FeeShare[] {
  const t = readOfficeTable(
    values,
    [
      { key: "year", headers: ["年度", "年份"], required: false },
      { key: "share", headers: ["提取比例", "管理费比例", "比例"], required: true },
      { key: "total", headers: ["资金总额", "专项扶贫资金总额", "当年资金总额"], required: false },
    ],
    bi(MANAGEMENT_FEE_SHEET, "management-fee share")
  );
  for (const p of t.problems) problems.push({ sheet: MANAGEMENT_FEE_SHEET, ...p });
  const out: FeeShare[] = [];
  for (const r of t.rows) {
    const share = parsePercent(r.cells.share);
    if (!share) {
      problems.push({
        sheet: MANAGEMENT_FEE_SHEET,
        row: r.row,
        message: bi(
          `提取比例「${String(r.cells.share ?? "")}」无法识别（如 1% 或 0.01）`,
          `share "${String(r.cells.share ?? "")}" is not readable (e.g. 1% or 0.01)`
        ),
      });
      continue;
    }
    let year: number | null = null;
    if (!isBlankCell(r.cells.year)) {
      const y = Number(String(r.cells.year).replace(/年度?$/, ""));
      if (!Number.isInteger(y) || y < 1990 || y > 2100) {
        problems.push({
          sheet: MANAGEMENT_FEE_SHEET,
          row: r.row,
          message: bi(
            `年度「${String(r.cells.year)}」无效`,
            `year "${String(r.cells.year)}" is not valid`
          ),
        });
        continue;
      }
      year = y;
    }
    let totalYuan: string | null = null;
    if (!isBlankCell(r.cells.total)) {
      // The column is headed （万元）: plain numbers are 万元.
      const a = parseAmountIn(r.cells.total, "元", "万元");
      if (!a.ok) {
        problems.push({
          sheet: MANAGEMENT_FEE_SHEET,
          row: r.row,
          message: bi(`资金总额：${a.message.zh}`, `total: ${a.message.en}`),
        });
        continue;
      }
      totalYuan = a.value.toString();
    }
    out.push({ row: r.row, year, share: share.toString(), totalYuan });
  }
  return out;
}

/** A benchmark table on its own (FUND.INTEREST's range): its rows and the rows that cannot be read. */
export function readBenchmarkTable(values: unknown[][]): {
  rates: BenchmarkRate[];
  problems: OfficeListProblem[];
} {
  const problems: OfficeListProblem[] = [];
  const rates = readBenchmarks(values, problems);
  return { rates, problems };
}

function readBenchmarks(values: unknown[][], problems: OfficeListProblem[]): BenchmarkRate[] {
  const t = readOfficeTable(
    values,
    [
      { key: "from", headers: ["起始日期", "执行日期", "生效日期", "调整日期"], required: true },
      { key: "rate", headers: ["基准利率", "贷款基准利率", "年利率", "利率"], required: true },
      { key: "term", headers: ["贷款期限", "期限", "期限档次", "贷款期限档次"], required: false },
    ],
    bi(BENCHMARK_SHEET, "benchmark rate")
  );
  for (const p of t.problems) problems.push({ sheet: BENCHMARK_SHEET, ...p });
  const out: BenchmarkRate[] = [];
  for (const r of t.rows) {
    const d = parseDate(r.cells.from);
    const rate = parsePercent(r.cells.rate);
    if (!d.ok || !rate) {
      problems.push({
        sheet: BENCHMARK_SHEET,
        row: r.row,
        message: !d.ok
          ? bi(`起始日期：${d.message.zh}`, `start date: ${d.message.en}`)
          : bi(
              `基准利率「${String(r.cells.rate ?? "")}」无法识别（如 4.35%）`,
              `rate "${String(r.cells.rate ?? "")}" is not readable (e.g. 4.35%)`
            ),
      });
      continue;
    }
    let term: TermBand | null = null;
    if (!isBlankCell(r.cells.term)) {
      term = parseTermBand(String(r.cells.term));
      if (!term) {
        problems.push({
          sheet: BENCHMARK_SHEET,
          row: r.row,
          message: bi(
            `贷款期限「${String(r.cells.term)}」无法识别（如 一年以内（含一年）、一至五年（含五年）、五年以上）`,
            `loan term "${String(r.cells.term)}" is not readable (e.g. 一年以内（含一年）, 一至五年（含五年）, 五年以上)`
          ),
        });
        continue;
      }
    }
    out.push({ row: r.row, from: d.serial, rate: rate.toString(), term });
  }
  // One table per start date: all rows banded by term, or a single rate.
  const byDay = new Map<number, BenchmarkRate[]>();
  for (const b of out) byDay.set(b.from, [...(byDay.get(b.from) ?? []), b]);
  for (const rows of byDay.values())
    if (rows.some((b) => b.term) && rows.some((b) => !b.term))
      problems.push({
        sheet: BENCHMARK_SHEET,
        row: rows.find((b) => !b.term)!.row,
        message: bi(
          "同一起始日期的利率有的分期限档次、有的不分，请为每一行填写贷款期限",
          "rates of one start date are partly banded by term: give every row its loan term"
        ),
      });
  return out.sort((a, b) => a.from - b.from || a.row - b.row);
}

const TARGET_NAMES: Record<string, TargetKey> = {
  每村整合资金: "village",
  每村: "village",
  村: "village",
  扶贫: "扶贫",
  扶贫部门: "扶贫",
  发改: "发改",
  发改部门: "发改",
  财政: "财政",
  财政部门: "财政",
  行业: "行业",
  行业部门: "行业",
};

function readTargets(values: unknown[][], problems: OfficeListProblem[]) {
  const t = readOfficeTable(
    values,
    [
      { key: "what", headers: ["指标", "项目", "部门"], required: true },
      { key: "min", headers: ["下限", "目标", "不低于"], required: true },
    ],
    bi(TARGETS_SHEET, "integration targets")
  );
  for (const p of t.problems) problems.push({ sheet: TARGETS_SHEET, ...p });
  const out: Partial<Record<TargetKey, string>> = {};
  for (const r of t.rows) {
    const key = TARGET_NAMES[String(r.cells.what ?? "").trim()];
    const a = parseAmountIn(r.cells.min, "元", "万元");
    if (!key || !a.ok) {
      problems.push({
        sheet: TARGETS_SHEET,
        row: r.row,
        message: !key
          ? bi(
              `指标「${String(r.cells.what ?? "")}」无法识别（每村整合资金、扶贫、发改、财政、行业部门）`,
              `unknown target "${String(r.cells.what ?? "")}"`
            )
          : bi(`下限：${a.ok ? "" : a.message.zh}`, `minimum: ${a.ok ? "" : a.message.en}`),
      });
      continue;
    }
    out[key] = a.value.toString();
  }
  return out;
}

/** 2026 / "2026年" / "2026年度" → 2026; anything else → null. */
export function yearIn(v: unknown): number | null {
  const m = /^\s*((?:19|20|21)\d\d)\s*(?:年度?)?\s*$/.exec(String(v ?? ""));
  return m ? Number(m[1]) : null;
}

function readPlan(values: unknown[][]): PlanRow[] {
  const t = readOfficeTable(
    values,
    [
      { key: "project", headers: ["项目名称"], required: true },
      { key: "amount", headers: ["资金额度", "资金规模", "计划金额"], required: true },
      { key: "year", headers: ["年度"], required: false },
    ],
    bi(PLAN_SHEET, "pooling plan")
  );
  const out: PlanRow[] = [];
  for (const r of t.rows) {
    const project = String(r.cells.project ?? "").trim();
    if (!project) continue;
    // The column is headed （万元）: plain numbers are 万元.
    const a = isBlankCell(r.cells.amount) ? null : parseAmountIn(r.cells.amount, "元", "万元");
    out.push({
      row: r.row,
      project,
      amountYuan: a && a.ok ? a.value.toString() : null,
      year: yearIn(r.cells.year),
    });
  }
  return out;
}

function readAdjustments(values: unknown[][]): AdjustmentEntry[] {
  const t = readOfficeTable(
    values,
    [
      { key: "project", headers: ["项目名称"], required: true },
      { key: "type", headers: ["调整类型"], required: false },
      { key: "approved", headers: ["批准日期"], required: true },
      { key: "docNumber", headers: ["批准文号"], required: false },
      { key: "filed", headers: ["备案日期"], required: false },
    ],
    bi(ADJUSTMENT_SHEET, "adjustment log")
  );
  const day = (v: unknown): number | null => {
    if (isBlankCell(v)) return null;
    const d = parseDate(v);
    return d.ok ? d.serial : null;
  };
  const out: AdjustmentEntry[] = [];
  for (const r of t.rows) {
    const project = String(r.cells.project ?? "").trim();
    if (!project) continue;
    out.push({
      row: r.row,
      project,
      kind: adjustmentKindOf(String(r.cells.type ?? "")),
      approved: day(r.cells.approved),
      docNumber: String(r.cells.docNumber ?? "").trim(),
      filed: day(r.cells.filed),
    });
  }
  return out;
}

/**
 * The office's lists from the sheets that carry the fixed names (others are ignored). A list
 * with any bad row is reported row by row; a half-read list would review silently wrong.
 */
export function readOfficeLists(sheets: readonly { name: string; values: unknown[][] }[]): {
  lists: OfficeLists;
  problems: OfficeListProblem[];
} {
  const lists: OfficeLists = {};
  const problems: OfficeListProblem[] = [];
  for (const s of sheets) {
    const name = s.name.trim();
    if (name === BLACKLIST_SHEET) {
      const b = parseBlacklist(s.values);
      for (const p of b.problems) problems.push({ sheet: BLACKLIST_SHEET, ...p });
      lists.blacklist = b.entries;
    } else if (name === MANAGEMENT_FEE_SHEET) lists.feeShares = readFeeShares(s.values, problems);
    else if (name === BENCHMARK_SHEET) lists.benchmarks = readBenchmarks(s.values, problems);
    else if (name === TARGETS_SHEET) lists.targets = readTargets(s.values, problems);
    else if (name === PLAN_SHEET) lists.plan = readPlan(s.values);
    else if (name === ADJUSTMENT_SHEET) lists.adjustments = readAdjustments(s.values);
  }
  return { lists, problems };
}

/** The share that applies in the review year: that year's row, else a row without a year. */
export function feeShareFor(
  shares: readonly FeeShare[] | undefined,
  asOf: number
): FeeShare | null {
  if (!shares?.length) return null;
  const y = yearOf(asOf);
  return shares.find((s) => s.year === y) ?? shares.find((s) => s.year === null) ?? null;
}

/** The benchmark in force on a day: the latest row starting on or before it. */
export function benchmarkOn(
  rates: readonly BenchmarkRate[] | undefined,
  day: number
): BenchmarkRate | null {
  let best: BenchmarkRate | null = null;
  for (const r of rates ?? []) if (r.from <= day) best = r;
  return best;
}

/** The benchmark table in force on a day: every row of the latest start date on or before it. */
export function benchmarksOn(
  rates: readonly BenchmarkRate[] | undefined,
  day: number
): BenchmarkRate[] {
  const best = benchmarkOn(rates, day);
  return best ? (rates ?? []).filter((r) => r.from === best.from) : [];
}

/**
 * The lists a review could not use: sheets that are absent, and a fee-share or benchmark sheet
 * with no rows (an empty blacklist is a real answer — nobody is listed — so it is not missing).
 */
export function missingLists(lists: OfficeLists): string[] {
  // 整合目标 is optional: without it the ZG2015 pack uses the figures the county reported.
  const out: string[] = [];
  if (!lists.blacklist) out.push(BLACKLIST_SHEET);
  if (!lists.feeShares?.length) out.push(MANAGEMENT_FEE_SHEET);
  if (!lists.benchmarks?.length) out.push(BENCHMARK_SHEET);
  return out;
}

/** Problems as one message (first few rows), for a pane notice or a command-line error. */
export function describeProblems(problems: readonly OfficeListProblem[]): Bilingual {
  const few = problems.slice(0, 5);
  return bi(
    `本单位清单有无法读取的行，请先改正：${few.map((p) => `「${p.sheet}」${p.row ? `第 ${p.row} 行 ` : ""}${p.message.zh}`).join("；")}`,
    `the office's lists have rows that cannot be read; fix them first: ${few.map((p) => `"${p.sheet}" ${p.row ? `row ${p.row} ` : ""}${p.message.en}`).join("; ")}`
  );
}
