/**
 * The Allocation pane: pick the factor table, check the columns recognised from its headers,
 * set weight / direction / kind per factor (the 34号（三） 30 % check shown as you type), the
 * pool, unit, minimums and coefficients; preview; write a result sheet (table, optional live
 * formulas, optional bar chart). It talks to the workbook only through AllocationWorkbook.
 */
import * as React from "react";
import { Badge, Button, Checkbox, Field, Input, Select, Text } from "@fluentui/react-components";
import { AllocationPlan, ColumnRole, FactorTable } from "../../core/allocation";
import type { Direction, FactorKind } from "../../core/allocation";
import { Decimal } from "../../core/money";
import { useLang, useT, text } from "../lang";
import type { AllocationWorkbook, RangeSnapshot } from "../../workbook/allocation/port";
import { previewOf, readSelection, withRole, writeAllocation, writtenMessage } from "./workflow";
import { Notice } from "../Notice";
import { useStyles } from "./styles";
import { AllocationPreview } from "./AllocationPreview";

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

const ROLES: { role: ColumnRole; zh: string; en: string }[] = [
  { role: "name", zh: "名称（县）", en: "Name (county)" },
  { role: "factor", zh: "因素", en: "Factor" },
  { role: "flag", zh: "重点县标记", en: "Key-county flag" },
  { role: "carryover", zh: "结转结余", en: "Carry-over" },
  { role: "total", zh: "当年资金总额", en: "Year's total" },
  { role: "minimum", zh: "保底金额", en: "Minimum" },
  { role: "cap", zh: "上限", en: "Cap" },
  { role: "coefficient", zh: "政策系数", en: "Coefficient" },
  { role: "ignore", zh: "不使用", en: "Not used" },
];

const UNITS = ["0.01", "0.1", "1", "10", "100", "1000", "10000"];

export function AllocationPane({ workbook }: { workbook: AllocationWorkbook }) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const [snapshot, setSnapshot] = React.useState<RangeSnapshot | null>(null);
  const [table, setTable] = React.useState<FactorTable | null>(null);
  const [plan, setPlan] = React.useState<AllocationPlan | null>(null);
  const [formulas, setFormulas] = React.useState(false);
  const [chart, setChart] = React.useState(true);
  const [busy, setBusy] = React.useState(false);
  const [status, setStatus] = React.useState<{ ok: boolean; text: string } | null>(null);

  const useSelection = async () => {
    setStatus(null);
    try {
      const sel = await readSelection(workbook);
      setSnapshot(sel.snapshot);
      setTable(sel.table);
      setPlan(sel.plan);
    } catch (e) {
      setStatus({
        ok: false,
        text: t("读取所选区域失败：", "Could not read the selection: ") + String(e),
      });
    }
  };

  const preview = React.useMemo(
    () => (table && plan ? previewOf(table, plan) : null),
    [table, plan]
  );
  const planned = preview?.planned ?? null;
  const outcome = preview?.outcome ?? null;
  const perf = preview?.perf ?? null;
  const floor = preview?.floor ?? new Decimal("0.3");
  const formulasPossible = preview?.formulasPossible ?? false;
  const update = (p: Partial<AllocationPlan>) => plan && setPlan({ ...plan, ...p });
  const setFactor = (column: number, p: Partial<AllocationPlan["factors"][number]>) =>
    plan &&
    setPlan({
      ...plan,
      factors: plan.factors.map((f) => (f.column === column ? { ...f, ...p } : f)),
    });

  const write = async () => {
    if (!planned || !planned.ok || !outcome || !outcome.ok || !table || !plan || !snapshot) return;
    setBusy(true);
    setStatus(null);
    try {
      const w = await writeAllocation(workbook, { snapshot, table, plan }, preview!, {
        chart,
        formulas,
      });
      if (w) setStatus({ ok: true, text: text(writtenMessage(w), lang) });
    } catch (e) {
      setStatus({ ok: false, text: t("写入失败：", "Writing failed: ") + String(e) });
    } finally {
      setBusy(false);
    }
  };

  const fmt = (d: Decimal) => {
    const dp = outcome && outcome.ok ? Math.max(0, outcome.unit.decimalPlaces()) : 2;
    return d
      .toNumber()
      .toLocaleString("zh-CN", { minimumFractionDigits: dp, maximumFractionDigits: dp });
  };

  const hasCarryover = !!(planned?.ok && planned.input.carryover);
  const unitText = (u: string) => {
    const l = UNIT_LABEL[u];
    return l ? t(l.zh, l.en) : u;
  };

  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>{t("因素法分配", "Factor-method allocation")}</h2>
      <div className={styles.row}>
        <Button appearance="primary" onClick={useSelection}>
          {t("使用所选区域", "Use selection")}
        </Button>
        {snapshot && (
          <Text size={200} className={styles.truncate} title={snapshot.address}>
            {snapshot.address}
          </Text>
        )}
      </div>
      {!table && (
        <Text>
          {t(
            "选中因素表（含表头：县、各因素列，可有重点县、结转结余列），然后点「使用所选区域」。",
            "Select the factor table (headers: county, factor columns, optionally key-county and carry-over), then click Use selection."
          )}
        </Text>
      )}

      {table && plan && (
        <>
          <h3 className={styles.subheading} id="alloc-columns">
            {t("识别的列", "Recognised columns")}
          </h3>
          <ul className={styles.list} aria-labelledby="alloc-columns">
            {table.columns.map((c) => (
              <li key={c.index} className={styles.pair}>
                <Text className={styles.pairLabel}>{c.header || `#${c.index + 1}`}</Text>
                <Select
                  className={styles.pairControl}
                  aria-label={`${t("列用途", "Column role")} ${c.header}`}
                  value={c.role}
                  onChange={(_, d) => {
                    const n = withRole(table, plan, c.index, d.value as ColumnRole);
                    setTable(n.table);
                    setPlan(n.plan);
                  }}
                >
                  {ROLES.map((r) => (
                    <option key={r.role} value={r.role}>
                      {t(r.zh, r.en)}
                    </option>
                  ))}
                </Select>
              </li>
            ))}
          </ul>

          <h3 className={styles.subheading} id="alloc-factors">
            {t("因素权重", "Factor weights")}
          </h3>
          <ul className={styles.list} aria-labelledby="alloc-factors" data-testid="factors">
            {plan.factors.map((f) => (
              <li key={f.column} className={styles.card}>
                <Text weight="semibold" className={styles.wrap}>
                  {f.name}
                </Text>
                <div className={styles.cardFields}>
                  <Field label={t("权重", "Weight")} className={styles.weightField}>
                    <Input
                      aria-label={`${t("权重", "Weight")} ${f.name}`}
                      value={f.weight}
                      onChange={(_, d) => setFactor(f.column, { weight: d.value })}
                    />
                  </Field>
                  <Field label={t("方向", "Direction")} className={styles.selectField}>
                    <Select
                      aria-label={`${t("方向", "Direction")} ${f.name}`}
                      value={f.direction}
                      onChange={(_, d) => setFactor(f.column, { direction: d.value as Direction })}
                    >
                      <option value="+">{t("正向（越大越多）", "Positive (+)")}</option>
                      <option value="-">{t("逆向（越大越少）", "Inverse (−)")}</option>
                    </Select>
                  </Field>
                  <Field label={t("类别", "Kind")} className={styles.selectField}>
                    <Select
                      aria-label={`${t("类别", "Kind")} ${f.name}`}
                      value={f.kind}
                      onChange={(_, d) => setFactor(f.column, { kind: d.value as FactorKind })}
                    >
                      <option value="objective">{t("客观因素", "Objective")}</option>
                      <option value="performance">{t("绩效因素", "Performance")}</option>
                    </Select>
                  </Field>
                </div>
              </li>
            ))}
          </ul>
          {perf !== null && (
            <div className={styles.row} data-testid="performance-check">
              <Badge
                appearance="filled"
                color={perf.lessThan(floor) ? "danger" : "success"}
                className={styles.badge}
              >
                {t("绩效权重占比", "Performance weight")}{" "}
                {perf.times(100).toDecimalPlaces(2).toString()}%
              </Badge>
              <Text size={200}>
                {perf.lessThan(floor)
                  ? t(
                      `低于所设下限 ${floor.times(100).toString()}%（桂政发〔2014〕34号 第（三）条；原文此处数字残缺，通常读作 30%）`,
                      `Below the floor set, ${floor.times(100).toString()}% (34号 (3); the digit is illegible in our copy, usually read as 30 %)`
                    )
                  : t(
                      `不低于 ${floor.times(100).toString()}%`,
                      `At least ${floor.times(100).toString()}%`
                    )}
              </Text>
            </div>
          )}

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
                <Input
                  value={plan.minimumAll}
                  onChange={(_, d) => update({ minimumAll: d.value })}
                />
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
                  <Input
                    value={plan.threshold}
                    onChange={(_, d) => update({ threshold: d.value })}
                  />
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

          {planned && !planned.ok && plan.pool.trim() !== "" && (
            <Notice intent="error">{text(planned.message, lang)}</Notice>
          )}
          {outcome && !outcome.ok && (
            <Notice intent="error">{text(outcome.error.message, lang)}</Notice>
          )}
          {outcome && outcome.ok && (
            <>
              {outcome.warnings
                .filter((w) => w.code !== "performance-weight-low")
                .map((w, k) => (
                  <Notice intent="warning" key={k}>
                    {text(w.message, lang)}
                  </Notice>
                ))}
              <h3 className={styles.subheading} id="alloc-preview">
                {t("预览", "Preview")}
              </h3>
              <Text size={200}>
                {t(
                  `金额单位：元，取整到 ${unitText(plan.unit)}`,
                  `Amounts in yuan, rounded to ${unitText(plan.unit)}`
                )}
                {outcome.retained.greaterThan(0) &&
                  t(`；扣减留存 ${fmt(outcome.retained)}`, `; retained ${fmt(outcome.retained)}`)}
              </Text>
              <AllocationPreview
                names={planned && planned.ok ? planned.names : []}
                outcome={outcome}
                hasCarryover={hasCarryover}
                fmt={fmt}
              />
              <div className={styles.row}>
                <Checkbox
                  label={t("写入实时公式 =FUND.ALLOCATE", "Live formulas =FUND.ALLOCATE")}
                  checked={formulas && formulasPossible}
                  disabled={!formulasPossible}
                  onChange={(_, d) => setFormulas(!!d.checked)}
                />
                <Checkbox
                  label={t("插入条形图", "Bar chart")}
                  checked={chart}
                  onChange={(_, d) => setChart(!!d.checked)}
                />
              </div>
              {!formulasPossible && (
                <Text size={200}>
                  {t(
                    "含上限或结转扣减时不能写成公式（FUND.ALLOCATE 不含这两项）。",
                    "Formulas are not available with caps or carry-over deductions (FUND.ALLOCATE has neither)."
                  )}
                </Text>
              )}
              <Button appearance="primary" disabled={busy} onClick={write}>
                {t("写入结果表", "Write result sheet")}
              </Button>
            </>
          )}
        </>
      )}
      {status && <Notice intent={status.ok ? "success" : "error"}>{status.text}</Notice>}
    </div>
  );
}
