/** Filing-sheet cell values and input-rule messages, the same on every host (Excel, WPS). */
import { asTextCell, type ColumnLayout, type ValidationRule } from "../../core/filing";
import { Decimal } from "../../core/money";

export function cellValue(c: ColumnLayout, v: unknown): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (v instanceof Decimal) return v.toNumber();
  if (typeof v === "number" || typeof v === "boolean") return v;
  return asTextCell(String(v)); // text never becomes a formula
}

/** What a drop-down or input rule tells the preparer, and whether it stops bad input (both hosts). */
export function validationAlert(v: ValidationRule): { strict: boolean; message: string } {
  switch (v.type) {
    case "list":
      return {
        strict: v.strict,
        message: v.strict ? "请从下拉列表中选择" : "不在建议选项中，确认要使用吗？",
      };
    case "decimal":
      return { strict: false, message: "金额应为不小于 0 的数字（万元）" };
    case "date":
      return { strict: false, message: "请输入有效日期，如 2025-03-05" };
    case "whole":
      return { strict: true, message: `年度应为 ${v.min}–${v.max} 之间的整数` };
  }
}
