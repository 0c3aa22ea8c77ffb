/**
 * TARGET — the optional integration-target pack (ZG2015, off by default): one county's practice
 * (src/core/rules/integration-targets), per village, with the office's figures when it gives them.
 */
import { bi } from "../../i18n";
import { Decimal } from "../../money";
import { yuanOf } from "../../ledger/record";
import { compact } from "../../text";
import {
  INTEGRATION_CITATION,
  TargetKey,
  ZIGUI_TARGETS,
  belowTarget,
  departmentOf,
} from "../../rules/integration-targets";
import type { RuleDef } from "../rule-def";
import { PROJECT_SHEETS, type KindModule } from "./types";
import { money } from "./format";

export const TARGET_VILLAGE_RULE = "ZG2015-VILLAGE";
export const TARGET_DEPT_RULE = "ZG2015-DEPARTMENT";

/** A default target in 万元 ("300万元"), from ZIGUI_TARGETS (their one home). */
export function targetWan(k: TargetKey, unit = "万元"): string {
  return money(new Decimal(ZIGUI_TARGETS[k]), "万元").replace(/万元$/, unit);
}
const wan = (k: TargetKey) => targetWan(k);

const rules: RuleDef[] = [
  {
    kind: "TARGET",
    rule: TARGET_VILLAGE_RULE,
    severity: "info",
    pack: "ZG2015",
    params: { village: `${wan("village")}（秭归做法，可在「整合目标」中修改）` },
    citation: INTEGRATION_CITATION,
    message: bi(
      "「{village}」整合资金 {total}，低于整合目标每村 {target}（一县做法，非规定）",
      '"{village}" integrates {total}, below the target of {target} per village (one county\'s practice, not a rule)'
    ),
  },
  {
    kind: "TARGET",
    rule: TARGET_DEPT_RULE,
    severity: "info",
    pack: "ZG2015",
    params: { 扶贫: wan("扶贫"), 发改: wan("发改"), 财政: wan("财政"), 行业: wan("行业") },
    citation: INTEGRATION_CITATION,
    message: bi(
      "「{village}」{dept}部门安排 {total}，低于整合目标 {target}（一县做法，非规定）",
      '"{village}": {dept} arranges {total}, below the target of {target} (one county\'s practice, not a rule)'
    ),
  },
];

interface Village {
  name: string;
  row: number;
  total: Decimal;
  depts: Partial<Record<TargetKey, Decimal>>;
}

export const targetsKind: KindModule = {
  id: "TARGET",
  label: bi("整合目标", "Integration target"),
  order: 120,
  hint: bi(
    "对照本县整合目标，核实完成情况并说明差距原因。",
    "Compare with the county's integration targets, confirm progress and explain any gap."
  ),
  sheetKinds: PROJECT_SHEETS,
  fields: ["place", "amount", "source"],
  rules,
  start(params, packs) {
    if (!packs.has("ZG2015")) return null;
    const figures = { ...ZIGUI_TARGETS, ...(params.office?.targets ?? {}) };
    const villages = new Map<string, Village>();
    let placeCol: number | undefined;
    return {
      row({ rec, mapping }) {
        const place = rec.text.place;
        const cell = rec.amounts.amount;
        if (!place || !cell) return;
        placeCol = mapping.place;
        const key = compact(place);
        let v = villages.get(key);
        if (!v) {
          if (villages.size >= 100000) return;
          villages.set(key, (v = { name: place, row: rec.row, total: new Decimal(0), depts: {} }));
        }
        const a = yuanOf(cell);
        v.total = v.total.plus(a);
        const d = rec.text.source ? departmentOf(rec.text.source) : null;
        if (d) v.depts[d] = (v.depts[d] ?? new Decimal(0)).plus(a);
      },
      finish(emit) {
        for (const v of villages.values()) {
          const target = new Decimal(figures.village);
          if (belowTarget(v.total, target))
            emit(
              TARGET_VILLAGE_RULE,
              v.row,
              placeCol ?? null,
              { village: v.name, total: money(v.total, "万元"), target: money(target, "万元") },
              `实施地点：${v.name}；合计 ${money(v.total, "万元")}；目标 ${money(target, "万元")}`
            );
          for (const d of ["扶贫", "发改", "财政", "行业"] as const) {
            const got = v.depts[d] ?? new Decimal(0);
            const t = new Decimal(figures[d]);
            if (belowTarget(got, t))
              emit(
                TARGET_DEPT_RULE,
                v.row,
                placeCol ?? null,
                { village: v.name, dept: d, total: money(got, "万元"), target: money(t, "万元") },
                `实施地点：${v.name}；${d}（按资金来源文字归部门）${money(got, "万元")}；目标 ${money(t, "万元")}`
              );
          }
        }
      },
    };
  },
};
