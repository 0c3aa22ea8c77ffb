/**
 * The rule registry: every rule the review engine can report, as data — kind, stable rule id,
 * severity, the pack it belongs to, its parameters, its citation and its message template
 * (Chinese and English, `{name}` placeholders). Each kind's module (./kinds) declares its rules;
 * this gathers them. The engine looks rules up here; the pane and the command line list them.
 *
 * Severity: a broken clause is an error (OVERDUE, IDLE, CARRYOVER, PROHIBITED); a missing
 * publicity or performance field and a duplicate entry are warnings (the record is incomplete
 * or doubtful, the money may still be right); DATA findings are warnings because they break no
 * clause by themselves — they say a cell could not be read, so a rule could not be judged on
 * it and a person must look.
 */
import type { Bilingual } from "../i18n";
import { bi } from "../i18n";
import type { PackId, RuleDef, Vars } from "./rule-def";
import {
  NEGATIVE_LISTS as PROHIBITED_PACKS,
  NEGATIVE_LIST_IDS as PROHIBITED_LISTS,
} from "../rules/prohibited/packs";
import { KIND_MODULES } from "./kinds";
export type { PackId, ParamValue, RuleDef, Vars } from "./rule-def";
import { BAN_YEARS, BLACKLIST_SHEET } from "../rules/blacklist";
import { MINBAN_LIMIT_TEXT } from "./kinds/subsidy";
import { targetWan } from "./kinds/targets";

export { PUBLICITY_CHECKED, publicityRuleId } from "./kinds/publicity";

export interface PackDef {
  id: PackId;
  name: Bilingual;
  description: Bilingual;
  /** Off unless the office chooses it (e.g. one county's practice, not a rule). */
  off?: boolean;
}

/** Packs a user can choose (ReviewParams.packs); all run by default. */
export const PACKS: readonly PackDef[] = [
  {
    id: "GX34",
    name: bi("桂政发〔2014〕34号", "Guangxi Gov. 34/2014"),
    description: bi(
      "资金下达时限（十三）、闲置项目收回（七）3、结转结余率（十三）",
      "disbursement deadlines (13), idle projects (7)3, carry-over rate (13)"
    ),
  },
  {
    id: "NEGATIVE",
    name: bi("负面清单", "Negative lists"),
    description: bi(
      "扶贫资金不得支出的事项：76号 一、财农〔2017〕8号、湖北 2015 意见 六（六）",
      "what poverty funds must never pay for: XJ 76/2018 1, CN 8/2017, Hubei 2015 6(6)"
    ),
  },
  {
    id: "XJ76",
    name: bi("新扶贫领字〔2018〕76号", "Xinjiang 76/2018"),
    description: bi(
      "公告公示九项内容 二（四）、绩效目标 二（六）",
      "the nine publicity items 2(4), performance targets 2(6)"
    ),
  },
  {
    id: "DATA",
    name: bi("数据质量", "Data quality"),
    description: bi(
      "无法读取的单元格（金额、日期、错误值）、重复录入",
      "unreadable cells (amounts, dates, error values), entries made twice"
    ),
  },
  {
    id: "BLACKLIST",
    name: bi("扶持黑名单", "Blacklist"),
    description: bi(
      `34号（十八）：列入黑名单 ${BAN_YEARS} 年内不得承担扶贫项目（读取「${BLACKLIST_SHEET}」工作表）`,
      `34/2014 (18): no projects for ${BAN_YEARS} years after blacklisting (reads the ${BLACKLIST_SHEET} sheet)`
    ),
  },
  {
    id: "SUBSIDY",
    name: bi("管理费与补助方式", "Fees and subsidy modes"),
    description: bi(
      `34号（十）管理费比例、（十一）1 民办公助 ${MINBAN_LIMIT_TEXT.zh}以内、（十二）1 贴息不高于基准利率`,
      `34/2014 (10) management-fee share, (11)1 民办公助 within ${MINBAN_LIMIT_TEXT.en}, (12)1 interest not above the benchmark`
    ),
  },
  {
    id: "DOUBLE",
    name: bi("疑似重复申报", "Double claims"),
    description: bi(
      "同一项目由两个资金渠道或两个文号安排，列出供核实：湖北 2015 意见 五（三）、76号 二（一）。默认不运行：统筹整合的项目本就可由多个渠道、多个文件安排资金，需要时勾选",
      "one project under two channels or documents, listed for checking: Hubei 2015 5(3), XJ 76/2018 2(1). Off by default: integrated projects are legitimately funded through several channels and documents; tick it when wanted"
    ),
    off: true,
  },
  {
    id: "ZG2015",
    name: bi("整合目标（秭归做法）", "Integration targets (Zigui practice)"),
    description: bi(
      `一县做法，非规定，默认不运行：每村整合 ${targetWan("village")}，扶贫 ${targetWan("扶贫", "万")}、发改 ${targetWan("发改", "万")}、财政 ${targetWan("财政", "万")}、行业 ${targetWan("行业", "万")}（可在「整合目标」中修改）`,
      "one county's practice, not a rule, off by default: 3m yuan per village and department minimums (editable in 整合目标)"
    ),
    off: true,
  },
  {
    id: "LEDGER",
    name: bi("台账责任与结余", "Ledger duties"),
    description: bi(
      "76号 三（二）项目总台账确定责任人（监管实名制）。默认不运行，需要时勾选",
      "XJ 76/2018 3(2): the project ledger names each project's person responsible. Off by default; tick it when wanted"
    ),
    off: true,
  },
  {
    id: "ADJUST",
    name: bi("项目调整审批备案", "Project adjustments"),
    description: bi(
      "34号（七）1–2：与「年度统筹整合资金方案」相比金额或实施地点变了的项目，须在「项目调整备案表」中有批准和备案。默认不运行，需要时勾选",
      "34/2014 (7)1–2: a project whose amount or place differs from the pooling plan needs an approved (and filed) entry in 项目调整备案表. Off by default"
    ),
    off: true,
  },
];

/** The packs a review runs when it is not told which. */
export const DEFAULT_PACKS: readonly string[] = PACKS.filter((p) => !p.off).map((p) => p.id);

/**
 * The negative lists the NEGATIVE pack runs, each choosable on its own in ReviewParams.packs
 * (e.g. ["GX34", "CN2017"] runs the deadline rules and the national list only).
 */
export const NEGATIVE_LISTS: readonly { id: string; document: string; name: Bilingual }[] =
  PROHIBITED_LISTS.map((id) => ({
    id,
    document: PROHIBITED_PACKS[id].document,
    name: PROHIBITED_PACKS[id].title,
  }));

/** Every rule a review can report, in a stable order: each kind's (./kinds, in the list's order). */
export const RULES: readonly RuleDef[] = KIND_MODULES.flatMap((k) =>
  k.rules.filter((r) => r.pack !== "FILING")
);

/** The filing completeness check's rules (core/filing/rules), registered by the FILING kind. */
export const FILING_RULES: readonly RuleDef[] = KIND_MODULES.flatMap((k) =>
  k.rules.filter((r) => r.pack === "FILING")
);

const BY_ID = new Map([...RULES, ...FILING_RULES].map((r) => [r.rule, r]));

/** The registry as a list (for the pane's and the command line's rule listings). */
export function listRules(): readonly RuleDef[] {
  return RULES;
}

export function ruleById(id: string): RuleDef | undefined {
  return BY_ID.get(id);
}

// A template split once at its {name}s: text, name, text, name, …, text (rules' messages repeat).
const SPLIT = new Map<string, string[]>();

function partsOf(t: string): string[] {
  let parts = SPLIT.get(t);
  if (parts === undefined) {
    parts = t.split(/\{(\w+)\}/);
    if (SPLIT.size < 1024) SPLIT.set(t, parts);
  }
  return parts;
}

function fill(t: string, lang: "zh" | "en", vars: Vars): string {
  const parts = partsOf(t);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    const v = vars[k];
    out +=
      (v === undefined ? `{${k}}` : typeof v === "object" ? v[lang] : String(v)) + parts[i + 1];
  }
  return out;
}

/** Fills a template; a Bilingual variable gives its Chinese to the Chinese text and so on. */
export function render(template: Bilingual, vars: Vars): Bilingual {
  return { zh: fill(template.zh, "zh", vars), en: fill(template.en, "en", vars) };
}
