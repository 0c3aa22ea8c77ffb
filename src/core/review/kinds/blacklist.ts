/** BLACKLIST — 34号 第（十八）条: a project arranged for a listed unit within its 3-year ban. */
import { bi } from "../../i18n";
import { BLACKLIST_CITATION, BAN_YEARS, findListing } from "../../rules/blacklist";
import type { RuleDef } from "../rule-def";
import { ROW_SHEETS, type KindModule } from "./types";
import { arrangedOn, formatIso } from "./format";

export const BLACKLIST_RULE = "GX34-18-BLACKLIST";

const rules: RuleDef[] = [
  {
    kind: "BLACKLIST",
    rule: BLACKLIST_RULE,
    severity: "error",
    pack: "BLACKLIST",
    params: { years: BAN_YEARS, list: "黑名单" },
    citation: BLACKLIST_CITATION,
    message: bi(
      "实施单位「{unit}」已列入扶持黑名单（{listed} 列入，至 {end}），{years} 年内不得承担扶贫项目或获得补助扶持；{what} {day}",
      'implementing unit "{unit}" is on the blacklist (listed {listed}, until {end}): no poverty projects or support for {years} years; this project\'s date {day}'
    ),
  },
];

export const blacklistKind: KindModule = {
  id: "BLACKLIST",
  label: bi("黑名单", "Blacklisted unit"),
  order: 80,
  hint: bi(
    "核对该单位是否仍在黑名单期限内；确属黑名单单位的，停止安排资金并报告。",
    "Check whether the unit is still within its ban; if so, stop funding it and report it."
  ),
  sheetKinds: ROW_SHEETS,
  fields: ["implementer", "approvalDate", "passDownDate", "receivedDate"],
  rules,
  start(params, packs) {
    const list = params.office?.blacklist;
    if (!packs.has("BLACKLIST") || !list?.length) return null;
    return {
      row({ rec, mapping }, emit) {
        const c = mapping.implementer;
        const unit = rec.text.implementer;
        if (c === undefined || !unit) return;
        const on = arrangedOn(rec, params.asOf);
        const hit = findListing(list, unit, on.day);
        if (!hit) return;
        emit(
          BLACKLIST_RULE,
          rec.row,
          c,
          {
            unit,
            listed: formatIso(hit.entry.listed),
            end: formatIso(hit.end),
            years: BAN_YEARS,
            what: bi(on.what, on.what),
            day: formatIso(on.day),
          },
          `实施单位：${unit}；${hit.evidence}；${on.what} ${formatIso(on.day)}`
        );
      },
      finish() {},
    };
  },
};
