/**
 * Amounts of money as Decimal from the first read (docs/rules.md「读取台账」). Floats appear only where
 * Excel hands them to us, and are converted at once at Excel's own 15 significant digits, so
 * a cell showing 0.3 is 0.3, not 0.30000000000000004.
 */
import Decimal from "decimal.js";
import { Bilingual, bi } from "../i18n";
import { foldText } from "../normal-form";
import { isExcelErrorText } from "../dates";

// Money and shares need more than the default 20 significant digits (a 10¹² 元 pool split 3,000 ways).
Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export { Decimal };

export type MoneyUnit = "元" | "万元" | "亿元";

/** How many 元 one of each unit is. */
export const UNIT_FACTOR: Record<MoneyUnit, Decimal> = {
  元: new Decimal(1),
  万元: new Decimal(10000),
  亿元: new Decimal(100000000),
};

export type AmountProblem = "empty" | "unreadable" | "error-value";

export type AmountParse =
  | {
      ok: true;
      /** The number as written, in `unit` when the text named one, else in the caller's unit. */
      value: Decimal;
      /** The unit the text itself named ("12.5万"), or null when it named none. */
      unit: MoneyUnit | null;
    }
  | { ok: false; problem: AmountProblem; message: Bilingual };

/** A JS number from Excel → Decimal, at Excel's 15 significant digits. */
export function decimalFromExcel(n: number): Decimal {
  // Fast paths, same answers: an integer below 10^15 is exact as it is (−0 becomes 0); a number
  // whose shortest form has at most 15 significant digits is that form (toPrecision(15) would
  // only pad it with zeros).
  if (Number.isInteger(n) && n > -1e15 && n < 1e15) return new Decimal(n === 0 ? 0 : n);
  const s = String(n);
  if (significantDigits(s) <= 15) return new Decimal(s);
  return new Decimal(Number(n.toPrecision(15)).toString()).plus(0);
}

/** Significant digits of a plain decimal string (no exponent); 99 when it has an exponent. */
function significantDigits(s: string): number {
  let digits = 0;
  let leading = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 101 || c === 69) return 99; // e, E
    if (c < 48 || c > 57) continue; // sign, point
    if (leading && c === 48) continue;
    leading = false;
    digits++;
  }
  return digits;
}

const UNIT_SUFFIX = /(亿元|亿|万元|万|元)$/;
const NUMBER = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$|^[+-]?\.\d+$/;

function unreadable(seen: string): AmountParse {
  return {
    ok: false,
    problem: "unreadable",
    message: bi(`无法识别的金额：「${seen}」`, `unreadable amount: "${seen}"`),
  };
}

/**
 * Reads an amount: a number from Excel, or text such as 1,234.50 / １２３４．５ / (1,234.50) /
 * -1234.5 / ¥1,234.50 / 12.5万 / 12.5万元 / 300元. Blank is `empty`; Excel error values are
 * `error-value`; anything else that is not a number (待定, 1.2.3, 12,34) is `unreadable` and
 * says what it saw.
 */
export function parseAmount(value: unknown): AmountParse {
  if (value === null || value === undefined)
    return { ok: false, problem: "empty", message: bi("金额为空", "amount is empty") };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return unreadable(String(value));
    return { ok: true, value: decimalFromExcel(value), unit: null };
  }
  if (value instanceof Decimal) return { ok: true, value, unit: null };
  if (typeof value !== "string") return unreadable(String(value));
  const seen = value.trim();
  let s = foldText(value).replace(/\s+/g, "").replace(/[，]/g, ",");
  if (s === "") return { ok: false, problem: "empty", message: bi("金额为空", "amount is empty") };
  if (isExcelErrorText(s))
    return {
      ok: false,
      problem: "error-value",
      message: bi(`单元格是错误值 ${s}`, `cell holds the error value ${s}`),
    };
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  s = s
    .replace(/^[¥￥]/, "")
    .replace(/^([+-])[¥￥]/, "$1")
    .replace(/^[−–]/, "-");
  let unit: MoneyUnit | null = null;
  const u = UNIT_SUFFIX.exec(s);
  if (u) {
    unit =
      u[1] === "亿" || u[1] === "亿元" ? "亿元" : u[1] === "万" || u[1] === "万元" ? "万元" : "元";
    s = s.slice(0, -u[1].length);
  }
  if (!NUMBER.test(s)) return unreadable(seen);
  if (paren && /^[+-]/.test(s)) return unreadable(seen);
  let d = new Decimal(s.replace(/,/g, ""));
  if (negative) d = d.negated();
  return { ok: true, value: d, unit };
}

/**
 * Reads an amount and expresses it in `target` units, taking the text's own unit when it
 * names one and `assumed` (the column's or sheet's unit) otherwise.
 */
export function parseAmountIn(
  value: unknown,
  target: MoneyUnit,
  assumed: MoneyUnit = target
): AmountParse {
  const p = parseAmount(value);
  if (!p.ok) return p;
  return { ok: true, value: convertUnit(p.value, p.unit ?? assumed, target), unit: p.unit };
}

export function convertUnit(v: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  return from === to ? v : v.times(UNIT_FACTOR[from]).dividedBy(UNIT_FACTOR[to]);
}

/** Recognises a unit written as people write it: 元, 万元, 万, 亿元, yuan, 10k… → MoneyUnit, or null. */
export function parseUnit(s: string): MoneyUnit | null {
  const t = foldText(s)
    .trim()
    .toLowerCase()
    .replace(/^单位[:：]?/, "");
  if (["元", "yuan", "cny", "rmb"].includes(t)) return "元";
  if (["万元", "万", "wan", "10k", "10000"].includes(t)) return "万元";
  if (["亿元", "亿"].includes(t)) return "亿元";
  return null;
}

/**
 * An amount with thousands separators, as English text writes it: 500000 → "500,000",
 * 1234.5 (places 2) → "1,234.50". Decimal#toFixed (decimal.js, half-up) — never a float.
 */
export function withThousands(v: Decimal, places = 0): string {
  const [int, frac] = v.toFixed(places).split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = int.slice(sign.length).replace(/\B(?=(\d{3})+$)/g, ",");
  return `${sign}${digits}${frac ? `.${frac}` : ""}`;
}
