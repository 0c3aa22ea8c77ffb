/**
 * The negative lists' categories and the words that reveal them — shared by every pack (docs/rules.md
 * 「负面清单」). Each pack (./packs.ts) maps these groups to its own clause, so the words are spelt once.
 *
 * All words are written in Simplified, half-width form; the classifier normalises descriptions
 * (and an office's own words) the same way before matching.
 *
 * Three strengths of evidence, because 补贴/补助/车/房/建设 alone decide nothing — who benefits does:
 * - `terms` / `patterns` decide alone (楼堂馆所, 公务用车, 加班费 …);
 * - `contextual` words decide only when the spender is an office or its staff (ACTORS) or the
 *   economic code points that way, and no beneficiary or allowed form (CLEARING) is named;
 * - CLEARING entries clear contextual words and weak codes everywhere, and the named groups'
 *   decisive words too (e.g. 棚户改造 clears 职工住宅: 76号 一（五） excepts it in its own words).
 */
import type { Bilingual } from "../../i18n";
import type { PackId } from "./lists";

export type ProhibitedCategory =
  | "ADMIN"
  | "VEHICLE"
  | "BONUS"
  | "LOSS"
  | "BUILDING"
  | "DEBT"
  | "LARGE"
  | "URBAN"
  | "IMAGE"
  | "UNRELATED";

/** Stable order: the order of 76号 一, IMAGE (Hubei only) before UNRELATED (office lists only). */
export const CATEGORIES: readonly ProhibitedCategory[] = [
  "ADMIN",
  "VEHICLE",
  "BONUS",
  "LOSS",
  "BUILDING",
  "DEBT",
  "LARGE",
  "URBAN",
  "IMAGE",
  "UNRELATED",
];

export const CATEGORY_LABELS: Record<ProhibitedCategory, Bilingual> = {
  ADMIN: {
    zh: "行政事业单位基本支出",
    en: "basic running costs of government bodies and public institutions",
  },
  VEHICLE: { zh: "交通工具及通讯设备", en: "vehicles and communication equipment" },
  BONUS: { zh: "奖金、津贴和福利补助", en: "bonuses, allowances and welfare for staff" },
  LOSS: { zh: "弥补企业亏损", en: "covering enterprise losses" },
  BUILDING: {
    zh: "楼堂馆所及职工住宅",
    en: "office buildings, halls, guesthouses, training centres; staff housing",
  },
  DEBT: { zh: "弥补预算缺口和偿还债务", en: "filling budget gaps, repaying debt" },
  LARGE: { zh: "大中型基本建设项目", en: "large and medium capital construction projects" },
  URBAN: {
    zh: "城市基础设施和城市扶贫",
    en: "urban (county-town) infrastructure and urban poverty relief",
  },
  IMAGE: { zh: "形象工程、政绩工程", en: 'vanity and "achievement" projects' },
  UNRELATED: { zh: "与脱贫攻坚无关的开支", en: "spending unrelated to poverty alleviation" },
};

export type GroupId =
  | "ADMIN.personnel"
  | "ADMIN.running"
  | "VEHICLE.vehicles"
  | "VEHICLE.comms"
  | "VEHICLE.upkeep"
  | "BONUS.allowance"
  | "BONUS.bonus"
  | "LOSS.loss"
  | "BUILDING.halls"
  | "BUILDING.housing"
  | "DEBT.debt"
  | "DEBT.gap"
  | "LARGE.large"
  | "URBAN.infra"
  | "URBAN.poverty"
  | "IMAGE.image";

export interface TermGroup {
  id: GroupId;
  category: ProhibitedCategory;
  /** What a hit says it found (the cell label). */
  label: Bilingual;
  /** Words that decide alone. */
  terms: readonly string[];
  /** Regular-expression sources (non-capturing groups only) that decide alone. */
  patterns?: readonly string[];
  /** Words that decide only with a spender of the kinds in `actors` (or a code), and nothing clearing them. */
  contextual?: readonly string[];
  /** Patterns that count as `contextual` words. */
  contextualPatterns?: readonly string[];
  /** Which spenders make `contextual` words decide. */
  actors?: readonly ActorKind[];
}

/** Places of a city or county town, for URBAN's place × facility pattern. */
const TOWN = "(?:城区|城市|市区|县城|城关|中心城|主城|老城|新城区|开发区)";
const TOWN_FACILITY =
  "(?:道路|街道|主干道|大道|马路|管网|供水|排水|污水|雨污|路灯|亮化|绿化|公园|广场|景观|停车场|市政|管廊|人行道|立交|桥|老旧小区|棚户区|公厕|垃圾|农贸市场|菜市场|公交|背街|小巷|街巷)";
/** Office and staff spenders are not beneficiaries. */
const BUYING = "(?:购置|购买|采购|配备|配发|更新)";

export const GROUPS: readonly TermGroup[] = [
  {
    id: "ADMIN.personnel",
    category: "ADMIN",
    label: { zh: "行政事业单位人员经费", en: "staff pay of government bodies and institutions" },
    terms: ["人员经费", "基本工资", "在编人员", "机关运行", "行政运行", "事业运行", "人员支出"],
    contextual: ["工资", "薪酬", "薪金", "五险一金", "住房公积金", "社保缴费", "养老保险缴费"],
    actors: ["staff", "office"],
  },
  {
    id: "ADMIN.running",
    category: "ADMIN",
    label: {
      zh: "行政事业单位公用经费",
      en: "running costs (public funds) of government bodies and institutions",
    },
    terms: [
      "公用经费",
      "办公经费",
      "日常运转",
      "机关运转",
      "办公费",
      "办公用品",
      "办公设备",
      "办公家具",
      "办公电脑",
      "会议费",
      "差旅费",
      "公务接待",
      "接待费",
      "物业管理费",
      "物业费",
    ],
    contextual: [
      "运转经费",
      "办公场所",
      "租金",
      "租赁费",
      "房租",
      "打印纸",
      "耗材",
      "培训费",
      "食宿费",
      "住宿费",
      "伙食费",
      "劳务费",
      "空调",
      "聘用人员",
      "临聘",
      "取暖费",
      "水费",
      "电费",
      "水电费",
      "电话费",
      "通讯费",
      "网络费",
      "宽带费",
      "邮电费",
      "印刷费",
      "工作经费",
      "业务经费",
      "电脑",
      "打印机",
      "复印机",
    ],
    actors: ["staff", "office"],
  },
  {
    id: "VEHICLE.vehicles",
    category: "VEHICLE",
    label: { zh: "交通工具", en: "vehicles" },
    terms: [
      "交通工具",
      "公务用车",
      "公务车",
      "公车",
      "皮卡",
      "轿车",
      "越野车",
      "商务车",
      "执法车",
      "工作用车",
      "工作车",
      "巡查车",
      "监管车",
      "督查车",
      "小汽车",
      "宣传车",
      "车辆购置",
    ],
    patterns: [`${BUYING}[^,;。;]{0,6}?(?:车辆|汽车|用车|客车|面包车|摩托车)`],
    contextual: ["车辆", "汽车", "面包车", "摩托车", "电动车", "无人机"],
    actors: ["staff", "office"],
  },
  {
    id: "VEHICLE.comms",
    category: "VEHICLE",
    label: { zh: "通讯设备", en: "communication equipment" },
    terms: ["通讯设备", "通信设备", "手机", "对讲机", "卫星电话", "电话机", "平板电脑"],
    contextual: ["通讯器材", "电台"],
    actors: ["staff", "office"],
  },
  {
    id: "VEHICLE.upkeep",
    category: "VEHICLE",
    label: { zh: "公务用车运行维护", en: "upkeep of official vehicles" },
    terms: ["公务用车运行", "公车运行", "车辆运行维护", "公车维修", "公务用车维修"],
    contextual: ["车辆维修", "车辆保险", "加油费", "燃油费", "过路费", "停车费", "修车"],
    actors: ["staff", "office"],
  },
  {
    id: "BONUS.allowance",
    category: "BONUS",
    label: { zh: "津贴补贴", en: "allowances for staff" },
    terms: [
      "津补贴",
      "津贴补贴",
      "加班费",
      "加班补助",
      "值班费",
      "值班补助",
      "岗位津贴",
      "下乡补助",
      "下乡补贴",
      "工作补贴",
      "误工补贴",
      "加班餐",
      "话费补助",
      "话费补贴",
    ],
    contextual: [
      "津贴",
      "补贴",
      "补助",
      "生活补助",
      "伙食补助",
      "误餐补助",
      "交通补贴",
      "通讯补贴",
      "餐费",
      "报酬",
    ],
    actors: ["staff"],
  },
  {
    id: "BONUS.bonus",
    category: "BONUS",
    label: { zh: "奖金福利", en: "bonuses and welfare for staff" },
    terms: [
      "奖金",
      "年终奖",
      "绩效奖",
      "考核奖",
      "目标奖",
      "绩效工资",
      "福利费",
      "过节费",
      "福利补助",
      "职工福利",
      "干部福利",
    ],
    contextual: ["奖励", "慰问金", "慰问品", "福利", "体检", "节日", "购物卡", "疗养"],
    actors: ["staff"],
  },
  {
    id: "LOSS.loss",
    category: "LOSS",
    label: { zh: "弥补企业亏损", en: "covering an enterprise's losses" },
    terms: ["亏损", "亏空", "扭亏", "资不抵债"],
    contextual: ["经营困难", "经营缺口"],
    actors: ["company", "office"],
  },
  {
    id: "BUILDING.halls",
    category: "BUILDING",
    label: { zh: "楼堂馆所", en: "office buildings, halls, guesthouses, training centres" },
    terms: [
      "楼堂馆所",
      "办公楼",
      "办公大楼",
      "办公用房",
      "办公室装修",
      "大楼",
      "礼堂",
      "会堂",
      "宾馆",
      "酒店",
      "招待所",
      "培训中心",
      "培训楼",
      "会议中心",
      "接待中心",
      "疗养院",
      "度假村",
      "会所",
    ],
    patterns: [
      "(?:机关|政府|(?<![布格结当大开饭赌])局|办公室|办公区)[^,;。;]{0,4}?(?:装修|装饰|修缮|维修改造)",
    ],
    contextual: ["综合楼", "业务用房", "装修", "修缮"],
    contextualPatterns: [
      "(?:食堂|档案室|车库|会议室|职工之家)[^,;。;]{0,3}?(?:新建|建设|改造|扩建|装修|维修)",
      "(?:新建|修建|扩建|改扩建|装修)[^,;。;]{0,8}?(?:食堂|档案室|车库|会议室|职工之家)",
    ],
    actors: ["office", "staff"],
  },
  {
    id: "BUILDING.housing",
    category: "BUILDING",
    label: { zh: "职工住宅", en: "staff housing" },
    terms: [
      "职工住宅",
      "干部住宅",
      "职工宿舍",
      "干部宿舍",
      "干部周转房",
      "职工周转房",
      "干部公寓",
      "职工公寓",
      "人才公寓",
    ],
    contextual: ["宿舍", "住宅", "周转房", "周转宿舍", "公寓", "住房"],
    actors: ["staff"],
  },
  {
    id: "DEBT.debt",
    category: "DEBT",
    label: { zh: "偿还债务", en: "repaying debt" },
    patterns: ["(?:归还|偿还|清偿)[^,;。;]{0,8}?(?:垫付|垫资|借款|贷款|欠款)"],
    terms: [
      "偿还债务",
      "还本付息",
      "债务",
      "欠款",
      "拖欠",
      "化债",
      "还债",
      "偿债",
      "偿还",
      "欠账",
      "尾欠",
      "欠付",
    ],
    contextual: ["还款", "还贷", "借款", "利息", "本息", "垫资"],
    actors: ["office", "company"],
  },
  {
    id: "DEBT.gap",
    category: "DEBT",
    label: { zh: "弥补预算缺口", en: "filling a budget gap" },
    terms: [
      "预算缺口",
      "预算支出缺口",
      "财政缺口",
      "收支缺口",
      "财力缺口",
      "平衡预算",
      "预算平衡",
      "三保缺口",
    ],
  },
  {
    id: "LARGE.large",
    category: "LARGE",
    label: { zh: "大中型基本建设项目", en: "large or medium capital construction project" },
    terms: [
      "大中型",
      "大型基本建设",
      "大型基建",
      "高速公路",
      "高速路",
      "铁路",
      "高铁",
      "机场",
      "水利枢纽",
      "大型水库",
      "中型水库",
      "大型灌区",
      "国道",
      "国省干线",
      "火电厂",
      "大型体育场",
      "体育中心",
    ],
    patterns: ["(?:大|中)型(?:灌区|水库|水电站|泵站|水厂)"],
  },
  {
    id: "URBAN.infra",
    category: "URBAN",
    label: { zh: "城市和县城基础设施", en: "urban or county-town infrastructure" },
    terms: [
      "市政",
      "城市基础设施",
      "县城基础设施",
      "县城规划区",
      "城市道路",
      "城市绿化",
      "综合管廊",
      "海绵城市",
      "老旧小区",
      "城市更新",
      "街心公园",
    ],
    patterns: [`${TOWN}[^,;。;]{0,10}?${TOWN_FACILITY}`],
  },
  {
    id: "URBAN.poverty",
    category: "URBAN",
    label: { zh: "城市扶贫", en: "urban poverty relief" },
    terms: [
      "城市扶贫",
      "城市社区",
      "城区社区",
      "城市居民",
      "城市低保",
      "城镇低保",
      "城市困难",
      "城镇困难",
      "城市贫困",
      "城镇贫困",
    ],
  },
  {
    id: "IMAGE.image",
    category: "IMAGE",
    label: { zh: "形象工程、政绩工程", en: 'vanity and "achievement" projects' },
    terms: [
      "形象工程",
      "政绩工程",
      "面子工程",
      "牌坊",
      "牌楼",
      "雕塑",
      "地标",
      "标志性建筑",
      "景观大道",
      "形象墙",
      "灯光秀",
      "豪华",
      "迎宾大道",
      "景观石",
    ],
    patterns: ["大型[^,;。;]{0,4}?(?:广场|门楼|景观|喷泉|花坛)", "(?:政府|机关)[^,;。;]{0,4}?广场"],
  },
];

export type ActorKind = "staff" | "office" | "company";

/**
 * Who spends. Contextual words need a spender of their group's kinds (or a code): staff for pay
 * and housing, an office for running costs, an office or a company for debts and losses.
 * 局 is matched as a word ending (农业农村局), not inside 布局/格局/结局/当局/大局.
 */
export const ACTORS: Record<ActorKind, { terms: readonly string[]; patterns?: readonly string[] }> =
  {
    staff: {
      terms: [
        "干部",
        "职工",
        "工作人员",
        "公务员",
        "在编",
        "工作队",
        "队员",
        "驻村",
        "领导",
        "员工",
        "教职工",
        "村官",
        "书记",
        "专干",
        "食堂",
      ],
    },
    office: {
      terms: [
        "机关",
        "政府",
        "扶贫办",
        "办公室",
        "单位",
        "县直",
        "本级",
        "部门",
        "事业单位",
        "行政",
        "乡镇",
        "街道办",
      ],
      patterns: ["(?<![布格结当大开饭赌])局"],
    },
    company: {
      terms: ["城投", "平台公司", "国有", "国企", "公司", "企业", "林场", "农场", "厂"],
    },
  };

/** What the word or pattern clears: contextual words and weak codes always; these groups' decisive words too. */
export interface Clearing {
  terms: readonly string[];
  patterns?: readonly string[];
  /** Groups (or whole categories) whose decisive words it also clears. */
  clearsStrong?: readonly (GroupId | ProhibitedCategory)[];
  /**
   * The lists whose clause makes this exception (default: every list). Under another list the
   * words clear nothing — e.g. Hubei 六（六） has no resettlement exception.
   */
  lists?: readonly PackId[];
  /** Clears only the `clearsStrong` groups (their decisive and contextual words), nothing else. */
  only?: boolean;
  why: Bilingual;
}

export const CLEARING: readonly Clearing[] = [
  {
    why: {
      zh: "受益对象是贫困户、贫困村或带贫主体",
      en: "the beneficiary is poor households, a poor village or an enterprise carrying them",
    },
    terms: [
      "贫困户",
      "脱贫户",
      "建档立卡",
      "贫困人口",
      "脱贫人口",
      "贫困群众",
      "脱贫群众",
      "监测对象",
      "监测户",
      "边缘户",
      "低保户",
      "特困",
      "五保",
      "贫困村",
      "脱贫村",
      "村集体",
      "合作社",
      "带贫",
      "贫困劳动力",
      "脱贫劳动力",
      "农户",
      "贫困学生",
      "贫困家庭",
      "困难群众",
      "残疾人",
    ],
  },
  {
    why: { zh: "政策鼓励的支持方式", en: "a form of support the policy asks for" },
    terms: [
      "奖补",
      "以奖代补",
      "先建后补",
      "技能培训",
      "培训补贴",
      "保费补贴",
      "公益岗",
      "公益性岗位",
      "护林员",
      "雨露计划",
      "以工代赈",
      "务工",
      "小额信贷",
      "光伏",
      "产业补助",
      "产业补贴",
      "生产补助",
    ],
  },
  {
    why: {
      zh: "贴息是政策支持方式，不是偿还债务",
      en: "an interest subsidy is support, not debt repayment",
    },
    terms: ["贴息"],
    clearsStrong: ["DEBT.debt"],
  },
  {
    why: {
      zh: "农机购置补贴给农户，不是购置交通工具",
      en: "a purchase subsidy for farmers, not buying vehicles",
    },
    terms: ["购置补贴", "购机补贴", "农机", "农用车"],
    clearsStrong: ["VEHICLE", "LARGE"],
  },
  {
    why: {
      zh: "电商、直播培训用手机是给群众的技能",
      en: "phones in e-commerce training are a skill for villagers",
    },
    terms: ["电商", "直播"],
    clearsStrong: ["VEHICLE.comms"],
  },
  {
    why: { zh: "危房改造补助给农户", en: "dilapidated-housing renovation for households" },
    terms: ["危房改造", "农村危房", "住房安全"],
    clearsStrong: ["BUILDING"],
  },
  {
    why: {
      zh: "76号 一（五）明文排除贫困农牧场、林场棚户改造",
      en: "76号 一（五） itself excepts shanty-house renovation on poor farms and forest farms",
    },
    // Only staff housing, and only on a poor farm or forest farm: the clause's own words.
    terms: [],
    patterns: [
      "贫困[^,;。;]{0,4}?(?:农牧场|农场|牧场|林场)[^,;。;]{0,12}?棚(?:户区?)?改",
      "棚(?:户区?)?改(?:造)?[^,;。;]{0,12}?贫困[^,;。;]{0,4}?(?:农牧场|农场|牧场|林场)",
    ],
    clearsStrong: ["BUILDING.housing"],
    only: true,
    lists: ["XJ2018", "CN2017"],
  },
  {
    why: {
      zh: "扶贫车间是带贫的生产场所",
      en: "a poverty workshop is a production site that employs the poor",
    },
    terms: ["扶贫车间", "就业车间", "帮扶车间"],
    clearsStrong: ["BUILDING", "VEHICLE"],
  },
  {
    why: { zh: "村级公共服务和活动场所", en: "village public-service and activity premises" },
    terms: [
      "村委会",
      "村部",
      "村级活动场所",
      "村级组织活动场所",
      "党群服务中心",
      "文化礼堂",
      "文化活动室",
      "村卫生室",
    ],
    clearsStrong: ["BUILDING.halls"],
  },
  {
    why: { zh: "易地扶贫搬迁安置区配套设施", en: "facilities of a poverty-relocation settlement" },
    terms: ["易地扶贫搬迁", "易地搬迁", "搬迁安置", "安置点", "安置区", "安置小区"],
    clearsStrong: ["URBAN"],
    // Hubei 六（六） forbids 县城规划区内的基础设施建设 with no exception for settlements.
    lists: ["XJ2018", "CN2017"],
  },
  {
    why: { zh: "县城通往村庄的道路", en: "a road from the county town to villages" },
    terms: ["通村", "进村", "村道", "村组", "村内", "村级", "入户路", "产业路"],
    patterns: ["(?:县城|城区|城关)(?:至|到|通往)", "(?:延伸|通往|连接)(?:至|到)?[^,;。;]{0,6}?村"],
    clearsStrong: ["URBAN.infra"],
  },
  {
    why: { zh: "公示牌、标识牌是规定要求的", en: "publicity and sign boards are required" },
    terms: ["公示牌", "标识牌", "宣传牌", "警示牌", "宣传栏", "公示栏"],
    clearsStrong: ["IMAGE"],
  },
];
