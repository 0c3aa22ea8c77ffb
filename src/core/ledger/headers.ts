/**
 * Column recognition by the header synonyms of docs/rules.md「读取台账」. A header is normalised first —
 * full-width → half-width, Traditional → Simplified, white space and line breaks removed, a
 * trailing bracketed note such as （万元） / (元) / 【必填】 removed (its unit kept) — and then
 * matched exactly against the synonyms; failing that, a header ending with a synonym of four or
 * more characters ("扶贫项目名称" → "项目名称"), else containing one, takes the longest such. Short synonyms
 * (项目, 金额, 进度) only match exactly, so "项目编号" is not a project name.
 */
import type { Field } from "../review/types";
import { MoneyUnit } from "../money";
import { normalize } from "../normal-form";

/** Synonyms per field, Simplified, already normalised. Order within a field does not matter. */
export const FIELD_SYNONYMS: Record<Field, string[]> = {
  project: ["项目名称", "项目", "项目名", "扶贫项目名称", "项目名字", "项目全称"],
  projectNo: ["项目编号", "项目编码", "项目代码", "项目库编号", "项目序号", "项目号"],
  content: [
    "建设内容",
    "建设内容及规模",
    "建设规模及内容",
    "主要建设内容",
    "资金用途",
    "支出内容",
    "用途",
    "项目内容",
    "资金使用用途",
  ],
  fundType: ["资金类型", "资金性质", "资金类别", "资金来源类别"],
  source: ["资金来源", "资金渠道", "来源渠道"],
  amount: [
    "金额",
    "资金规模",
    "下达金额",
    "拨付金额",
    "项目资金",
    "投资规模",
    "资金金额",
    "资金额度",
    "投资金额",
    "总投资",
    "下达资金",
    "拨付资金",
    "安排资金",
    "资金数额",
  ],
  receivedDate: [
    "收到文件日期",
    "收文日期",
    "文件日期",
    "收到日期",
    "收到资金下达文件日期",
    "资金下达文件收到日期",
    "收到下达文件日期",
    "收到资金文件日期",
    "文件收到日期",
    "收文时间",
    "收到文件时间",
  ],
  // 34号（十三）: the budget rules run from the people's congress approving the department budget.
  budgetDate: [
    "预算批复日期",
    "部门预算批复日期",
    "人大批复日期",
    "人大批复部门预算日期",
    "人大批复预算日期",
    "预算批准日期",
    "批复部门预算日期",
    "部门预算批复时间",
    "预算批复时间",
  ],
  passDownDate: ["资金下达日期", "下达日期", "拨付日期", "支付日期", "下达时间", "拨付时间"],
  docNumber: ["下达文号", "文号", "批复文号", "文件文号", "资金文号"],
  econCode: [
    "经济分类",
    "经济分类科目",
    "支出经济分类",
    "部门经济分类",
    "经济分类编码",
    "经济科目",
  ],
  // A bare 批复日期 is a project approval, never a deadline's start (34号（十三）).
  approvalDate: ["项目批复日期", "立项日期", "批复时间", "立项时间", "项目批复时间", "批复日期"],
  status: ["实施状态", "项目状态", "进度", "实施进度", "项目进度", "建设状态"],
  place: ["实施地点", "建设地点", "项目地点"],
  implementer: ["实施单位", "项目实施单位", "建设单位"],
  responsible: ["责任人", "项目负责人", "负责人", "项目责任人"],
  hotline: ["监督举报电话", "监督电话", "举报电话"],
  period: ["建设周期", "实施期限", "起止时间", "建设期限", "实施周期"],
  performance: ["绩效目标", "预期效益", "绩效指标"],
  year: ["年度", "年份", "资金年度"],
  total: ["资金总额", "当年资金", "当年资金总额", "资金总量", "年度资金总额", "资金总计"],
  carryover: ["结转结余", "结转金额", "结转结余金额", "结余结转", "结余结转金额", "结转资金"],
};

/** Headers that name two fields at once (76号 二（四） prints 实施单位及责任人 as one item). */
const COMBINED: Record<string, Field[]> = {
  实施单位及责任人: ["implementer", "responsible"],
  实施单位及负责人: ["implementer", "responsible"],
  实施单位和责任人: ["implementer", "responsible"],
};

/** Fields whose cells are amounts of money (a unit applies). */
export const AMOUNT_FIELDS: readonly Field[] = ["amount", "total", "carryover"];
/** Fields whose cells are dates. */
export const DATE_FIELDS: readonly Field[] = [
  "receivedDate",
  "budgetDate",
  "passDownDate",
  "approvalDate",
];

const EXACT = new Map<string, Field[]>();
const LONG: Array<[string, Field[]]> = [];
for (const [field, words] of Object.entries(FIELD_SYNONYMS) as Array<[Field, string[]]>) {
  for (const w of words) {
    EXACT.set(w, [field]);
    if (w.length >= 4) LONG.push([w, [field]]);
  }
}
for (const [w, fields] of Object.entries(COMBINED)) {
  EXACT.set(w, fields);
  LONG.push([w, fields]);
}
LONG.sort((a, b) => b[0].length - a[0].length);

const UNIT_IN_BRACKETS = /[(（【[〔]\s*(?:单位[:：]?)?\s*(亿元|万元|元|亿|万)\s*[)）】\]〕]/;
const TRAILING_BRACKETS = /[(（【[〔][^(（【[〔]*[)）】\]〕]$/;

export interface HeaderMatch {
  fields: Field[];
  /** Unit named by the header itself, e.g. 金额（万元）. */
  unit: MoneyUnit | null;
  /** The normalised text that was matched. */
  normalised: string;
}

/** Half-width, Simplified, no white space, no leading/trailing marks like * or ：. */
export function normaliseHeader(text: string): string {
  const s = normalize(text).replace(/^[*※#\d.、]+(?=\D)/, "");
  // trailing marks, by hand: /[*※:：]+$/ retries at every mark of a long run (quadratic)
  let end = s.length;
  while (end > 0 && TRAILING_MARKS.has(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

const TRAILING_MARKS = new Set(["*", "※", ":", "："]);

function unitWord(u: string): MoneyUnit {
  return u.startsWith("亿") ? "亿元" : u.startsWith("万") ? "万元" : "元";
}

/** The unit a header cell names in brackets or as a suffix (金额（万元）, 金额/万元), or null. */
export function unitOfHeader(value: unknown): MoneyUnit | null {
  if (typeof value !== "string" || value.length > 60) return null;
  const s = normaliseHeader(value);
  const u = UNIT_IN_BRACKETS.exec(s) ?? /[/／]?(亿元|万元)$/.exec(s);
  return u ? unitWord(u[1]) : null;
}

/** Recognises one header cell; null when it names none of the fields. */
export function matchHeader(value: unknown): HeaderMatch | null {
  if (typeof value !== "string") return null;
  let s = normaliseHeader(value);
  if (s === "" || s.length > 40) return null;
  let unit: MoneyUnit | null = null;
  const u = UNIT_IN_BRACKETS.exec(s);
  if (u) unit = unitWord(u[1]);
  // Strip trailing bracketed notes (one or more): 金额（万元）, 资金规模(万元)(必填).
  let prev = "";
  while (prev !== s) {
    prev = s;
    s = s.replace(TRAILING_BRACKETS, "");
  }
  // A bare unit suffix: 金额万元, 金额/万元.
  const bare = /^(.+?)[/／]?(亿元|万元)$/.exec(s);
  if (bare && (EXACT.has(bare[1]) || !EXACT.has(s))) {
    unit = unit ?? unitWord(bare[2]);
    s = bare[1];
  }
  const exact = EXACT.get(s);
  if (exact) return { fields: exact, unit, normalised: s };
  // A rate or share is not the amount it is computed from (结转结余率, 资金总额占比).
  if (/(率|比例|占比|比重)$/.test(s)) return null;
  // Chinese puts the head noun last: a header ending in a synonym means it (中央下达资金文号 is a
  // 文号), else the longest synonym it contains.
  for (const [w, fields] of LONG) if (s.endsWith(w)) return { fields, unit, normalised: s };
  for (const [w, fields] of LONG) if (s.includes(w)) return { fields, unit, normalised: s };
  return null;
}
