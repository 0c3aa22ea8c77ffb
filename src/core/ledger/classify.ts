/**
 * What kind of sheet a recognised header describes. The kind decides which rules run:
 *
 * - **carryover** — the header names both a year-total column (资金总额 / 当年资金) and a
 *   carry-over column (结转结余 / 结转金额): the carry-over rate rule runs on each row.
 * - **publicity** — the sheet name contains 公示 or 公告, or the header names at least
 *   PUBLICITY_MIN_FIELDS of the ten publicity fields of 76号 二（四） (a disbursement ledger
 *   rarely has 建设周期, 责任人 and 监督举报电话): the publicity and performance rules run.
 * - **projects** — the sheet name contains 项目库, 项目清单 or 项目计划: a project list, held to
 *   the same publicity and performance rules.
 * - **ledger** — anything else that names a project or its content together with an amount,
 *   a fund type, a date or a status: the deadline, idle, negative-list and duplicate rules run.
 *
 * A sheet whose header names neither is not recognised, and the reason says what was found.
 */
import type { ColumnMapping, Field, SheetKind } from "../review/types";
import { Bilingual, bi } from "../i18n";
import { foldText } from "../normal-form";

/** The ten columns of the nine publicity items (实施单位及责任人 is two columns). */
export const PUBLICITY_FIELDS: readonly Field[] = [
  "project",
  "source",
  "amount",
  "place",
  "content",
  "period",
  "performance",
  "implementer",
  "responsible",
  "hotline",
];

/** A header naming this many of PUBLICITY_FIELDS makes a publicity sheet whatever its name. */
export const PUBLICITY_MIN_FIELDS = 7;

const PUBLICITY_NAME = /公示|公告/;
const PROJECTS_NAME = /项目库|项目清单|项目计划/;

export const FIELD_LABELS: Record<Field, Bilingual> = {
  project: bi("项目名称", "project name"),
  projectNo: bi("项目编号", "project number"),
  content: bi("建设内容", "content / use"),
  fundType: bi("资金类型", "fund type"),
  source: bi("资金来源", "fund source"),
  amount: bi("金额", "amount"),
  receivedDate: bi("收到资金下达文件日期", "date the allocation document was received"),
  budgetDate: bi("人大批复部门预算日期", "date the people's congress approved the budget"),
  passDownDate: bi("资金下达日期", "pass-down date"),
  docNumber: bi("文号", "document number"),
  econCode: bi("经济分类", "economic classification"),
  approvalDate: bi("项目批复日期", "project approval date"),
  status: bi("实施状态", "status"),
  place: bi("实施地点", "place"),
  implementer: bi("实施单位", "implementing unit"),
  responsible: bi("责任人", "person responsible"),
  hotline: bi("监督举报电话", "complaints hotline"),
  period: bi("建设周期", "construction period"),
  performance: bi("绩效目标", "performance target"),
  year: bi("年度", "year"),
  total: bi("资金总额", "year total"),
  carryover: bi("结转结余", "carry-over"),
};

export interface SheetClass {
  kind: SheetKind | null;
  reason: Bilingual;
}

const has = (m: ColumnMapping, f: Field) => m[f] !== undefined;

export function classifySheet(name: string, mapping: ColumnMapping): SheetClass {
  const n = foldText(name);
  if (has(mapping, "total") && has(mapping, "carryover"))
    return {
      kind: "carryover",
      reason: bi(
        "结转结余表：有资金总额列和结转结余列",
        "carry-over table: it has a year-total and a carry-over column"
      ),
    };
  const publicity = PUBLICITY_FIELDS.filter((f) => has(mapping, f)).length;
  if (PUBLICITY_NAME.test(n))
    return {
      kind: "publicity",
      reason: bi("公告公示表：工作表名称含“公示/公告”", "publicity list: the sheet's name says so"),
    };
  if (PROJECTS_NAME.test(n))
    return {
      kind: "projects",
      reason: bi(
        "项目库/项目清单：工作表名称含“项目库/项目清单/项目计划”",
        "project list: the sheet's name says so"
      ),
    };
  if (publicity >= PUBLICITY_MIN_FIELDS)
    return {
      kind: "publicity",
      reason: bi(
        `公告公示表：表头含 ${publicity} 项公示内容（≥${PUBLICITY_MIN_FIELDS}）`,
        `publicity list: the header has ${publicity} publicity fields (≥ ${PUBLICITY_MIN_FIELDS})`
      ),
    };
  const subject = has(mapping, "project") || has(mapping, "content");
  const facts = (
    [
      "amount",
      "fundType",
      "receivedDate",
      "budgetDate",
      "passDownDate",
      "status",
      "performance",
    ] as Field[]
  ).some((f) => has(mapping, f));
  if (subject && facts)
    return {
      kind: "ledger",
      reason: bi(
        "资金台账：有项目名称或建设内容，及金额、资金类型、日期或状态列",
        "fund ledger: project or content with amount, fund type, date or status columns"
      ),
    };
  const found = (Object.keys(mapping) as Field[]).map((f) => FIELD_LABELS[f]);
  return {
    kind: null,
    reason: bi(
      `不是台账：表头只识别出 ${found.map((l) => l.zh).join("、") || "（无）"}`,
      `not a ledger: the header names only ${found.map((l) => l.en).join(", ") || "(nothing)"}`
    ),
  };
}
