/**
 * The Review pane: choose a sheet (default: the active one), check and correct how its columns
 * were recognised (remembered in the workbook), set the review date (default: today) and the rule
 * packs, run, then read the findings with their clauses, jump to cells, write a findings sheet,
 * and highlight or clear the flagged cells.
 */
import { parseCustomTerms, CustomTerm } from "../../core/prohibited";
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { parseIsoDate } from "../../core/dates";
import {
  TERMS_SHEET as CORE_TERMS_SHEET,
  configSheetOf,
  configSheetReason,
} from "../../core/review/config-sheets";
import type { Bilingual } from "../../core/i18n";
import { columnLetters } from "../../core/review/types";
import type {
  ColumnMapping,
  Field as LedgerField,
  Finding,
  ReviewParams,
  SheetInput,
  SheetResult,
} from "../../core/review/types";
import { text, useLang, useT } from "../lang";
import { coreEngine } from "./engine";
import { FindingsList } from "./FindingsList";
import { FIELD_LABEL, SHEET_KIND_LABEL } from "../../workbook/review/labels";
import { missingListsNotice, readOfficeSheets } from "./office-lists";
import type {
  FindingsPrintInfo,
  ReviewEngine,
  ReviewWorkbook,
  SheetList,
} from "../../workbook/review/port";
import { Notice } from "../Notice";
import { visuallyHidden } from "../a11y";
import { summaryText } from "./summary";
import { MarkEditor } from "./MarkEditor";
import {
  findingKeys,
  markText,
  recordRun,
  setMark,
  viewTrail,
  type ReviewTrail,
  type MarkStatus,
  type TrailView,
} from "../../core/review/trail";
import { isOfficeTableSheet, readOfficeTables } from "./office-sheets";
import { reviewNotes, rowsNotJudged } from "../../core/review/notes";

/** The "all sheets" choice in the sheet picker. */
const ALL = "\u0000all";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  hidden: visuallyHidden,
  picker: { minWidth: 0, maxWidth: "100%" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  packs: { display: "flex", flexDirection: "column" },
  mapping: {
    display: "grid",
    gridTemplateColumns: "minmax(0, max-content) minmax(0, 1fr)",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** "2026-05-08 14:30": the reviewer's local date and time, for a mark or a run. */
function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${isoFromDate(d)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function isoFromDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * The sheet in which an office keeps its own negative-list terms and exceptions (columns 类别,
 * 词语, 类型 = 禁止/例外): read before each review, never reviewed itself. It and the other
 * configuration sheets (core/review/config-sheets) are not offered for review.
 */
export const TERMS_SHEET = CORE_TERMS_SHEET;
function isTermsSheet(name: string): boolean {
  return configSheetOf(name) === "terms";
}

type Phase = "idle" | "reading" | "reviewing";

interface NoticeState {
  intent: "success" | "error" | "info" | "warning";
  message: Bilingual;
  /** Technical detail (an exception's text), shown only on demand. */
  detail?: string;
}

export interface ReviewPaneProps {
  workbook: ReviewWorkbook;
  /** The review engine; tests pass their own. */
  engine?: ReviewEngine;
  /** Today's date for the review-date default (the pane reads the clock; the engine never does). */
  today?: () => Date;
}

export function ReviewPane({
  workbook,
  engine = coreEngine,
  today = () => new Date(),
}: ReviewPaneProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();

  const [sheets, setSheets] = React.useState<SheetList | null>(null);
  /** Every visible sheet, configuration sheets included (the picker offers the others). */
  const allNames = React.useRef<string[]>([]);
  const [target, setTarget] = React.useState<string>("");
  const [input, setInput] = React.useState<SheetInput | null>(null);
  const [recognised, setRecognised] = React.useState<SheetResult | null>(null);
  const [saved, setSaved] = React.useState<ColumnMapping | null>(null);
  const [asOf, setAsOf] = React.useState(() => isoFromDate(today()));
  const [packs, setPacks] = React.useState<Set<string>>(
    () => new Set(engine.packs.filter((p) => !p.off).map((p) => p.id))
  );
  const [phase, setPhase] = React.useState<Phase>("idle");
  const [progress, setProgress] = React.useState(0);
  const [findings, setFindings] = React.useState<Finding[] | null>(null);
  const [results, setResults] = React.useState<SheetResult[]>([]);
  const [notice, setNotice] = React.useState<NoticeState | null>(null);
  const [busy, setBusy] = React.useState(false);
  /** The review trail: this run's finding keys, the trail as stored, and the two laid together. */
  const [keys, setKeys] = React.useState<string[]>([]);
  const [trail, setTrail] = React.useState<ReviewTrail | null>(null);
  const [trailView, setTrailView] = React.useState<TrailView | null>(null);
  const [reviewer, setReviewer] = React.useState("");
  /** The review date and rule packs of the findings shown (the findings sheet prints them). */
  const [ranWith, setRanWith] = React.useState<FindingsPrintInfo | null>(null);
  /** What the live region last announced (the outcome of a run). */
  const [announced, setAnnounced] = React.useState("");

  // No raw exception text as the message: a sentence in both languages, the detail on demand.
  const fail = React.useCallback((e: unknown) => {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    setNotice({
      intent: "error",
      message: {
        zh: "操作未能完成，工作表未被审查或未被更改。请重试；如仍出错，请将下方详情告知维护者。",
        en: "The operation could not be completed; nothing was reviewed or changed. Try again, and if it fails again, report the details below.",
      },
      detail,
    });
  }, []);

  // The sheets, with the active one chosen.
  React.useEffect(() => {
    let live = true;
    workbook
      .listSheets()
      .then((list) => {
        if (!live) return;
        // Configuration sheets are read by the review, not reviewed: not offered.
        allNames.current = list.names;
        const names = list.names.filter((n) => configSheetOf(n) === null);
        const active = list.active !== null && names.includes(list.active) ? list.active : null;
        setSheets({ names, active });
        setTarget(active ?? names[0] ?? "");
        const why = list.active !== null ? configSheetReason(list.active) : null;
        if (why) setNotice({ intent: "info", message: why });
      })
      .catch(fail);
    return () => {
      live = false;
    };
  }, [workbook, fail]);

  /** The sheet list again after the pane added a sheet (the chosen sheet stays chosen). */
  const refreshSheets = async () => {
    const list = await workbook.listSheets();
    setSheets({ ...list, active: list.names.includes(target) ? target : list.active });
  };

  // The chosen sheet, as recognised with the user's remembered mapping.
  React.useEffect(() => {
    let live = true;
    setInput(null);
    setRecognised(null);
    setSaved(null);
    if (!target || target === ALL) return;
    Promise.all([workbook.readSheet(target), workbook.loadMapping(target)])
      .then(([sheet, mapping]) => {
        if (!live) return;
        setInput(sheet);
        setSaved(mapping);
        setRecognised(engine.recogniseSheet(sheet, mapping ?? undefined));
      })
      .catch(fail);
    return () => {
      live = false;
    };
  }, [target, workbook, engine, fail]);

  const asOfSerial = parseIsoDate(asOf);

  const changeMapping = async (field: LedgerField, value: string) => {
    if (!input || !recognised) return;
    const next: ColumnMapping = { ...(saved ?? recognised.mapping ?? {}) };
    if (value === "") delete next[field];
    else next[field] = Number(value);
    try {
      await workbook.saveMapping(input.name, next);
      setSaved(next);
      setRecognised(engine.recogniseSheet(input, next));
    } catch (e) {
      fail(e);
    }
  };

  const resetMapping = async () => {
    if (!input) return;
    try {
      await workbook.saveMapping(input.name, null);
      setSaved(null);
      setRecognised(engine.recogniseSheet(input));
    } catch (e) {
      fail(e);
    }
  };

  const run = async () => {
    if (asOfSerial === null || !sheets) return;
    setNotice(null);
    setFindings(null);
    setAnnounced("");
    setPhase("reading");
    setProgress(0);
    try {
      // An office's own negative-list terms live in a sheet of their own (TERMS_SHEET).
      const termsSheet = allNames.current.find(isTermsSheet);
      let customTerms: CustomTerm[] | undefined;
      if (termsSheet) {
        const parsed = parseCustomTerms((await workbook.readSheet(termsSheet)).values);
        if (parsed.problems.length) {
          const rows = parsed.problems.slice(0, 5);
          setNotice({
            intent: "error",
            message: {
              zh: `「${termsSheet}」有无法读取的行，请先改正：${rows.map((p) => `第 ${p.row} 行 ${p.message.zh}`).join("；")}`,
              en: `"${termsSheet}" has rows that cannot be read; fix them first: ${rows.map((p) => `row ${p.row} ${p.message.en}`).join("; ")}`,
            },
          });
          return;
        }
        customTerms = parsed.terms;
      }
      // The office's 节假日安排 and 资金类型对照 sheets (office-sheets.ts), from every sheet.
      const tables = await readOfficeTables(workbook, allNames.current);
      if (!tables.ok) {
        setNotice({ intent: "error", message: tables.message });
        return;
      }
      // The office's lists (黑名单, 管理费比例, 贷款基准利率, 整合目标): office-lists.ts.
      const office = await readOfficeSheets(workbook, allNames.current);
      if (!office.ok) {
        setNotice({ intent: "error", message: office.message });
        return;
      }
      const names = (target === ALL ? sheets.names : [target]).filter(
        (n) => configSheetOf(n) === null && !isOfficeTableSheet(n)
      );
      if (names.length === 0) {
        setNotice({
          intent: "info",
          message: configSheetReason(target) ?? {
            zh: `「${target}」是本单位的设置表（负面清单、节假日安排、资金类型对照或本单位清单），审查时读取，本身不审查`,
            en: `"${target}" is one of your office's tables (terms, holidays, fund types or lists): read for each review, not reviewed itself`,
          },
        });
        return;
      }
      const inputs: SheetInput[] = [];
      const mappings: Record<string, ColumnMapping> = {};
      for (let i = 0; i < names.length; i++) {
        inputs.push(await workbook.readSheet(names[i]));
        const m = await workbook.loadMapping(names[i]);
        if (m) mappings[names[i]] = m;
        setProgress((0.6 * (i + 1)) / names.length);
      }
      setPhase("reviewing");
      // Let the progress bar paint before the (synchronous) engine runs.
      await new Promise((r) => setTimeout(r, 0));
      const params: ReviewParams = {
        asOf: asOfSerial,
        packs: [...packs],
        mappings,
        ...tables.params,
      };
      setRanWith({
        asOf,
        packs: engine.packs.filter((p) => packs.has(p.id)).map((p) => text(p.name, lang)),
      });
      if (customTerms?.length) params.customTerms = customTerms;
      if (Object.keys(office.lists).length) params.office = office.lists;
      const missing = missingListsNotice(office.missing);
      if (missing && (packs.has("BLACKLIST") || packs.has("SUBSIDY")))
        setNotice({ intent: "info", message: missing });
      let found: Finding[];
      if (target === ALL) {
        const result = engine.reviewWorkbook(inputs, params);
        found = result.findings;
        setFindings(result.findings);
        setResults(result.sheets);
        setAnnounced(announce(result.findings, [...result.sheets]));
      } else {
        const result = engine.reviewSheet(inputs[0], params);
        found = result.findings;
        setFindings(result.findings);
        setResults([result.sheet]);
        setAnnounced(announce(result.findings, [result.sheet]));
        setInput(inputs[0]);
        setRecognised(result.sheet);
      }
      setProgress(1);
      await trackRun(found, inputs);
    } catch (e) {
      fail(e);
    } finally {
      setPhase("idle");
    }
  };

  const noticeView = (n: NoticeState) => (
    <Notice intent={n.intent}>
      {text(n.message, lang)}
      {n.detail && (
        <details>
          <summary>{t("详情", "Details")}</summary>
          <Caption1 data-testid="notice-detail">{n.detail}</Caption1>
        </details>
      )}
    </Notice>
  );

  /** What the live region says after a run: the summary line as shown. */
  const announce = (found: Finding[], sheets: SheetResult[]) => {
    const n = rowsNotJudged(sheets);
    return (
      summaryText(found, lang) + (n > 0 ? t(`，${n} 行时限未能判断`, `; ${n} rows not judged`) : "")
    );
  };

  /** The run against the trail: marks laid over it, new/open against the last run, then recorded. */
  const trackRun = async (found: Finding[], inputs: SheetInput[]) => {
    if (!workbook.loadTrail || !workbook.saveTrail) return;
    const k = findingKeys(found, inputs);
    const stored = await workbook.loadTrail();
    setKeys(k);
    setTrailView(viewTrail(stored, k));
    const next = recordRun(stored, k, stamp(today()));
    setTrail(next);
    await workbook.saveTrail(next);
  };

  const saveMark = async (index: number, status: MarkStatus | null, note: string, by: string) => {
    if (!workbook.saveTrail || index < 0 || !keys[index] || !findings) return;
    const f = findings[index];
    const next = setMark(
      trail,
      keys[index],
      status
        ? { status, note, by, at: stamp(today()), where: f.cell ? `${f.sheet}!${f.cell}` : f.sheet }
        : null
    );
    await workbook.saveTrail(next);
    setTrail(next);
    setReviewer(by);
    // New / resolved stay as this run found them (the trail's last run is now this run).
    const v = viewTrail(next, keys);
    setTrailView({
      ...v,
      states: trailView?.states ?? v.states,
      resolved: trailView?.resolved ?? v.resolved,
    });
  };

  const act = async (what: () => Promise<NoticeState>) => {
    setBusy(true);
    try {
      setNotice(await what());
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const onSelect = (f: Finding) => {
    workbook.selectCell(f.sheet, f.cell).catch(fail);
  };

  const headerText = (col: number): string => {
    if (!input || !recognised?.headerRow) return "";
    const origin = input.origin ?? { row: 1, column: 1 };
    const row = input.values[recognised.headerRow - origin.row];
    const v = row?.[col - (origin.column - 1)];
    return v === undefined || v === null ? "" : String(v).replace(/\s+/g, "");
  };

  const columns: number[] = [];
  if (input) {
    const origin = input.origin ?? { row: 1, column: 1 };
    const width = input.values.reduce((m, r) => Math.max(m, r.length), 0);
    for (let c = 0; c < width; c++) columns.push(origin.column - 1 + c);
  }
  const mapping = saved ?? recognised?.mapping ?? {};
  const sheetChoice = (n: string) =>
    n === sheets?.active ? `${n} ${t("（当前）", "(active)")}` : n;
  const running = phase !== "idle";
  const unrecognised = results.filter((r) => !r.recognised || r.copyOf);
  const notes = findings ? reviewNotes(results) : [];
  const notJudged = findings ? rowsNotJudged(results) : 0;

  return (
    <div className={styles.root}>
      <div role="status" aria-live="polite" className={styles.hidden} data-testid="announcer">
        {announced}
      </div>
      <section className={styles.section} aria-labelledby="review-setup">
        <h2 className={styles.heading} id="review-setup">
          {t("审查什么", "What to review")}
        </h2>
        <Field label={t("工作表", "Sheet")}>
          <Select
            className={styles.picker}
            aria-label={t("要审查的工作表", "Sheet to review")}
            title={target === ALL ? undefined : sheetChoice(target)}
            value={target}
            onChange={(_, d) => {
              setTarget(d.value);
              setFindings(null);
              setResults([]);
            }}
          >
            {(sheets?.names ?? []).map((n) => (
              <option key={n} value={n}>
                {sheetChoice(n)}
              </option>
            ))}
            {sheets && sheets.names.length > 1 && (
              <option value={ALL}>{t("全部工作表", "All sheets")}</option>
            )}
          </Select>
        </Field>

        {recognised && (
          <Caption1 data-testid="recognition">
            {recognised.recognised
              ? [
                  recognised.kind ? text(SHEET_KIND_LABEL[recognised.kind], lang) : "",
                  recognised.headerRow
                    ? t(
                        `表头在第 ${recognised.headerRow} 行`,
                        `header in row ${recognised.headerRow}`
                      )
                    : "",
                  recognised.unit
                    ? t(
                        `金额单位：${recognised.unit.unit}（${UNIT_HOW[recognised.unit.how].zh}）`,
                        `amounts in ${recognised.unit.unit} (${UNIT_HOW[recognised.unit.how].en})`
                      )
                    : "",
                ]
                  .filter(Boolean)
                  .join(t("；", "; "))
              : recognised.reason
                ? text(recognised.reason, lang)
                : t("未能识别此表的表头", "The sheet's header was not recognised")}
          </Caption1>
        )}

        {/* also on a sheet not recognised: choosing its columns is how it gets read */}
        {recognised && (
          <details>
            <summary>
              <Text weight="semibold">{t("列对应关系", "Column mapping")}</Text>{" "}
              <Caption1 className={styles.muted}>
                {saved
                  ? t("（已按您的修改保存）", "(your corrections, saved)")
                  : t("（自动识别）", "(recognised)")}
              </Caption1>
            </summary>
            <div className={styles.mapping}>
              {(Object.keys(FIELD_LABEL) as LedgerField[]).map((field) => (
                <React.Fragment key={field}>
                  <label htmlFor={`map-${field}`}>
                    <Caption1>{text(FIELD_LABEL[field], lang)}</Caption1>
                  </label>
                  <Select
                    id={`map-${field}`}
                    size="small"
                    value={mapping[field] === undefined ? "" : String(mapping[field])}
                    onChange={(_, d) => void changeMapping(field, d.value)}
                  >
                    <option value="">{t("（无）", "(none)")}</option>
                    {columns.map((c) => (
                      <option key={c} value={String(c)}>
                        {`${columnLetters(c)} ${headerText(c)}`.trim()}
                      </option>
                    ))}
                  </Select>
                </React.Fragment>
              ))}
            </div>
            {saved && (
              <Button size="small" appearance="subtle" onClick={() => void resetMapping()}>
                {t("恢复自动识别", "Use the recognised mapping")}
              </Button>
            )}
          </details>
        )}

        <Field
          label={t("审查日期", "Review date")}
          validationMessage={
            asOfSerial === null ? t("请输入有效日期", "Enter a valid date") : undefined
          }
        >
          <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>

        {engine.packs.length > 0 && (
          <fieldset className={styles.packs} style={{ border: "none", padding: 0, margin: 0 }}>
            <legend>
              <Text weight="semibold">{t("规则包", "Rule packs")}</Text>
            </legend>
            {engine.packs.map((p) => (
              <Checkbox
                key={p.id}
                label={text(p.name, lang)}
                checked={packs.has(p.id)}
                onChange={(_, d) => {
                  const next = new Set(packs);
                  if (d.checked) next.add(p.id);
                  else next.delete(p.id);
                  setPacks(next);
                }}
              />
            ))}
          </fieldset>
        )}

        {/* Focusable while running, so keyboard focus stays on it (a disabled button drops focus). */}
        <Button
          appearance="primary"
          disabled={!target || asOfSerial === null || packs.size === 0}
          disabledFocusable={running}
          onClick={() => void run()}
        >
          {t("运行审查", "Run review")}
        </Button>
        {running && (
          <Field
            validationMessage={
              phase === "reading"
                ? t("正在读取工作表…", "Reading the sheet…")
                : t("正在审查…", "Reviewing…")
            }
            validationState="none"
          >
            <ProgressBar value={progress} aria-label={t("审查进度", "Review progress")} />
          </Field>
        )}
      </section>

      {notice && !findings && noticeView(notice)}

      {unrecognised.length > 0 && (
        <Caption1>
          {t("未审查的工作表：", "Sheets not reviewed: ")}
          {unrecognised
            .map((r) => `${r.name}${r.reason ? `（${text(r.reason, lang)}）` : ""}`)
            .join(t("；", "; "))}
        </Caption1>
      )}

      {findings && (
        <section className={styles.section} aria-labelledby="review-summary">
          <h2 className={styles.heading} id="review-summary" data-testid="summary">
            {findings.length > 0
              ? summaryText(findings, lang)
              : unrecognised.length === results.length
                ? t(
                    "未审查：工作表未能识别（原因见上），不能视为没有问题",
                    "Not reviewed: the sheet was not recognised (see why above); this is not a clean result"
                  )
                : unrecognised.length > 0
                  ? t(
                      `已审查的工作表中未发现问题；${unrecognised.length} 个工作表未审查（见上）`,
                      `No findings in the sheets reviewed; ${unrecognised.length} not reviewed (see above)`
                    )
                  : notJudged > 0
                    ? t(`发现 0 项问题`, `0 findings`)
                    : t("未发现问题", "No findings")}
            {notJudged > 0 && t(`，${notJudged} 行时限未能判断`, `; ${notJudged} rows not judged`)}
          </h2>
          {notes.map((n, i) => (
            <Notice key={i} intent="warning" testId="review-note">
              {text(n, lang)}
            </Notice>
          ))}
          <div className={styles.actions}>
            <Button
              disabledFocusable={busy}
              onClick={() =>
                void act(async () => {
                  const name = await workbook.writeFindings(findings, lang, {
                    ...ranWith,
                    marks: trailView?.marks.map((m) => (m ? markText(m, lang) : null)),
                  });
                  await refreshSheets();
                  return {
                    intent: "success",
                    message: {
                      zh: `已写入工作表「${name}」`,
                      en: `Findings written to the sheet "${name}"`,
                    },
                  };
                })
              }
            >
              {t("写入审查结果表", "Write findings sheet")}
            </Button>
            <Button
              disabled={findings.length === 0}
              disabledFocusable={busy}
              onClick={() =>
                void act(async () => {
                  const r = await workbook.highlight(findings);
                  return {
                    intent: "info",
                    message: {
                      zh: `已标记 ${r.cells} 个单元格`,
                      en: `${r.cells} cells highlighted`,
                    },
                  };
                })
              }
            >
              {t("标记单元格", "Highlight cells")}
            </Button>
            <Button
              disabledFocusable={busy}
              onClick={() =>
                void act(async () => {
                  const r = await workbook.clearHighlights();
                  return {
                    intent: "info",
                    message: {
                      zh: `已清除标记，恢复 ${r.cells} 个单元格原有填充`,
                      en: `Highlights cleared; ${r.cells} cells restored`,
                    },
                  };
                })
              }
            >
              {t("清除标记", "Clear highlights")}
            </Button>
          </div>
          {notice && noticeView(notice)}
          {trailView && (
            <Caption1 data-testid="trail-summary">
              {t(
                `与上次审查相比：新增 ${trailView.states.filter((x) => x === "new").length} 项，已解决 ${trailView.resolved} 项；已标记 ${trailView.marks.filter(Boolean).length} 项`,
                `Since the last run: ${trailView.states.filter((x) => x === "new").length} new, ${trailView.resolved} resolved; ${trailView.marks.filter(Boolean).length} marked`
              )}
            </Caption1>
          )}
          <FindingsList
            findings={findings}
            onSelect={onSelect}
            states={trailView?.states}
            marks={trailView?.marks}
            detail={
              workbook.saveTrail && trailView
                ? (_f, i) => (
                    <MarkEditor
                      key={keys[i]}
                      mark={trailView.marks[i] ?? null}
                      reviewer={reviewer}
                      onSave={(status, note, by) => saveMark(i, status, note, by)}
                    />
                  )
                : undefined
            }
          />
        </section>
      )}
    </div>
  );
}

const UNIT_HOW: Record<NonNullable<SheetResult["unit"]>["how"], Bilingual> = {
  header: { zh: "据表头", en: "from the header" },
  "unit-row": { zh: "据单位行", en: "from the unit row" },
  inferred: { zh: "推断", en: "inferred" },
  default: { zh: "默认", en: "default" },
};
