/**
 * Amounts in Chinese uppercase (大写金额) as financial documents require — 会计基础工作规范
 * 第五十二条 and the usual rules for filling in bills (支付结算办法 附件《正确填写票据和结算凭证的
 * 基本规定》):
 *
 * - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, money units 元角分;
 * - one 零 for a run of zeros in the middle (1004.06 → 壹仟零肆元零陆分, 100000100 → 壹亿零壹佰元);
 *   no 零 at the end of a section (100000 → 壹拾万元整);
 * - when the 元 digit is 0 but 角 is not, no 零 is written (the regulation allows either;
 *   107000.53 → 壹拾万柒仟元伍角叁分), and with no whole 元 nothing comes before 角/分
 *   (0.05 → 伍分);
 * - 整 after 元 when there are no 角分 (100000 → 壹拾万元整); after 角 the rules for bills let
 *   整 be written or left out: by default it is left out (1010.5 → 壹仟零壹拾元伍角, the issue's
 *   example), `zhengAfterJiao` writes it (壹仟零壹拾元伍角整); never 整 after 分;
 * - 拾 is always preceded by its digit (10 → 壹拾元整), as the regulation's forms are written;
 * - 负 before a negative amount; 0 → 零元整.
 *
 * Exact: the amount is a Decimal with at most two decimals (分); anything finer is refused.
 */
import { Decimal } from "../money";

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SMALL = ["", "拾", "佰", "仟"];

/** Largest whole-元 part handled: 9,999,9999,9999,9999 (16 digits, beyond Excel's precision). */
export const DAXIE_MAX = new Decimal("9999999999999999.99");

export class DaxieError extends Error {
  constructor(
    public readonly reason: "decimals" | "range",
    message: string
  ) {
    super(message);
  }
}

/** A section of up to four digits (0 < n < 10000), without a leading 零: 1010 → 壹仟零壹拾. */
function section(n: number): string {
  const d = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = "";
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const digit = d[i];
    if (digit === 0) {
      if (out !== "") zero = true;
      continue;
    }
    if (zero) out += "零";
    zero = false;
    out += DIGITS[digit] + SMALL[3 - i];
  }
  return out;
}

/** Up to eight digits (no leading zeros) with 万: 10010000 → 壹仟零壹万, 10001 → 壹万零壹. */
function wan(s: string): string {
  if (s.length <= 4) return section(Number(s));
  const hi = Number(s.slice(0, -4));
  const lo = Number(s.slice(-4));
  let out = `${section(hi)}万`;
  if (lo === 0) return out;
  if (lo < 1000) out += "零";
  return out + section(lo);
}

/**
 * Whole 元 (a non-negative integer as a digit string, at most 16 digits) → 壹仟零壹拾… (empty
 * for 0). Above 亿 the part before 亿 is read with 万 again (10001,0000,0000 → 壹万零壹亿); a
 * lower part with leading zeros is introduced by one 零 (100000100 → 壹亿零壹佰).
 */
export function integerDaxie(digits: string): string {
  const s = digits.replace(/^0+/, "");
  if (s === "") return "";
  if (s.length <= 8) return wan(s);
  let out = `${wan(s.slice(0, -8))}亿`;
  const lo = s.slice(-8).replace(/^0+/, "");
  if (lo === "") return out;
  if (lo.length < 8) out += "零";
  return out + wan(lo);
}

/** The amount in Chinese uppercase. Throws DaxieError for more than two decimals or too large. */
export function daxie(amount: Decimal, options: { zhengAfterJiao?: boolean } = {}): string {
  if (amount.decimalPlaces() > 2) throw new DaxieError("decimals", "more than two decimals");
  const abs = amount.abs();
  if (abs.greaterThan(DAXIE_MAX)) throw new DaxieError("range", "too large");
  const fen = abs.times(100).toString(); // an integer: at most two decimals, < 1e21
  const yuan = fen.length > 2 ? fen.slice(0, -2) : "0";
  const jiao = Number(fen.length >= 2 ? fen[fen.length - 2] : "0");
  const f = Number(fen[fen.length - 1]);
  const sign = amount.isNegative() && !abs.isZero() ? "负" : "";
  const whole = integerDaxie(yuan);
  if (whole === "" && jiao === 0 && f === 0) return "零元整";
  let out = whole === "" ? "" : `${whole}元`;
  if (jiao === 0 && f === 0) return `${sign}${out}整`;
  if (jiao !== 0) out += `${DIGITS[jiao]}角`;
  else if (whole !== "") out += "零"; // 1004.06 → …元零陆分
  if (f !== 0) out += `${DIGITS[f]}分`;
  else if (options.zhengAfterJiao) out += "整";
  return sign + out;
}
