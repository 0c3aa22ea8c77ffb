/**
 * Filing sheets beyond the four of ./specs: the office's own lists the review reads (黑名单,
 * 管理费比例, 贷款基准利率 — their headers are what src/core/review/office reads), the monthly
 * progress report (76号 二（三）) and the log of adjusted projects (34号 第（七）条1–2).
 */
import type { Citation } from "../rules/citation";
import { DOCS, SEEDS } from "../rules/citation";
import { BLACKLIST_CITATION, BLACKLIST_SHEET } from "../rules/blacklist";
import { MANAGEMENT_FEE_CITATION, MANAGEMENT_FEE_SHEET } from "../rules/management-fee";
import { BENCHMARK_SHEET, INTEREST_CITATION } from "../rules/interest";
import { INTEGRATION_CITATION, TARGETS_SHEET } from "../rules/integration-targets";
import type { FieldSpec, FieldType, SheetSpecOf } from "./spec-types";
import { bi } from "../i18n";
import { Decimal, parseAmountIn } from "../money";
import { isDashZero } from "../ledger/record";
import { PROJECT_STATUSES } from "./statuses";

const WIDTH: Record<FieldType, number> = { text: 18, amount: 14, date: 12, choice: 14, year: 8 };
type F = Omit<FieldSpec, "width" | "required" | "citation"> & {
  width?: number;
  required?: boolean;
  citation?: Citation | null;
};
const f = (x: F, cite: Citation | null): FieldSpec => ({
  ...x,
  width: x.width ?? WIDTH[x.type],
  required: x.required ?? false,
  citation: x.citation === undefined ? (x.required ? cite : null) : x.citation,
});

/** 76号 二（三）: monthly statistics of progress, completion and the use of funds. */
export const PROGRESS_CITATION: Citation = {
  document: DOCS.XJ76,
  clause: "二（三）",
  quote:
    "县级扶贫开发领导小组要按月统计项目实施进度、完工验收及资金使用情况，并逐级上报自治区扶贫办、财政厅。",
  seed: SEEDS.XJ76,
};

import { LEFTOVER_CITATION, leftoverMismatch } from "../rules/leftover";
export { LEFTOVER_CITATION };

import { ADJUSTMENT_CITATION } from "../rules/adjustment";
export { ADJUSTMENT_CITATION };

export const ADJUSTMENT_TYPES = ["局部调整（规模或内容）", "调整实施地点"] as const;

export const BLACKLIST_SPEC: SheetSpecOf<"blacklist"> = {
  kind: "blacklist",
  sheetName: BLACKLIST_SHEET,
  name: { zh: "扶持黑名单", en: "Blacklist" },
  tableName: "OfficeBlacklist",
  citation: BLACKLIST_CITATION,
  fields: [
    f(
      {
        key: "name",
        header: "单位或个人名称",
        en: "Unit or person",
        type: "text",
        required: true,
        width: 26,
      },
      BLACKLIST_CITATION
    ),
    f(
      { key: "code", header: "统一社会信用代码", en: "Credit code", type: "text", width: 22 },
      BLACKLIST_CITATION
    ),
    f(
      { key: "listed", header: "列入日期", en: "Listed on", type: "date", required: true },
      BLACKLIST_CITATION
    ),
    f(
      { key: "reason", header: "列入事由", en: "Reason", type: "text", required: true, width: 26 },
      BLACKLIST_CITATION
    ),
    f({ key: "authority", header: "决定机关", en: "Decided by", type: "text" }, BLACKLIST_CITATION),
  ],
};

export const FEE_SHARE_SPEC: SheetSpecOf<"feeshare"> = {
  kind: "feeshare",
  sheetName: MANAGEMENT_FEE_SHEET,
  name: { zh: "管理费提取比例", en: "Management-fee share" },
  tableName: "OfficeFeeShare",
  citation: MANAGEMENT_FEE_CITATION,
  fields: [
    f(
      { key: "year", header: "年度", en: "Year", type: "year", required: true },
      MANAGEMENT_FEE_CITATION
    ),
    f(
      {
        key: "share",
        header: "提取比例",
        en: "Share (e.g. 1%)",
        type: "text",
        required: true,
        width: 10,
      },
      MANAGEMENT_FEE_CITATION
    ),
    f(
      {
        key: "total",
        header: "资金总额（万元）",
        en: "Year's total (10k yuan)",
        type: "amount",
        width: 16,
      },
      MANAGEMENT_FEE_CITATION
    ),
    f(
      {
        key: "basis",
        header: "比例依据文号",
        en: "Document setting the share",
        type: "text",
        width: 22,
      },
      MANAGEMENT_FEE_CITATION
    ),
  ],
};

export const BENCHMARK_SPEC: SheetSpecOf<"benchmark"> = {
  kind: "benchmark",
  sheetName: BENCHMARK_SHEET,
  name: { zh: "贷款基准利率", en: "Loan benchmark rate" },
  tableName: "OfficeBenchmark",
  citation: INTEREST_CITATION,
  fields: [
    f(
      { key: "from", header: "起始日期", en: "In force from", type: "date", required: true },
      INTEREST_CITATION
    ),
    f(
      {
        key: "rate",
        header: "基准利率（%）",
        en: "Benchmark rate (%)",
        type: "text",
        required: true,
        width: 12,
      },
      INTEREST_CITATION
    ),
    f(
      { key: "source", header: "公布文件", en: "Published in", type: "text", width: 24 },
      INTEREST_CITATION
    ),
    // Optional: a table banded by term has one row per band of the same 起始日期 (一年以内（含一年）…).
    f(
      { key: "term", header: "贷款期限", en: "Loan term band", type: "text", width: 18 },
      INTEREST_CITATION
    ),
  ],
};

export const TARGET_NAMES = [
  "每村整合资金",
  "扶贫部门",
  "发改部门",
  "财政部门",
  "行业部门",
] as const;

/** The ZG2015 pack's figures, when an office sets its own (one county's practice, not a rule). */
export const TARGETS_SPEC: SheetSpecOf<"targets"> = {
  kind: "targets",
  sheetName: TARGETS_SHEET,
  name: { zh: "整合目标（可选）", en: "Integration targets (optional)" },
  tableName: "OfficeTargets",
  citation: INTEGRATION_CITATION,
  fields: [
    f(
      {
        key: "what",
        header: "指标",
        en: "Target",
        type: "choice",
        choices: TARGET_NAMES,
        strict: true,
        required: true,
      },
      INTEGRATION_CITATION
    ),
    f(
      {
        key: "min",
        header: "下限（万元）",
        en: "Minimum (10k yuan)",
        type: "amount",
        required: true,
      },
      INTEGRATION_CITATION
    ),
    f({ key: "note", header: "依据", en: "Basis", type: "text", width: 24 }, INTEGRATION_CITATION),
  ],
};

export const PROGRESS_SPEC: SheetSpecOf<"progress"> = {
  kind: "progress",
  sheetName: "项目实施进度月报",
  name: { zh: "项目实施进度月报", en: "Monthly progress report" },
  tableName: "FilingProgress",
  citation: PROGRESS_CITATION,
  fields: [
    f(
      {
        key: "month",
        header: "统计月份",
        en: "Month (any day in it)",
        type: "date",
        required: true,
      },
      PROGRESS_CITATION
    ),
    f(
      {
        key: "project",
        header: "项目名称",
        en: "Project",
        type: "text",
        required: true,
        width: 24,
      },
      PROGRESS_CITATION
    ),
    f(
      {
        key: "status",
        header: "实施进度",
        en: "Progress",
        type: "choice",
        choices: PROJECT_STATUSES,
        strict: true,
        required: true,
      },
      PROGRESS_CITATION
    ),
    f(
      { key: "accepted", header: "完工验收日期", en: "Accepted on", type: "date" },
      PROGRESS_CITATION
    ),
    f(
      {
        key: "amount",
        header: "项目资金（万元）",
        en: "Project funds (10k yuan)",
        type: "amount",
        required: true,
      },
      PROGRESS_CITATION
    ),
    f(
      {
        key: "paid",
        header: "已支付（万元）",
        en: "Paid (10k yuan)",
        type: "amount",
        required: true,
      },
      PROGRESS_CITATION
    ),
    f(
      {
        key: "leftover",
        header: "结余资金（万元）",
        en: "Leftover (10k yuan)",
        type: "amount",
        requiredWhen: { key: "status", values: ["已完工", "已验收"] },
        citation: LEFTOVER_CITATION,
      },
      LEFTOVER_CITATION
    ),
    f(
      {
        key: "cleared",
        header: "结余清理及统筹使用情况",
        en: "How the leftover was cleared",
        type: "text",
        width: 24,
        requiredWhen: { key: "status", values: ["已完工", "已验收"], unlessZero: "leftover" },
        citation: LEFTOVER_CITATION,
      },
      LEFTOVER_CITATION
    ),
    f(
      { key: "responsible", header: "责任人", en: "Person responsible", type: "text", width: 10 },
      PROGRESS_CITATION
    ),
  ],
  ownRules: [
    {
      suffix: "leftover-MISMATCH",
      severity: "warning",
      citation: LEFTOVER_CITATION,
      field: "leftover",
    },
  ],
  rowCheck(get) {
    // 76号 二（三）: a completed project's leftover is its funds less what was paid.
    if (!["已完工", "已验收"].includes(String(get("status") ?? "").trim())) return [];
    const [amount, paid, leftover] = (["amount", "paid", "leftover"] as const).map((k) =>
      amountOf(get(k))
    );
    if (!amount || !paid || !leftover) return [];
    const expected = leftoverMismatch(amount, paid, leftover);
    if (!expected) return [];
    return [
      {
        key: "leftover",
        rule: "MISMATCH",
        severity: "warning",
        message: bi(
          `已完工项目的结余资金 ${leftover.toString()} 万元，与项目资金减已支付（${amount.toString()} − ${paid.toString()} = ${expected.toString()} 万元）不符`,
          `the completed project's leftover ${leftover.toString()} differs from funds less paid (${amount.toString()} − ${paid.toString()} = ${expected.toString()}, 10k yuan)`
        ),
        evidence: `项目资金 ${amount.toString()}；已支付 ${paid.toString()}；结余资金 ${leftover.toString()}（万元）`,
        citation: LEFTOVER_CITATION,
      },
    ];
  },
};

/** A 万元 cell as a Decimal in 万元 (a "-" is zero), or null when blank or unreadable. */
function amountOf(v: unknown): Decimal | null {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return null;
  if (isDashZero(v)) return new Decimal(0);
  const p = parseAmountIn(v, "万元", "万元");
  return p.ok ? p.value : null;
}

export const ADJUSTMENT_SPEC: SheetSpecOf<"adjustment"> = {
  kind: "adjustment",
  sheetName: "项目调整备案表",
  name: { zh: "项目调整备案表", en: "Project adjustment log" },
  tableName: "FilingAdjustment",
  citation: ADJUSTMENT_CITATION,
  fields: [
    f(
      {
        key: "project",
        header: "项目名称",
        en: "Project",
        type: "text",
        required: true,
        width: 24,
      },
      ADJUSTMENT_CITATION
    ),
    f(
      {
        key: "type",
        header: "调整类型",
        en: "Kind of adjustment",
        type: "choice",
        choices: ADJUSTMENT_TYPES,
        strict: true,
        required: true,
        width: 18,
      },
      ADJUSTMENT_CITATION
    ),
    f(
      {
        key: "content",
        header: "调整内容",
        en: "What changed",
        type: "text",
        required: true,
        width: 26,
      },
      ADJUSTMENT_CITATION
    ),
    f(
      { key: "applicant", header: "申请单位", en: "Applicant", type: "text", required: true },
      ADJUSTMENT_CITATION
    ),
    f(
      { key: "approver", header: "批准机关", en: "Approved by", type: "text", required: true },
      ADJUSTMENT_CITATION
    ),
    f(
      { key: "approved", header: "批准日期", en: "Approved on", type: "date", required: true },
      ADJUSTMENT_CITATION
    ),
    f(
      {
        key: "docNumber",
        header: "批准文号",
        en: "Approval document",
        type: "text",
        required: true,
      },
      ADJUSTMENT_CITATION
    ),
    f(
      {
        key: "filedWith",
        header: "备案单位",
        en: "Filed with",
        type: "text",
        requiredWhen: { key: "type", values: ["局部调整（规模或内容）"] },
        citation: ADJUSTMENT_CITATION,
      },
      ADJUSTMENT_CITATION
    ),
    f(
      {
        key: "filed",
        header: "备案日期",
        en: "Filed on",
        type: "date",
        requiredWhen: { key: "type", values: ["局部调整（规模或内容）"] },
        citation: ADJUSTMENT_CITATION,
      },
      ADJUSTMENT_CITATION
    ),
  ],
};

export const OFFICE_SPECS = {
  blacklist: BLACKLIST_SPEC,
  feeshare: FEE_SHARE_SPEC,
  benchmark: BENCHMARK_SPEC,
  targets: TARGETS_SPEC,
  progress: PROGRESS_SPEC,
  adjustment: ADJUSTMENT_SPEC,
} as const;
