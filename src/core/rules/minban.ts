/**
 * 34号 第（十一）条1: the 民办公助 mode is for small public infrastructure of poor villages with
 * low technical demands and a fiscal subsidy "在50万元以内". 以内 includes the bound (民法典 第一千
 * 二百五十九条): exactly 50万元 is within; a 民办公助 row above it is a finding.
 */
import { Decimal } from "../money";
import { Citation, DOCS, SEEDS } from "./citation";

export const MINBAN_CITATION: Citation = {
  document: DOCS.GX34,
  clause: "第（十一）条1",
  quote:
    "提高產業發展項目以獎代補、先建后補方式和技術要求不高、財政扶貧資金補助在50萬元以內的貧困村小型公共基礎設施建設民辦公助方式在財政專項扶貧資金使用中的比例。",
  seed: SEEDS.GX34,
};

/** 50万元, in 元. */
export const MINBAN_LIMIT_YUAN = new Decimal(500000);

/** A row that says it uses the 民办公助 mode (Simplified or Traditional). */
export const MINBAN_MARK = /民办公助|民辦公助/;

/** True when a 民办公助 subsidy is above the limit (exactly the limit is within). */
export function minbanAbove(subsidyYuan: Decimal, limitYuan: Decimal = MINBAN_LIMIT_YUAN): boolean {
  return subsidyYuan.greaterThan(limitYuan);
}
