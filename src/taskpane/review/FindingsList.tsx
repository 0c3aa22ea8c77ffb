/**
 * Findings grouped by kind, with counts, severity badges and each finding's citation; a click
 * selects the finding's cell. Filters by kind, severity and text. Reused by the Filing pane.
 */
import * as React from "react";
import {
  Badge,
  Caption1,
  CounterBadge,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { citationLabel } from "../../core/rules/citation";
import type { Finding, FindingKind, Severity } from "../../core/review/types";
import { text, useLang, useT } from "../lang";
import { KIND_LABEL, KIND_ORDER, SEVERITY_LABEL, SEVERITY_ORDER } from "./labels";

/** Findings shown per kind before the user is asked to filter. */
const SHOWN_PER_KIND = 200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filters: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: tokens.spacingHorizontalS,
  },
  search: { gridColumn: "1 / span 2" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  groupHead: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    textAlign: "left",
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    font: "inherit",
    color: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace },
  citation: { color: tokens.colorBrandForeground1 },
  evidence: { color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
});

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export interface FindingsListProps {
  findings: readonly Finding[];
  /** Called when the user clicks a finding (select its cell). */
  onSelect: (finding: Finding) => void;
}

function matches(f: Finding, q: string): boolean {
  if (!q) return true;
  const hay = [
    f.message.zh,
    f.message.en,
    f.evidence,
    f.sheet,
    f.cell ?? "",
    f.rule,
    f.citation ? citationLabel(f.citation) : "",
  ]
    .join("\n")
    .toLowerCase();
  return hay.includes(q.toLowerCase());
}

export function FindingsList({ findings, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const [kind, setKind] = React.useState<FindingKind | "">("");
  const [severity, setSeverity] = React.useState<Severity | "">("");
  const [query, setQuery] = React.useState("");

  const counts = React.useMemo(() => {
    const c = new Map<FindingKind, number>();
    for (const f of findings) c.set(f.kind, (c.get(f.kind) ?? 0) + 1);
    return c;
  }, [findings]);

  const shown = React.useMemo(
    () =>
      findings.filter(
        (f) =>
          (!kind || f.kind === kind) && (!severity || f.severity === severity) && matches(f, query)
      ),
    [findings, kind, severity, query]
  );

  const groups = KIND_ORDER.map((k) => ({
    kind: k,
    items: shown.filter((f) => f.kind === k),
  })).filter((g) => g.items.length > 0);

  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        <Field label={t("类型", "Kind")}>
          <Select
            aria-label={t("按类型筛选", "Filter by kind")}
            value={kind}
            onChange={(_, d) => setKind(d.value as FindingKind | "")}
          >
            <option value="">{t("全部类型", "All kinds")}</option>
            {KIND_ORDER.filter((k) => counts.has(k)).map((k) => (
              <option key={k} value={k}>
                {`${text(KIND_LABEL[k], lang)} (${counts.get(k)})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("严重程度", "Severity")}>
          <Select
            aria-label={t("按严重程度筛选", "Filter by severity")}
            value={severity}
            onChange={(_, d) => setSeverity(d.value as Severity | "")}
          >
            <option value="">{t("全部", "All")}</option>
            {SEVERITY_ORDER.map((s) => (
              <option key={s} value={s}>
                {text(SEVERITY_LABEL[s], lang)}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.search} label={t("搜索", "Search")}>
          <Input
            aria-label={t("搜索说明、证据、单元格", "Search messages, evidence, cells")}
            value={query}
            placeholder={t("说明、证据、单元格、文号…", "Message, evidence, cell, document…")}
            onChange={(_, d) => setQuery(d.value)}
          />
        </Field>
      </div>
      <Caption1 aria-live="polite">
        {t(
          `显示 ${shown.length} / ${findings.length} 项`,
          `Showing ${shown.length} of ${findings.length}`
        )}
      </Caption1>
      {groups.map((g) => (
        <section
          key={g.kind}
          className={styles.group}
          aria-label={text(KIND_LABEL[g.kind], lang)}
          data-kind={g.kind}
        >
          <div className={styles.groupHead}>
            <Text weight="semibold">{text(KIND_LABEL[g.kind], lang)}</Text>
            <Caption1>{g.kind}</Caption1>
            <CounterBadge count={g.items.length} overflowCount={99999} color="informative" />
          </div>
          {g.items.slice(0, SHOWN_PER_KIND).map((f, i) => (
            <button
              key={`${f.sheet}!${f.cell ?? ""}!${f.rule}!${i}`}
              type="button"
              className={styles.item}
              data-testid="finding"
              onClick={() => onSelect(f)}
              title={f.citation ? f.citation.quote : undefined}
            >
              <span className={styles.line}>
                <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]} size="small">
                  {text(SEVERITY_LABEL[f.severity], lang)}
                </Badge>
                <span className={styles.cell}>{f.cell ? `${f.sheet}!${f.cell}` : f.sheet}</span>
              </span>
              <Text>{text(f.message, lang)}</Text>
              <Caption1 className={styles.citation}>
                {f.citation
                  ? `${t("依据：", "Cited: ")}${citationLabel(f.citation)}`
                  : t("数据问题（不涉及条款）", "Data problem (no clause)")}
              </Caption1>
              {f.evidence && <Caption1 className={styles.evidence}>{f.evidence}</Caption1>}
            </button>
          ))}
          {g.items.length > SHOWN_PER_KIND && (
            <Caption1>
              {t(
                `另有 ${g.items.length - SHOWN_PER_KIND} 项未显示，请用筛选缩小范围`,
                `${g.items.length - SHOWN_PER_KIND} more not shown; narrow the filter`
              )}
            </Caption1>
          )}
        </section>
      ))}
    </div>
  );
}
