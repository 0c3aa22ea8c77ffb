/**
 * The table of finding kinds in docs/adding-a-rule.md, made from the one list: a test checks the
 * page holds exactly this, and `npm run docs:kinds` writes it there.
 */
import { citationLabel } from "../../rules/citation";
import { FIELD_LABELS } from "../../ledger/classify";
import type { KindModule } from "./types";

const SHEETS: Record<string, string> = {
  ledger: "台账",
  carryover: "结转结余表",
  publicity: "公告公示",
  projects: "项目库",
  filing: "备案表",
};

/** Distinct values in first-seen order, the first `n` then "…（共 N）". */
function some(values: string[], n: number): string {
  const d = [...new Set(values)];
  return d.length <= n ? d.join("；") : `${d.slice(0, n).join("；")} …（共 ${d.length}）`;
}

export function kindsTable(kinds: readonly KindModule[]): string {
  const rows = [...kinds]
    .sort((a, b) => a.order - b.order)
    .map((k) => {
      const own = k.rules.filter((r) => r.kind === k.id);
      const cells = [
        String(k.order),
        `\`${k.id}\``,
        `${k.label.zh} ${k.label.en}`,
        String(own.length),
        some(
          own.map((r) => r.severity),
          3
        ),
        some(
          own.map((r) => r.pack),
          3
        ),
        k.sheetKinds.length ? k.sheetKinds.map((s) => SHEETS[s] ?? s).join("、") : "—",
        k.needs?.length ? k.needs.map((f) => FIELD_LABELS[f].zh).join("、") : "—",
        some(
          own.filter((r) => r.citation).map((r) => citationLabel(r.citation!)),
          2
        ) || "—",
      ];
      return `| ${cells.join(" | ")} |`;
    });
  return [
    "| 顺序 order | 类别 kind | 名称 name | 规则 rules | 严重程度 severity | 规则包 pack | 读取的表 sheets | 必需的列 needs | 依据 citation |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}
