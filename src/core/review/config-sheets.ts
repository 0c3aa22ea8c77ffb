/**
 * Sheets that configure the review rather than hold funds: an office's own negative-list terms
 * (本单位负面清单), its holiday arrangement for years the calendar lacks (节假日安排), its
 * fund-type names (资金类型对照), and the sheet in which this tool keeps the column mappings
 * fixed in the Review pane (SETTINGS_SHEET, very hidden). They are read by the parts that use
 * them and never reviewed as ledgers; choosing one says so.
 */
import { Bilingual, bi } from "../i18n";
import { normalize } from "../normal-form";

export const TERMS_SHEET = "本单位负面清单";
export const CALENDAR_SHEET = "节假日安排";
export const FUND_TYPES_SHEET = "资金类型对照";
/** Where the Review pane stores column mappings so that the command line can read them too. */
export const SETTINGS_SHEET = "FundCompliance_Settings";

export type ConfigSheet = "terms" | "calendar" | "fundTypes" | "settings";

const BY_NAME = new Map<string, ConfigSheet>([
  [normalize(TERMS_SHEET), "terms"],
  [normalize(CALENDAR_SHEET), "calendar"],
  [normalize(FUND_TYPES_SHEET), "fundTypes"],
  [normalize(SETTINGS_SHEET), "settings"],
]);

/** Which configuration sheet this name is (Traditional, full-width and spaces folded), or null. */
export function configSheetOf(name: string): ConfigSheet | null {
  return BY_NAME.get(normalize(name)) ?? null;
}

const REASONS: Record<ConfigSheet, Bilingual> = {
  terms: bi(
    "配置表「本单位负面清单」：本单位自定的负面清单词语和例外，审查其他表时使用，本身不作为台账审查",
    "configuration sheet 本单位负面清单 (the office's own negative-list terms): used when reviewing the other sheets, not reviewed as a ledger"
  ),
  calendar: bi(
    "配置表「节假日安排」：本单位补充的节假日和调休上班日，计算期限时使用，本身不作为台账审查",
    "configuration sheet 节假日安排 (holidays and make-up working days): used for deadlines, not reviewed as a ledger"
  ),
  fundTypes: bi(
    "配置表「资金类型对照」：本单位的资金类型名称对照，判断下达时限时使用，本身不作为台账审查",
    "configuration sheet 资金类型对照 (the office's fund-type names): used for deadlines, not reviewed as a ledger"
  ),
  settings: bi(
    "本工具保存列映射的隐藏表，不作为台账审查",
    "the hidden sheet in which this tool keeps column mappings: not a ledger"
  ),
};

/** Why a configuration sheet is not reviewed, or null for any other sheet. */
export function configSheetReason(name: string): Bilingual | null {
  const k = configSheetOf(name);
  return k ? REASONS[k] : null;
}
