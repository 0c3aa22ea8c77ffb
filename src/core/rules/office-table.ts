/**
 * Reading a list an office keeps itself (黑名单, 管理费比例, 贷款基准利率, 整合目标): a small table
 * with a header row somewhere in its first rows (a title may sit above it). Columns are found by
 * their header text; a row the office left blank is not a row; every other row is returned with
 * its worksheet row number so problems can be reported by row, never dropped.
 */
import type { Bilingual } from "../i18n";
import { bi } from "../i18n";
import { normalize } from "../prohibited/normalize";

/** Rows searched for the header. */
export const OFFICE_HEADER_ROWS = 10;

export interface OfficeColumn {
  key: string;
  /** Accepted header texts (compared after normalisation: Simplified, half-width, no spaces). */
  headers: readonly string[];
  required: boolean;
}

export interface OfficeRow {
  /** 1-based row of the range (the worksheet row when the range starts at A1). */
  row: number;
  cells: Record<string, unknown>;
}

export interface OfficeProblem {
  row: number;
  message: Bilingual;
}

export interface OfficeTable {
  rows: OfficeRow[];
  problems: OfficeProblem[];
}

function headerKey(v: unknown): string {
  if (typeof v !== "string") return "";
  // A required-field star (filing sheets write 名称*) and a unit suffix such as （%） or (万元).
  return normalize(v)
    .replace(/\*$/, "")
    .replace(/[（(][^）)]*[）)]$/, "")
    .replace(/\*$/, "");
}

export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Finds the header (the first row among the first OFFICE_HEADER_ROWS naming every required
 * column) and returns the rows below it. `what` names the list in messages.
 */
export function readOfficeTable(
  values: readonly (readonly unknown[])[],
  columns: readonly OfficeColumn[],
  what: Bilingual
): OfficeTable {
  const wanted = columns.map((c) => ({ ...c, keys: c.headers.map((h) => headerKey(h)) }));
  for (let r = 0; r < Math.min(values.length, OFFICE_HEADER_ROWS); r++) {
    const row = values[r] ?? [];
    const at: Record<string, number> = {};
    row.forEach((v, c) => {
      const k = headerKey(v);
      if (!k) return;
      for (const w of wanted) if (at[w.key] === undefined && w.keys.includes(k)) at[w.key] = c;
    });
    if (!wanted.every((w) => !w.required || at[w.key] !== undefined)) continue;
    const rows: OfficeRow[] = [];
    for (let i = r + 1; i < values.length; i++) {
      const v = values[i] ?? [];
      if (v.every(isBlankCell)) continue;
      const cells: Record<string, unknown> = {};
      for (const w of wanted) if (at[w.key] !== undefined) cells[w.key] = v[at[w.key]];
      rows.push({ row: i + 1, cells });
    }
    return { rows, problems: [] };
  }
  const need = columns.filter((c) => c.required).map((c) => c.headers[0]);
  return {
    rows: [],
    problems: [
      {
        row: 0,
        message: bi(
          `${what.zh}：前 ${OFFICE_HEADER_ROWS} 行中找不到表头（需要列：${need.join("、")}）`,
          `${what.en}: no header in the first ${OFFICE_HEADER_ROWS} rows (columns needed: ${need.join(", ")})`
        ),
      },
    ],
  };
}
