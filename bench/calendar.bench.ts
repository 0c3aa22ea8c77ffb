/**
 * Working-day arithmetic: our day table (O(log n) per call) against stepping day by day with
 * chinese-days' own findWorkday, on the same random (start, n) pairs, in the same run.
 * The baseline is too slow for all 1,000,000 pairs, so it runs on a sample and its time is
 * scaled to the full count (said in the output); answers are compared on that sample.
 */
import { findWorkday } from "chinese-days";
import { officialCalendar } from "../src/core/calendar";
import { formatIso, serialFromYmd } from "../src/core/dates";
import { mulberry32, ms, median } from "./util";

const PAIRS = 1_000_000;
const BASELINE_SAMPLE = 20_000;

export async function run(): Promise<void> {
  const rand = mulberry32(20261123);
  const lo = serialFromYmd(2004, 7, 1);
  const hi = serialFromYmd(2026, 6, 30);
  const starts = new Int32Array(PAIRS);
  const ns = new Int32Array(PAIRS);
  for (let i = 0; i < PAIRS; i++) {
    starts[i] = lo + Math.floor(rand() * (hi - lo));
    // ±1 … 120 working days. n = 0 is left out: Excel's WORKDAY(start, 0) is start itself,
    // while chinese-days' findWorkday(0, d) moves a rest day forward, so they differ by design.
    const k = 1 + Math.floor(rand() * 120);
    ns[i] = rand() < 0.5 ? -k : k;
  }
  const cal = officialCalendar();
  const out = new Int32Array(PAIRS);

  const oursRuns: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < PAIRS; i++) out[i] = cal.addWorkdays(starts[i], ns[i]);
    oursRuns.push(ms(t0));
  }
  const ours = median(oursRuns);

  const t0 = process.hrtime.bigint();
  let mismatches = 0;
  for (let i = 0; i < BASELINE_SAMPLE; i++) {
    const theirs = findWorkday(ns[i], formatIso(starts[i]));
    if (theirs !== formatIso(out[i])) mismatches++;
  }
  const baselineSample = ms(t0);
  const baseline = (baselineSample * PAIRS) / BASELINE_SAMPLE;

  console.log(
    "calendar — n-th working day after/before, 1,000,000 random (start, n) pairs, n in ±1…120"
  );
  console.log(
    `  ours (day table, binary search): ${ours.toFixed(1)} ms (median of 5)  = ${(((PAIRS / ours) * 1000) / 1e6).toFixed(1)} M pairs/s`
  );
  console.log(
    `  baseline chinese-days findWorkday (steps day by day): ${baselineSample.toFixed(0)} ms for ${BASELINE_SAMPLE.toLocaleString()} pairs → ${(baseline / 1000).toFixed(1)} s scaled to 1,000,000`
  );
  console.log(`  ratio: ${(baseline / ours).toFixed(0)}× faster (target ≥ 50×)`);
  console.log(
    `  answers compared on ${BASELINE_SAMPLE.toLocaleString()} pairs: ${mismatches === 0 ? "identical" : `${mismatches} DIFFERENT`}`
  );
  if (mismatches > 0) process.exitCode = 1;
}
