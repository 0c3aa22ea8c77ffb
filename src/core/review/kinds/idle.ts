/**
 * IDLE — 34号 第（七）条3: a project terminated, impossible, or not started more than 2 years
 * after its approval; the finance office reclaims the money. The years count only from the
 * project's approval date (民法典 第二百零二条: the corresponding day), never from another date.
 */
import { bi } from "../../i18n";
import { addMonths, formatIso } from "../../dates";
import { normalize } from "../../normal-form";
import { IDLE_CITATION, REVIEW_DEFAULTS } from "../../rules/review";
import type { RuleDef } from "../registry";
import { ROW_SHEETS, type KindModule } from "./types";
import { dataRule } from "./data";

export const NOT_STARTED_RULE = "GX34-7-3-NOT_STARTED";
export const TERMINATED_RULE = "GX34-7-3-TERMINATED";
export const IMPOSSIBLE_RULE = "GX34-7-3-IMPOSSIBLE";

const rules: RuleDef[] = [
  {
    kind: "IDLE",
    rule: NOT_STARTED_RULE,
    severity: "error",
    pack: "GX34",
    params: { idleYears: REVIEW_DEFAULTS.idleYears },
    citation: IDLE_CITATION,
    message: bi(
      "项目批复（{approval}）后超过 {years} 年未实施（{limit} 届满），资金应由财政部门收回",
      "not started more than {years} years after approval ({approval}; the period ended {limit}): the funds are to be reclaimed"
    ),
  },
  {
    kind: "IDLE",
    rule: TERMINATED_RULE,
    severity: "error",
    pack: "GX34",
    params: {},
    citation: IDLE_CITATION,
    message: bi(
      "项目终止实施（{status}），资金应由财政部门收回",
      "project terminated ({status}): the funds are to be reclaimed"
    ),
  },
  {
    kind: "IDLE",
    rule: IMPOSSIBLE_RULE,
    severity: "error",
    pack: "GX34",
    params: {},
    citation: IDLE_CITATION,
    message: bi(
      "项目无法实施（{status}），资金应由财政部门收回",
      "project cannot be carried out ({status}): the funds are to be reclaimed"
    ),
  },
  dataRule(
    "DATA-NO-APPROVAL",
    "GX34",
    "项目未开工但项目批复日期为空，无法判断是否超过 {years} 年未实施",
    "not started but the project approval date is blank: cannot tell whether {years} years have passed"
  ),
];

const IDLE_TERMINATED = /终止/;
const IDLE_IMPOSSIBLE = /无法实施|不能实施|无法开工/;
const IDLE_NOT_STARTED = /^(尚?未开工|尚?未实施|尚?未启动|未动工|未开始)/;

type StatusClass = "terminated" | "impossible" | "notStarted" | null;

const STATUS_CACHE = new Map<string, StatusClass>();

function statusClass(s: string): StatusClass {
  let c = STATUS_CACHE.get(s);
  if (c === undefined) {
    c = classifyStatus(s);
    if (STATUS_CACHE.size < 1000) STATUS_CACHE.set(s, c);
  }
  return c;
}

/** How an idle-rule status word reads (null: not one the idle rule acts on). Exported for tests. */
export function classifyStatus(s: string): StatusClass {
  const t = normalize(s);
  if (IDLE_TERMINATED.test(t) && !/未终止/.test(t)) return "terminated";
  if (IDLE_IMPOSSIBLE.test(t)) return "impossible";
  if (IDLE_NOT_STARTED.test(t)) return "notStarted";
  return null;
}

export const idleKind: KindModule = {
  id: "IDLE",
  label: bi("项目闲置", "Idle project"),
  order: 20,
  hint: bi(
    "核实项目实施状态；确属闲置、终止或无法实施的，报财政部门收回资金。",
    "Confirm the project's status; if it is idle, terminated or impossible, report it so the finance office reclaims the funds."
  ),
  ruleHints: {
    "DATA-NO-APPROVAL": bi(
      "补填项目批复日期，然后重新审查。",
      "Fill in the project's approval date, then review again."
    ),
  },
  sheetKinds: ROW_SHEETS,
  fields: ["status", "approvalDate"],
  needs: ["status"],
  rules,
  start(params, _packs, sheet) {
    const idleMonths = Math.round((params.idleYears ?? REVIEW_DEFAULTS.idleYears) * 12);
    return {
      row({ rec, mapping: m, bad }, emit) {
        const status = rec.text.status;
        if (!status) return;
        const cls = statusClass(status);
        if (cls === null) return;
        if (cls === "terminated" || cls === "impossible") {
          emit(
            cls === "terminated" ? TERMINATED_RULE : IMPOSSIBLE_RULE,
            rec.row,
            m.status!,
            { status },
            `实施状态：${status}`
          );
          return;
        }
        // 34号（七）3 counts from the project's approval: without that column, no guess from another.
        if (m.approvalDate === undefined) {
          sheet.notes.idleNotChecked(idleMonths / 12);
          return;
        }
        const approval = rec.dates.approvalDate;
        const years = idleMonths / 12;
        if (approval === undefined) {
          if (bad?.has("approvalDate")) return;
          emit(
            "DATA-NO-APPROVAL",
            rec.row,
            m.approvalDate,
            { years },
            `实施状态：${status}；项目批复日期：空`
          );
          return;
        }
        // 超過2年: the period ends on the corresponding day (民法典 第二百零二条), no working-day roll.
        const limit = addMonths(approval, idleMonths);
        if (params.asOf <= limit) return;
        emit(
          NOT_STARTED_RULE,
          rec.row,
          m.status!,
          { approval: formatIso(approval), limit: formatIso(limit), years },
          `实施状态：${status}；项目批复 ${formatIso(approval)}；` +
            `${years} 年届满 ${formatIso(limit)}；审查日 ${formatIso(params.asOf)}`
        );
      },
      finish() {},
    };
  },
};
