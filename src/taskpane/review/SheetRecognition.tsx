/**
 * How the chosen sheet was recognised (kind, header row, amount unit, or why not) and the column
 * mapping the user can correct — remembered in the workbook by the pane.
 */
import * as React from "react";
import { Button, Caption1, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Bilingual } from "../../core/i18n";
import { columnLetters } from "../../core/review/types";
import type {
  ColumnMapping,
  Field as LedgerField,
  SheetInput,
  SheetResult,
} from "../../core/review/types";
import { FIELD_LABEL, SHEET_KIND_LABEL } from "../../workbook/review/labels";
import { text, useLang, useT } from "../lang";

const useStyles = makeStyles({
  mapping: {
    display: "grid",
    gridTemplateColumns: "minmax(0, max-content) minmax(0, 1fr)",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

const UNIT_HOW: Record<NonNullable<SheetResult["unit"]>["how"], Bilingual> = {
  header: { zh: "据表头", en: "from the header" },
  "unit-row": { zh: "据单位行", en: "from the unit row" },
  inferred: { zh: "推断", en: "inferred" },
  default: { zh: "默认", en: "default" },
};

/** The header cell's text of a column (0-based, absolute), blanks removed. */
function headerText(input: SheetInput, recognised: SheetResult, col: number): string {
  if (!recognised.headerRow) return "";
  const origin = input.origin ?? { row: 1, column: 1 };
  const row = input.values[recognised.headerRow - origin.row];
  const v = row?.[col - (origin.column - 1)];
  return v === undefined || v === null ? "" : String(v).replace(/\s+/g, "");
}

/** The sheet's columns (0-based, absolute), as the used range spans them. */
function columnsOf(input: SheetInput): number[] {
  const origin = input.origin ?? { row: 1, column: 1 };
  const width = input.values.reduce((m, r) => Math.max(m, r.length), 0);
  const columns: number[] = [];
  for (let c = 0; c < width; c++) columns.push(origin.column - 1 + c);
  return columns;
}

export interface SheetRecognitionProps {
  input: SheetInput;
  recognised: SheetResult;
  /** The user's corrected mapping, remembered in the workbook; null = as recognised. */
  saved: ColumnMapping | null;
  onChange(field: LedgerField, value: string): void;
  onReset(): void;
}

export function SheetRecognition({
  input,
  recognised,
  saved,
  onChange,
  onReset,
}: SheetRecognitionProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const mapping = saved ?? recognised.mapping ?? {};
  const columns = columnsOf(input);
  return (
    <>
      <Caption1 data-testid="recognition">
        {recognised.recognised
          ? [
              recognised.kind ? text(SHEET_KIND_LABEL[recognised.kind], lang) : "",
              recognised.headerRow
                ? t(`表头在第 ${recognised.headerRow} 行`, `header in row ${recognised.headerRow}`)
                : "",
              recognised.unit
                ? t(
                    `金额单位：${recognised.unit.unit}（${UNIT_HOW[recognised.unit.how].zh}）`,
                    `amounts in ${recognised.unit.unit} (${UNIT_HOW[recognised.unit.how].en})`
                  )
                : "",
            ]
              .filter(Boolean)
              .join(t("；", "; "))
          : recognised.reason
            ? text(recognised.reason, lang)
            : t("未能识别此表的表头", "The sheet's header was not recognised")}
      </Caption1>

      {/* also on a sheet not recognised: choosing its columns is how it gets read */}
      <details>
        <summary>
          <Text weight="semibold">{t("列对应关系", "Column mapping")}</Text>{" "}
          <Caption1 className={styles.muted}>
            {saved
              ? t("（已按您的修改保存）", "(your corrections, saved)")
              : t("（自动识别）", "(recognised)")}
          </Caption1>
        </summary>
        <div className={styles.mapping}>
          {(Object.keys(FIELD_LABEL) as LedgerField[]).map((field) => (
            <React.Fragment key={field}>
              <label htmlFor={`map-${field}`}>
                <Caption1>{text(FIELD_LABEL[field], lang)}</Caption1>
              </label>
              <Select
                id={`map-${field}`}
                size="small"
                value={mapping[field] === undefined ? "" : String(mapping[field])}
                onChange={(_, d) => onChange(field, d.value)}
              >
                <option value="">{t("（无）", "(none)")}</option>
                {columns.map((c) => (
                  <option key={c} value={String(c)}>
                    {`${columnLetters(c)} ${headerText(input, recognised, c)}`.trim()}
                  </option>
                ))}
              </Select>
            </React.Fragment>
          ))}
        </div>
        {saved && (
          <Button size="small" appearance="subtle" onClick={onReset}>
            {t("恢复自动识别", "Use the recognised mapping")}
          </Button>
        )}
      </details>
    </>
  );
}
