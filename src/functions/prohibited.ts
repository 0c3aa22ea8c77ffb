/**
 * Prohibited uses (负面清单): FUND.PROHIBITED and FUND.PROHIBITED.DETAIL — thin wrappers over
 * src/core/prohibited, the one encoding the Review pane and the command line also call.
 * Non-volatile; never throw.
 */
import { isExcelErrorText } from "../core/dates";
import { citationLabel } from "../core/rules/citation";
import { classify, econCodeDigits, PACK_IDS, PackId, ProhibitedHit } from "../core/prohibited";
import { isOmitted, scalar } from "./args";
import { guard, inputError } from "./errors";

const PACK_LIST = `${PACK_IDS.join("、")}、ALL`;

function notOneCell(what: [string, string]): never {
  throw inputError(
    "value",
    `${what[0]}应为单个单元格或值`,
    `${what[1]} must be a single cell or value`
  );
}

function isErrorValue(v: unknown): boolean {
  return (
    (typeof v === "string" && isExcelErrorText(v)) ||
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
  const p = PACK_IDS.find((id) => id === s);
  if (p) return p;
  throw inputError(
    "value",
    `未知的负面清单「${String(x)}」，可用：${PACK_LIST}`,
    `unknown list "${String(x)}"; use one of ${PACK_IDS.join(", ")}, ALL`
  );
}

function hitsFor(text: unknown, econCode: unknown, pack: unknown): ProhibitedHit[] {
  const t = textArgument(text);
  const code = codeArgument(econCode);
  const packs = packArgument(pack);
  if (t.trim() === "" && code === null) return [];
  return classify(t, code, packs);
}

/** Hits grouped by category, in order: the label of the first, every clause that forbids it. */
function byCategory(hits: ProhibitedHit[]): { first: ProhibitedHit; citations: string[] }[] {
  const out: { first: ProhibitedHit; citations: string[] }[] = [];
  for (const h of hits) {
    const g = out.find((x) => x.first.category === h.category);
    const c = citationLabel(h.citation);
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
 * @returns "" when allowed; otherwise the label with its citation, several joined by "；".
 */
export function prohibited(text: any, econ_code?: any, pack?: any): any {
  return guard(() =>
    byCategory(hitsFor(text, econ_code, pack))
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
 * @returns One row: category code (NONE when allowed), label, evidence, citation.
 */
export function prohibitedDetail(text: any, econ_code?: any, pack?: any): string[][] {
  return guard(() => {
    const groups = byCategory(hitsFor(text, econ_code, pack));
    if (groups.length === 0) return [["NONE", "", "", ""]];
    const { first, citations } = groups[0];
    return [[first.category, first.label.zh, first.evidence, citations.join("、")]];
  }) as string[][];
}
