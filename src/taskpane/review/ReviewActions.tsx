/**
 * What the reviewer can do with a run's findings: write them to a new findings sheet, highlight
 * the flagged cells, clear the highlights (the work itself is in ./workflow).
 */
import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { text, useLang, useT } from "../lang";
import type { Bilingual } from "../../core/i18n";
import { Notice } from "../Notice";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ReviewActionsProps {
  /** An action is running: the buttons stay focusable but do nothing. */
  busy: boolean;
  /** Whether there is anything to highlight. */
  canHighlight: boolean;
  onWrite(): void;
  onHighlight(): void;
  onClear(): void;
}

export function ReviewActions({
  busy,
  canHighlight,
  onWrite,
  onHighlight,
  onClear,
}: ReviewActionsProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.actions}>
      <Button disabledFocusable={busy} onClick={onWrite}>
        {t("写入审查结果表", "Write findings sheet")}
      </Button>
      <Button disabled={!canHighlight} disabledFocusable={busy} onClick={onHighlight}>
        {t("标记单元格", "Highlight cells")}
      </Button>
      <Button disabledFocusable={busy} onClick={onClear}>
        {t("清除标记", "Clear highlights")}
      </Button>
    </div>
  );
}

export interface NoticeState {
  intent: "success" | "error" | "info" | "warning";
  message: Bilingual;
  /** Technical detail (an exception's text), shown only on demand. */
  detail?: string;
}

/** A notice in the pane's language, its technical detail behind 详情 Details. */
export function ReviewNotice({ notice }: { notice: NoticeState }) {
  const t = useT();
  const lang = useLang();
  return (
    <Notice intent={notice.intent}>
      {text(notice.message, lang)}
      {notice.detail && (
        <details>
          <summary>{t("详情", "Details")}</summary>
          <Caption1 data-testid="notice-detail">{notice.detail}</Caption1>
        </details>
      )}
    </Notice>
  );
}
