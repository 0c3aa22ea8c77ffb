/**
 * Findings grouped by kind, with counts, severity badges, each finding's citation and what to do
 * next; a click (or Enter) selects the finding's cell. Filters by kind, severity and text (the
 * search waits for a pause in typing; Escape clears it). Reused by the Filing pane.
 *
 * Every finding is reachable: the list is virtual (only the rows in view are in the page), so
 * 30,000 findings scroll as easily as 30. It is one Tab stop — a listbox whose active option
 * moves with the arrow keys, Home/End and Page Up/Down — and the active finding's clause text is
 * shown in full below the list (no hover needed).
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
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { citationLabel } from "../../core/rules/citation";
import type { Finding, FindingKind, Severity } from "../../core/review/types";
import { hintFor } from "../../core/review/labels";
import { text, useLang, useT } from "../lang";
import {
  KIND_LABEL,
  KIND_ORDER,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
} from "../../workbook/review/labels";
import { sentence } from "./sentence";
import { groupRows, haystack, visibleRows, type Row } from "./findings-rows";
import { MARK_LABEL, type Mark, type RunState } from "../../core/review/trail";

/** How long the search waits after the last keystroke. */
export const SEARCH_DELAY_MS = 200;
/** Rows drawn beyond the visible ones, above and below. */
const OVERSCAN_PX = 400;
/** Height assumed before a row is measured (jsdom never measures: it draws the first rows). */
const ESTIMATE = { head: 36, finding: 120 };
/** The viewport assumed before the list has a size of its own. */
const FALLBACK_HEIGHT = 1200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 12em), 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  search: { gridColumn: "1 / -1" },
  select: { minWidth: 0 },
  viewport: {
    maxHeight: "min(65vh, 560px)",
    overflowY: "auto",
    overflowX: "hidden",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  group: { display: "flex", flexDirection: "column" },
  groupHead: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: "pointer",
    minWidth: 0,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  // The active finding: a bar at its left edge (its background stays, so every text keeps its
  // contrast in light and dark themes).
  active: { boxShadow: `inset 4px 0 0 ${tokens.colorBrandStroke1}` },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  where: { display: "flex", minWidth: 0, fontFamily: tokens.fontFamilyMonospace },
  mono: { fontFamily: tokens.fontFamilyMonospace, flexShrink: 0 },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  wrap: { overflowWrap: "break-word", minWidth: 0 },
  citation: { color: tokens.colorBrandForeground1, overflowWrap: "break-word" },
  evidence: { color: tokens.colorNeutralForeground2, overflowWrap: "break-word" },
  hint: { color: tokens.colorNeutralForeground2, overflowWrap: "break-word" },
  detail: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "break-word",
  },
  detailHead: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: 600 },
});

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export interface FindingsListProps {
  findings: readonly Finding[];
  /** Called when the user clicks a finding or presses Enter on it (select its cell). */
  onSelect: (finding: Finding) => void;
  /** Per finding (same order): new since the last run, or still open. */
  states?: readonly RunState[];
  /** Per finding (same order): its review mark. */
  marks?: readonly (Mark | null)[];
  /** More about the active finding, under its clause text (the Review pane's mark form). */
  detail?: (finding: Finding, index: number) => React.ReactNode;
}

/** The search text after the user pauses typing. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = React.useState(value);
  React.useEffect(() => {
    if (Object.is(v, value)) return;
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms, v]);
  return v;
}

export function FindingsList({ findings, onSelect, states, marks, detail }: FindingsListProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const listId = React.useId();
  const [kind, setKind] = React.useState<FindingKind | "">("");
  const [severity, setSeverity] = React.useState<Severity | "">("");
  const [query, setQuery] = React.useState("");
  const q = useDebounced(query.trim().toLowerCase(), SEARCH_DELAY_MS);

  const counts = React.useMemo(() => {
    const c = new Map<FindingKind, number>();
    for (const f of findings) c.set(f.kind, (c.get(f.kind) ?? 0) + 1);
    return c;
  }, [findings]);
  const hay = React.useMemo(() => findings.map(haystack), [findings]);

  // Shown findings, grouped by kind in display order, with a heading row per group.
  const { rows, shown } = React.useMemo(
    () => groupRows(findings, hay, { kind, severity, query: q }),
    [findings, hay, kind, severity, q]
  );

  // The active finding (an index among shown findings) and where each row sits.
  const [active, setActive] = React.useState(0);
  React.useEffect(() => setActive(0), [rows]);
  const rowOfFinding = React.useMemo(() => {
    const r: number[] = [];
    rows.forEach((row, i) => {
      if (row.type === "finding") r.push(i);
    });
    return r;
  }, [rows]);

  const viewport = React.useRef<HTMLDivElement>(null);
  const heights = React.useRef(new Map<string, number>());
  const [measured, setMeasured] = React.useState(0);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewHeight, setViewHeight] = React.useState(FALLBACK_HEIGHT);

  // Finding identity for the height cache: its position in `findings` (stable while shown).
  const positions = React.useMemo(() => {
    const m = new Map<Finding, number>();
    findings.forEach((f, i) => m.set(f, i));
    return m;
  }, [findings]);
  const rowKey = React.useCallback(
    (row: Row) => (row.type === "head" ? `h:${row.kind}` : `f:${positions.get(row.finding)}`),
    [positions]
  );

  React.useEffect(() => {
    heights.current.clear();
    setMeasured((m) => m + 1);
  }, [findings]);

  const offsets = React.useMemo(() => {
    const o = new Float64Array(rows.length + 1);
    for (let i = 0; i < rows.length; i++) {
      const h = heights.current.get(rowKey(rows[i]));
      o[i + 1] = o[i] + (h ?? ESTIMATE[rows[i].type]);
    }
    return o;
    // `measured` changes when a row's height was learnt.
  }, [rows, rowKey, measured]);

  // The first and last row in view.
  const { first, last } = visibleRows(offsets, scrollTop, viewHeight, OVERSCAN_PX);
  // The active finding is always drawn, so aria-activedescendant points at an element.
  const activeRow = rowOfFinding[active] ?? -1;

  React.useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    if (el.clientHeight > 0 && el.clientHeight !== viewHeight) setViewHeight(el.clientHeight);
    let changed = false;
    el.querySelectorAll<HTMLElement>("[data-row-key]").forEach((node) => {
      const h = node.getBoundingClientRect().height;
      const key = node.dataset.rowKey as string;
      if (h > 0 && Math.abs((heights.current.get(key) ?? -1) - h) > 0.5) {
        heights.current.set(key, h);
        changed = true;
      }
    });
    if (changed) setMeasured((m) => m + 1);
  });

  const scrollToRow = (i: number) => {
    const el = viewport.current;
    if (!el || i < 0) return;
    const h = el.clientHeight || viewHeight;
    if (offsets[i] < el.scrollTop) el.scrollTop = offsets[i];
    else if (offsets[i + 1] > el.scrollTop + h) el.scrollTop = offsets[i + 1] - h;
    setScrollTop(el.scrollTop);
  };

  const move = (to: number) => {
    if (shown === 0) return;
    const next = Math.max(0, Math.min(shown - 1, to));
    setActive(next);
    // A group's heading scrolls into view with its first finding.
    const r = rowOfFinding[next];
    scrollToRow(next === 0 || rows[r - 1]?.type === "head" ? r - 1 : r);
    scrollToRow(r);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor(viewHeight / ESTIMATE.finding));
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(shown - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Enter: () => {
        const row = rows[activeRow];
        if (row?.type === "finding") onSelect(row.finding);
      },
    };
    keys[" "] = keys.Enter;
    const act = keys[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  };

  // The drawn rows, split into runs of one kind: each run is a labelled group of options.
  const drawn: number[] = [];
  for (let i = first; i < last; i++) drawn.push(i);
  if (activeRow >= 0 && (activeRow < first || activeRow >= last)) {
    drawn.push(activeRow);
    drawn.sort((a, b) => a - b);
  }
  const runs: { kind: FindingKind; rows: number[] }[] = [];
  for (const i of drawn) {
    const k = rows[i].kind;
    const run = runs[runs.length - 1];
    if (run && run.kind === k && run.rows[run.rows.length - 1] === i - 1) run.rows.push(i);
    else runs.push({ kind: k, rows: [i] });
  }
  const optionId = (i: number) => `${listId}-o${i}`;
  const activeFinding = rows[activeRow]?.type === "finding" ? rows[activeRow] : null;

  const renderRow = (i: number) => {
    const row = rows[i];
    const key = rowKey(row);
    if (row.type === "head") {
      return (
        <div key={key} data-row-key={key} className={styles.groupHead} role="presentation">
          <Text weight="semibold">{text(KIND_LABEL[row.kind], lang)}</Text>
          <CounterBadge count={row.count} overflowCount={999999} color="informative" />
        </div>
      );
    }
    const f = row.finding;
    const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
    const hint = hintFor(f.rule, f.kind);
    return (
      <div
        key={key}
        id={optionId(row.index)}
        data-row-key={key}
        role="option"
        aria-selected={row.index === active}
        aria-posinset={row.index + 1}
        aria-setsize={shown}
        className={mergeClasses(styles.item, row.index === active && styles.active)}
        data-testid="finding"
        data-kind={f.kind}
        onClick={() => {
          setActive(row.index);
          viewport.current?.focus({ preventScroll: true });
          onSelect(f);
        }}
      >
        <span className={styles.line}>
          <Badge
            appearance="filled"
            color={SEVERITY_COLOR[f.severity]}
            size="small"
            className={styles.badge}
          >
            {text(SEVERITY_LABEL[f.severity], lang)}
          </Badge>
          {states?.[positions.get(f) ?? -1] === "new" && (
            <Badge appearance="outline" color="brand" size="small" className={styles.badge}>
              {t("新", "New")}
            </Badge>
          )}
          {marks?.[positions.get(f) ?? -1] && (
            <Badge
              appearance="tint"
              color="success"
              size="small"
              className={styles.badge}
              data-testid="mark"
            >
              {text(MARK_LABEL[marks[positions.get(f)!]!.status], lang)}
            </Badge>
          )}
          <span className={styles.where} title={where} data-testid="where">
            <span className={styles.cell} title={f.sheet}>
              {f.sheet}
            </span>
            {f.cell && <span className={styles.mono}>!{f.cell}</span>}
          </span>
        </span>
        <Text className={styles.wrap}>{sentence(text(f.message, lang), lang)}</Text>
        <Caption1 className={styles.citation}>
          {f.citation
            ? `${t("依据：", "Cited: ")}${citationLabel(f.citation)}`
            : t("数据问题（不涉及条款）", "Data problem (no clause)")}
        </Caption1>
        {f.evidence && <Caption1 className={styles.evidence}>{f.evidence}</Caption1>}
        <Caption1 className={styles.hint}>
          {t("下一步：", "What to do next: ")}
          {text(hint, lang)}
        </Caption1>
      </div>
    );
  };

  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        <Field label={t("类型", "Kind")}>
          <Select
            className={styles.select}
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
            className={styles.select}
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
        <Field
          className={styles.search}
          label={t("搜索", "Search")}
          hint={t("按 Esc 清除", "Esc clears")}
        >
          <Input
            type="search"
            aria-label={t("搜索说明、证据、单元格", "Search messages, evidence, cells")}
            value={query}
            placeholder={t("说明、证据、单元格、文号…", "Message, evidence, cell, document…")}
            onChange={(_, d) => setQuery(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape" && query !== "") {
                e.preventDefault();
                setQuery("");
              }
            }}
          />
        </Field>
      </div>
      <Caption1 aria-live="polite" data-testid="shown">
        {t(`显示 ${shown} / ${findings.length} 项`, `Showing ${shown} of ${findings.length}`)}
      </Caption1>
      {shown > 0 && (
        <div
          ref={viewport}
          className={styles.viewport}
          role="listbox"
          tabIndex={0}
          aria-label={t(
            "审查发现（用上下方向键浏览，回车定位单元格）",
            "Findings (arrow keys to move, Enter to go to the cell)"
          )}
          aria-activedescendant={activeFinding ? optionId(active) : undefined}
          onKeyDown={onKeyDown}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          data-testid="findings"
        >
          <div style={{ height: offsets[rows.length], position: "relative" }}>
            {runs.map((run) => (
              <div
                key={`${run.kind}:${run.rows[0]}`}
                role="group"
                aria-label={text(KIND_LABEL[run.kind], lang)}
                data-kind={run.kind}
                className={styles.group}
                style={{ position: "absolute", top: offsets[run.rows[0]], left: 0, right: 0 }}
              >
                {run.rows.map(renderRow)}
              </div>
            ))}
          </div>
        </div>
      )}
      {activeFinding && activeFinding.finding.citation && (
        <section
          className={styles.detail}
          aria-label={t("条文原文", "Clause text")}
          data-testid="clause"
        >
          <h3 className={styles.detailHead}>
            {t("条文原文：", "Clause text: ")}
            {citationLabel(activeFinding.finding.citation)}
          </h3>
          <Text>{activeFinding.finding.citation.quote}</Text>
        </section>
      )}
      {activeFinding && detail?.(activeFinding.finding, positions.get(activeFinding.finding) ?? -1)}
    </div>
  );
}
