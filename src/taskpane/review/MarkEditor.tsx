/**
 * The mark form for the active finding: 已核实 / 已整改 / 误报 with a note and the reviewer's
 * name; saved in the workbook's review trail (src/core/review/trail).
 */
import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import {
  MARK_LABEL,
  MARK_STATUSES,
  markText,
  type Mark,
  type MarkStatus,
} from "../../core/review/trail";
import { text, useLang, useT } from "../lang";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: 600 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flex: "1 1 9em", minWidth: 0 },
});

export interface MarkEditorProps {
  mark: Mark | null;
  /** The reviewer's name last used (kept for the next mark). */
  reviewer: string;
  onSave: (status: MarkStatus | null, note: string, by: string) => Promise<void>;
}

export function MarkEditor({ mark, reviewer, onSave }: MarkEditorProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const [status, setStatus] = React.useState<MarkStatus | "">(mark?.status ?? "");
  const [note, setNote] = React.useState(mark?.note ?? "");
  const [by, setBy] = React.useState(mark?.by || reviewer);
  const [busy, setBusy] = React.useState(false);
  return (
    <section className={styles.root} aria-labelledby="mark-head" data-testid="mark-editor">
      <h3 className={styles.head} id="mark-head">
        {t("核实标记", "Review mark")}
      </h3>
      {mark && <span data-testid="mark-text">{markText(mark, lang)}</span>}
      <div className={styles.row}>
        <Field label={t("结论", "Outcome")} className={styles.grow}>
          <Select value={status} onChange={(_, d) => setStatus(d.value as MarkStatus | "")}>
            <option value="">{t("（未标记）", "(not marked)")}</option>
            {MARK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {text(MARK_LABEL[s], lang)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("核实人", "Reviewer")} className={styles.grow}>
          <Input value={by} onChange={(_, d) => setBy(d.value)} />
        </Field>
      </div>
      <Field label={t("说明", "Note")}>
        <Input value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
      <div>
        <Button
          disabledFocusable={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onSave(status === "" ? null : status, note.trim(), by.trim());
            } finally {
              setBusy(false);
            }
          }}
        >
          {t("保存标记", "Save mark")}
        </Button>
      </div>
    </section>
  );
}
