/**
 * The factor rows editor: per factor its weight, direction and kind; then the performance
 * factors' share of the weights against the floor (桂政发〔2014〕34号 第（三）条), shown as you type.
 */
import * as React from "react";
import { Badge, Field, Input, Select, Text } from "@fluentui/react-components";
import type { AllocationPlan, Direction, FactorKind } from "../../core/allocation";
import { Decimal } from "../../core/money";
import { useT } from "../lang";
import { useStyles } from "./styles";

type Factor = AllocationPlan["factors"][number];

export interface FactorWeightsProps {
  factors: AllocationPlan["factors"];
  onChange(column: number, change: Partial<Factor>): void;
}

export function FactorWeights({ factors, onChange }: FactorWeightsProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <>
      <h3 className={styles.subheading} id="alloc-factors">
        {t("因素权重", "Factor weights")}
      </h3>
      <ul className={styles.list} aria-labelledby="alloc-factors" data-testid="factors">
        {factors.map((f) => (
          <li key={f.column} className={styles.card}>
            <Text weight="semibold" className={styles.wrap}>
              {f.name}
            </Text>
            <div className={styles.cardFields}>
              <Field label={t("权重", "Weight")} className={styles.weightField}>
                <Input
                  aria-label={`${t("权重", "Weight")} ${f.name}`}
                  value={f.weight}
                  onChange={(_, d) => onChange(f.column, { weight: d.value })}
                />
              </Field>
              <Field label={t("方向", "Direction")} className={styles.selectField}>
                <Select
                  aria-label={`${t("方向", "Direction")} ${f.name}`}
                  value={f.direction}
                  onChange={(_, d) => onChange(f.column, { direction: d.value as Direction })}
                >
                  <option value="+">{t("正向（越大越多）", "Positive (+)")}</option>
                  <option value="-">{t("逆向（越大越少）", "Inverse (−)")}</option>
                </Select>
              </Field>
              <Field label={t("类别", "Kind")} className={styles.selectField}>
                <Select
                  aria-label={`${t("类别", "Kind")} ${f.name}`}
                  value={f.kind}
                  onChange={(_, d) => onChange(f.column, { kind: d.value as FactorKind })}
                >
                  <option value="objective">{t("客观因素", "Objective")}</option>
                  <option value="performance">{t("绩效因素", "Performance")}</option>
                </Select>
              </Field>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The performance factors' share of the weights, against the floor set. */
export function PerformanceCheck({ perf, floor }: { perf: Decimal; floor: Decimal }) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.row} data-testid="performance-check">
      <Badge
        appearance="filled"
        color={perf.lessThan(floor) ? "danger" : "success"}
        className={styles.badge}
      >
        {t("绩效权重占比", "Performance weight")} {perf.times(100).toDecimalPlaces(2).toString()}%
      </Badge>
      <Text size={200}>
        {perf.lessThan(floor)
          ? t(
              `低于所设下限 ${floor.times(100).toString()}%（桂政发〔2014〕34号 第（三）条；原文此处数字残缺，通常读作 30%）`,
              `Below the floor set, ${floor.times(100).toString()}% (34号 (3); the digit is illegible in our copy, usually read as 30 %)`
            )
          : t(`不低于 ${floor.times(100).toString()}%`, `At least ${floor.times(100).toString()}%`)}
      </Text>
    </div>
  );
}
