/**
 * 34号 第（十八）条: a unit or person with serious violations in using poverty funds is put on
 * the blacklist and, for 3 years, may not undertake poverty projects or be supported by them.
 *
 * Our reading (docs/rules.md): the ban runs from the listing day through the day 3 years later
 * — the corresponding day of the final month, or that month's last day (民法典 第二百零二条) —
 * and "3年内" includes that last day (第一千二百五十九条: 以内 includes the bound). A project
 * arranged for the unit on any day from the listing day to the end day inclusive is a finding;
 * from the next day on it is not. The end day is not moved to a working day: it closes a ban,
 * it is not a time limit for doing something (第二百零三条 is about the latter).
 *
 * Matching: by 统一社会信用代码 when both the list entry and the unit carry one (then the code
 * alone decides), otherwise by the name in one normal form: Simplified, half-width, no spaces
 * or brackets, 有限责任公司 written 有限公司. The evidence says which of the two matched.
 */
import { bi, Bilingual } from "../i18n";
import { addMonths, formatIso, parseDate } from "../dates";
import { normalize } from "../prohibited/normalize";
import { toHalfWidth } from "../text";
import { Citation, DOCS, SEEDS } from "./citation";
import { OfficeColumn, isBlankCell, readOfficeTable } from "./office-table";

export const BLACKLIST_CITATION: Citation = {
  document: DOCS.GX34,
  clause: "第（十八）条",
  quote:
    "在單位和個人使用財政扶貧資金時存在嚴重違規違紀行為或造成資金重大損失浪費的,由自治區扶貧辦責成有關縣扶貧部門將相關單位或個人列入扶持黑名單,3年內不安排其承擔扶貧項目的實施或予以補助扶持。",
  seed: SEEDS.GX34,
};

/** 3年内. */
export const BAN_YEARS = 3;

/** The sheet (and the command line's --lists workbook sheet) an office keeps its blacklist in. */
export const BLACKLIST_SHEET = "黑名单";

export const BLACKLIST_COLUMNS: readonly OfficeColumn[] = [
  {
    key: "name",
    headers: ["单位或个人名称", "名称", "单位名称", "单位或个人", "姓名"],
    required: true,
  },
  { key: "code", headers: ["统一社会信用代码", "信用代码", "社会信用代码"], required: false },
  { key: "listed", headers: ["列入日期", "列入时间", "列入黑名单日期"], required: true },
  { key: "reason", headers: ["列入事由", "事由", "违规事实"], required: false },
  { key: "authority", headers: ["决定机关", "列入机关", "责成单位"], required: false },
];

export interface BlacklistEntry {
  /** Row of the list (1-based), for the evidence. */
  row: number;
  /** As written in the list. */
  name: string;
  /** 统一社会信用代码 (upper-case, half-width), or null. */
  code: string | null;
  /** Normalised name (unitKey). */
  key: string;
  /** Listing day (serial). */
  listed: number;
  reason: string;
}

export interface BlacklistParse {
  entries: BlacklistEntry[];
  problems: { row: number; message: Bilingual }[];
}

// GB 32100-2015: 18 characters from this alphabet (no I, O, Z, S, V); the last is a check code.
const CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CODE_PATTERN = /[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}/;

/** Whether an 18-character code's check character is right (GB 32100-2015 §4.3, weights 3^i mod 31). */
export function isValidCreditCode(code: string): boolean {
  if (!new RegExp(`^${CODE_PATTERN.source}$`).test(code)) return false;
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += CODE_ALPHABET.indexOf(code[i]) * w;
    w = (w * 3) % 31;
  }
  const check = (31 - (sum % 31)) % 31;
  return CODE_ALPHABET[check] === code[17];
}

/** The first valid 统一社会信用代码 in a text, or null. */
export function creditCodeIn(text: string): string | null {
  const t = toHalfWidth(text).toUpperCase().replace(/\s+/g, "");
  const g = new RegExp(CODE_PATTERN.source, "g");
  for (let m = g.exec(t); m; m = g.exec(t)) if (isValidCreditCode(m[0])) return m[0];
  return null;
}

const BRACKETS_AND_QUOTES = /[()[\]{}（）【】〔〕［］「」『』《》<>"'“”‘’·・]/g;

/** A unit or person's name in one normal form (see the module comment). */
export function unitKey(name: string): string {
  return normalize(name)
    .replace(BRACKETS_AND_QUOTES, "")
    .replace(/有限责任公司$/, "有限公司")
    .replace(/有限责任公司/g, "有限公司");
}

/** The last day of the ban: listing day + 3 years (corresponding day, or month end). */
export function banEnd(listed: number): number {
  return addMonths(listed, BAN_YEARS * 12);
}

const WHAT = bi("黑名单", "blacklist");

/** The list as the office keeps it (a range or sheet with a header row) → entries, or problems by row. */
export function parseBlacklist(values: readonly (readonly unknown[])[]): BlacklistParse {
  const t = readOfficeTable(values, BLACKLIST_COLUMNS, WHAT);
  const entries: BlacklistEntry[] = [];
  const problems = [...t.problems];
  for (const r of t.rows) {
    const rawName = isBlankCell(r.cells.name) ? "" : String(r.cells.name).trim();
    const rawCode = isBlankCell(r.cells.code) ? "" : String(r.cells.code).trim();
    let code: string | null = null;
    if (rawCode) {
      code = toHalfWidth(rawCode).toUpperCase().replace(/\s+/g, "");
      if (!isValidCreditCode(code)) {
        problems.push({
          row: r.row,
          message: bi(
            `统一社会信用代码「${rawCode}」无效（应为 18 位且校验位正确）`,
            `credit code "${rawCode}" is not valid (18 characters with a correct check character)`
          ),
        });
        continue;
      }
    }
    if (!rawName && !code) {
      problems.push({
        row: r.row,
        message: bi("缺少单位或个人名称", "the unit or person's name is missing"),
      });
      continue;
    }
    const d = parseDate(r.cells.listed);
    if (!d.ok) {
      problems.push({
        row: r.row,
        message: bi(`列入日期：${d.message.zh}`, `listing date: ${d.message.en}`),
      });
      continue;
    }
    entries.push({
      row: r.row,
      name: rawName || code!,
      code,
      key: rawName ? unitKey(rawName) : "",
      listed: d.serial,
      reason: isBlankCell(r.cells.reason) ? "" : String(r.cells.reason).trim(),
    });
  }
  return { entries, problems };
}

export interface BlacklistHit {
  entry: BlacklistEntry;
  /** Last day of the ban (inclusive). */
  end: number;
  matchedBy: "code" | "name";
  /** The evidence in words: what matched, the listing and the ban's end. */
  evidence: string;
}

/**
 * The listing that bans `unit` on `date` (listing day ≤ date ≤ end day), or — without a date —
 * the unit's listing with the latest end. `unit` is a name, a credit code, or both in one text.
 */
export function findListing(
  entries: readonly BlacklistEntry[],
  unit: string,
  date: number | null
): BlacklistHit | null {
  const code = creditCodeIn(unit);
  const nameText = code ? toHalfWidth(unit).toUpperCase().replace(code, "") : unit;
  const key = unitKey(nameText);
  let best: BlacklistHit | null = null;
  for (const e of entries) {
    let by: "code" | "name" | null = null;
    if (code && e.code) by = code === e.code ? "code" : null;
    else if (key && e.key && key === e.key) by = "name";
    if (!by) continue;
    const end = banEnd(e.listed);
    if (date !== null && (date < e.listed || date > end)) continue;
    if (best && best.end >= end) continue;
    const how = by === "code" ? `统一社会信用代码 ${e.code} 相同` : `名称规范化后相同（${key}）`;
    best = {
      entry: e,
      end,
      matchedBy: by,
      evidence: `黑名单第 ${e.row} 行「${e.name}」：${how}；${formatIso(e.listed)} 列入，禁止期至 ${formatIso(end)}${e.reason ? `；事由：${e.reason}` : ""}`,
    };
  }
  return best;
}
