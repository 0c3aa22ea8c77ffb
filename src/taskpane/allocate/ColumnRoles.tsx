/** The columns recognised from the factor table's headers, each with its role (changeable). */
import * as React from "react";
import { Select, Text } from "@fluentui/react-components";
import type { ColumnRole, FactorTable } from "../../core/allocation";
import { useT } from "../lang";
import { useStyles } from "./styles";

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

export interface ColumnRolesProps {
  table: FactorTable;
  onRole(column: number, role: ColumnRole): void;
}

export function ColumnRoles({ table, onRole }: ColumnRolesProps) {
  const styles = useStyles();
  const t = useT();
  return (
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
              onChange={(_, d) => onRole(c.index, d.value as ColumnRole)}
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
    </>
  );
}
