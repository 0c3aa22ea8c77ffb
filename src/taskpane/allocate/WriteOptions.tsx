/** How the result sheet is written (live formulas, bar chart) and the button that writes it. */
import * as React from "react";
import { Button, Checkbox, Text } from "@fluentui/react-components";
import { useT } from "../lang";
import { useStyles } from "./styles";

export interface WriteOptionsProps {
  formulas: boolean;
  /** Live formulas can express this plan (no caps, no carry-over deduction). */
  formulasPossible: boolean;
  chart: boolean;
  busy: boolean;
  onFormulas(on: boolean): void;
  onChart(on: boolean): void;
  onWrite(): void;
}

export function WriteOptions(props: WriteOptionsProps) {
  const { formulas, formulasPossible, chart } = props;
  const styles = useStyles();
  const t = useT();
  return (
    <>
      <div className={styles.row}>
        <Checkbox
          label={t("写入实时公式 =FUND.ALLOCATE", "Live formulas =FUND.ALLOCATE")}
          checked={formulas && formulasPossible}
          disabled={!formulasPossible}
          onChange={(_, d) => props.onFormulas(!!d.checked)}
        />
        <Checkbox
          label={t("插入条形图", "Bar chart")}
          checked={chart}
          onChange={(_, d) => props.onChart(!!d.checked)}
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
      <Button appearance="primary" disabled={props.busy} onClick={props.onWrite}>
        {t("写入结果表", "Write result sheet")}
      </Button>
    </>
  );
}
