/**
 * The pool and unit inputs: the pool, the rounding unit, and — as the table's columns call for
 * them — the minimum for each, the key-county coefficient, the carry-over threshold and what
 * becomes of the deducted money.
 */
import * as React from "react";
import { Field, Input, Select } from "@fluentui/react-components";
import type { AllocationPlan } from "../../core/allocation";
import { useT } from "../lang";
import { useStyles } from "./styles";

/** The rounding units, named as an office says them (the pool and amounts are in 元). */
const UNIT_LABEL: Record<string, { zh: string; en: string }> = {
  "0.01": { zh: "分（0.01 元）", en: "fen (0.01 yuan)" },
  "0.1": { zh: "角（0.1 元）", en: "jiao (0.1 yuan)" },
  "1": { zh: "元", en: "1 yuan" },
  "10": { zh: "十元", en: "10 yuan" },
  "100": { zh: "百元", en: "100 yuan" },
  "1000": { zh: "千元", en: "1,000 yuan" },
  "10000": { zh: "万元", en: "10,000 yuan" },
};

const UNITS = ["0.01", "0.1", "1", "10", "100", "1000", "10000"];

/** A rounding unit's name in the pane's language (the unit itself when it has none). */
export function useUnitText() {
  const t = useT();
  return (u: string) => {
    const l = UNIT_LABEL[u];
    return l ? t(l.zh, l.en) : u;
  };
}

export interface PlanFieldsProps {
  plan: AllocationPlan;
  update(change: Partial<AllocationPlan>): void;
}

export function PlanFields({ plan, update }: PlanFieldsProps) {
  const styles = useStyles();
  const t = useT();
  const unitText = useUnitText();
  return (
    <div className={styles.fields}>
      <Field
        label={t("资金总额（元）", "Pool (yuan)")}
        hint={t("如 50000000，可带千分位逗号", "e.g. 50000000; thousands commas allowed")}
      >
        <Input value={plan.pool} onChange={(_, d) => update({ pool: d.value })} />
      </Field>
      <Field label={t("取整到", "Round to")}>
        <Select value={plan.unit} onChange={(_, d) => update({ unit: d.value })}>
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {unitText(u)}
            </option>
          ))}
        </Select>
      </Field>
      {plan.minimumColumn === null && (
        <Field label={t("统一保底金额（元）", "Minimum for each (yuan)")}>
          <Input value={plan.minimumAll} onChange={(_, d) => update({ minimumAll: d.value })} />
        </Field>
      )}
      {plan.flagColumn !== null && (
        <Field label={t("重点县系数", "Key-county coefficient")}>
          <Input
            value={plan.keyCoefficient}
            onChange={(_, d) => update({ keyCoefficient: d.value })}
          />
        </Field>
      )}
      {plan.carryoverColumn !== null && (
        <>
          <Field label={t("结转率阈值（大于则扣减）", "Carry-over threshold (deduct above)")}>
            <Input value={plan.threshold} onChange={(_, d) => update({ threshold: d.value })} />
          </Field>
          <Field label={t("扣减资金", "Deducted money")}>
            <Select
              value={plan.disposal}
              onChange={(_, d) => update({ disposal: d.value as AllocationPlan["disposal"] })}
            >
              <option value="retain">{t("留存", "Retained")}</option>
              <option value="redistribute">
                {t("再分配给未扣减的县", "Redistributed to the others")}
              </option>
            </Select>
          </Field>
        </>
      )}
    </div>
  );
}
