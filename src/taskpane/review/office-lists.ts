/**
 * The office's own lists (黑名单, 管理费比例, 贷款基准利率) as the Review pane reads them: sheets
 * with fixed names, read before each review and never reviewed themselves.
 */
import type { Bilingual } from "../../core/i18n";
import { bi } from "../../core/i18n";
import {
  OfficeLists,
  describeProblems,
  isOfficeSheet,
  missingLists,
  readOfficeLists,
} from "../../core/review/office";
import type { ReviewWorkbook } from "../../workbook/review/port";

export { isOfficeSheet };

export type OfficeRead =
  { ok: true; lists: OfficeLists; missing: string[] } | { ok: false; message: Bilingual };

/** Reads the office-list sheets among `names`; a bad row stops the review (a half-read list misleads). */
export async function readOfficeSheets(
  workbook: ReviewWorkbook,
  names: readonly string[]
): Promise<OfficeRead> {
  const present = names.filter(isOfficeSheet);
  const sheets = [];
  for (const n of present) sheets.push({ name: n, values: (await workbook.readSheet(n)).values });
  const { lists, problems } = readOfficeLists(sheets);
  if (problems.length) return { ok: false, message: describeProblems(problems) };
  return { ok: true, lists, missing: missingLists(lists) };
}

/** What was not checked for want of a list, said once after a run (never a silent clean). */
export function missingListsNotice(missing: readonly string[]): Bilingual | null {
  if (!missing.length) return null;
  const names = missing.map((m) => `「${m}」`).join("、");
  return bi(
    `本单位清单 ${names} 未提供或为空，相应条款（黑名单 34号（十八）、管理费 （十）、贴息基准利率 （十二）1）未检查；可在“填报”中用模板创建。`,
    `${missing.join(", ")} not supplied or empty: the clauses that need them (blacklist 34/2014 (18), management fee (10), interest benchmark (12)1) were not checked.`
  );
}
