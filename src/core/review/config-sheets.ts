/**
 * Sheets that configure the review rather than hold funds: an office's own negative-list terms
 * (本单位负面清单), its holiday arrangement for years the calendar lacks (节假日安排), its
 * fund-type names (资金类型对照), and the sheet in which this tool keeps the column mappings
 * fixed in the Review pane (SETTINGS_SHEET, very hidden). They are read by the parts that use
 * them and never reviewed as ledgers; choosing one says so.
 */
import { Bilingual, bi } from "../i18n";
import { normalize } from "../normal-form";
import { CALENDAR_SHEET } from "../calendar/table";
import { FUND_TYPE_SHEET } from "../deadlines/fundtypes";
import { BLACKLIST_SHEET } from "../rules/blacklist";
import { MANAGEMENT_FEE_SHEET } from "../rules/management-fee";
import { BENCHMARK_SHEET } from "../rules/interest";
import { TARGETS_SHEET } from "../rules/integration-targets";

export const TERMS_SHEET = "本单位负面清单";
/** Where the Review pane stores column mappings so that the command line can read them too. */
export const SETTINGS_SHEET = "FundCompliance_Settings";

export type ConfigSheet = "terms" | "calendar" | "fundTypes" | "settings" | "officeList";

const BY_NAME = new Map<string, ConfigSheet>([
  [normalize(TERMS_SHEET), "terms"],
  [normalize(CALENDAR_SHEET), "calendar"],
  [normalize(FUND_TYPE_SHEET), "fundTypes"],
  [normalize(SETTINGS_SHEET), "settings"],
  // 黑名单, 管理费比例, 贷款基准利率, 整合目标 (./office): lists, not ledgers
  ...[BLACKLIST_SHEET, MANAGEMENT_FEE_SHEET, BENCHMARK_SHEET, TARGETS_SHEET].map(
    (n) => [normalize(n), "officeList"] as [string, ConfigSheet]
  ),
]);

/** Which configuration sheet this name is (Traditional, full-width and spaces folded), or null. */
export function configSheetOf(name: string): ConfigSheet | null {
  return BY_NAME.get(normalize(name)) ?? null;
}

const REASONS: Record<Exclude<ConfigSheet, "officeList">, Bilingual> = {
  terms: bi(
    "配置表「本单位负面清单」：本单位自定的负面清单词语和例外，审查其他表时使用，本身不作为台账审查",
    "configuration sheet 本单位负面清单 (the office's own negative-list terms): used when reviewing the other sheets, not reviewed as a ledger"
  ),
  calendar: bi(
    `本单位设置表「${CALENDAR_SHEET}」，不作为台账审查（审查窗格自动读取；命令行请用 --calendar 本文件）`,
    `your office's ${CALENDAR_SHEET} table, not a ledger (the Review pane reads it; on the command line pass --calendar with this file)`
  ),
  fundTypes: bi(
    `本单位设置表「${FUND_TYPE_SHEET}」，不作为台账审查（审查窗格自动读取；命令行请用 --fund-types 本文件）`,
    `your office's ${FUND_TYPE_SHEET} table, not a ledger (the Review pane reads it; on the command line pass --fund-types with this file)`
  ),
  settings: bi(
    "本工具保存列映射的隐藏表，不作为台账审查",
    "the hidden sheet in which this tool keeps column mappings: not a ledger"
  ),
};

const OFFICE_LIST_REASON = (own: string): Bilingual =>
  bi(
    `本单位清单「${own}」，不作为台账审查（审查窗格自动读取；命令行请用 --lists 本文件）`,
    `your office's ${own} list, not a ledger (the Review pane reads it; on the command line pass --lists with this file)`
  );

/** Why a configuration sheet is not reviewed, or null for any other sheet. */
export function configSheetReason(name: string): Bilingual | null {
  const k = configSheetOf(name);
  if (k === "officeList") return OFFICE_LIST_REASON(name.trim());
  return k ? REASONS[k] : null;
}
