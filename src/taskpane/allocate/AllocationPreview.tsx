/**
 * The allocation preview: per county its amount, its factor share before deduction and — with a
 * carry-over deduction — the deduction and the share received after it; then the total.
 */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import type { AllocationResult } from "../../core/allocation/types";
import { Decimal } from "../../core/money";
import { useT } from "../lang";
import { useStyles } from "./styles";

export interface AllocationPreviewProps {
  names: readonly string[];
  outcome: AllocationResult;
  hasCarryover: boolean;
  /** An amount as shown (the unit's decimal places, grouped). */
  fmt(d: Decimal): string;
}

export function AllocationPreview({ names, outcome, hasCarryover, fmt }: AllocationPreviewProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <ul
      className={styles.preview}
      aria-label={t("分配预览", "Allocation preview")}
      data-testid="preview"
    >
      {outcome.amounts.map((a, i) => (
        <li key={i} className={styles.card} data-testid="preview-row">
          <Text weight="semibold" className={styles.wrap}>
            {names[i] ?? ""}
          </Text>
          <dl className={styles.values}>
            <dt>{t("分配金额", "Amount")}</dt>
            <dd className={styles.num}>{fmt(a)}</dd>
            <dt>{t("因素份额（扣减前）", "Factor share (before deduction)")}</dt>
            <dd className={styles.num}>
              {outcome.shares[i].times(100).toDecimalPlaces(4).toString()}%
            </dd>
            {hasCarryover && (
              <>
                <dt>{t("结转扣减", "Carry-over deduction")}</dt>
                <dd className={styles.num}>{fmt(outcome.deductions[i])}</dd>
                <dt>{t("实得占比（扣减后）", "Share received (after deduction)")}</dt>
                <dd className={styles.num}>{percentOf(a, outcome.distributed)}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
      <li className={styles.card}>
        <dl className={styles.values}>
          <dt>
            <Text weight="semibold">{t("合计分配", "Total allocated")}</Text>
          </dt>
          <dd className={styles.num} data-testid="preview-total">
            {fmt(outcome.distributed)}
          </dd>
        </dl>
      </li>
    </ul>
  );
}

/** "12.3456%": a part of a whole, four places, exact (Decimal). */
function percentOf(part: Decimal, whole: Decimal): string {
  if (whole.isZero()) return "—";
  return `${part.div(whole).times(100).toDecimalPlaces(4).toString()}%`;
}
