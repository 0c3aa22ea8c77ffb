/**
 * The summary lines of what a review did not judge or left aside (SheetNotes), for the command
 * line's summary and JSON and the Review pane: never a silent clean.
 */
import { Bilingual, bi } from "../i18n";
import type { SheetResult } from "./types";

/** How an office supplies a year's holidays, wherever the review ran. */
export const HOW_TO_SUPPLY_CALENDAR = bi(
  "请在工作簿中加入“节假日安排”工作表（列：日期、类型 放假/上班、说明；可用 fund-compliance template calendar 生成），命令行则用 --calendar 文件（.csv、.xlsx 或 .json）",
  "add a 节假日安排 sheet to the workbook (columns 日期, 类型 放假/上班, 说明; `fund-compliance template calendar` writes one), or pass --calendar FILE (.csv, .xlsx or .json) on the command line"
);

/** One line per kind of note, summed over the sheets given (one file, or the pane's run). */
export function reviewNotes(sheets: readonly SheetResult[]): Bilingual[] {
  let notJudged = 0;
  const years = new Set<number>();
  let notGoverned = 0;
  const types: string[] = [];
  let idle = 0;
  let idleReason: Bilingual | null = null;
  let idleYears = 0;
  for (const s of sheets) {
    const n = s.notes;
    if (!n) continue;
    if (n.notJudged) {
      notJudged += n.notJudged.rows;
      n.notJudged.years.forEach((y) => years.add(y));
    }
    if (n.notGoverned) {
      notGoverned += n.notGoverned.rows;
      for (const t of n.notGoverned.types) if (!types.includes(t)) types.push(t);
    }
    if (n.idleNotChecked) {
      idle += n.idleNotChecked.rows;
      idleReason ??= n.idleNotChecked.reason;
      idleYears ||= n.idleNotChecked.years;
    }
  }
  const lines: Bilingual[] = [];
  if (notJudged) {
    const y = [...years].sort((a, b) => a - b).join("、");
    const ye = [...years].sort((a, b) => a - b).join(", ");
    lines.push(
      bi(
        `${notJudged} 行的下达时限未能判断：缺少 ${y} 年的节假日安排。${HOW_TO_SUPPLY_CALENDAR.zh}`,
        `${notJudged} rows could not be judged against their deadline: no holiday arrangement for ${ye}. ${HOW_TO_SUPPLY_CALENDAR.en}`
      )
    );
  }
  if (notGoverned) {
    const shown = types.slice(0, 10);
    const more = types.length > shown.length ? `等 ${types.length} 种` : "";
    lines.push(
      bi(
        `${notGoverned} 行资金类型不适用 34号（十三）：${shown.join("、")}${more}（市、县、区、乡镇级资金或债券、自筹、社会资金、贷款），未判断下达时限`,
        `${notGoverned} rows have fund types 34号 (13) does not govern: ${shown.join(", ")}${types.length > shown.length ? ` and ${types.length - shown.length} more` : ""} (city, county, district or township funds, or bonds, self-raised, social funds, loans); no deadline applied`
      )
    );
  }
  if (idle && idleReason)
    lines.push(
      bi(
        `未检查项目闲置（34号（七）3）：${idleReason.zh}；${idle} 行“未开工”无法判断是否超过 ${idleYears} 年`,
        `idle projects (34号 (7)3) not checked: ${idleReason.en}; ${idle} rows marked not started could not be judged against ${idleYears} years`
      )
    );
  return lines;
}

/** Rows whose deadline could not be judged for want of a calendar year (they keep a file from being clean). */
export function rowsNotJudged(sheets: readonly SheetResult[]): number {
  return sheets.reduce((n, s) => n + (s.notes?.notJudged?.rows ?? 0), 0);
}
