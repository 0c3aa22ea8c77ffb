/**
 * Argument helpers shared by FUND.SAMPLE and FUND.SAMPLE.CHECK (34号 第（十六）条1): ranges as
 * cell lists, the fraction, and the ids at or above an amount threshold.
 */
import { Decimal, parseAmount, MoneyUnit, UNIT_FACTOR, decimalFromExcel } from "../core/money";
import { inputError } from "./errors";
import { scalar, isOmitted } from "./args";

export type Cell = number | string | boolean | null;

/** A range argument's cells, row by row, blanks kept (so two ranges can be paired). */
export function allCells(v: unknown): unknown[] {
  if (isOmitted(v)) return [];
  if (!Array.isArray(v)) return [v];
  const out: unknown[] = [];
  for (const row of v) for (const c of Array.isArray(row) ? row : [row]) out.push(c);
  return out;
}

export function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** 0.6, "60%", "0.6" → Decimal in (0, 1]. */
export function fractionArg(v: unknown): Decimal {
  const x = scalar(v);
  let d: Decimal | null = null;
  if (typeof x === "number" && Number.isFinite(x)) d = decimalFromExcel(x);
  else if (typeof x === "string") {
    const m = /^\s*([0-9]+(\.[0-9]+)?|\.[0-9]+)\s*([%％])?\s*$/.exec(x);
    if (m) d = new Decimal(m[1]).dividedBy(m[3] ? 100 : 1);
  }
  if (d === null)
    throw inputError(
      "value",
      `抽查比例必须是数字（如 0.3 或 30%），收到「${String(x ?? "")}」`,
      `fraction must be a number (0.3 or 30%)`
    );
  if (d.lessThanOrEqualTo(0) || d.greaterThan(1))
    throw inputError(
      "value",
      `抽查比例必须大于 0 且不超过 1，收到 ${d.toString()}`,
      `fraction must be in (0, 1], got ${d.toString()}`
    );
  return d;
}

/** An amount → 元, plain numbers taken in `assumed`. */
function inYuan(v: unknown, assumed: MoneyUnit, what: [string, string]): Decimal {
  const p = parseAmount(v);
  if (!p.ok)
    throw inputError("value", `${what[0]}：${p.message.zh}`, `${what[1]}: ${p.message.en}`);
  return p.value.times(UNIT_FACTOR[p.unit ?? assumed]);
}

/** The ids at or above the threshold (all non-blank ids without amounts); amounts must match ids. */
export function eligibleIds(
  idCells: unknown[],
  amounts: unknown,
  t: unknown,
  hasAmounts: boolean
): Cell[] {
  let eligible: Cell[] = [];
  if (hasAmounts) {
    const amountCells = allCells(amounts);
    if (amountCells.length !== idCells.length)
      throw inputError(
        "value",
        `金额区域有 ${amountCells.length} 个单元格，编号区域有 ${idCells.length} 个，大小必须相同`,
        `amounts has ${amountCells.length} cells, ids has ${idCells.length}: sizes must match`
      );
    const tp = parseAmount(t);
    const unit: MoneyUnit = tp.ok && tp.unit ? tp.unit : "元";
    const limit = inYuan(t, "元", ["门槛", "threshold"]);
    idCells.forEach((id, i) => {
      if (blank(id)) return;
      const a = inYuan(amountCells[i], unit, [
        `第 ${i + 1} 个金额（${String(id)}）`,
        `amount ${i + 1} (${String(id)})`,
      ]);
      if (a.greaterThanOrEqualTo(limit)) eligible.push(id as Cell);
    });
  } else {
    eligible = idCells.filter((id) => !blank(id)) as Cell[];
  }
  return eligible;
}
