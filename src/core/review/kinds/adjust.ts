/**
 * ADJUST — 34号 第（七）条1–2: a project whose arranged amount differs from the pooling plan needs
 * an approved (and, for a partial change, filed) entry in the adjustment log
 * (src/core/rules/adjustment). Pack ADJUST, off unless the office ticks it. Reads the plan and the
 * log from OfficeLists (the workbook's 年度统筹整合资金方案 and 项目调整备案表 sheets, or --lists).
 */
import { bi } from "../../i18n";
import { Decimal } from "../../money";
import { yuanOf } from "../../ledger/record";
import { normalize } from "../../normal-form";
import {
  ADJUSTMENT_CITATION,
  ADJUSTMENT_SHEET,
  AdjustmentEntry,
  PLAN_SHEET,
  adjustmentProblem,
  scaleChange,
} from "../../rules/adjustment";
import type { RuleDef } from "../registry";
import { PROJECT_SHEETS, type KindModule } from "./types";
import { money } from "./format";
import { yearIn } from "../office";

export const ADJUST_RULE = "GX34-7-ADJUST";
export const ADJUST_NO_PLAN_RULE = "DATA-ADJUST-NO-PLAN";
export const ADJUST_UNMATCHED_RULE = "DATA-ADJUST-UNMATCHED";

const rules: RuleDef[] = [
  {
    kind: "ADJUST",
    rule: ADJUST_RULE,
    severity: "warning",
    pack: "ADJUST",
    params: { plan: PLAN_SHEET, log: ADJUSTMENT_SHEET },
    citation: ADJUSTMENT_CITATION,
    message: bi(
      "「{project}」本表安排 {arranged}，与统筹整合资金方案 {planned} 不同（{how}），{problem}",
      '"{project}" is arranged {arranged} here, the pooling plan says {planned} ({how}); {problem}'
    ),
  },
  {
    kind: "DATA",
    rule: ADJUST_NO_PLAN_RULE,
    severity: "warning",
    pack: "ADJUST",
    params: {},
    citation: null,
    message: bi(
      `没有可读的「${PLAN_SHEET}」，项目调整（34号（七））未检查；请在工作簿中加入该表（命令行用 --lists）`,
      `no readable ${PLAN_SHEET} (pooling plan): project adjustments (34/2014 (7)) were not checked; add that sheet to the workbook (--lists on the command line)`
    ),
  },
  {
    kind: "DATA",
    rule: ADJUST_UNMATCHED_RULE,
    severity: "warning",
    pack: "ADJUST",
    params: {},
    citation: null,
    message: bi(
      "{n} 个项目在统筹整合资金方案中找不到同名项目（或方案金额无法读取），{other} 行的年度不是方案年度 {year}，均未与方案比较",
      "{n} projects have no project of the same name in the pooling plan (or its amount is unreadable) and {other} rows are of a year other than the plan's {year}: not compared"
    ),
  },
];

const key = (name: string) => normalize(name);

interface Arranged {
  name: string;
  row: number;
  col: number;
  total: Decimal;
}

export const adjustKind: KindModule = {
  id: "ADJUST",
  label: bi("项目调整未备案", "Adjustment not approved or filed"),
  order: 137,
  hint: bi(
    "补办调整审批（县政府批准或上级同意），并在「项目调整备案表」中登记批准文号和备案情况。",
    "Have the adjustment approved (county government, or the higher department for a new place) and log its document number and filing in 项目调整备案表."
  ),
  sheetKinds: PROJECT_SHEETS,
  fields: ["project", "amount", "year"],
  needs: ["project", "amount"],
  rules,
  start(params, packs) {
    if (!packs.has("ADJUST")) return null;
    const planRows = params.office?.plan ?? [];
    const planned = new Map<string, Decimal | null>();
    for (const p of planRows) {
      const k = key(p.project);
      const had = planned.get(k);
      const a = p.amountYuan === null ? null : new Decimal(p.amountYuan);
      planned.set(k, had === null || a === null ? null : (had ?? new Decimal(0)).plus(a));
    }
    // A plan of one year: ledger rows that state another 年度 are not that plan's money.
    const years = new Set(planRows.map((p) => p.year).filter((y): y is number => !!y));
    const planYear = years.size === 1 ? [...years][0] : null;
    let otherYear = 0;
    const log = new Map<string, AdjustmentEntry[]>();
    for (const e of params.office?.adjustments ?? []) {
      const k = key(e.project);
      log.set(k, [...(log.get(k) ?? []), e]);
    }
    const arranged = new Map<string, Arranged>();
    let projectList = false;
    let seen = false;
    return {
      row({ rec, sheetKind, mapping }) {
        const name = rec.text.project;
        const cell = rec.amounts.amount;
        if (!name || !cell || mapping.amount === undefined) return;
        seen = true;
        projectList = sheetKind === "projects";
        const y = rec.text.year ? yearIn(rec.text.year) : null;
        if (planYear !== null && y !== null && y !== planYear) {
          otherYear++;
          return;
        }
        const k = key(name);
        let a = arranged.get(k);
        if (!a) {
          if (arranged.size >= 100000) return;
          arranged.set(k, (a = { name, row: rec.row, col: mapping.amount, total: new Decimal(0) }));
        }
        a.total = a.total.plus(yuanOf(cell));
      },
      finish(emit) {
        if (!seen) return;
        if (planned.size === 0) {
          emit(ADJUST_NO_PLAN_RULE, null, null, {}, `「${PLAN_SHEET}」未提供或没有可读的项目行`);
          return;
        }
        const unmatched: string[] = [];
        for (const [k, a] of arranged) {
          const p = planned.get(k);
          if (p === undefined || p === null) {
            unmatched.push(a.name);
            continue;
          }
          const change = scaleChange(a.total, p, projectList);
          if (!change) continue;
          const entries = log.get(k) ?? [];
          const problem = adjustmentProblem(entries);
          if (!problem) continue;
          const logNote = params.office?.adjustments ? "" : `（「${ADJUSTMENT_SHEET}」未提供）`;
          const what = problem.none
            ? bi(
                `「${ADJUSTMENT_SHEET}」中没有该项目的调整记录${logNote}`,
                `the adjustment log has no entry for it${logNote ? " (no log supplied)" : ""}`
              )
            : bi(
                `「${ADJUSTMENT_SHEET}」第 ${problem.row} 行缺少${problem.lacks.join("、")}`,
                `the adjustment log's row ${problem.row} lacks ${problem.lacks.join(", ")}`
              );
          const how =
            change === "above"
              ? bi("超过方案", "above the plan")
              : bi(
                  "少于方案（项目清单按调整规模计）",
                  "below the plan (a project list's change of scale)"
                );
          emit(
            ADJUST_RULE,
            a.row,
            a.col,
            {
              project: a.name,
              arranged: money(a.total, "万元"),
              planned: money(p, "万元"),
              how,
              problem: what,
            },
            `本表合计 ${money(a.total, "万元")}（自第 ${a.row} 行）；方案 ${money(p, "万元")}；「${ADJUSTMENT_SHEET}」中该项目记录 ${entries.length} 条`
          );
        }
        if (unmatched.length || otherYear)
          emit(
            ADJUST_UNMATCHED_RULE,
            null,
            null,
            { n: unmatched.length, other: otherYear, year: planYear ?? "" },
            [
              unmatched.length
                ? `未比较：${unmatched.slice(0, 5).join("、")}${unmatched.length > 5 ? " 等" : ""}`
                : "",
              otherYear ? `年度不是方案年度 ${planYear} 的行 ${otherYear} 行未计入` : "",
            ]
              .filter(Boolean)
              .join("；")
          );
      },
    };
  },
};
