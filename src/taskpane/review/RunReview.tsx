/** The run button and, while a review runs, its progress (reading, then reviewing). */
import * as React from "react";
import { Button, Field, ProgressBar } from "@fluentui/react-components";
import { useT } from "../lang";

export type Phase = "idle" | "reading" | "reviewing";

export interface RunReviewProps {
  phase: Phase;
  progress: number;
  /** Whether a run can start (a sheet, a valid date, at least one pack). */
  ready: boolean;
  onRun(): void;
}

export function RunReview({ phase, progress, ready, onRun }: RunReviewProps) {
  const t = useT();
  const running = phase !== "idle";
  return (
    <>
      {/* Focusable while running, so keyboard focus stays on it (a disabled button drops focus). */}
      <Button appearance="primary" disabled={!ready} disabledFocusable={running} onClick={onRun}>
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
    </>
  );
}
