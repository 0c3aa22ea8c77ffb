/**
 * Every parser of cell text in src/core runs in linear time: each is fed 1,000- and
 * 100,000-character strings of shapes that make backtracking regular expressions quadratic
 * (long runs of spaces, digits, colons, brackets…), and the cost of the long input must stay
 * within a generous multiple of a hundred times the short one's. Even plain linear string work
 * costs up to ~200× here (the long strings leave the CPU caches and the young heap), so the
 * budget is 1,500×; a quadratic parser costs ~10,000×. Ratios only, measured in the same run —
 * no absolute times.
 */
import { parseDate, isExcelErrorText } from "../../src/core/dates";
import { parseAmount, parseUnit } from "../../src/core/money";
import { matchHeader, normaliseHeader, unitOfHeader } from "../../src/core/ledger/headers";
import { detectHeader, unitInText } from "../../src/core/ledger/detect";
import { cellText, parseRow } from "../../src/core/ledger/record";
import { classify, econCodeDigits } from "../../src/core/prohibited/classifier";
import { normalize } from "../../src/core/prohibited/normalize";
import { parseCategory, parseCustomTerms } from "../../src/core/prohibited/custom";
import { normaliseHeader as filingHeader, recogniseFilingSheet } from "../../src/core/filing/check";
import { filingKindOf } from "../../src/core/filing/specs";
import { parseCountyLines, parseProjectLines } from "../../src/core/filing/spotcheck";

/** Strings of length n that trip backtracking: runs of one kind of character, with a bad end. */
const SHAPES: Record<string, (n: number) => string> = {
  digits: (n) => "1".repeat(n - 1) + "x",
  spaces: (n) => " ".repeat(n - 1) + "x",
  "date + spaces/T": (n) => "2024-03-05" + " T".repeat(Math.floor((n - 15) / 2)) + "1:00x",
  "date + spaces": (n) => "2024-03-05" + " ".repeat(n - 16) + "12:00x",
  colons: (n) => ":".repeat(n - 1) + "x",
  "digit groups": (n) => "1,".repeat(n / 2 - 1) + "1x",
  "open brackets": (n) => "(".repeat(n),
  "bracket pairs": (n) => "(（".repeat(n / 2 - 1) + "万元",
  units: (n) => "万元".repeat(n / 2),
  traditional: (n) => "資金專項".repeat(n / 4),
  lines: (n) => "项目\t县\t1\n".repeat(n / 7).padEnd(n, "x"),
};

const PLAN = {
  mapping: { name: 0, amount: 1, receivedDate: 2, passDownDate: 3, content: 4, econCode: 5 },
  units: { amount: "万元" },
} as unknown as Parameters<typeof parseRow>[2];

/** Each parser of cell text, called as the review calls it. */
const PARSERS: Record<string, (s: string) => unknown> = {
  parseDate,
  isExcelErrorText,
  parseAmount,
  parseUnit,
  "ledger normaliseHeader": normaliseHeader,
  matchHeader,
  unitOfHeader,
  unitInText,
  detectHeader: (s) =>
    detectHeader([
      { row: 1, values: [s, s, "金额"] },
      { row: 2, values: ["项目名称", s] },
    ]),
  cellText,
  parseRow: (s) => parseRow(5, [s, s, s, s, s, s], PLAN),
  "prohibited classify": (s) => classify(s, s),
  "prohibited normalize": normalize,
  econCodeDigits,
  parseCategory,
  parseCustomTerms: (s) =>
    parseCustomTerms([
      ["词语", "类别", "说明"],
      [s, s, s],
    ]),
  "filing normaliseHeader": filingHeader,
  recogniseFilingSheet: (s) =>
    recogniseFilingSheet([
      [s, s],
      ["项目名称", s],
    ]),
  filingKindOf,
  parseProjectLines,
  parseCountyLines,
};

/** Milliseconds for `reps` calls, the least of `tries` runs. */
function cost(fn: (s: string) => unknown, s: string, reps: number, tries: number): number {
  let best = Infinity;
  for (let t = 0; t < tries; t++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn(s);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const SHORT = 1_000;
const LONG = 100_000;
/** Linear: ~100× (up to ~200× with cache effects) for 100× the text; quadratic: ~10,000×. */
const MAX_RATIO = 1_500;

describe.each(Object.entries(PARSERS))("%s is linear in the cell's length", (_, fn) => {
  test.each(Object.keys(SHAPES))("%s", (shape) => {
    const short = SHAPES[shape](SHORT);
    const long = SHAPES[shape](LONG);
    expect(short.length).toBeGreaterThan(SHORT * 0.99);
    expect(long.length).toBeGreaterThan(LONG * 0.99);
    fn(short); // warm up (and compile the expressions)
    // enough calls on the short text to measure
    let reps = 1;
    while (cost(fn, short, reps, 1) < 0.3 && reps < 1 << 16) reps *= 2;
    const s = cost(fn, short, reps, 5);
    let l = cost(fn, long, reps, 1);
    if (l / s > MAX_RATIO) l = Math.min(l, cost(fn, long, reps, 2)); // a second look before failing
    const ratio = l / Math.max(s, 1e-3);
    if (ratio > MAX_RATIO) {
      throw new Error(`100k/1k cost ratio ${ratio.toFixed(0)} (> ${MAX_RATIO}): not linear`);
    }
  });
});
