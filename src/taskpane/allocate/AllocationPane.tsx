/**
 * The Allocation pane: pick the factor table, check the columns recognised from its headers,
 * set weight / direction / kind per factor (the 34号（三） 30 % check shown as you type), the
 * pool, unit, minimums and coefficients; preview; write a result sheet (table, optional live
 * formulas, optional bar chart). It talks to the workbook only through AllocationWorkbook.
 */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { AllocationPlan, FactorTable } from "../../core/allocation";
import { Decimal } from "../../core/money";
import { useLang, useT, text } from "../lang";
import type { AllocationWorkbook, RangeSnapshot } from "../../workbook/allocation/port";
import { previewOf, readSelection, withRole, writeAllocation, writtenMessage } from "./workflow";
import { Notice } from "../Notice";
import { useStyles } from "./styles";
import { AllocationPreview } from "./AllocationPreview";
import { ColumnRoles } from "./ColumnRoles";
import { FactorWeights, PerformanceCheck } from "./FactorWeights";
import { PlanFields, useUnitText } from "./PlanFields";
import { WriteOptions } from "./WriteOptions";

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
  const unitText = useUnitText();

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
          <ColumnRoles
            table={table}
            onRole={(column, role) => {
              const n = withRole(table, plan, column, role);
              setTable(n.table);
              setPlan(n.plan);
            }}
          />
          <FactorWeights factors={plan.factors} onChange={setFactor} />
          {perf !== null && <PerformanceCheck perf={perf} floor={floor} />}
          <PlanFields plan={plan} update={update} />

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
              <WriteOptions
                formulas={formulas}
                formulasPossible={formulasPossible}
                chart={chart}
                busy={busy}
                onFormulas={setFormulas}
                onChart={setChart}
                onWrite={write}
              />
            </>
          )}
        </>
      )}
      {status && <Notice intent={status.ok ? "success" : "error"}>{status.text}</Notice>}
    </div>
  );
}
