/**
 * Budget economic classification codes as evidence (docs/rules.md「负面清单」; 部门预算支出经济分类 since
 * 财预〔2017〕98号, 政府预算支出经济分类 in three digits, 21305xx function codes).
 *
 * - strong: decides alone (a code-backed hit);
 * - weak: decides only when the description names the same category (then the hit is code-backed);
 *   a description that names a beneficiary or an allowed form clears it (31001 for 扶贫车间 is fine);
 * - allowed: common and fine; never evidence against.
 *
 * Exact codes win over prefixes; the longest prefix wins.
 */
import type { GroupId } from "./terms";

export type CodeStrength = "strong" | "weak" | "allowed";

export interface CodeEntry {
  /** Digits as printed; `prefix` entries cover every code that starts with them. */
  code: string;
  prefix?: boolean;
  name: string;
  /** The group the code points to; for a weak code, any group of that category corroborates it. */
  group: GroupId | null;
  strength: CodeStrength;
}

export const CODES: readonly CodeEntry[] = [
  // ADMIN — 301xx 工资福利支出, 302xx 商品和服务支出 (当作基本支出), 2130501/02/03/50 function codes
  { code: "301", prefix: true, name: "工资福利支出", group: "ADMIN.personnel", strength: "strong" },
  { code: "30101", name: "基本工资", group: "ADMIN.personnel", strength: "strong" },
  { code: "302", prefix: true, name: "商品和服务支出", group: "ADMIN.running", strength: "weak" },
  { code: "30201", name: "办公费", group: "ADMIN.running", strength: "strong" },
  { code: "30205", name: "水费", group: "ADMIN.running", strength: "strong" },
  { code: "30206", name: "电费", group: "ADMIN.running", strength: "strong" },
  { code: "30209", name: "物业管理费", group: "ADMIN.running", strength: "strong" },
  { code: "2130501", name: "行政运行", group: "ADMIN.personnel", strength: "strong" },
  { code: "2130502", name: "一般行政管理事务", group: "ADMIN.running", strength: "strong" },
  { code: "2130503", name: "机关服务", group: "ADMIN.running", strength: "strong" },
  { code: "2130550", name: "事业运行", group: "ADMIN.personnel", strength: "strong" },
  {
    code: "501",
    prefix: true,
    name: "机关工资福利支出",
    group: "ADMIN.personnel",
    strength: "strong",
  },
  {
    code: "502",
    prefix: true,
    name: "机关商品和服务支出",
    group: "ADMIN.running",
    strength: "strong",
  },
  {
    code: "505",
    prefix: true,
    name: "对事业单位经常性补助",
    group: "ADMIN.personnel",
    strength: "strong",
  },
  // VEHICLE
  { code: "31013", name: "公务用车购置", group: "VEHICLE.vehicles", strength: "strong" },
  { code: "31019", name: "其他交通工具购置", group: "VEHICLE.vehicles", strength: "strong" },
  { code: "30913", name: "公务用车购置", group: "VEHICLE.vehicles", strength: "strong" },
  { code: "30919", name: "其他交通工具购置", group: "VEHICLE.vehicles", strength: "strong" },
  { code: "30231", name: "公务用车运行维护费", group: "VEHICLE.upkeep", strength: "strong" },
  // BONUS
  { code: "30102", name: "津贴补贴", group: "BONUS.allowance", strength: "strong" },
  { code: "30103", name: "奖金", group: "BONUS.bonus", strength: "strong" },
  { code: "30107", name: "绩效工资", group: "BONUS.bonus", strength: "strong" },
  { code: "30229", name: "福利费", group: "BONUS.bonus", strength: "strong" },
  // BUILDING — weak alone: only with a building-type description
  { code: "31001", name: "房屋建筑物购建", group: "BUILDING.halls", strength: "weak" },
  { code: "31006", name: "大型修缮", group: "BUILDING.halls", strength: "weak" },
  { code: "30901", name: "房屋建筑物购建", group: "BUILDING.halls", strength: "weak" },
  { code: "30906", name: "大型修缮", group: "BUILDING.halls", strength: "weak" },
  // DEBT — the 307 class is verified; sub-codes follow it
  { code: "307", prefix: true, name: "债务利息及费用支出", group: "DEBT.debt", strength: "strong" },
  { code: "30701", name: "国内债务付息", group: "DEBT.debt", strength: "strong" },
  { code: "511", prefix: true, name: "债务利息", group: "DEBT.debt", strength: "strong" },
  { code: "512", prefix: true, name: "债务还本", group: "DEBT.debt", strength: "strong" },
  // LOSS — weak alone: only with 亏损 (or the like) in the description
  { code: "312", prefix: true, name: "对企业补助", group: "LOSS.loss", strength: "weak" },
  // Allowed and common
  { code: "303", prefix: true, name: "对个人和家庭的补助", group: null, strength: "allowed" },
  { code: "30305", name: "生活补助", group: null, strength: "allowed" },
  { code: "31005", name: "基础设施建设", group: null, strength: "allowed" },
  { code: "2130504", name: "农村基础设施建设", group: null, strength: "allowed" },
  { code: "2130505", name: "生产发展", group: null, strength: "allowed" },
  { code: "2130506", name: "社会发展", group: null, strength: "allowed" },
  { code: "2130507", name: "贷款奖补和贴息", group: null, strength: "allowed" },
];
