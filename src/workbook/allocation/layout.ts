/**
 * The result sheet, laid out as plain data (no Office here): blocks of text, numbers and
 * formulas at given positions, the table's and the chart's ranges. The Office writer and the
 * in-memory workbook both consume it, so what the pane writes is tested without Excel.
 *
 *   row 1  title
 *   row 2  资金总额 | pool | 取整单位 | unit | 已分配 | distributed | 留存扣减 | retained
 *   row 3  notes: warnings and the clauses followed
 *   row 5  table header: 县 | 分配金额 | 因素份额 | <factor> 贡献… | 保底 | 结转扣减 | 再分配 | 舍入调整
 *   row 6… one row per recipient; 贡献 + 保底 + 结转扣减 (negative) + 再分配 + 舍入调整 = 分配金额
 *   beside the table (optional): the live =FUND.ALLOCATE(...) block with its inputs.
 */
import type { AllocationResult, Direction } from "../../core/allocation";
import { citationLabel } from "../../core/rules/citation";
import type { Decimal } from "../../core/money";
import { a1, sheetRef } from "../../core/a1";

export type CellValue = string | number;

export interface Block {
  /** 0-based sheet row and column of the top-left cell. */
  row: number;
  col: number;
  kind: "text" | "number" | "formula";
  values: CellValue[][];
  /** Number format per column (numbers only); text blocks are formatted "@" so they stay text. */
  formats?: string[];
}

export interface ResultSheetLayout {
  sheetBaseName: string;
  blocks: Block[];
  /** 0-based rows/cols of the table (header included). */
  table: { row: number; col: number; rows: number; cols: number };
  /** The chart's source: names and amounts, header included; null when no chart. */
  chart: { row: number; col: number; rows: number; cols: number; title: string } | null;
  formulas: boolean;
  columnWidths: number[];
}

export interface FormulaSource {
  sheet: string;
  /** 0-based sheet row of each recipient, and sheet column of each factor. */
  rows: number[];
  factorColumns: number[];
}

export interface LayoutRequest {
  names: string[];
  factorNames: string[];
  result: AllocationResult;
  chart: boolean;
  /** Live formulas need the inputs FUND.ALLOCATE takes (no caps, no carry-over). */
  formulas?: {
    source: FormulaSource;
    weights: Decimal[];
    directions: Direction[];
    minimums?: (Decimal | null)[];
    coefficients?: (Decimal | null)[];
  };
}

export const RESULT_SHEET = "分配结果";
const HEADER_ROW = 4;

export { a1, sheetRef } from "../../core/a1";

/** "#,##0.00" for a 0.01 unit, "#,##0" for 1 元 or coarser. */
export function moneyFormat(unit: Decimal): string {
  const dp = unit.decimalPlaces();
  return dp > 0 ? `#,##0.${"0".repeat(dp)}` : "#,##0";
}

/** The table's header row: county, amount, share, one contribution per factor, the adjustments. */
function tableHeader(factorNames: string[]): string[] {
  return [
    "县（单位） County",
    "分配金额 Amount",
    "因素份额 Share",
    ...factorNames.map((f) => `${f} 贡献 Contribution`),
    "保底 Minimum",
    "结转扣减 Deduction",
    "再分配 Redistributed",
    "舍入调整 Rounding",
  ];
}

export function buildLayout(req: LayoutRequest): ResultSheetLayout {
  const n = req.names.length;
  const m = req.factorNames.length;
  const money = moneyFormat(req.result.unit);
  const header = tableHeader(req.factorNames);
  const cols = header.length;
  const blocks: Block[] = [
    ...headerBlocks(req.result, money),
    ...tableBlocks(req, header, money),
    ...(req.formulas ? formulaBlocks(req, req.formulas, cols + 1, money) : []),
  ];
  return {
    sheetBaseName: RESULT_SHEET,
    blocks,
    table: { row: HEADER_ROW, col: 0, rows: n + 1, cols },
    chart: req.chart
      ? { row: HEADER_ROW, col: 0, rows: n + 1, cols: 2, title: "分配金额 Amount by county" }
      : null,
    formulas: !!req.formulas,
    columnWidths: [18, 16, 12, ...new Array(m + 4).fill(16)],
  };
}

/** Rows 1–3: the title, the pool / unit / distributed / retained pairs, the notes and clauses. */
function headerBlocks(r: AllocationResult, money: string): Block[] {
  const blocks: Block[] = [
    { row: 0, col: 0, kind: "text", values: [["因素法分配结果 Factor-method allocation"]] },
  ];
  const summary: [string, Decimal][] = [
    ["资金总额 Pool", r.pool],
    ["取整单位 Unit", r.unit],
    ["已分配 Distributed", r.distributed],
    ["扣减留存 Retained", r.retained],
  ];
  summary.forEach(([label, value], k) => {
    blocks.push({ row: 1, col: 2 * k, kind: "text", values: [[label]] });
    blocks.push({
      row: 1,
      col: 2 * k + 1,
      kind: "number",
      values: [[value.toNumber()]],
      formats: [k === 1 ? "General" : money],
    });
  });
  const notes = [
    ...r.warnings.map((w) => `${w.message.zh} (${w.message.en})`),
    `依据 Basis: ${r.citations.map(citationLabel).join("；")}`,
  ];
  blocks.push({ row: 2, col: 0, kind: "text", values: [[notes.join(" ")]] });
  return blocks;
}

/** The table: its header row, the recipients' names, and one row of numbers per recipient. */
function tableBlocks(req: LayoutRequest, header: string[], money: string): Block[] {
  const r = req.result;
  const m = req.factorNames.length;
  const numbers: CellValue[][] = r.amounts.map((a, i) => [
    a.toNumber(),
    r.shares[i].toNumber(),
    ...r.contributions[i].map((c) => c.toNumber()),
    r.minimums[i].toNumber(),
    r.deductions[i].negated().toNumber(),
    r.redistributed[i].toNumber(),
    r.rounding[i].toNumber(),
  ]);
  return [
    { row: HEADER_ROW, col: 0, kind: "text", values: [header] },
    { row: HEADER_ROW + 1, col: 0, kind: "text", values: req.names.map((x) => [x]) },
    {
      row: HEADER_ROW + 1,
      col: 1,
      kind: "number",
      values: numbers,
      formats: [money, "0.0000%", ...new Array(m + 4).fill(money)],
    },
  ];
}

/**
 * The live =FUND.ALLOCATE block beside the table, from column c0 (one empty column after it):
 * its weights and directions (rows 3–4), its header, the factor cells referring to the source
 * table, the minimum and coefficient columns when the plan has them, and the formula itself.
 */
function formulaBlocks(
  req: LayoutRequest,
  f: NonNullable<LayoutRequest["formulas"]>,
  c0: number,
  money: string
): Block[] {
  const m = req.factorNames.length;
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + req.names.length;
  const blocks: Block[] = [
    ...formulaInputs(f, c0, m),
    {
      row: HEADER_ROW,
      col: c0,
      kind: "text",
      values: [
        [
          "公式复核 =FUND.ALLOCATE",
          ...req.factorNames,
          ...(f.minimums ? ["保底 Minimum"] : []),
          ...(f.coefficients ? ["系数 Coefficient"] : []),
        ],
      ],
    },
  ];
  // Factor cells refer to the source table, so the formula follows edits there.
  const src = sheetRef(f.source.sheet);
  blocks.push({
    row: first,
    col: c0 + 1,
    kind: "formula",
    values: f.source.rows.map((sr) => f.source.factorColumns.map((sc) => `=${src}!${a1(sr, sc)}`)),
  });
  let next = c0 + 1 + m;
  const range = (col: number) => `${a1(first, col, true)}:${a1(last, col, true)}`;
  let minArg = "";
  let coefArg = "";
  if (f.minimums) {
    blocks.push({
      row: first,
      col: next,
      kind: "number",
      values: f.minimums.map((x) => [x ? x.toNumber() : 0]),
      formats: [money],
    });
    minArg = range(next);
    next++;
  }
  if (f.coefficients) {
    blocks.push({
      row: first,
      col: next,
      kind: "number",
      values: f.coefficients.map((x) => [x ? x.toNumber() : 1]),
      formats: ["General"],
    });
    coefArg = range(next);
    next++;
  }
  blocks.push({
    row: first,
    col: c0,
    kind: "formula",
    values: [[allocateFormula(c0, m, first, last, minArg, coefArg)]],
  });
  return blocks;
}

/** The formula's weights (row 3) and directions (row 4), labelled in column c0. */
function formulaInputs(f: NonNullable<LayoutRequest["formulas"]>, c0: number, m: number): Block[] {
  return [
    { row: 2, col: c0, kind: "text", values: [["权重 Weights"]] },
    { row: 3, col: c0, kind: "text", values: [["方向 Directions"]] },
    {
      row: 2,
      col: c0 + 1,
      kind: "number",
      values: [f.weights.map((w) => w.toNumber())],
      formats: new Array(m).fill("General"),
    },
    { row: 3, col: c0 + 1, kind: "text", values: [f.directions.map((d) => d)] },
  ];
}

/** =FUND.ALLOCATE(pool, factors, weights, directions, unit[, minimums[, coefficients]]). */
function allocateFormula(
  c0: number,
  m: number,
  first: number,
  last: number,
  minArg: string,
  coefArg: string
): string {
  const factorsArg = `${a1(first, c0 + 1, true)}:${a1(last, c0 + m, true)}`;
  const weightsArg = `${a1(2, c0 + 1, true)}:${a1(2, c0 + m, true)}`;
  const dirsArg = `${a1(3, c0 + 1, true)}:${a1(3, c0 + m, true)}`;
  const args = [a1(1, 1, true), factorsArg, weightsArg, dirsArg, a1(1, 3, true), minArg, coefArg];
  while (args[args.length - 1] === "") args.pop();
  return `=FUND.ALLOCATE(${args.join(",")})`;
}
