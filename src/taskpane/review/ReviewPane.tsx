/**
 * The Review pane: choose a sheet (default: the active one), check and correct how its columns
 * were recognised (remembered in the workbook), set the review date (default: today) and the rule
 * packs, run, then read the findings with their clauses, jump to cells, write a findings sheet,
 * and highlight or clear the flagged cells.
 */
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
import type {
  ColumnMapping,
  Field as LedgerField,
  Finding,
  SheetInput,
  SheetResult,
} from "../../core/review/types";
import { text, useLang, useT } from "../lang";
import { coreEngine } from "../../workbook/review/engine";
import { FindingsList } from "./FindingsList";
import type {
  FindingsPrintInfo,
  ReviewEngine,
  ReviewWorkbook,
  SheetList,
} from "../../workbook/review/port";
import { Notice } from "../Notice";
import { visuallyHidden } from "../a11y";
import { announceText, resultHeading } from "./summary";
import { MarkEditor } from "./MarkEditor";
import { SheetRecognition } from "./SheetRecognition";
import { ReviewActions, ReviewNotice, type NoticeState } from "./ReviewActions";
import type { MarkStatus } from "../../core/review/trail";
import {
  ALL,
  clearHighlights,
  highlightFindings,
  isoFromDate,
  markFinding,
  runReview,
  stamp,
  trackRun,
  trailSummary,
  writeFindingsSheet,
  type TrailState,
} from "./workflow";
import { reviewNotes } from "../../core/review/notes";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  hidden: visuallyHidden,
  picker: { minWidth: 0, maxWidth: "100%" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  packs: { display: "flex", flexDirection: "column" },
});

/**
 * The sheet in which an office keeps its own negative-list terms and exceptions (columns 类别,
 * 词语, 类型 = 禁止/例外): read before each review, never reviewed itself. It and the other
 * configuration sheets (core/review/config-sheets) are not offered for review.
 */
export const TERMS_SHEET = CORE_TERMS_SHEET;

type Phase = "idle" | "reading" | "reviewing";

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
  const [trail, setTrail] = React.useState<TrailState | null>(null);
  const trailView = trail?.view ?? null;
  const keys = trail?.keys ?? [];
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
      const out = await runReview(
        workbook,
        engine,
        { target, allNames: allNames.current, reviewable: sheets.names, asOf: asOfSerial, packs },
        async (step) => {
          setProgress(step.progress);
          if (step.phase === "reviewing") {
            setPhase("reviewing");
            setRanWith({
              asOf,
              packs: engine.packs.filter((p) => packs.has(p.id)).map((p) => text(p.name, lang)),
            });
            // Let the progress bar paint before the (synchronous) engine runs.
            await new Promise((r) => setTimeout(r, 0));
          }
        }
      );
      if (!out.ok) {
        setNotice(out.notice);
        return;
      }
      if (out.missingLists) setNotice({ intent: "info", message: out.missingLists });
      setFindings(out.findings);
      setResults(out.sheets);
      setAnnounced(announceText(out.findings, out.sheets, lang));
      if (target !== ALL) {
        setInput(out.inputs[0]);
        setRecognised(out.sheets[0]);
      }
      setProgress(1);
      setTrail(await trackRun(workbook, out.findings, out.inputs, stamp(today())));
    } catch (e) {
      fail(e);
    } finally {
      setPhase("idle");
    }
  };

  const saveMark = async (index: number, status: MarkStatus | null, note: string, by: string) => {
    if (!trail || !findings || !findings[index]) return;
    setTrail(
      await markFinding(workbook, trail, findings[index], index, {
        status,
        note,
        by,
        at: stamp(today()),
      })
    );
    setReviewer(by);
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

  const sheetChoice = (n: string) =>
    n === sheets?.active ? `${n} ${t("（当前）", "(active)")}` : n;
  const running = phase !== "idle";
  const unrecognised = results.filter((r) => !r.recognised || r.copyOf);
  const notes = findings ? reviewNotes(results) : [];

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

        {recognised && input && (
          <SheetRecognition
            input={input}
            recognised={recognised}
            saved={saved}
            onChange={(field, value) => void changeMapping(field, value)}
            onReset={() => void resetMapping()}
          />
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

      {notice && !findings && <ReviewNotice notice={notice} />}

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
            {resultHeading(findings, results, lang)}
          </h2>
          {notes.map((n, i) => (
            <Notice key={i} intent="warning" testId="review-note">
              {text(n, lang)}
            </Notice>
          ))}
          <ReviewActions
            busy={busy}
            canHighlight={findings.length > 0}
            onWrite={() =>
              void act(async () => {
                const done = await writeFindingsSheet(workbook, findings, lang, ranWith, trailView);
                await refreshSheets();
                return done;
              })
            }
            onHighlight={() => void act(() => highlightFindings(workbook, findings))}
            onClear={() => void act(() => clearHighlights(workbook))}
          />
          {notice && <ReviewNotice notice={notice} />}
          {trailView && (
            <Caption1 data-testid="trail-summary">{text(trailSummary(trailView), lang)}</Caption1>
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
