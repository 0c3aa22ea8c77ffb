/** The sheet to review: every reviewable sheet (the active one marked), and "all sheets". */
import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { useT } from "../lang";
import type { SheetList } from "../../workbook/review/port";
import { ALL } from "./workflow";
import { useStyles } from "./styles";

export interface SheetPickerProps {
  sheets: SheetList | null;
  target: string;
  onChange(target: string): void;
}

export function SheetPicker({ sheets, target, onChange }: SheetPickerProps) {
  const styles = useStyles();
  const t = useT();
  const sheetChoice = (n: string) =>
    n === sheets?.active ? `${n} ${t("（当前）", "(active)")}` : n;
  return (
    <Field label={t("工作表", "Sheet")}>
      <Select
        className={styles.picker}
        aria-label={t("要审查的工作表", "Sheet to review")}
        title={target === ALL ? undefined : sheetChoice(target)}
        value={target}
        onChange={(_, d) => onChange(d.value)}
      >
        {(sheets?.names ?? []).map((n) => (
          <option key={n} value={n}>
            {sheetChoice(n)}
          </option>
        ))}
        {sheets && sheets.names.length > 1 && (
          <option value={ALL}>{t("全部工作表", "All sheets")}</option>
        )}
      </Select>
    </Field>
  );
}
