/**
 * YuanTotal (src/core/ledger/yuan-total.ts) against the plain Decimal sum it replaces in the
 * management-fee check: Σ yuanOf(cell), added one by one — the same value for every mix of
 * numbers and text amounts, units, signs, magnitudes and digits.
 */
import { Decimal, MoneyUnit, parseAmount } from "../../../src/core/money";
import { type AmountCell, yuanOf } from "../../../src/core/ledger/record";
import { YuanTotal, wholeCount } from "../../../src/core/ledger/yuan-total";
import { mulberry32 } from "../../fixtures/ledgers/generate";

const UNITS: MoneyUnit[] = ["元", "万元", "亿元"];

function plainSum(cells: AmountCell[]): Decimal {
  let s = new Decimal(0);
  for (const c of cells) s = s.plus(yuanOf(c));
  return s;
}

function total(cells: AmountCell[]): Decimal {
  const t = new YuanTotal();
  for (const c of cells) t.add(c);
  return t.value();
}

/** A cell as parseRow makes it: a number kept as is, text read by parseAmount. */
function cell(v: number | string, unit: MoneyUnit): AmountCell {
  if (typeof v === "number") return { value: v, unit };
  const p = parseAmount(v);
  if (!p.ok) throw new Error(`test amount not readable: ${v}`);
  return { value: p.value, unit: p.unit ?? unit };
}

function expectSame(cells: AmountCell[]): void {
  const want = plainSum(cells);
  const got = total(cells);
  expect(got.toString()).toBe(want.toString());
  expect(got.equals(want)).toBe(true);
}

const EDGE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.1,
  0.2,
  0.1 + 0.2, // 0.30000000000000004: Excel's 15 digits make it 0.3
  1 / 3,
  2 / 3,
  123.45,
  -123.45,
  80.19,
  0.0001,
  0.00001,
  1e-7,
  1.5e-10,
  123456789012345, // 15 digits
  999999999999999,
  1e15,
  1234567890123456, // 16 digits
  2 ** 53 - 1,
  2 ** 53 + 2,
  1e21,
  1.7976931348623157e308,
  5e-324,
  12345.6789,
  12345.67891,
  0.123456789012345,
  98765432.1,
  4503599627370495.5,
];

const EDGE_TEXTS = [
  "1,234.50",
  "12.5万",
  "-3.2",
  "（100.5）",
  "¥1,000.00",
  "5万元",
  "0.000000000000000000000000001",
  "123456789012345678901234567890",
  "1.23456789012345678",
  "9007199254740993",
  "1亿",
  "-0",
];

test("edge amounts, alone and in every unit, sum as the plain Decimal sum does", () => {
  for (const unit of UNITS) {
    for (const v of [...EDGE_NUMBERS, ...EDGE_TEXTS]) expectSame([cell(v, unit)]);
    expectSame(EDGE_NUMBERS.map((v) => cell(v, unit)));
    expectSame(EDGE_TEXTS.map((v) => cell(v, unit)));
    expectSame([...EDGE_TEXTS, ...EDGE_NUMBERS].map((v) => cell(v, unit)));
    expectSame([...EDGE_NUMBERS, ...EDGE_TEXTS, ...EDGE_NUMBERS].map((v) => cell(v, unit)));
  }
});

test("seeded random ledgers of numbers and text, mixed units, sum as the plain sum", () => {
  const rnd = mulberry32(18);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  for (let run = 0; run < 300; run++) {
    const n = 1 + Math.floor(rnd() * 400);
    const cells: AmountCell[] = [];
    const scale = 10 ** Math.floor(rnd() * 14 - 4); // 0.0001 … 1e9
    for (let i = 0; i < n; i++) {
      const r = rnd();
      const unit = rnd() < 0.8 ? UNITS[run % 3] : pick(UNITS);
      let v: number | string;
      if (r < 0.5)
        v = Math.round(rnd() * 1e6) / 100; // cents
      else if (r < 0.7)
        v = rnd() * scale * (rnd() < 0.2 ? -1 : 1); // full binary fractions
      else if (r < 0.8) v = Math.round(rnd() * 1e8) / 10 ** Math.floor(rnd() * 9);
      else if (r < 0.9) v = (Math.round(rnd() * 1e6) / 100).toFixed(2) + pick(["", "万", "元"]);
      else if (r < 0.95) v = pick(EDGE_NUMBERS);
      else v = pick(EDGE_TEXTS);
      cells.push(cell(v, unit));
    }
    expectSame(cells);
  }
});

test("whole counts past 2^53 are moved into the Decimal part, still exact", () => {
  // 亿元 amounts of about 10^11 元 each: the count of 0.0001 元 passes 2^53 within a few rows
  const cells = Array.from({ length: 500 }, (_, i) => cell(1000 + i + 0.25, "亿元"));
  expectSame(cells);
  // odd counts near 1.2e14 each (15 digits): past 2^53 a float sum would lose the last ones
  const odd = Array.from({ length: 500 }, (_, i) => cell(Number(`12345678901.${2345 + i}`), "元"));
  expect(odd.every((c) => wholeCount(c.value as number, 0) !== null)).toBe(true);
  expectSame(odd);
  expectSame(cells.map((c) => ({ value: -(c.value as number), unit: c.unit })));
});

test("a sum that might outgrow Decimal's precision is added in turn, as the plain sum is", () => {
  // a huge text amount (39 digits), then cents: the plain sum rounds each step to Decimal's 40
  // digits (the cents are lost one by one), and so must the total (not huge + 0.51)
  const huge = cell("123456789012345678901234567890123456789", "元");
  const cells = [cell(0.01, "元"), huge, ...Array.from({ length: 50 }, () => cell(0.01, "元"))];
  expectSame(cells);
  expectSame([huge, ...cells, huge]);
});

test("wholeCount: exact counts of 0.0001 元, null where Decimal must decide", () => {
  expect(wholeCount(123.45, 0)).toBe(1234500);
  expect(wholeCount(-123.45, 0)).toBe(-1234500);
  expect(wholeCount(12.5, 4)).toBe(12.5 * 1e8);
  expect(wholeCount(0.0001, 0)).toBe(1);
  expect(wholeCount(0.00001, 0)).toBeNull(); // below 0.0001 元
  expect(wholeCount(0.00001, 4)).toBe(1000); // 0.00001 万元 = 0.1 元
  expect(wholeCount(0.1 + 0.2, 0)).toBeNull(); // 17 digits: Excel's 15 make it 0.3
  expect(wholeCount(1e-7, 8)).toBeNull(); // written with an exponent
  expect(wholeCount(1e15, 0)).toBeNull(); // 16 digits
  expect(wholeCount(999999999999999, 0)).toBeNull(); // a count past 2^53
  expect(wholeCount(NaN, 0)).toBeNull();
});
