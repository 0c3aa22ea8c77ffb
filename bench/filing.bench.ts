/**
 * Filing benchmark, all in one run, medians after warm-up:
 * - FUND.SAMPLE over 10,000 projects with amounts (text "…万" for a third) and threshold "50万",
 *   against the non-reproducible way (Math.random shuffle of the eligible ids, amounts read
 *   with Number) — the cost of being exact and reproducible;
 * - FUND.DAXIE on 100,000 amounts, against a float digit-mapper without the zero rules
 *   (Number#toFixed(2) and a lookup) — the cost of Decimal and the regulation's 零/整;
 * - the completeness check of a 10,000-row publicity notice, against a bare loop that only
 *   tests required cells for blanks (no amount or date parsing, no findings).
 */
import "../test/setup/custom-functions";
import { sample, daxie } from "../src/functions/filing";
import { checkFilingSheet } from "../src/core/filing/check";
import { headerText } from "../src/core/filing/layout";
import { PUBLICITY } from "../src/core/filing/specs";

const RUNS = 15;
const WARM = 3;

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown): number {
  for (let i = 0; i < WARM; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(out);
}

function report(name: string, ours: number, base: number, baseName: string): void {
  console.log(
    `${name}: ours ${ours.toFixed(2)} ms, ${baseName} ${base.toFixed(2)} ms, ratio ${(ours / base).toFixed(2)}×`
  );
}

export async function run(): Promise<void> {
  const r = rng(7);
  // SAMPLE
  const n = 10000;
  const ids = Array.from({ length: n }, (_, i) => [`项目${i + 1}`]);
  const amounts = ids.map((_, i) => {
    const wan = Math.round(r() * 10000) / 100;
    return [i % 3 === 0 ? `${wan}万` : wan];
  });
  const ours = time(() => sample(ids, 0.3, 2025, amounts, "50万"));
  const base = time(() => {
    const eligible = ids.filter((_, i) => Number(String(amounts[i][0]).replace("万", "")) >= 50);
    for (let i = eligible.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [eligible[i], eligible[j]] = [eligible[j], eligible[i]];
    }
    return eligible.slice(0, Math.ceil(eligible.length * 0.3));
  });
  report("FUND.SAMPLE 10,000 ids", ours, base, "Math.random shuffle");

  // DAXIE
  const DIG = "零壹贰叁肆伍陆柒捌玖";
  const values = Array.from({ length: 100000 }, () => Math.round(r() * 1e10) / 100);
  const d1 = time(() => values.map((v) => daxie(v)));
  const d0 = time(() =>
    values.map((v) =>
      v
        .toFixed(2)
        .split("")
        .map((c) => (c === "." ? "元" : DIG[Number(c)]))
        .join("")
    )
  );
  report("FUND.DAXIE 100,000 amounts", d1, d0, "float digit map");

  // Completeness check
  const header = PUBLICITY.fields.map(headerText);
  const rows = Array.from({ length: 10000 }, (_, i) => [
    `项目${i}`,
    "中央财政专项扶贫资金",
    i % 50 === 0 ? "待定" : 80 + (i % 7),
    "某村",
    "硬化道路",
    45352,
    i % 40 === 0 ? "2024-02-30" : "2024年10月8日",
    "受益 300 户",
    "交通局",
    i % 30 === 0 ? "" : "张三",
    "0991-1234567",
    "",
    "在建",
    "",
  ]);
  const sheet = { name: "项目公告公示表", values: [["标题"], [""], header, ...rows] };
  let findings = 0;
  const c1 = time(() => (findings = checkFilingSheet(sheet).length));
  const required = PUBLICITY.fields.map((f, i) => (f.required ? i : -1)).filter((i) => i >= 0);
  const c0 = time(() => {
    let blanks = 0;
    for (const row of rows) for (const i of required) if (row[i] === "" || row[i] == null) blanks++;
    return blanks;
  });
  report(`completeness check 10,000 rows (${findings} findings)`, c1, c0, "blank-only loop");
}

if (require.main === module) void run();
