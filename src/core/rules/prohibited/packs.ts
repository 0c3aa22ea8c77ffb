/**
 * The three negative lists as rule packs. Each rule is one clause: it cites the clause as
 * printed, quotes it (pieces joined by "……" are each verbatim in the seed), and names the term
 * groups of ./terms.ts that reveal it. A category a pack does not name is not flagged under it.
 */
import type { Bilingual } from "../../i18n";
import { serialFromYmd } from "../../dates";
import { Citation, DOCS, SEEDS } from "../citation";
import type { GroupId, ProhibitedCategory } from "./terms";

import { NEGATIVE_LIST_IDS, type PackId } from "./lists";

export { NEGATIVE_LIST_IDS };
export type { PackId };

export interface ProhibitedRule {
  /** Stable id, e.g. "XJ76-1-5". */
  id: string;
  pack: PackId;
  category: ProhibitedCategory;
  /** Term groups this clause covers; an office's own words for the category always count. */
  groups: readonly GroupId[];
  citation: Citation;
  severity: "error" | "warning";
  /** Excel serial day numbers; `to` null while in force. */
  effective: { from: number; to: number | null };
  message: Bilingual;
  /** Where the quote was checked: our copy of the source text, or only the team's secondary summary ("rules.md": we hold no copy of the text; see docs/rules.md「依据的文件」). */
  checkedAgainst: "seed" | "rules.md";
}

export interface RulePack {
  id: PackId;
  document: string;
  title: Bilingual;
  /** What money the list binds. */
  scope: Bilingual;
  rules: readonly ProhibitedRule[];
}

const XJ_LEAD = "扶贫资金不得用于下列九方面支出：……";
const HB_LEAD = "县级统筹使用的资金，只能用于精准扶贫，……";

type Item = [number, ProhibitedCategory, GroupId[], string, string];

/** 76号 一 and 财农〔2017〕8号 list the same nine items; each pack keeps its own wording. */
const XJ_ITEMS: Item[] = [
  [
    1,
    "ADMIN",
    ["ADMIN.personnel", "ADMIN.running"],
    "（一）行政事业单位基本支出",
    "basic expenditure of government bodies and public institutions",
  ],
  [
    2,
    "VEHICLE",
    ["VEHICLE.vehicles", "VEHICLE.comms", "VEHICLE.upkeep"],
    "（二）购买交通工具及通讯设备",
    "buying vehicles and communication equipment",
  ],
  [
    3,
    "BONUS",
    ["BONUS.allowance", "BONUS.bonus"],
    "（三）各种奖金、津贴和福利补助",
    "bonuses, allowances and welfare subsidies of every kind",
  ],
  [4, "LOSS", ["LOSS.loss"], "（四）弥补企业亏损", "covering enterprise losses"],
  [
    5,
    "BUILDING",
    ["BUILDING.halls", "BUILDING.housing"],
    "（五）修建楼堂馆所及贫困农牧场、林场棚户改造以外的职工住宅",
    "building offices, halls and guesthouses, and staff housing other than shanty renovation on poor farms and forest farms",
  ],
  [
    6,
    "DEBT",
    ["DEBT.debt", "DEBT.gap"],
    "（六）弥补预算支出缺口和偿还债务",
    "filling budget gaps and repaying debt",
  ],
  [
    7,
    "LARGE",
    ["LARGE.large"],
    "（七）大中型基本建设项目",
    "large and medium capital construction projects",
  ],
  [
    8,
    "URBAN",
    ["URBAN.infra", "URBAN.poverty"],
    "（八）城市基础设施建设和城市扶贫",
    "urban infrastructure and urban poverty relief",
  ],
  [
    9,
    "UNRELATED",
    [],
    "（九）其他与脱贫攻坚无关的开支",
    "other spending unrelated to poverty alleviation",
  ],
];

const CN_ITEMS: Item[] = [
  [
    1,
    "ADMIN",
    ["ADMIN.personnel", "ADMIN.running"],
    "（1）行政事业单位基本支出",
    "basic expenditure of government bodies and public institutions",
  ],
  [
    2,
    "VEHICLE",
    ["VEHICLE.vehicles", "VEHICLE.comms", "VEHICLE.upkeep"],
    "（2）交通工具及通讯设备",
    "vehicles and communication equipment",
  ],
  [
    3,
    "BONUS",
    ["BONUS.allowance", "BONUS.bonus"],
    "（3）各种奖金、津贴和福利补助",
    "bonuses, allowances and welfare subsidies of every kind",
  ],
  [4, "LOSS", ["LOSS.loss"], "（4）弥补企业亏损", "covering enterprise losses"],
  [
    5,
    "BUILDING",
    ["BUILDING.halls", "BUILDING.housing"],
    "（5）修建楼堂馆所及贫困农场、林场棚户改造以外的职工住宅",
    "building offices, halls and guesthouses, and staff housing other than shanty renovation on poor farms and forest farms",
  ],
  [
    6,
    "DEBT",
    ["DEBT.debt", "DEBT.gap"],
    "（6）弥补预算支出缺口和偿还债务",
    "filling budget gaps and repaying debt",
  ],
  [
    7,
    "LARGE",
    ["LARGE.large"],
    "（7）大中型基本建设项目",
    "large and medium capital construction projects",
  ],
  [
    8,
    "URBAN",
    ["URBAN.infra", "URBAN.poverty"],
    "（8）城市基础设施建设和城市扶贫",
    "urban infrastructure and urban poverty relief",
  ],
  [
    9,
    "UNRELATED",
    [],
    "（9）其他与脱贫攻坚无关的支出",
    "other spending unrelated to poverty alleviation",
  ],
];

const CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

export const XJ2018: RulePack = {
  id: "XJ2018",
  document: DOCS.XJ76,
  title: {
    zh: "新疆维吾尔自治区扶贫开发领导小组《关于强化自治区扶贫资金使用与监管的指导意见》",
    en: "Xinjiang guidance on the use and supervision of poverty funds",
  },
  scope: { zh: "扶贫资金", en: "poverty-alleviation funds" },
  rules: XJ_ITEMS.map(([n, category, groups, item, en]) => ({
    id: `XJ76-1-${n}`,
    pack: "XJ2018",
    category,
    groups,
    citation: {
      document: DOCS.XJ76,
      clause: `一（${CN_NUM[n - 1]}）`,
      quote: XJ_LEAD + item,
      seed: SEEDS.XJ76,
    },
    severity: "error",
    effective: { from: serialFromYmd(2018, 11, 28), to: null },
    message: {
      zh: `扶贫资金不得用于${item.slice(3)}`,
      en: `Poverty funds must not pay for ${en}.`,
    },
    checkedAgainst: "seed",
  })),
};

type HbItem = [ProhibitedCategory, GroupId[], string, string];

const HB_ITEMS: HbItem[] = [
  ["IMAGE", ["IMAGE.image"], "不得用于形象工程、政绩工程", "vanity or achievement projects"],
  [
    "URBAN",
    ["URBAN.infra"],
    "不得用于县城规划区内的基础设施建设",
    "infrastructure inside the county town's planned area",
  ],
  [
    "BUILDING",
    ["BUILDING.halls"],
    "不得用于楼堂馆所建设",
    "building offices, halls and guesthouses",
  ],
  ["BONUS", ["BONUS.allowance"], "不得用于发放津补贴", "paying allowances"],
  [
    "ADMIN",
    ["ADMIN.running"],
    "不得用于补充公用经费不足",
    "topping up short running costs (public funds)",
  ],
];

export const HB2015: RulePack = {
  id: "HB2015",
  document: DOCS.HB2015,
  title: {
    zh: "湖北省人民政府关于在37个贫困县开展统筹使用财政资金的意见（2015-08-25）",
    en: "Hubei opinion on pooling fiscal funds in the 37 poor counties (2015-08-25)",
  },
  scope: { zh: "县级统筹使用的资金", en: "funds pooled at county level" },
  rules: HB_ITEMS.map(([category, groups, item, en]) => ({
    id: `HB15-6-6-${category}`,
    pack: "HB2015",
    category,
    groups,
    citation: {
      document: DOCS.HB2015,
      clause: "六（六）",
      quote: HB_LEAD + item,
      seed: SEEDS.HB2015,
    },
    severity: "error",
    effective: { from: serialFromYmd(2015, 8, 25), to: null },
    message: {
      zh: `县级统筹使用的资金${item}`,
      en: `Funds pooled at county level must not pay for ${en}.`,
    },
    checkedAgainst: "seed",
  })),
};

export const CN2017: RulePack = {
  id: "CN2017",
  document: DOCS.CN2017,
  title: {
    zh: "财政部等《中央财政专项扶贫资金管理办法》",
    en: "Measures for the management of central fiscal special poverty-alleviation funds",
  },
  scope: { zh: "中央财政专项扶贫资金", en: "central fiscal special poverty-alleviation funds" },
  // We hold no copy of this text: the items are quoted from the team's secondary summary (docs/rules.md「负面清单」); the article number is not cited.
  rules: CN_ITEMS.map(([n, category, groups, item, en]) => ({
    id: `CN17-${n}`,
    pack: "CN2017",
    category,
    groups,
    citation: { document: DOCS.CN2017, clause: item.slice(0, 3), quote: item },
    severity: "error",
    effective: { from: serialFromYmd(2017, 3, 31), to: null },
    message: {
      zh: `中央财政专项扶贫资金不得用于${item.slice(3)}`,
      en: `Central special poverty funds must not pay for ${en}.`,
    },
    checkedAgainst: "rules.md",
  })),
};

/**
 * The negative lists themselves, by id: which uses each document forbids. Not the review's rule
 * packs (src/core/review PACKS, a list of what a review can run).
 */
export const NEGATIVE_LISTS: Record<PackId, RulePack> = { XJ2018, HB2015, CN2017 };

/** Every rule of every pack, by id. */
export function findRule(id: string): ProhibitedRule | undefined {
  for (const p of NEGATIVE_LIST_IDS) {
    const r = NEGATIVE_LISTS[p].rules.find((x) => x.id === id);
    if (r) return r;
  }
  return undefined;
}
