/**
 * An office's own words: extra prohibited terms and exceptions per category, from a workbook
 * range or a JSON file — without touching code. Bad rows are reported (中文 / English), never
 * dropped silently; wholly blank rows are not rows.
 */
import type { Bilingual } from "../i18n";
import { CATEGORIES, ProhibitedCategory } from "../rules/prohibited";
import { normalize } from "./normalize";

export type CustomKind = "term" | "exception";

export interface CustomTerm {
  /** "ALL" only for exceptions: clears every category. */
  category: ProhibitedCategory | "ALL";
  /** As the office wrote it; matched after normalisation. */
  term: string;
  kind: CustomKind;
  /** Where it came from, for messages: "第3行 (row 3)", "第2项 (entry 2)". */
  source: string;
}

export interface CustomTermProblem {
  /** 1-based row of the range, or 1-based entry of the JSON list (0: the file as a whole). */
  row: number;
  message: Bilingual;
}

export interface CustomTerms {
  terms: CustomTerm[];
  problems: CustomTermProblem[];
}

export const EMPTY_CUSTOM: CustomTerms = { terms: [], problems: [] };

const CATEGORY_NAMES: Record<string, ProhibitedCategory | "ALL"> = {
  全部: "ALL",
  所有: "ALL",
  行政: "ADMIN",
  基本支出: "ADMIN",
  行政事业单位基本支出: "ADMIN",
  公用经费: "ADMIN",
  人员经费: "ADMIN",
  交通工具: "VEHICLE",
  通讯设备: "VEHICLE",
  交通工具及通讯设备: "VEHICLE",
  车辆: "VEHICLE",
  奖金: "BONUS",
  津贴: "BONUS",
  津补贴: "BONUS",
  福利: "BONUS",
  奖金津贴福利: "BONUS",
  "奖金、津贴和福利补助": "BONUS",
  亏损: "LOSS",
  企业亏损: "LOSS",
  弥补企业亏损: "LOSS",
  楼堂馆所: "BUILDING",
  职工住宅: "BUILDING",
  楼堂馆所及职工住宅: "BUILDING",
  债务: "DEBT",
  偿还债务: "DEBT",
  预算缺口: "DEBT",
  弥补预算缺口和偿还债务: "DEBT",
  大中型: "LARGE",
  大中型基本建设: "LARGE",
  大中型基本建设项目: "LARGE",
  城市: "URBAN",
  城市基础设施: "URBAN",
  城市扶贫: "URBAN",
  城市基础设施和城市扶贫: "URBAN",
  县城基础设施: "URBAN",
  形象工程: "IMAGE",
  政绩工程: "IMAGE",
  "形象工程、政绩工程": "IMAGE",
  无关: "UNRELATED",
  其他: "UNRELATED",
  与脱贫攻坚无关: "UNRELATED",
  与脱贫攻坚无关的开支: "UNRELATED",
};

const KIND_NAMES: Record<string, CustomKind> = {
  禁止: "term",
  禁用: "term",
  负面: "term",
  不得: "term",
  term: "term",
  prohibited: "term",
  forbidden: "term",
  例外: "exception",
  允许: "exception",
  排除: "exception",
  exception: "exception",
  allowed: "exception",
  allow: "exception",
};

const HEADERS: Record<"category" | "term" | "kind", readonly string[]> = {
  category: ["类别", "分类", "负面清单类别", "category", "cat"],
  term: ["词语", "关键词", "词", "术语", "term", "word", "keyword", "words"],
  kind: ["类型", "性质", "种类", "kind", "type"],
};

function cellText(v: unknown): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** ADMIN / admin / 楼堂馆所 / 全部 → the category; undefined when unknown. */
export function parseCategory(v: string): ProhibitedCategory | "ALL" | undefined {
  const s = normalize(v);
  const upper = s.toUpperCase();
  if ((CATEGORIES as readonly string[]).includes(upper)) return upper as ProhibitedCategory;
  if (upper === "ALL") return "ALL";
  return CATEGORY_NAMES[s];
}

function parseKind(v: string): CustomKind | undefined {
  const s = normalize(v);
  if (s === "") return "term";
  return KIND_NAMES[s];
}

const VALID_CATEGORIES = CATEGORIES.join(" ");

/** Checks one entry; returns the term or the problem. */
function entry(
  rawCategory: unknown,
  rawTerm: unknown,
  rawKind: unknown,
  source: string
): CustomTerm | Bilingual {
  for (const [v, zh, en] of [
    [rawCategory, "类别", "category"],
    [rawTerm, "词语", "term"],
    [rawKind, "类型", "kind"],
  ] as const) {
    if (!isBlank(v) && typeof v !== "string" && typeof v !== "number")
      return {
        zh: `${zh}应为文本，收到 ${JSON.stringify(v)}`,
        en: `${en} must be text, got ${JSON.stringify(v)}`,
      };
    if (typeof v === "string" && /^#[A-Z/0-9!?]+/.test(v.trim()))
      return { zh: `${zh}是错误值 ${v}`, en: `${en} is an error value ${v}` };
  }
  const term = cellText(rawTerm);
  if (term === "") return { zh: "缺少词语", en: "the term is missing" };
  if (normalize(term).length < 2)
    return {
      zh: `词语「${term}」太短（至少两个字），会误报过多`,
      en: `the term "${term}" is too short (two characters at least); it would flag too much`,
    };
  const kind = parseKind(cellText(rawKind));
  if (kind === undefined)
    return {
      zh: `类型「${cellText(rawKind)}」无法识别，应为“禁止”或“例外”`,
      en: `kind "${cellText(rawKind)}" is not known; use 禁止 (term) or 例外 (exception)`,
    };
  const catText = cellText(rawCategory);
  if (catText === "") {
    if (kind === "exception") return { category: "ALL", term, kind, source };
    return {
      zh: `缺少类别（可用：${VALID_CATEGORIES}）`,
      en: `the category is missing (one of ${VALID_CATEGORIES})`,
    };
  }
  const category = parseCategory(catText);
  if (category === undefined)
    return {
      zh: `类别「${catText}」无法识别（可用：${VALID_CATEGORIES}，或其中文名称）`,
      en: `category "${catText}" is not known (one of ${VALID_CATEGORIES}, or its Chinese name)`,
    };
  if (category === "ALL" && kind === "term")
    return {
      zh: "禁止词语必须指定一个类别（“全部”只能用于例外）",
      en: "a prohibited term needs one category (ALL is only for exceptions)",
    };
  return { category, term, kind, source };
}

const NOTE = /^[(（【[].*[)）】\]]$|^(必填|选填|可选|禁止或例外|禁止\/例外)$/;

/** A row whose every filled cell is a bracketed note or a fill-in hint: a sub-header row. */
function isNoteRow(row: unknown): boolean {
  if (!Array.isArray(row)) return false;
  const cells = row.map((c) => normalize(cellText(c))).filter((t) => t !== "");
  return cells.length > 0 && cells.every((t) => NOTE.test(t));
}

function isTerm(x: CustomTerm | Bilingual): x is CustomTerm {
  return (x as CustomTerm).kind !== undefined;
}

/**
 * A workbook range: a header row (within the first five rows, under any title) naming
 * 类别/category, 词语/term and 类型/kind (any order; 类型 optional, blank = 禁止), or — without a
 * recognisable header — those three columns in that order. Rows are numbered 1-based within
 * the range.
 */
export function parseCustomTerms(rows: unknown[][]): CustomTerms {
  const out: CustomTerms = { terms: [], problems: [] };
  const firstIdx = rows.findIndex((r) => Array.isArray(r) && r.some((c) => !isBlank(c)));
  if (firstIdx < 0) return out;
  let col = { category: 0, term: 1, kind: 2 as number | -1 };
  let start = firstIdx;
  // the header may sit under a title row or two: look in the first five rows
  for (let h = firstIdx; h < Math.min(rows.length, firstIdx + 5); h++) {
    if (!Array.isArray(rows[h])) continue;
    const head = rows[h].map((c) => normalize(cellText(c)));
    const find = (names: readonly string[]) => head.findIndex((x) => names.includes(x));
    const ci = find(HEADERS.category);
    const ti = find(HEADERS.term);
    if (ci < 0 && ti < 0) continue;
    if (ci < 0 || ti < 0) {
      out.problems.push({
        row: h + 1,
        message: {
          zh: "表头需要“类别”和“词语”两列（“类型”可选）",
          en: "the header needs a 类别 (category) and a 词语 (term) column (类型/kind optional)",
        },
      });
      return out;
    }
    col = { category: ci, term: ti, kind: find(HEADERS.kind) };
    start = h + 1;
    // A sub-header under it — notes such as （必填） / 禁止或例外 — is header, not a term (up to two).
    for (let k = 0; k < 2 && start < rows.length && isNoteRow(rows[start]); k++) start++;
    break;
  }
  for (let i = start; i < rows.length; i++) {
    const r = Array.isArray(rows[i]) ? rows[i] : [rows[i]];
    if (r.every(isBlank)) continue;
    const e = entry(
      r[col.category],
      r[col.term],
      col.kind >= 0 ? r[col.kind] : "",
      `第${i + 1}行 (row ${i + 1})`
    );
    if (isTerm(e)) out.terms.push(e);
    else out.problems.push({ row: i + 1, message: e });
  }
  return out;
}

/**
 * A JSON file: a list of `{ "category": "BONUS", "term": "值班补助", "kind": "term" }` (Chinese
 * keys 类别/词语/类型 also read), or `{ "terms": [ … ] }`, or that text unparsed.
 */
export function customTermsFromJson(json: unknown): CustomTerms {
  const out: CustomTerms = { terms: [], problems: [] };
  let data = json;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      out.problems.push({
        row: 0,
        message: { zh: `不是有效的 JSON：${why}`, en: `not valid JSON: ${why}` },
      });
      return out;
    }
  }
  const list = Array.isArray(data)
    ? data
    : data !== null &&
        typeof data === "object" &&
        Array.isArray((data as { terms?: unknown }).terms)
      ? (data as { terms: unknown[] }).terms
      : null;
  if (list === null) {
    out.problems.push({
      row: 0,
      message: {
        zh: "JSON 应为词语列表，或带 terms 列表的对象",
        en: 'the JSON must be a list of entries or an object with a "terms" list',
      },
    });
    return out;
  }
  list.forEach((item, i) => {
    const source = `第${i + 1}项 (entry ${i + 1})`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      out.problems.push({
        row: i + 1,
        message: {
          zh: `第${i + 1}项应为对象，如 {"category":"BONUS","term":"值班补助"}`,
          en: `entry ${i + 1} must be an object like {"category":"BONUS","term":"值班补助"}`,
        },
      });
      return;
    }
    const o = item as Record<string, unknown>;
    const e = entry(o.category ?? o["类别"], o.term ?? o["词语"], o.kind ?? o["类型"], source);
    if (isTerm(e)) out.terms.push(e);
    else out.problems.push({ row: i + 1, message: e });
  });
  return out;
}
