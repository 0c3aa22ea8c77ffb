/**
 * A run's results: the sheets not reviewed (with why), and the findings section — the summary
 * heading, the notes on what was not read, the actions, the trail summary and the findings list
 * (each with its mark editor when the workbook keeps a review trail).
 */
import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import { text, useLang, useT } from "../lang";
import type { Finding, SheetResult } from "../../core/review/types";
import type { MarkStatus } from "../../core/review/trail";
import { reviewNotes } from "../../core/review/notes";
import { Notice } from "../Notice";
import { FindingsList } from "./FindingsList";
import { MarkEditor } from "./MarkEditor";
import { ReviewActions, ReviewNotice, type NoticeState } from "./ReviewActions";
import { resultHeading } from "./summary";
import { trailSummary, type TrailState } from "./workflow";
import { useStyles } from "./styles";

/** The sheets a run did not review (not recognised, or a copy of another), with the reason. */
export function UnreviewedSheets({ results }: { results: SheetResult[] }) {
  const t = useT();
  const lang = useLang();
  const unrecognised = results.filter((r) => !r.recognised || r.copyOf);
  if (unrecognised.length === 0) return null;
  return (
    <Caption1>
      {t("未审查的工作表：", "Sheets not reviewed: ")}
      {unrecognised
        .map((r) => `${r.name}${r.reason ? `（${text(r.reason, lang)}）` : ""}`)
        .join(t("；", "; "))}
    </Caption1>
  );
}

export interface ReviewResultsProps {
  findings: Finding[];
  results: SheetResult[];
  busy: boolean;
  notice: NoticeState | null;
  trail: TrailState | null;
  /** Whether marks can be kept (the workbook stores a review trail). */
  canMark: boolean;
  reviewer: string;
  onWrite(): void;
  onHighlight(): void;
  onClear(): void;
  onSelect(f: Finding): void;
  onMark(index: number, status: MarkStatus | null, note: string, by: string): Promise<void>;
}

export function ReviewResults(props: ReviewResultsProps) {
  const { findings, results, trail, reviewer, onMark } = props;
  const styles = useStyles();
  const lang = useLang();
  const trailView = trail?.view ?? null;
  const keys = trail?.keys ?? [];
  const notes = reviewNotes(results);
  return (
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
        busy={props.busy}
        canHighlight={findings.length > 0}
        onWrite={props.onWrite}
        onHighlight={props.onHighlight}
        onClear={props.onClear}
      />
      {props.notice && <ReviewNotice notice={props.notice} />}
      {trailView && (
        <Caption1 data-testid="trail-summary">{text(trailSummary(trailView), lang)}</Caption1>
      )}
      <FindingsList
        findings={findings}
        onSelect={props.onSelect}
        states={trailView?.states}
        marks={trailView?.marks}
        detail={
          props.canMark && trailView
            ? (_f, i) => (
                <MarkEditor
                  key={keys[i]}
                  mark={trailView.marks[i] ?? null}
                  reviewer={reviewer}
                  onSave={(status, note, by) => onMark(i, status, note, by)}
                />
              )
            : undefined
        }
      />
    </section>
  );
}
