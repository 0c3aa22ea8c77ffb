/**
 * Every FUND function's per-call cost against the formula it replaces, recomputed by
 * HyperFormula, in the same run (`npm run bench -- functions`).
 *
 * Three figures per function:
 * - ours: the function called as Excel's runtime calls it (scalars, ranges as any[][]), once per
 *   cell, median of 5 passes after a warm-up pass — through the wrapper the start-up script
 *   associates (src/functions/startup.ts), its code loaded; the wrapper's own cost is printed
 *   first (wrapped ÷ direct, same run);
 * - formula: HyperFormula recomputing the same column written with built-in functions
 *   (WORKDAY, NETWORKDAYS, EDATE, SEARCH…). Every cell references one parameter cell; the
 *   time is the recalculation after that cell changes (setCellContents), median of 5;
 * - hosted: the FUND function itself registered in HyperFormula through a FunctionPlugin and
 *   recomputed the same way — same engine, same recalculation, so the engine's own per-cell
 *   cost is in both.
 * Ratios: formula ÷ ours (target ≥ 5×) and formula ÷ hosted. Answers are compared where the
 * formula is an equivalent (the holiday list is the official one, so WORKDAY agrees except
 * where make-up working weekends count — counted and printed).
 * HyperFormula is GPL-3.0: a devDependency used here only, never bundled.
 */
import "../test/setup/custom-functions";
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  RawCellContent,
  SimpleRangeValue,
} from "hyperformula";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { ProcedureAst } from "hyperformula/typings/parser";
import data from "chinese-days/dist/chinese-days.json";
import * as direct from "../src/functions/functions";
import { lazyFunctions } from "../src/functions/lazy";
import { parseIsoDate, serialFromYmd } from "../src/core/dates";
import { median, mulberry32 } from "./util";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ALLOC_ROWS = 3_000;
const PASSES = 5;
const ENGINE_PASSES = 3;

type Fn = (...args: unknown[]) => unknown;

/** The functions as Excel calls them: the start-up script's wrappers (loaded in run()). */
const lazy = lazyFunctions(() => Promise.resolve(direct));
const fund = Object.fromEntries(
  Object.keys(direct).map((name) => [name, lazy.wrapper(name)])
) as unknown as typeof direct;

// ── FUND functions inside HyperFormula ───────────────────────────────────────

/** HyperFormula's values → what Excel's runtime passes (ranges as any[][], blanks as null). */
function toExcelArg(v: unknown): unknown {
  if (v instanceof SimpleRangeValue)
    return v.rawData().map((row) => row.map((c) => (typeof c === "symbol" ? null : c)));
  if (typeof v === "symbol") return null;
  return v;
}

/** Our result → a HyperFormula value (a CustomFunctions.Error becomes a CellError with its message). */
function toCellValue(v: unknown): unknown {
  if (v !== null && typeof v === "object" && "code" in v) {
    const e = v as { code: string; message?: string };
    return new CellError(e.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, e.message);
  }
  return v;
}

const HOSTED: Record<string, { fn: Fn; params: number; required: number }> = {
  "FUND.ISWORKDAY": { fn: fund.isWorkday as Fn, params: 3, required: 1 },
  "FUND.WORKDAY": { fn: fund.workday as Fn, params: 4, required: 2 },
  "FUND.NETWORKDAYS": { fn: fund.networkdays as Fn, params: 4, required: 2 },
  "FUND.DEADLINE": { fn: fund.deadline as Fn, params: 5, required: 2 },
  "FUND.DAYSLATE": { fn: fund.daysLate as Fn, params: 7, required: 2 },
  "FUND.AMOUNT": { fn: fund.amount as Fn, params: 2, required: 1 },
  "FUND.PROHIBITED": { fn: fund.prohibited as Fn, params: 4, required: 1 },
  "FUND.DAXIE": { fn: fund.daxie as Fn, params: 2, required: 1 },
  "FUND.CARRYOVER": { fn: fund.carryoverDeduction as Fn, params: 3, required: 2 },
};

class FundPlugin extends FunctionPlugin {
  static implementedFunctions = Object.fromEntries(
    Object.entries(HOSTED).map(([id, h], k) => [
      id,
      {
        method: `fund${k}`,
        parameters: Array.from({ length: h.params }, (_, i) => ({
          argumentType: FunctionArgumentType.ANY,
          optionalArg: i >= h.required,
        })),
      },
    ])
  );
}
Object.keys(HOSTED).forEach((id, k) => {
  (FundPlugin.prototype as unknown as Record<string, unknown>)[`fund${k}`] = function (
    this: FunctionPlugin,
    ast: ProcedureAst,
    state: InterpreterState
  ) {
    return this.runFunction(ast.args, state, this.metadata(id), (...args: any[]): any =>
      toCellValue(HOSTED[id].fn(...args.map(toExcelArg)))
    );
  };
});
HyperFormula.registerFunctionPlugin(FundPlugin, {
  enGB: Object.fromEntries(Object.keys(HOSTED).map((id) => [id, id])),
});

// ── timing ───────────────────────────────────────────────────────────────────

function msSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Median ms of calling `cell(i)` for every row. */
function timeOurs(rows: number, cell: (i: number) => unknown, out: unknown[]): number {
  for (let i = 0; i < rows; i++) out[i] = cell(i);
  const runs: number[] = [];
  for (let p = 0; p < PASSES; p++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < rows; i++) out[i] = cell(i);
    runs.push(msSince(t0));
  }
  return median(runs);
}

/**
 * HyperFormula: a Data sheet (inputs in A…, the formula in the next column) plus Holidays,
 * Terms and Params sheets; every formula references Params!$A$1 (a value it ignores or uses),
 * whose change makes the engine recompute the whole column. Median ms of that recalculation.
 */
function timeEngine(
  inputs: RawCellContent[][],
  formula: (r: number) => string,
  params: [RawCellContent, RawCellContent] = [0, null],
  extra: Record<string, RawCellContent[][]>
): { ms: number; values: unknown[] } {
  const width = inputs[0].length;
  const sheet = inputs.map((row, i) => [...row, formula(i + 1)]);
  const hf = HyperFormula.buildFromSheets(
    { Data: sheet, Params: [[params[0]]], ...extra },
    { licenseKey: "gpl-v3", maxRows: 1_100_000 }
  );
  const data = hf.getSheetId("Data")!;
  const p = hf.getSheetId("Params")!;
  const runs: number[] = [];
  for (let k = 0; k < ENGINE_PASSES + 1; k++) {
    const t0 = process.hrtime.bigint();
    hf.setCellContents({ sheet: p, row: 0, col: 0 }, [[params[(k + 1) % 2]]]);
    if (k > 0) runs.push(msSince(t0));
  }
  // An even number of changes: the values of params[0] again.
  hf.setCellContents({ sheet: p, row: 0, col: 0 }, [[params[0]]]);
  const values = hf.getSheetValues(data).map((row) => row[width]);
  hf.destroy();
  return { ms: median(runs), values };
}

interface Line {
  name: string;
  rows: number;
  ours: number;
  formula?: { label: string; ms: number };
  hosted?: number;
  note?: string;
}

function report(l: Line): void {
  const us = (msTotal: number) => ((msTotal * 1000) / l.rows).toFixed(3);
  const parts = [`  ${l.name}: ours ${us(l.ours)} µs/cell`];
  if (l.hosted !== undefined) parts.push(`hosted in HyperFormula ${us(l.hosted)} µs/cell`);
  if (l.formula) {
    parts.push(`formula ${l.formula.label} ${us(l.formula.ms)} µs/cell`);
    const r = l.formula.ms / l.ours;
    parts.push(`formula ÷ ours ${r.toFixed(1)}× (≥ 5×: ${r >= 5 ? "met" : "NOT met"})`);
    if (l.hosted !== undefined)
      parts.push(`formula ÷ hosted ${(l.formula.ms / l.hosted).toFixed(2)}×`);
  }
  console.log(parts.join("; "));
  if (l.note) console.log(`    ${l.note}`);
}

function differing(a: unknown[], b: unknown[]): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

// ── the workloads ────────────────────────────────────────────────────────────

export async function run(): Promise<void> {
  const rand = mulberry32(20261129);
  const lo = serialFromYmd(2024, 1, 1);
  const hi = serialFromYmd(2025, 12, 31);
  const hol = Object.keys(data.holidays)
    .map((d) => parseIsoDate(d)!)
    .filter((s) => s >= serialFromYmd(2024, 1, 1) && s <= serialFromYmd(2026, 12, 31));
  const holRange = hol.map((h) => [h]);
  const holRef = `Holidays!$A$1:$A$${hol.length}`;
  const starts = Array.from({ length: ROWS }, () => lo + Math.floor(rand() * (hi - lo)));
  const ends = starts.map((s) => s + Math.floor(rand() * 200));
  const done = starts.map((s) => s + Math.floor(rand() * 150));
  const ns = starts.map(() => 1 + Math.floor(rand() * 120));
  const out: unknown[] = new Array(ROWS);
  const extra = { Holidays: holRange };
  console.log(
    `functions: ${ROWS.toLocaleString("en-US")} cells each (allocation ${ALLOC_ROWS.toLocaleString("en-US")} × 10), holiday list of ${hol.length} days (2024–2026); medians of ${PASSES}`
  );
  await lazy.load();

  // The start-up wrapper's own cost: the same calls through it and straight to the function,
  // alternating, on the cheapest functions (where a per-call cost would show most).
  {
    const texts = starts.map((s) => `${(s % 9973) * 13}.5万`);
    const pairs: [string, (i: number) => unknown, (i: number) => unknown][] = [
      ["FUND.ISWORKDAY(d)", (i) => fund.isWorkday(starts[i]), (i) => direct.isWorkday(starts[i])],
      ["FUND.AMOUNT(text)", (i) => fund.amount(texts[i]), (i) => direct.amount(texts[i])],
      [
        "FUND.DEADLINE(d, rule id)",
        (i) => fund.deadline(starts[i], "REGION_BUDGET"),
        (i) => direct.deadline(starts[i], "REGION_BUDGET"),
      ],
    ];
    for (const [name, wrapped, plain] of pairs) {
      const w: number[] = [];
      const d: number[] = [];
      for (let k = 0; k < 3; k++) {
        w.push(timeOurs(ROWS, wrapped, out));
        d.push(timeOurs(ROWS, plain, out));
      }
      const [mw, md] = [median(w), median(d)];
      const us = (t: number) => ((t * 1000) / ROWS).toFixed(3);
      console.log(
        `  start-up wrapper, ${name}: wrapped ${us(mw)} µs/cell, direct ${us(md)} µs/cell; wrapped ÷ direct ${(mw / md).toFixed(2)}×`
      );
    }
  }

  // ISWORKDAY ↔ NETWORKDAYS(d,d,holidays)=1
  {
    const ours = timeOurs(ROWS, (i) => fund.isWorkday(starts[i], holRange), out);
    const f = timeEngine(
      starts.map((s) => [s]),
      (r) => `=AND(Params!$A$1>=0,NETWORKDAYS(A${r},A${r},${holRef})=1)`,
      [0, null],
      extra
    );
    const h = timeEngine(
      starts.map((s) => [s]),
      (r) => `=AND(Params!$A$1>=0,FUND.ISWORKDAY(A${r},${holRef}))`,
      [0, null],
      extra
    );
    report({
      name: "FUND.ISWORKDAY(d, holidays)",
      rows: ROWS,
      ours,
      hosted: h.ms,
      formula: { label: "NETWORKDAYS(d,d,holidays)=1", ms: f.ms },
      note: `answers differing (make-up working weekends): ${differing(out, f.values)}; hosted vs ours: ${differing(out, h.values)}`,
    });
  }

  // WORKDAY ↔ WORKDAY
  {
    const ours = timeOurs(ROWS, (i) => fund.workday(starts[i], ns[i], holRange), out);
    const f = timeEngine(
      starts.map((s, i) => [s, ns[i]]),
      (r) => `=WORKDAY(A${r},B${r}+Params!$A$1,${holRef})`,
      [0, null],
      extra
    );
    const h = timeEngine(
      starts.map((s, i) => [s, ns[i]]),
      (r) => `=FUND.WORKDAY(A${r},B${r}+Params!$A$1,${holRef})`,
      [0, null],
      extra
    );
    report({
      name: "FUND.WORKDAY(d, n, holidays)",
      rows: ROWS,
      ours,
      hosted: h.ms,
      formula: { label: "WORKDAY(d,n,holidays)", ms: f.ms },
      note: `answers differing (make-up working weekends): ${differing(out, f.values)}; hosted vs ours: ${differing(out, h.values)}`,
    });
  }

  // NETWORKDAYS ↔ NETWORKDAYS
  {
    const ours = timeOurs(ROWS, (i) => fund.networkdays(starts[i], ends[i], holRange), out);
    const f = timeEngine(
      starts.map((s, i) => [s, ends[i]]),
      (r) => `=NETWORKDAYS(A${r},B${r}+Params!$A$1,${holRef})`,
      [0, null],
      extra
    );
    const h = timeEngine(
      starts.map((s, i) => [s, ends[i]]),
      (r) => `=FUND.NETWORKDAYS(A${r},B${r}+Params!$A$1,${holRef})`,
      [0, null],
      extra
    );
    report({
      name: "FUND.NETWORKDAYS(a, b, holidays)",
      rows: ROWS,
      ours,
      hosted: h.ms,
      formula: { label: "NETWORKDAYS(a,b,holidays)", ms: f.ms },
      note: `answers differing (make-up working weekends): ${differing(out, f.values)}; hosted vs ours: ${differing(out, h.values)}`,
    });
  }

  // DEADLINE: working days by text, by rule id, by alias; months
  {
    const id = timeOurs(
      ROWS,
      (i) => fund.deadline(starts[i], "REGION_BUDGET", null, holRange),
      out
    );
    const idValues = [...out];
    const text = timeOurs(ROWS, (i) => fund.deadline(starts[i], "60个工作日", null, holRange), out);
    const textDiff = differing(out, idValues);
    const alias = timeOurs(
      ROWS,
      (i) => fund.deadline(starts[i], "自治区本级财政预算安排资金", null, holRange),
      out
    );
    const aliasDiff = differing(out, idValues);
    const f = timeEngine(
      starts.map((s) => [s]),
      (r) => `=WORKDAY(A${r},60+Params!$A$1,${holRef})`,
      [0, null],
      extra
    );
    const h = timeEngine(
      starts.map((s) => [s]),
      (r) => `=FUND.DEADLINE(A${r},IF(Params!$A$1=0,"60个工作日",""),,${holRef})`,
      [0, null],
      extra
    );
    report({
      name: 'FUND.DEADLINE(d, "60个工作日", , holidays)',
      rows: ROWS,
      ours: text,
      hosted: h.ms,
      formula: { label: "WORKDAY(d,60,holidays)", ms: f.ms },
      note: `text ÷ rule-id path ${(text / id).toFixed(2)}× (≤ 2×: ${text / id <= 2 ? "met" : "NOT met"}); alias 自治区本级财政预算安排资金 ÷ rule-id ${(alias / id).toFixed(2)}×; rule id ${((id * 1000) / ROWS).toFixed(3)} µs/cell; same dates by text/alias/id: ${textDiff === 0 && aliasDiff === 0 ? "yes" : `NO (${textDiff}, ${aliasDiff})`}; differing from WORKDAY: ${differing(out, f.values)}; hosted vs ours: ${differing(idValues, h.values)}`,
    });
    const months = timeOurs(ROWS, (i) => fund.deadline(starts[i], "4个月", null, holRange), out);
    const fm = timeEngine(
      starts.map((s) => [s]),
      (r) => `=WORKDAY(EDATE(A${r},4+Params!$A$1)-1,1,${holRef})`,
      [0, null],
      extra
    );
    report({
      name: 'FUND.DEADLINE(d, "4个月", , holidays)',
      rows: ROWS,
      ours: months,
      formula: { label: "WORKDAY(EDATE(d,4)-1,1,holidays)", ms: fm.ms },
      note: `answers differing: ${differing(out, fm.values)}`,
    });
  }

  // DAYSLATE ↔ MAX(0, done − WORKDAY(...))
  {
    const ours = timeOurs(
      ROWS,
      (i) => fund.daysLate(starts[i], "60个工作日", done[i], null, null, holRange),
      out
    );
    const f = timeEngine(
      starts.map((s, i) => [s, done[i]]),
      (r) => `=MAX(0,B${r}-WORKDAY(A${r},60+Params!$A$1,${holRef}))`,
      [0, null],
      extra
    );
    const h = timeEngine(
      starts.map((s, i) => [s, done[i]]),
      (r) => `=FUND.DAYSLATE(A${r},IF(Params!$A$1=0,"60个工作日",""),B${r},,,${holRef})`,
      [0, null],
      extra
    );
    report({
      name: 'FUND.DAYSLATE(d, "60个工作日", done, , , holidays)',
      rows: ROWS,
      ours,
      hosted: h.ms,
      formula: { label: "MAX(0,done-WORKDAY(d,60,holidays))", ms: f.ms },
      note: `answers differing: ${differing(out, f.values)}; hosted vs ours: ${differing(out, h.values)}`,
    });
  }

  // AMOUNT ↔ VALUE(SUBSTITUTE(...)) with 万
  {
    const texts = starts.map((s, i) =>
      i % 3 === 0
        ? `${(s % 1000) / 10 + 1}万`
        : (s * 13.37).toLocaleString("en-US", { maximumFractionDigits: 2 })
    );
    const ours = timeOurs(ROWS, (i) => fund.amount(texts[i]), out);
    const f = timeEngine(
      texts.map((t) => [t]),
      (r) =>
        `=IF(RIGHT(A${r},1)="万",VALUE(LEFT(A${r},LEN(A${r})-1))*10000,VALUE(SUBSTITUTE(A${r},",","")))+Params!$A$1`,
      [0, null],
      extra
    );
    const h = timeEngine(
      texts.map((t) => [t]),
      (r) => `=FUND.AMOUNT(A${r})+Params!$A$1`,
      [0, null],
      extra
    );
    const close = (a: unknown, b: unknown) =>
      typeof a === "number" && typeof b === "number" && Math.abs(a - b) < 1e-6;
    report({
      name: 'FUND.AMOUNT("1,234.5" / "12.5万")',
      rows: ROWS,
      ours,
      hosted: h.ms,
      formula: { label: 'VALUE(SUBSTITUTE(t,",","")), ×10000 for 万', ms: f.ms },
      note: `answers differing by more than 1e-6: ${out.filter((v, i) => !close(v, f.values[i])).length}`,
    });
  }

  // PROHIBITED ↔ SUMPRODUCT(--ISNUMBER(SEARCH(terms, text)))>0
  {
    const terms = [
      "公务用车",
      "办公楼",
      "楼堂馆所",
      "津贴",
      "奖金",
      "福利",
      "偿还债务",
      "弥补亏损",
      "形象工程",
      "招待",
      "工资",
      "购置交通工具",
    ];
    const base = [
      "村道硬化工程",
      "购置公务用车一辆",
      "发放村干部津贴",
      "修建办公楼",
      "产业奖补",
      "小额信贷贴息",
      "饮水安全巩固提升",
      "偿还乡镇债务",
    ];
    const texts = starts.map(
      (s, i) => `${2024 + (i % 3)}年${base[i % base.length]}（项目${s}-${i}）`
    );
    const ours = timeOurs(ROWS, (i) => fund.prohibited(texts[i]), out);
    const flagged = out.filter((v) => v !== "").length;
    // What an office writes: one SEARCH per term (SEARCH over a range of terms is an array formula).
    const any = (r: number) => terms.map((t) => `ISNUMBER(SEARCH("${t}",A${r}))`).join(",");
    const x = {};
    const f = timeEngine(
      texts.map((t) => [t]),
      (r) => `=IF(AND(Params!$A$1>=0,OR(${any(r)})),"负面清单","")`,
      [0, null],
      x
    );
    const h = timeEngine(
      texts.map((t) => [t]),
      (r) => `=IF(Params!$A$1>=0,FUND.PROHIBITED(A${r}),"")`,
      [0, null],
      x
    );
    report({
      name: "FUND.PROHIBITED(text)",
      rows: ROWS,
      ours,
      hosted: h.ms,
      formula: { label: `OR(ISNUMBER(SEARCH(term,t)), … ${terms.length} terms)`, ms: f.ms },
      note: `flagged: ours ${flagged}, formula ${f.values.filter((v) => v !== "").length} (the formula knows no exceptions, codes or Traditional text)`,
    });
  }

  // CARRYOVER ↔ IF(c/t>0.1,c,0)
  {
    const carry = starts.map((s) => (s % 997) * 101.5);
    const total = starts.map((s) => 500000 + (s % 331) * 1000);
    const ours = timeOurs(ROWS, (i) => fund.carryoverDeduction(carry[i], total[i]), out);
    const f = timeEngine(
      carry.map((c, i) => [c, total[i]]),
      (r) => `=IF(A${r}/B${r}>0.1+Params!$A$1,A${r},0)`,
      [0, null],
      extra
    );
    report({
      name: "FUND.CARRYOVER(c, total)",
      rows: ROWS,
      ours,
      formula: { label: "IF(c/total>0.1,c,0)", ms: f.ms },
      note: `answers differing: ${differing(out, f.values)}`,
    });
  }

  // DAXIE and SAMPLE: no built-in equivalent (Excel's [DBNum2] format is not a function; a sample
  // by RAND() is volatile and not reproducible) — ours only.
  {
    const amounts = starts.map((s, i) => (s * 37 + i) / 100);
    const ours = timeOurs(ROWS, (i) => fund.daxie(amounts[i]), out);
    report({
      name: "FUND.DAXIE(amount)",
      rows: ROWS,
      ours,
      note: "no formula equivalent in HyperFormula (or Excel's function list)",
    });
    const ids = Array.from({ length: 10_000 }, (_, i) => [`项目${i + 1}`]);
    const sOut: unknown[] = [];
    const s = timeOurs(1, () => fund.sample(ids, 0.3, 2025), sOut);
    console.log(
      `  FUND.SAMPLE(10,000 ids, 30%, seed): ours ${s.toFixed(2)} ms per call; no reproducible formula equivalent`
    );
  }

  // ALLOCATE: one array formula over 3,000 × 10 ↔ a ROUND(pool × Σ weighted normalised factors) column
  {
    const M = 10;
    const weights = [15, 10, 10, 10, 10, 5, 10, 10, 10, 10];
    const dirs = weights.map((_, j) => (j === 1 || j === 2 ? "-" : "+"));
    const factors = Array.from({ length: ALLOC_ROWS }, () =>
      Array.from({ length: M }, () => 1 + Math.floor(rand() * 100000) / 100)
    );
    const pool = 1234567890.12;
    const aOut: unknown[] = [];
    const call = () => fund.allocate(pool, factors, [weights], [dirs]);
    // Excel calls ALLOCATE once per recalculation of its range, so its first calls run before
    // the JIT has compiled it; every other function here is warm after its 100,000-cell warm-up
    // pass, and HyperFormula's engine after the sections before. Both are shown: the first calls
    // (cold) and the steady state after 20 calls (warm, the figure compared like the others).
    const cold: number[] = [];
    for (let k = 0; k < 20; k++) {
      const t0 = process.hrtime.bigint();
      call();
      cold.push(msSince(t0));
    }
    const ours = timeOurs(1, call, aOut);
    const W = weights.reduce((a, b) => a + b, 0);
    const col = (j: number) => String.fromCharCode(65 + j);
    const totals = weights.map((_, j) =>
      dirs[j] === "-"
        ? `=ARRAYFORMULA(SUM(1/Data!${col(j)}1:${col(j)}${ALLOC_ROWS}))+Params!$A$1`
        : `=SUM(Data!${col(j)}1:${col(j)}${ALLOC_ROWS})+Params!$A$1`
    );
    const term = (j: number, r: number) =>
      `${weights[j]}*${dirs[j] === "-" ? `(1/${col(j)}${r})` : `${col(j)}${r}`}/Totals!$${col(j)}$1`;
    const f = timeEngine(
      factors,
      (r) =>
        `=ROUND((${pool}+Params!$A$1)*(${weights.map((_, j) => term(j, r)).join("+")})/${W},2)`,
      [0, null],
      { Totals: [totals] }
    );
    const oursAmounts = (aOut[0] as number[][]).map((row) => row[0]);
    const sum = (xs: unknown[]) => Math.round((xs as number[]).reduce((a, b) => a + b, 0) * 100);
    report({
      name: "FUND.ALLOCATE(pool, 3,000 × 10 factors, weights, directions)",
      rows: ALLOC_ROWS,
      ours,
      formula: { label: "ROUND(pool × Σ w·x/total ÷ Σw, 2) per row", ms: f.ms },
      note:
        `cold (first calls, before the JIT has compiled it): first ${cold[0].toFixed(1)} ms, calls 2–6 median ${median(cold.slice(1, 6)).toFixed(1)} ms per call — formula ÷ ours ${(f.ms / median(cold.slice(1, 6))).toFixed(1)}× cold; warm ${ours.toFixed(1)} ms per call\n    ` +
        `sums in 分: ours ${sum(oursAmounts)}, formula ${sum(f.values)}, pool ${Math.round(pool * 100)} (the formula's rounding does not add up to the pool; ours is exact)`,
    });
  }
}

if (require.main === module) void run();
