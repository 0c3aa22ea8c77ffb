/**
 * Which fund types 桂政发〔2014〕34号 第（十三）条 governs. The clause names five kinds of money by
 * their level: 中央财政 (advance / new), 自治区本级财政预算, and 相关部门 integrated funds whose
 * department budget is or is not itemised. A fund type gets a deadline only when it names that
 * level and kind; one that names another level (市, 县, 区, 乡镇) or another kind of money
 * (债券, 自筹, 社会资金, 贷款) is not governed by the clause at all; anything else is unrecognised,
 * and an office names its own types in a table (资金类型对照) instead of the add-in guessing.
 */
import { Bilingual, bi } from "../i18n";
import { normalize } from "../normal-form";

export type FundRuleId =
  "CENTRAL_ADVANCE" | "CENTRAL_NEW" | "REGION_BUDGET" | "DEPT_DETAILED" | "DEPT_UNDETAILED";

export type FundTypeClass =
  | { kind: "rule"; id: FundRuleId; office: boolean }
  | { kind: "not-governed"; reason: Bilingual; office: boolean }
  | { kind: "unknown" };

/** Half-width brackets, Simplified, no spaces or separators, upper case. */
export function normaliseFundName(s: string): string {
  // the project's one normal form (OpenCC Traditional → Simplified, half-width, no spaces)
  const t = normalize(s).replace(/[（(]/g, "(").replace(/[）)]/g, ")");
  return t.replace(/[·・、,，\s]/g, "").toUpperCase();
}

const OTHER_MONEY =
  /债券|专项债|自筹|社会资金|社会资本|社会捐|捐赠|捐款|贷款(?!贴息)|信贷|银行借款/;
/** Words in which 区, 市 or 县 do not name a level of government. */
const NOT_A_LEVEL = /市场|城市|(?:片|山|库|安置|园|景|社|牧|林|灾|边|老|特|开发|示范)区|区域|县域/g;
const OTHER_LEVEL = /市|县|区|乡|镇|村/;
const REGION = /自治区|省级|省本级|省财政|全省/;

const LEVEL_NAME: Record<string, Bilingual> = {
  市: bi("市级", "city level"),
  县: bi("县级", "county level"),
  区: bi("区级", "district level"),
  乡: bi("乡镇级", "township level"),
  镇: bi("乡镇级", "township level"),
  村: bi("村级", "village level"),
};

/**
 * The clause's reading of a fund type (built in; an office's table is consulted first by
 * `classifyWithOffice`).
 */
export function classifyFundType(text: string): FundTypeClass {
  const t = normaliseFundName(text);
  if (t === "") return { kind: "unknown" };
  const money = OTHER_MONEY.exec(t);
  if (money)
    return {
      kind: "not-governed",
      office: false,
      reason: bi(
        `「${money[0]}」不是财政专项扶贫资金，34号（十三）不适用`,
        `"${money[0]}" is not fiscal special poverty funds: 34号 (13) does not apply`
      ),
    };
  const central = /中央/.test(t);
  const region = REGION.test(t);
  const rest = t.replace(/自治区/g, "").replace(NOT_A_LEVEL, "");
  const other = OTHER_LEVEL.exec(rest);
  const dept = /部门/.test(t);
  const detailed = /已细化/.test(t);
  const undetailed = /未细化/.test(t);
  if (central) {
    const advance = /提前/.test(t);
    const added = /新增/.test(t);
    if (advance !== added)
      return { kind: "rule", id: advance ? "CENTRAL_ADVANCE" : "CENTRAL_NEW", office: false };
    return { kind: "unknown" };
  }
  if (other && !region) {
    const level = LEVEL_NAME[other[0]];
    return {
      kind: "not-governed",
      office: false,
      reason: bi(
        `${level.zh}资金，34号（十三）只规定中央、自治区本级和自治区部门的资金`,
        `${level.en} funds: 34号 (13) governs only central, region-level and region departments' funds`
      ),
    };
  }
  if (dept && detailed !== undetailed)
    return { kind: "rule", id: detailed ? "DEPT_DETAILED" : "DEPT_UNDETAILED", office: false };
  if (region && !dept && /本级|预算/.test(t))
    return { kind: "rule", id: "REGION_BUDGET", office: false };
  return { kind: "unknown" };
}

/** The names an unrecognised fund type is told to use (a DATA finding lists them). */
export const ACCEPTED_FUND_TYPES: Bilingual = bi(
  "可识别的资金类型：中央提前下达资金、当年中央新增资金、自治区（省级）本级预算资金、部门整合资金（已细化）、部门整合资金（未细化）；" +
    "写明市、县、区、乡镇级，或债券、自筹、社会资金、贷款的不适用 34号（十三）；本单位的其他名称可在「资金类型对照」表中指定规则",
  "recognised fund types: 中央提前下达资金, 当年中央新增资金, 自治区（省级）本级预算资金, 部门整合资金（已细化）, 部门整合资金（未细化）; " +
    "types naming a city, county, district or township level, or bonds, self-raised, social funds or loans, are not governed by 34号 (13); " +
    "map your office's own names to a rule in a 资金类型对照 table"
);

// ── An office's own fund-type names (资金类型对照) ────────────────────────────

/** The sheet the panes read an office's fund-type names from, and the template writes. */
export const FUND_TYPE_SHEET = "资金类型对照";

/** What an office's table maps a fund type to: a rule, or 不适用 (null). */
export type FundTypeMap = ReadonlyMap<string, FundRuleId | null>;

export interface FundTypeProblem {
  /** 1-based row of the table (worksheet row, or line). */
  row: number;
  message: Bilingual;
}

/** The words a table may write in its rule column. */
const RULE_WORDS: Array<[RegExp, FundRuleId | null]> = [
  [/^(CENTRAL_ADVANCE|中央(财政)?提前下达(资金)?)$/, "CENTRAL_ADVANCE"],
  [/^(CENTRAL_NEW|(当年)?中央(财政)?新增(资金)?)$/, "CENTRAL_NEW"],
  [/^(REGION_BUDGET|(自治区|省级)?本级预算(资金)?|自治区本级|省级本级)$/, "REGION_BUDGET"],
  [/^(DEPT_DETAILED|部门(整合)?(预算)?已细化|部门整合\(已细化\))$/, "DEPT_DETAILED"],
  [/^(DEPT_UNDETAILED|部门(整合)?(预算)?未细化|部门整合\(未细化\))$/, "DEPT_UNDETAILED"],
  [/^(NONE|不适用|不适用34号\(十三\)|无时限|不受时限)$/, null],
];

/** The rule a table cell names, undefined when it names none. */
export function ruleWord(text: string): FundRuleId | null | undefined {
  const t = normaliseFundName(text);
  for (const [re, id] of RULE_WORDS) if (re.test(t)) return id;
  return undefined;
}

/** The rule names a 资金类型对照 table accepts, for its validation list and instructions. */
export const FUND_RULE_CHOICES: readonly string[] = [
  "中央提前下达",
  "中央新增",
  "自治区本级预算",
  "部门已细化",
  "部门未细化",
  "不适用",
];

const TYPE_HEADER = /^(本单位)?资金(类型|性质|类别|名称)$/;
const RULE_HEADER = /^(适用|对应|时限)?规则$|^适用时限$|^对应时限$/;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/**
 * Reads a 资金类型对照 table from already-read cell values (a sheet, a CSV's rows): a header row
 * with 资金类型 and 适用规则, then one type per row. Every unreadable row is a problem (the
 * table is then not used: a half-read mapping would judge rows silently wrong).
 */
export function parseFundTypeTable(
  values: readonly (readonly unknown[])[],
  firstRow = 1
): { map: Map<string, FundRuleId | null>; problems: FundTypeProblem[] } {
  const map = new Map<string, FundRuleId | null>();
  const problems: FundTypeProblem[] = [];
  let header = -1;
  let typeCol = -1;
  let ruleCol = -1;
  for (let i = 0; i < Math.min(values.length, 10) && header < 0; i++) {
    const row = values[i] ?? [];
    const tc = row.findIndex((v) => TYPE_HEADER.test(normaliseFundName(cellText(v))));
    const rc = row.findIndex((v) => RULE_HEADER.test(normaliseFundName(cellText(v))));
    if (tc >= 0 && rc >= 0) [header, typeCol, ruleCol] = [i, tc, rc];
  }
  if (header < 0) {
    problems.push({
      row: firstRow,
      message: bi(
        "找不到表头：需要「资金类型」和「适用规则」两列",
        "no header: the table needs the columns 资金类型 and 适用规则"
      ),
    });
    return { map, problems };
  }
  for (let i = header + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    const type = cellText(row[typeCol]);
    const ruleText = cellText(row[ruleCol]);
    if (type === "" && ruleText === "") continue;
    const at = firstRow + i;
    if (type === "") {
      problems.push({ row: at, message: bi("资金类型为空", "the fund type is blank") });
      continue;
    }
    const id = ruleWord(ruleText);
    if (id === undefined) {
      problems.push({
        row: at,
        message: bi(
          `「${type}」的适用规则「${ruleText}」无法识别，可填：${FUND_RULE_CHOICES.join("、")}`,
          `the rule "${ruleText}" for "${type}" is not one of: ${FUND_RULE_CHOICES.join(", ")}`
        ),
      });
      continue;
    }
    const key = normaliseFundName(type);
    if (map.has(key) && map.get(key) !== id) {
      problems.push({
        row: at,
        message: bi(
          `「${type}」出现两次且规则不同`,
          `"${type}" is listed twice with different rules`
        ),
      });
      continue;
    }
    map.set(key, id);
  }
  return { map, problems };
}

/** A 资金类型对照 given as JSON: {"本单位名称": "中央新增", …}. */
export function fundTypeTableFromJson(text: string): {
  map: Map<string, FundRuleId | null>;
  problems: FundTypeProblem[];
} {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      map: new Map(),
      problems: [
        { row: 0, message: bi(`不是有效的 JSON：${String(e)}`, `not valid JSON: ${String(e)}`) },
      ],
    };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data))
    return {
      map: new Map(),
      problems: [
        {
          row: 0,
          message: bi(
            '应为对象：{"资金类型": "适用规则", …}',
            'expected an object: {"fund type": "rule", …}'
          ),
        },
      ],
    };
  const rows: unknown[][] = [["资金类型", "适用规则"], ...Object.entries(data as object)];
  return parseFundTypeTable(rows, 0);
}

/** The office's table first (exact name), then the clause's own reading. */
export function classifyWithOffice(text: string, office?: FundTypeMap): FundTypeClass {
  if (office && office.size) {
    const hit = office.get(normaliseFundName(text));
    if (hit !== undefined)
      return hit === null
        ? {
            kind: "not-governed",
            office: true,
            reason: bi(
              "本单位「资金类型对照」定为不适用",
              "your office's 资金类型对照 says it does not apply"
            ),
          }
        : { kind: "rule", id: hit, office: true };
  }
  return classifyFundType(text);
}
