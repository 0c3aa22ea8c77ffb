/**
 * Cell functions for the lists an office keeps: FUND.BLACKLISTED (34号 第（十八）条) and
 * FUND.MGMTFEE (第（十）条). The lists are ranges laid out like the 黑名单 sheet; the share is the
 * office's own figure (the seed leaves it to the finance department, so there is no default).
 */
import { formatIso } from "../core/dates";
import { BlacklistEntry, findListing, parseBlacklist } from "../core/rules/blacklist";
import { managementFeeExcess } from "../core/rules/management-fee";
import { parsePercent } from "../core/review/office";
import { amountArg, isOmitted, optionalDateArg, scalar } from "./args";
import { guard, inputError } from "./errors";

const lists = new Map<string, BlacklistEntry[]>();
const LIST_CACHE_MAX = 8;

/** A blacklist range → entries, parsed once per distinct range; a bad row is #VALUE! naming it. */
function blacklistArg(v: unknown): BlacklistEntry[] {
  if (isOmitted(v) || !Array.isArray(v))
    throw inputError("value", "缺少黑名单区域", "the blacklist range is missing");
  const rows = (v as unknown[]).map((r) => (Array.isArray(r) ? r : [r]));
  const key = JSON.stringify(rows);
  const hit = lists.get(key);
  if (hit) return hit;
  const parsed = parseBlacklist(rows);
  if (parsed.problems.length) {
    const p = parsed.problems[0];
    const more = parsed.problems.length - 1;
    throw inputError(
      "value",
      `黑名单${p.row ? `第${p.row}行` : ""}：${p.message.zh}${more > 0 ? `（另有 ${more} 处有误）` : ""}`,
      `blacklist${p.row ? ` row ${p.row}` : ""}: ${p.message.en}${more > 0 ? ` (and ${more} more)` : ""}`
    );
  }
  if (lists.size >= LIST_CACHE_MAX) lists.clear();
  lists.set(key, parsed.entries);
  return parsed.entries;
}

/**
 * Whether a unit or person is on the blacklist (34号 第（十八）条: no poverty projects or support for 3 years after listing). Matches by 统一社会信用代码 when both sides have one, otherwise by the name in a normal form (Traditional, full-width, brackets, 有限责任公司 = 有限公司).
 * @customfunction BLACKLISTED
 * @helpurl https://localhost:3000/help/functions.html#FUND.BLACKLISTED
 * @param unit The unit's or person's name, its 统一社会信用代码, or both in one cell.
 * @param list The blacklist: a range with a header row naming 单位或个人名称 and 列入日期 (optionally 统一社会信用代码, 列入事由).
 * @param [date] The day the project is arranged (approval date). The ban covers the listing day through the day 3 years later, both included. Omitted: any listing is returned with its end date.
 * @returns "" when not banned; otherwise the listing (row, name, how it matched) and the last day of the ban.
 */
export function blacklisted(unit: any, list: any[][], date?: any): any {
  return guard(() => {
    const entries = blacklistArg(list);
    const u = scalar(unit);
    if (isOmitted(u) || String(u).trim() === "") return "";
    const day = optionalDateArg(date, ["日期", "date"]);
    const hit = findListing(entries, String(u), day);
    if (!hit) return "";
    const how = hit.matchedBy === "code" ? "统一社会信用代码相同" : "名称相同";
    return `黑名单第${hit.entry.row}行「${hit.entry.name}」（${how}）：${formatIso(hit.entry.listed)} 列入，至 ${formatIso(hit.end)}`;
  });
}

/**
 * The management fee above the office's cap (34号 第（十）条): fee − total × share when the fee is above the cap, else 0. Exactly at the cap is within it.
 * @customfunction MGMTFEE
 * @helpurl https://localhost:3000/help/functions.html#FUND.MGMTFEE
 * @param fee The management fee withdrawn or spent (a number or text such as "12万").
 * @param total The year's total special poverty funds the share is taken of.
 * @param share The share your finance department set, e.g. 1% or 0.01 (no default: the seed leaves it to the office).
 * @returns The amount above the cap, in the unit of fee and total (0 when within).
 */
export function mgmtFee(fee: any, total: any, share: any): any {
  return guard(() => {
    const s = scalar(share);
    if (isOmitted(s) || s === "")
      throw inputError(
        "value",
        "缺少提取比例：由财政部门规定，本函数不设默认值",
        "the share is missing: your finance department sets it; there is no default"
      );
    const d = parsePercent(s);
    if (!d)
      throw inputError(
        "value",
        `提取比例「${String(s)}」无法识别（如 1% 或 0.01）`,
        `share "${String(s)}" is not readable (e.g. 1% or 0.01)`
      );
    const out = managementFeeExcess(
      amountArg(fee, ["管理费", "fee"]),
      amountArg(total, ["资金总额", "total"]),
      d
    );
    if (!out.ok) throw inputError("value", out.message.zh, out.message.en);
    return out.excess.toNumber();
  });
}
