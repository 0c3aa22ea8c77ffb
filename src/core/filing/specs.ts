/**
 * The four filing sheets as data (docs/rules.md「公示、绩效目标、重复录入」「资产总台账」; docs/panes.md「备案表格窗格」): each field with its Chinese header, English
 * name, type, whether it is required, the choices offered in its drop-down, and the clause
 * that asks for it. The Office adapter, the exceljs template and the completeness check all
 * read these specs; nothing else knows the fields.
 */
import { bi } from "../i18n";
import { Citation, DOCS, SEEDS } from "../rules/citation";
import { PERFORMANCE_CITATION, PUBLICITY_CITATION } from "../rules/review";
import { OFFICE_SPECS } from "./office-specs";
import type { FieldType, FieldSpec, SheetProblem, SheetSpecOf } from "./spec-types";
import {
  PLAN_FILING_CITATION,
  PLAN_TIMING_CITATION,
  planProblemsByItem,
} from "../rules/pooling-plan";
import { parseDate } from "../dates";

export type FilingKind = "plan" | "publicity" | "assets" | "spotcheck" | keyof typeof OFFICE_SPECS; // ./office-specs: the office's lists, progress report, adjustment log

export const FILING_KINDS: readonly FilingKind[] = [
  "plan",
  "publicity",
  "assets",
  "spotcheck",
  ...(Object.keys(OFFICE_SPECS) as (keyof typeof OFFICE_SPECS)[]),
];

export type { FieldType, FieldSpec, OwnRule, SheetProblem, RowProblem } from "./spec-types";
/** One filing sheet's specification (./spec-types), for any of the filing kinds. */
export type SheetSpec = SheetSpecOf<FilingKind>;

// ── Choice lists ──────────────────────────────────────────────────────────────

/**
 * Channels money comes through (来源渠道 / 资金来源), in today's terms: since 2021 the special
 * poverty funds are 衔接推进乡村振兴补助资金 (衔接资金). Not strict: offices name their own.
 */
export const SOURCE_CHANNELS = [
  "中央财政衔接资金",
  "省级财政衔接资金",
  "自治区财政衔接资金",
  "市级财政衔接资金",
  "县级财政衔接资金",
  "统筹整合财政涉农资金",
  "行业部门资金",
  "金融资金",
  "社会资金",
  "其他",
] as const;

/**
 * Names a 资金来源 cell may also carry without a finding: the full 衔接资金 name and the names of
 * the poverty-fund years (sheets for 2016–2020 money still say 专项扶贫资金).
 */
export const SOURCE_CHANNELS_ALSO = [
  "中央财政衔接推进乡村振兴补助资金",
  "省级财政衔接推进乡村振兴补助资金",
  "中央财政专项扶贫资金",
  "中央其他财政资金",
  "省级财政资金",
  "自治区财政资金",
  "市级财政资金",
  "县级财政资金",
  "省级财政专项扶贫资金",
  "行业部门整合资金",
] as const;

/** Fund types as the deadline rules know them (34号 第（十三）条; docs/rules.md「资金下达时限」). */
export const FUND_TYPES = [
  "中央提前下达",
  "中央新增",
  "本级预算",
  "部门已细化",
  "部门未细化",
  "其他",
] as const;

import { PROJECT_STATUSES } from "./statuses";
export { PROJECT_STATUSES };

export const PROJECT_CATEGORIES = [
  "产业发展",
  "基础设施",
  "易地扶贫搬迁",
  "教育扶贫",
  "健康扶贫",
  "就业扶贫",
  "金融扶贫",
  "生态扶贫",
  "其他",
] as const;

export const ASSET_CATEGORIES = ["经营性资产", "公益性资产", "到户类资产"] as const;

export const ASSET_STATUSES = ["正常运营", "闲置", "损毁", "已处置", "在建"] as const;

export const SPOTCHECK_TYPES = ["贫困县", "项目"] as const;

export const SPOTCHECK_RESULTS = ["待抽查", "未发现问题", "发现问题", "已整改"] as const;

// ── Citations (quoted from the seeds as written) ──────────────────────────────

const HB_PLAN: Citation = {
  document: DOCS.HB2015,
  clause: "四（四）",
  quote:
    "做实年度统筹资金方案。坚持用精准扶贫规划为引导，以重点项目为主导，制定明晰统筹资金的来源渠道、使用平台、资金额度、内容进度、责任单位等，做到内容明确具体、资金流向清晰、责任分工明确，把统筹机制落到实处。县级年度统筹资金方案和规划审批方案要以县级政府文件印发，是各级审计、监察机关监督检查的重要依据。",
  seed: SEEDS.HB2015,
};

const XJ_ASSETS: Citation = {
  document: DOCS.XJ76,
  clause: "二（三）",
  quote:
    "对扶贫资金形成的资产建立总台账，登记经营主体、资金来源、项目效益、受益对象、监督管理等方面内容，防止扶贫资产闲置、浪费和流失。",
  seed: SEEDS.XJ76,
};

const GX_SPOTCHECK: Citation = {
  document: DOCS.GX34,
  clause: "第（十六）条1",
  quote:
    "每年對貧困縣和單項補助50萬元以上項目的抽查面不低于全區貧困縣總數的60%和單項補助50萬元以上項目總數的30%。",
  seed: SEEDS.GX34,
};

export const FILING_CITATIONS = {
  plan: HB_PLAN,
  publicity: PUBLICITY_CITATION,
  assets: XJ_ASSETS,
  performance: PERFORMANCE_CITATION,
  spotcheck: GX_SPOTCHECK,
} as const;

// ── The sheets ────────────────────────────────────────────────────────────────

type F = Omit<FieldSpec, "width"> & { width?: number };
const WIDTH: Record<FieldType, number> = { text: 18, amount: 14, date: 12, choice: 14, year: 8 };
const field = (f: F): FieldSpec => ({ ...f, width: f.width ?? WIDTH[f.type] });
/** An optional text column that no clause requires (文号, 备注…). */
const extra = (key: FieldSpec["key"], header: string, en: string): FieldSpec =>
  field({ key, header, en, type: "text", required: false, citation: null });

/** 年度统筹整合资金方案 — Hubei 2015 opinion 四（四）. */
export const PLAN: SheetSpec = {
  kind: "plan",
  sheetName: "年度统筹整合资金方案",
  name: { zh: "年度统筹整合资金方案", en: "Annual pooled-funds plan" },
  tableName: "FilingPlan",
  citation: HB_PLAN,
  fields: [
    field({
      key: "project",
      header: "项目名称",
      en: "Project",
      type: "text",
      required: true,
      width: 24,
      citation: HB_PLAN,
    }),
    field({
      key: "year",
      header: "年度",
      en: "Year",
      type: "year",
      required: true,
      citation: HB_PLAN,
    }),
    field({
      key: "category",
      header: "项目类别",
      en: "Category",
      type: "choice",
      choices: PROJECT_CATEGORIES,
      strict: true,
      required: false,
      citation: null,
    }),
    field({
      key: "source",
      header: "来源渠道",
      en: "Source channel",
      type: "choice",
      choices: SOURCE_CHANNELS,
      accepted: SOURCE_CHANNELS_ALSO,
      strict: false,
      required: true,
      width: 18,
      citation: HB_PLAN,
    }),
    field({
      key: "fundType",
      header: "资金类型",
      en: "Fund type",
      type: "choice",
      choices: FUND_TYPES,
      strict: true,
      required: false,
      citation: null,
    }),
    field({
      key: "platform",
      header: "使用平台",
      en: "Platform",
      type: "text",
      required: true,
      citation: HB_PLAN,
    }),
    field({
      key: "amount",
      header: "资金额度（万元）",
      en: "Amount (10k yuan)",
      type: "amount",
      required: true,
      citation: HB_PLAN,
    }),
    field({
      key: "content",
      header: "建设内容",
      en: "Content",
      type: "text",
      required: true,
      width: 30,
      citation: HB_PLAN,
    }),
    field({
      key: "schedule",
      header: "进度安排",
      en: "Schedule",
      type: "text",
      required: true,
      width: 20,
      citation: HB_PLAN,
    }),
    field({
      key: "due",
      header: "计划完成日期",
      en: "Planned completion",
      type: "date",
      required: false,
      citation: HB_PLAN,
    }),
    field({
      key: "responsible",
      header: "责任单位",
      en: "Responsible unit",
      type: "text",
      required: true,
      citation: HB_PLAN,
    }),
    extra("docNumber", "批复文号", "Document no."),
    extra("note", "备注", "Note"),
    // The plan's own facts (四（四）、五（一）), written once on any row (usually the first).
    field({
      key: "planDoc",
      header: "方案印发文号",
      en: "Plan issued as (county document no.)",
      type: "text",
      required: false,
      citation: HB_PLAN,
    }),
    field({
      key: "drafted",
      header: "着手编制日期",
      en: "Drafting started on",
      type: "date",
      required: false,
      citation: PLAN_TIMING_CITATION,
    }),
    field({
      key: "filed",
      header: "报省备案日期",
      en: "Filed with the province on",
      type: "date",
      required: false,
      citation: PLAN_FILING_CITATION,
    }),
  ],
  sheetCheck: planSheetCheck,
  ownRules: [
    { suffix: "PLANLEVEL-UNCHECKED", severity: "info", citation: HB_PLAN, field: null },
    {
      suffix: "PLANLEVEL-DRAFTED",
      severity: "warning",
      citation: PLAN_TIMING_CITATION,
      field: "drafted",
    },
    { suffix: "PLANLEVEL-DOCNUMBER", severity: "warning", citation: HB_PLAN, field: "planDoc" },
    {
      suffix: "PLANLEVEL-FILED",
      severity: "warning",
      citation: PLAN_FILING_CITATION,
      field: "filed",
    },
  ],
};

/**
 * The plan as a whole (湖北 2015 意见 四（四）、五（一）): its 文号, drafting date and filing date,
 * each taken from the first row that fills it, judged for the year of the first row that gives
 * one (FUND.PLANCHECK's reading). Rows with nothing of the three: one note that they were not
 * checked (never a silent clean).
 */
function planSheetCheck(
  rows: readonly { row: number; get: (key: string) => unknown }[]
): SheetProblem[] {
  const first = (key: string) => {
    for (const r of rows) {
      const v = r.get(key);
      if (v !== undefined && v !== null && String(v).trim() !== "") return { row: r.row, v };
    }
    return null;
  };
  const doc = first("planDoc");
  const drafted = first("drafted");
  const filed = first("filed");
  const cite = { drafted: PLAN_TIMING_CITATION, docNumber: HB_PLAN, filed: PLAN_FILING_CITATION };
  if (!doc && !drafted && !filed)
    return rows.length
      ? [
          {
            key: null,
            row: null,
            rule: "PLANLEVEL-UNCHECKED",
            severity: "info",
            message: bi(
              "未填写方案印发文号、着手编制日期、报省备案日期：方案的印发、编制时间和备案（四（四）、五（一））未检查",
              "the plan's document number, drafting date and filing date are not filled in: its issue, timing and filing (4(4), 5(1)) were not checked"
            ),
            evidence: "",
            citation: HB_PLAN,
          },
        ]
      : [];
  const year = rows
    .map((r) => Number(String(r.get("year") ?? "").replace(/年度?$/, "")))
    .find((y) => Number.isInteger(y) && y >= 1990 && y <= 2100);
  if (year === undefined) return [];
  const day = (x: { v: unknown } | null) => {
    if (!x) return null;
    const d = parseDate(x.v);
    return d.ok ? d.serial : null;
  };
  const at = { drafted: drafted?.row, docNumber: doc?.row, filed: filed?.row };
  const key = { drafted: "drafted", docNumber: "planDoc", filed: "filed" } as const;
  return (
    planProblemsByItem(year, day(drafted), doc ? String(doc.v) : "", day(filed))
      // an unreadable date is the date check's finding already
      .filter(
        (p) =>
          !(
            p.item !== "docNumber" &&
            at[p.item] !== undefined &&
            day(p.item === "drafted" ? drafted : filed) === null
          )
      )
      .map((p) => ({
        key: at[p.item] !== undefined ? key[p.item] : null,
        row: at[p.item] ?? null,
        rule: `PLANLEVEL-${p.item.toUpperCase()}`,
        severity: "warning" as const,
        message: bi(`${year} 年度方案：${p.text}`, `the ${year} plan: ${p.text}`),
        evidence: [
          doc && `文号 ${String(doc.v)}`,
          drafted && `编制 ${String(drafted.v)}`,
          filed && `备案 ${String(filed.v)}`,
        ]
          .filter(Boolean)
          .join("；"),
        citation: cite[p.item],
      }))
  );
}

/** 项目公告公示表 — 76号 二（四）: nine fields, 实施单位 and 责任人 in two columns. */
export const PUBLICITY: SheetSpec = {
  kind: "publicity",
  sheetName: "项目公告公示表",
  name: { zh: "项目公告公示表", en: "Project publicity notice" },
  tableName: "FilingPublicity",
  citation: PUBLICITY_CITATION,
  periods: [{ from: "start", to: "end" }],
  fields: [
    field({
      key: "project",
      header: "扶贫项目名称",
      en: "Project",
      type: "text",
      required: true,
      width: 24,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "source",
      header: "资金来源",
      en: "Fund source",
      type: "choice",
      choices: SOURCE_CHANNELS,
      accepted: SOURCE_CHANNELS_ALSO,
      strict: false,
      required: true,
      width: 18,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "amount",
      header: "资金规模（万元）",
      en: "Amount (10k yuan)",
      type: "amount",
      required: true,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "place",
      header: "实施地点",
      en: "Place",
      type: "text",
      required: true,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "content",
      header: "建设内容",
      en: "Content",
      type: "text",
      required: true,
      width: 30,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "start",
      header: "建设周期起",
      en: "Period from",
      type: "date",
      required: true,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "end",
      header: "建设周期止",
      en: "Period to",
      type: "date",
      required: true,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "performance",
      header: "绩效目标",
      en: "Performance target",
      type: "text",
      required: true,
      width: 24,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "implementer",
      header: "实施单位",
      en: "Implementing unit",
      type: "text",
      required: true,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "responsible",
      header: "责任人",
      en: "Person responsible",
      type: "text",
      required: true,
      width: 10,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "hotline",
      header: "监督举报电话",
      en: "Hotline",
      type: "text",
      required: true,
      width: 16,
      citation: PUBLICITY_CITATION,
    }),
    field({
      key: "fundType",
      header: "资金类型",
      en: "Fund type",
      type: "choice",
      choices: FUND_TYPES,
      strict: true,
      required: false,
      citation: null,
    }),
    field({
      key: "status",
      header: "项目状态",
      en: "Status",
      type: "choice",
      choices: PROJECT_STATUSES,
      strict: true,
      required: false,
      width: 10,
      citation: null,
    }),
    field({
      key: "noticeDate",
      header: "公示日期",
      en: "Notice date",
      type: "date",
      required: false,
      citation: null,
    }),
  ],
};

/**
 * 资产总台账 — 76号 二（三）. The clause lists five items (经营主体、资金来源、项目效益、受益对象、
 * 监督管理): those are required and cited; every other column is offered but optional.
 */
export const ASSETS: SheetSpec = {
  kind: "assets",
  sheetName: "资产总台账",
  name: { zh: "资产总台账", en: "Asset ledger" },
  tableName: "FilingAssets",
  citation: XJ_ASSETS,
  fields: [
    field({
      key: "asset",
      header: "资产名称",
      en: "Asset",
      type: "text",
      required: false,
      width: 22,
      citation: null,
    }),
    field({
      key: "category",
      header: "资产类别",
      en: "Asset category",
      type: "choice",
      choices: ASSET_CATEGORIES,
      strict: true,
      required: false,
      citation: null,
    }),
    field({
      key: "project",
      header: "形成资产的项目",
      en: "Project",
      type: "text",
      required: false,
      width: 22,
      citation: null,
    }),
    field({
      key: "operator",
      header: "经营主体",
      en: "Operator",
      type: "text",
      required: true,
      citation: XJ_ASSETS,
    }),
    field({
      key: "source",
      header: "资金来源",
      en: "Fund source",
      type: "choice",
      choices: SOURCE_CHANNELS,
      accepted: SOURCE_CHANNELS_ALSO,
      strict: false,
      required: true,
      width: 18,
      citation: XJ_ASSETS,
    }),
    field({
      key: "value",
      header: "资产价值（万元）",
      en: "Asset value (10k yuan)",
      type: "amount",
      required: false,
      citation: null,
    }),
    field({
      key: "formed",
      header: "形成日期",
      en: "Date formed",
      type: "date",
      required: false,
      citation: null,
    }),
    field({
      key: "benefit",
      header: "项目效益",
      en: "Benefit",
      type: "text",
      required: true,
      width: 22,
      citation: XJ_ASSETS,
    }),
    field({
      key: "beneficiaries",
      header: "受益对象",
      en: "Beneficiaries",
      type: "text",
      required: true,
      width: 20,
      citation: XJ_ASSETS,
    }),
    field({
      key: "supervision",
      header: "监督管理",
      en: "Supervision",
      type: "text",
      required: true,
      width: 20,
      citation: XJ_ASSETS,
    }),
    field({
      key: "status",
      header: "资产状态",
      en: "Asset status",
      type: "choice",
      choices: ASSET_STATUSES,
      strict: true,
      required: false,
      width: 10,
      citation: null,
    }),
    extra("place", "所在地点", "Location"),
    extra("note", "备注", "Note"),
  ],
};

/** 抽查名单 — 34号 第（十六）条1: sampled poor counties and projects ≥ 50万元. */
export const SPOTCHECK: SheetSpec = {
  kind: "spotcheck",
  sheetName: "抽查名单",
  name: { zh: "抽查名单", en: "Spot-check list" },
  tableName: "FilingSpotCheck",
  citation: GX_SPOTCHECK,
  fields: [
    field({
      key: "type",
      header: "抽查类型",
      en: "Type",
      type: "choice",
      choices: SPOTCHECK_TYPES,
      strict: true,
      required: true,
      width: 10,
      citation: GX_SPOTCHECK,
    }),
    field({
      key: "county",
      header: "县（市、区）",
      en: "County",
      type: "text",
      required: true,
      citation: GX_SPOTCHECK,
    }),
    field({
      key: "project",
      header: "项目名称",
      en: "Project",
      type: "text",
      required: false,
      requiredWhen: { key: "type", values: ["项目"] },
      width: 24,
      citation: GX_SPOTCHECK,
    }),
    field({
      key: "amount",
      header: "单项补助金额（万元）",
      en: "Single subsidy (10k yuan)",
      type: "amount",
      required: false,
      requiredWhen: { key: "type", values: ["项目"] },
      width: 16,
      citation: GX_SPOTCHECK,
    }),
    extra("checker", "抽查单位", "Checked by"),
    field({
      key: "date",
      header: "抽查日期",
      en: "Check date",
      type: "date",
      required: false,
      citation: null,
    }),
    field({
      key: "result",
      header: "抽查结果",
      en: "Result",
      type: "choice",
      choices: SPOTCHECK_RESULTS,
      strict: true,
      required: false,
      citation: null,
    }),
    field({
      key: "note",
      header: "备注",
      en: "Note",
      type: "text",
      required: false,
      width: 24,
      citation: null,
    }),
  ],
};

export const SPECS: Record<FilingKind, SheetSpec> = {
  plan: PLAN,
  publicity: PUBLICITY,
  assets: ASSETS,
  spotcheck: SPOTCHECK,
  ...OFFICE_SPECS,
};

const ALIASES: Record<string, FilingKind> = {
  plan: "plan",
  pooling: "plan",
  方案: "plan",
  统筹方案: "plan",
  年度统筹整合资金方案: "plan",
  publicity: "publicity",
  notice: "publicity",
  公示: "publicity",
  公告公示: "publicity",
  项目公告公示表: "publicity",
  assets: "assets",
  asset: "assets",
  ledger: "assets",
  资产: "assets",
  资产台账: "assets",
  资产总台账: "assets",
  spotcheck: "spotcheck",
  "spot-check": "spotcheck",
  sample: "spotcheck",
  抽查: "spotcheck",
  抽查名单: "spotcheck",
  blacklist: "blacklist",
  黑名单: "blacklist",
  feeshare: "feeshare",
  管理费比例: "feeshare",
  benchmark: "benchmark",
  贷款基准利率: "benchmark",
  targets: "targets",
  整合目标: "targets",
  progress: "progress",
  月报: "progress",
  项目实施进度月报: "progress",
  adjustment: "adjustment",
  调整: "adjustment",
  项目调整备案表: "adjustment",
};

/** "publicity", "公示", "项目公告公示表" … → the kind, or null. */
export function filingKindOf(name: string): FilingKind | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}
