/**
 * Reading arguments as Excel passes them: numbers (dates arrive as serials), text, booleans,
 * `null` or `undefined` for an omitted optional argument, and `any[][]` for ranges (an empty
 * cell in a range arrives as "" or null).
 */
import { parseDate } from "../core/dates";
import { parseAmount, Decimal } from "../core/money";
import { inputError } from "./errors";

export type Scalar = number | string | boolean | null | undefined;

export function isOmitted(v: unknown): v is null | undefined {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

/** A single value from a scalar argument or a 1×1 range. */
export function scalar(v: unknown): Scalar {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0] as Scalar;
    return v as unknown as Scalar;
  }
  return v as Scalar;
}

/** A date argument → serial. `what` names the argument in messages, e.g. ["开始日期", "start"]. */
export function dateArg(v: unknown, what: [string, string]): number {
  const x = scalar(v);
  if (isOmitted(x) || x === "")
    throw inputError("value", `缺少${what[0]}`, `${what[1]} is missing`);
  const p = parseDate(x);
  if (!p.ok)
    throw inputError("value", `${what[0]}：${p.message.zh}`, `${what[1]}: ${p.message.en}`);
  return p.serial;
}

export function optionalDateArg(v: unknown, what: [string, string]): number | null {
  const x = scalar(v);
  return isOmitted(x) || x === "" ? null : dateArg(x, what);
}

/** A whole number argument (TRUE/FALSE and text are refused). */
export function integerArg(v: unknown, what: [string, string]): number {
  const x = scalar(v);
  if (typeof x !== "number" || !Number.isFinite(x))
    throw inputError("value", `${what[0]}必须是数字`, `${what[1]} must be a number`);
  return Math.trunc(x);
}

export function booleanArg(v: unknown, fallback: boolean, what: [string, string]): boolean {
  const x = scalar(v);
  if (isOmitted(x) || x === "") return fallback;
  if (typeof x === "boolean") return x;
  if (typeof x === "number") return x !== 0;
  const t = String(x).trim().toUpperCase();
  if (["TRUE", "是", "1", "Y", "YES"].includes(t)) return true;
  if (["FALSE", "否", "0", "N", "NO"].includes(t)) return false;
  throw inputError(
    "value",
    `${what[0]}应为 TRUE 或 FALSE，收到「${x}」`,
    `${what[1]} must be TRUE or FALSE, got "${x}"`
  );
}

export function textArg(v: unknown, what: [string, string]): string {
  const x = scalar(v);
  if (typeof x !== "string")
    throw inputError("value", `${what[0]}必须是文本`, `${what[1]} must be text`);
  return x;
}

/** A money argument → Decimal (a number, or text like 1,234.50 / 12.5万 / (100)). */
export function amountArg(v: unknown, what: [string, string]): Decimal {
  const x = scalar(v);
  const p = parseAmount(x);
  if (!p.ok)
    throw inputError("value", `${what[0]}：${p.message.zh}`, `${what[1]}: ${p.message.en}`);
  return p.unit === "万元"
    ? p.value.times(10000)
    : p.unit === "亿元"
      ? p.value.times(100000000)
      : p.value;
}

/** All cells of a range, row by row, blanks dropped. */
export function cells(v: unknown): Scalar[] {
  if (isOmitted(v)) return [];
  if (!Array.isArray(v)) return [v as Scalar];
  const out: Scalar[] = [];
  for (const row of v) {
    for (const c of Array.isArray(row) ? row : [row])
      if (c !== null && c !== undefined && c !== "") out.push(c as Scalar);
  }
  return out;
}
