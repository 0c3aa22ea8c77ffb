/**
 * Prohibited uses (负面清单): FUND.PROHIBITED and FUND.PROHIBITED.DETAIL — thin wrappers over
 * src/core/prohibited, the one encoding the Review pane and the command line also call.
 * Non-volatile; never throw.
 */
import { isExcelErrorText } from "../core/dates";
import { citationLabel } from "../core/rules/citation";
import {
  classify,
  Classifier,
  createClassifier,
  econCodeDigits,
  NEGATIVE_LIST_IDS,
  PackId,
  parseCustomTerms,
  ProhibitedHit,
} from "../core/prohibited";
import { isOmitted, scalar } from "./args";
import { guard, inputError } from "./errors";

const PACK_LIST = `${NEGATIVE_LIST_IDS.join("、")}、ALL`;

function notOneCell(what: [string, string]): never {
  throw inputError(
    "value",
    `${what[0]}应为单个单元格或值`,
    `${what[1]} must be a single cell or value`
  );
}

function isErrorValue(v: unknown): boolean {
  return (
    (typeof v === "string" && v.trimStart().startsWith("#") && isExcelErrorText(v)) ||
    (v !== null && typeof v === "object" && "code" in (v as object))
  );
}

function errorName(v: unknown): string {
  return typeof v === "string" ? v.trim() : String((v as { code?: unknown }).code ?? "");
}

/** The description: text, or blank. */
function textArgument(v: unknown): string {
  const x = scalar(v);
  if (isOmitted(x)) return "";
  if (Array.isArray(x)) notOneCell(["支出内容", "the description"]);
  if (isErrorValue(x))
    throw inputError(
      "value",
      `支出内容是错误值 ${errorName(x)}`,
      `the description is an error value ${errorName(x)}`
    );
  if (typeof x !== "string")
    throw inputError(
      "value",
      `支出内容应为文本，收到${typeof x === "number" ? "数字" : "逻辑值"} ${String(x)}`,
      `the description must be text, got ${typeof x} ${String(x)}`
    );
  return x;
}

/** The economic code: a whole number or text holding 3–7 digits, or blank. */
function codeArgument(v: unknown): string | null {
  const x = scalar(v);
  if (isOmitted(x) || (typeof x === "string" && x.trim() === "")) return null;
  if (Array.isArray(x)) notOneCell(["经济分类代码", "the economic code"]);
  if (isErrorValue(x))
    throw inputError(
      "value",
      `经济分类代码是错误值 ${errorName(x)}`,
      `the economic code is an error value ${errorName(x)}`
    );
  const digits = typeof x === "number" || typeof x === "string" ? econCodeDigits(x) : null;
  if (digits === null)
    throw inputError(
      "value",
      `经济分类代码应为 3 至 7 位数字（如 30102），收到「${String(x)}」`,
      `the economic code must be 3 to 7 digits (e.g. 30102), got "${String(x)}"`
    );
  return digits;
}

/** The pack: XJ2018 | HB2015 | CN2017 | ALL, any case; blank means ALL. */
function packArgument(v: unknown): PackId | "ALL" {
  const x = scalar(v);
  if (isOmitted(x) || (typeof x === "string" && x.trim() === "")) return "ALL";
  if (Array.isArray(x)) notOneCell(["负面清单", "the list"]);
  const s = typeof x === "string" ? x.trim().toUpperCase() : "";
  if (s === "ALL" || s === "全部") return "ALL";
  const p = NEGATIVE_LIST_IDS.find((id) => id === s);
  if (p) return p;
  throw inputError(
    "value",
    `未知的负面清单「${String(x)}」，可用：${PACK_LIST}`,
    `unknown list "${String(x)}"; use one of ${NEGATIVE_LIST_IDS.join(", ")}, ALL`
  );
}

/** Compiled classifiers for office term ranges, by the range's content and the pack. */
const officeClassifiers = new Map<string, Classifier>();
const OFFICE_CACHE_MAX = 16;

/**
 * The office's own terms (a range laid out like the 本单位负面清单 sheet: 类别, 词语, 类型) → a
 * classifier with them, compiled once per distinct range; null when omitted or blank. A bad row
 * is an error naming the row: a term the office wrote must never be dropped silently.
 */
function officeClassifier(v: unknown, packs: PackId | "ALL"): Classifier | null {
  if (isOmitted(v)) return null;
  const rows: unknown[][] = Array.isArray(v)
    ? (v as unknown[]).map((r) => (Array.isArray(r) ? r : [r]))
    : [[v]];
  if (rows.every((r) => r.every((c) => c === null || c === undefined || String(c).trim() === "")))
    return null;
  const key = `${packs}\u0000${JSON.stringify(rows)}`;
  let c = officeClassifiers.get(key);
  if (c) return c;
  const parsed = parseCustomTerms(rows);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    const more = parsed.problems.length - 1;
    throw inputError(
      "value",
      `本单位词语表第${p.row}行：${p.message.zh}${more > 0 ? `（另有 ${more} 行有误）` : ""}`,
      `office terms, row ${p.row}: ${p.message.en}${more > 0 ? ` (and ${more} more rows)` : ""}`
    );
  }
  if (officeClassifiers.size >= OFFICE_CACHE_MAX) officeClassifiers.clear();
  c = createClassifier({ packs: packs === "ALL" ? "ALL" : [packs], custom: parsed });
  officeClassifiers.set(key, c);
  return c;
}

function hitsFor(
  text: unknown,
  econCode: unknown,
  pack: unknown,
  office: unknown
): ProhibitedHit[] {
  const t = textArgument(text);
  const code = codeArgument(econCode);
  const packs = packArgument(pack);
  const custom = officeClassifier(office, packs);
  if (t.trim() === "" && code === null) return [];
  return custom ? custom.classify(t, code) : classify(t, code, packs);
}

const labels = new Map<string, string>();

/** "新扶贫领字〔2018〕76号 一（五）", built once per rule. */
function citationOf(h: ProhibitedHit): string {
  let c = labels.get(h.rule);
  if (c === undefined) labels.set(h.rule, (c = citationLabel(h.citation)));
  return c;
}

/** Hits grouped by category, in order: the label of the first, every clause that forbids it. */
function byCategory(hits: ProhibitedHit[]): { first: ProhibitedHit; citations: string[] }[] {
  const out: { first: ProhibitedHit; citations: string[] }[] = [];
  for (const h of hits) {
    const g = out.find((x) => x.first.category === h.category);
    const c = citationOf(h);
    if (!g) out.push({ first: h, citations: [c] });
    else if (!g.citations.includes(c)) g.citations.push(c);
  }
  return out;
}

/**
 * Flags spending that the poverty-fund negative lists forbid, with the clause that forbids it.
 * @customfunction PROHIBITED
 * @helpurl https://localhost:3000/help/functions.html#FUND.PROHIBITED
 * @param text Description of the spending, in Simplified or Traditional Chinese.
 * @param [econ_code] Budget economic classification code, e.g. 30102 (strong evidence when the text is vague).
 * @param [pack] Which list: XJ2018 (新扶贫领字〔2018〕76号), HB2015 (Hubei 2015 opinion), CN2017 (财农〔2017〕8号) or ALL (default).
 * @param [office_terms] Your office's own terms and exceptions: a range with columns 类别 (category), 词语 (term), 类型 (禁止 term / 例外 exception).
 * @returns "" when allowed; otherwise the label with its citation, several joined by "；".
 */
export function prohibited(text: any, econ_code?: any, pack?: any, office_terms?: any[][]): any {
  return guard(() =>
    byCategory(hitsFor(text, econ_code, pack, office_terms))
      .map((g) => `${g.first.label.zh}（${g.citations.join("、")}）`)
      .join("；")
  );
}

/**
 * The most specific prohibited-use finding as one row: category code, label, evidence, citation.
 * @customfunction PROHIBITED.DETAIL
 * @helpurl https://localhost:3000/help/functions.html#FUND.PROHIBITED.DETAIL
 * @param text Description of the spending, in Simplified or Traditional Chinese.
 * @param [econ_code] Budget economic classification code, e.g. 30102.
 * @param [pack] Which list: XJ2018, HB2015, CN2017 or ALL (default).
 * @param [office_terms] Your office's own terms and exceptions: a range with columns 类别, 词语, 类型.
 * @returns One row: category code (NONE when allowed), label, evidence, citation.
 */
export function prohibitedDetail(
  text: any,
  econ_code?: any,
  pack?: any,
  office_terms?: any[][]
): string[][] {
  return guard(() => {
    const groups = byCategory(hitsFor(text, econ_code, pack, office_terms));
    if (groups.length === 0) return [["NONE", "", "", ""]];
    const { first, citations } = groups[0];
    return [[first.category, first.label.zh, first.evidence, citations.join("、")]];
  }) as string[][];
}
