/**
 * `--lists FILE.xlsx`: the office's lists for the command line — the same sheets, with the
 * same fixed names, that the Review pane reads in a workbook (黑名单, 管理费比例, 贷款基准利率).
 * The file is only read. Any bad row stops the run with every problem listed.
 */
import { both } from "../core/i18n";
import {
  OFFICE_SHEETS,
  OfficeLists,
  isOfficeSheet,
  missingLists,
  readOfficeLists,
} from "../core/review/office";
import { CellValue, UnreadableFile, readWorkbook } from "./read";

export async function readListsFile(
  file: string
): Promise<{ lists: OfficeLists; missing: string[] } | string> {
  const sheets = new Map<string, CellValue[][]>();
  try {
    await readWorkbook(file, (start) => {
      const keep = isOfficeSheet(start.name);
      const rows: CellValue[][] = [];
      if (keep) sheets.set(start.name.trim(), rows);
      return {
        row(r, v) {
          if (!keep || r > 100000) return;
          while (rows.length < r - 1) rows.push([]);
          rows.push(v);
        },
        end() {},
      };
    });
  } catch (e) {
    const why = e instanceof UnreadableFile ? both(e.reason) : String(e);
    return `fund-compliance: --lists ${file}: 无法读取此文件 (cannot read this file): ${why}\n`;
  }
  if (sheets.size === 0)
    return `fund-compliance: --lists ${file}: 文件中没有 ${OFFICE_SHEETS.join("、")} 中的任何工作表 (none of these sheets in the file)\n`;
  const { lists, problems } = readOfficeLists(
    [...sheets].map(([name, values]) => ({ name, values }))
  );
  if (problems.length) {
    const lines = problems.map(
      (p) =>
        `  「${p.sheet}」${p.row ? `第 ${p.row} 行 row ${p.row}: ` : ""}${p.message.zh} (${p.message.en})`
    );
    return `fund-compliance: --lists ${file}: 有无法读取的行，请先改正 (rows that cannot be read; fix them first)\n${lines.join("\n")}\n`;
  }
  return { lists, missing: missingLists(lists) };
}
