/**
 * The Review pane: choose a sheet (default: the active one), check and correct how its columns
 * were recognised (remembered in the workbook), set the review date (default: today) and the rule
 * packs, run, then read the findings with their clauses, jump to cells, write a findings sheet,
 * and highlight or clear the flagged cells. The state lives here; the work is in ./workflow and
 * the pieces of the pane in their own components.
 */
import * as React from "react";
import { parseIsoDate } from "../../core/dates";
import { TERMS_SHEET as CORE_TERMS_SHEET } from "../../core/review/config-sheets";
import type { Finding, SheetResult } from "../../core/review/types";
import type { MarkStatus } from "../../core/review/trail";
import { text, useLang, useT } from "../lang";
import { coreEngine } from "../../workbook/review/engine";
import type { FindingsPrintInfo, ReviewEngine, ReviewWorkbook } from "../../workbook/review/port";
import { announceText } from "./summary";
import { SheetRecognition } from "./SheetRecognition";
import { ReviewNotice, type NoticeState } from "./ReviewActions";
import { SheetPicker } from "./SheetPicker";
import { ReviewDate, RulePacks } from "./RulePacks";
import { RunReview, type Phase } from "./RunReview";
import { ReviewResults, UnreviewedSheets } from "./ReviewResults";
import { useStyles } from "./styles";
import { useRecognition, useSheetList } from "./useSheets";
import {
  ALL,
  clearHighlights,
  failureNotice,
  highlightFindings,
  isoFromDate,
  markFinding,
  runReview,
  stamp,
  trackRun,
  writeFindingsSheet,
  type TrailState,
} from "./workflow";

/**
 * The sheet in which an office keeps its own negative-list terms and exceptions (columns 类别,
 * 词语, 类型 = 禁止/例外): read before each review, never reviewed itself. It and the other
 * configuration sheets (core/review/config-sheets) are not offered for review.
 */
export const TERMS_SHEET = CORE_TERMS_SHEET;

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
  const [reviewer, setReviewer] = React.useState("");
  /** The review date and rule packs of the findings shown (the findings sheet prints them). */
  const [ranWith, setRanWith] = React.useState<FindingsPrintInfo | null>(null);
  /** What the live region last announced (the outcome of a run). */
  const [announced, setAnnounced] = React.useState("");

  // No raw exception text as the message: a sentence in both languages, the detail on demand.
  const fail = React.useCallback((e: unknown) => setNotice(failureNotice(e)), []);

  const { sheets, allNames, target, setTarget, refreshSheets } = useSheetList(
    workbook,
    fail,
    setNotice
  );
  const { input, setInput, recognised, setRecognised, saved, changeMapping, resetMapping } =
    useRecognition(workbook, engine, target, fail);

  const asOfSerial = parseIsoDate(asOf);

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

  const chooseTarget = (next: string) => {
    setTarget(next);
    setFindings(null);
    setResults([]);
  };

  return (
    <div className={styles.root}>
      <div role="status" aria-live="polite" className={styles.hidden} data-testid="announcer">
        {announced}
      </div>
      <section className={styles.section} aria-labelledby="review-setup">
        <h2 className={styles.heading} id="review-setup">
          {t("审查什么", "What to review")}
        </h2>
        <SheetPicker sheets={sheets} target={target} onChange={chooseTarget} />
        {recognised && input && (
          <SheetRecognition
            input={input}
            recognised={recognised}
            saved={saved}
            onChange={(field, value) => void changeMapping(field, value)}
            onReset={() => void resetMapping()}
          />
        )}
        <ReviewDate asOf={asOf} valid={asOfSerial !== null} onChange={setAsOf} />
        <RulePacks packs={engine.packs} chosen={packs} onChange={setPacks} />
        <RunReview
          phase={phase}
          progress={progress}
          ready={!!target && asOfSerial !== null && packs.size > 0}
          onRun={() => void run()}
        />
      </section>

      {notice && !findings && <ReviewNotice notice={notice} />}
      <UnreviewedSheets results={results} />
      {findings && (
        <ReviewResults
          findings={findings}
          results={results}
          busy={busy}
          notice={notice}
          trail={trail}
          canMark={!!workbook.saveTrail}
          reviewer={reviewer}
          onWrite={() =>
            void act(async () => {
              const view = trail?.view ?? null;
              const done = await writeFindingsSheet(workbook, findings, lang, ranWith, view);
              await refreshSheets();
              return done;
            })
          }
          onHighlight={() => void act(() => highlightFindings(workbook, findings))}
          onClear={() => void act(() => clearHighlights(workbook))}
          onSelect={onSelect}
          onMark={saveMark}
        />
      )}
    </div>
  );
}
