/** How the allocation's phases refuse an input: a bilingual problem naming the row or factor. */
import type { Decimal } from "../money";
import { bi } from "../i18n";
import { Scaled, scaled } from "./exact";
import type { AllocationErrorCode, AllocationProblem } from "./types";

/** Thrown by a phase, caught by `allocate` and returned as `{ ok: false, error }`. */
export class Stop extends Error {
  constructor(public readonly problem: AllocationProblem) {
    super(problem.message.en);
  }
}

export type Where = { row?: number; factor?: number };

export function fail(code: AllocationErrorCode, zh: string, en: string, where: Where = {}): never {
  throw new Stop({ code, message: bi(zh, en), ...where });
}

/** The value as m × 10^e, or a "not-a-number" stop naming it. */
export function need(
  v: Decimal.Value | null | undefined,
  zh: string,
  en: string,
  where: Where = {}
): Scaled {
  const s = scaled(v);
  if (!s) fail("not-a-number", `${zh}不是数字：「${v}」`, `${en} is not a number: "${v}"`, where);
  return s;
}

/** An optional per-recipient list (null entries allowed), checked for length and numbers. */
export function optionalList(
  list: (Decimal.Value | null)[] | undefined,
  n: number,
  zh: string,
  en: string
): (Scaled | null)[] | null {
  if (!list) return null;
  if (list.length !== n)
    fail(
      "size",
      `${zh}有 ${list.length} 个，与 ${n} 个分配对象不一致`,
      `${en}: ${list.length} values for ${n} recipients`
    );
  return list.map((v, i) =>
    v === null || v === undefined
      ? null
      : need(v, `第 ${i + 1} 行${zh}`, `${en} in row ${i + 1}`, { row: i })
  );
}
