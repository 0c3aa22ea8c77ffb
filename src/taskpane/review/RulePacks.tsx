/** The review date and the rule packs to run (none offered when the engine has none). */
import * as React from "react";
import { Checkbox, Field, Input, Text } from "@fluentui/react-components";
import { text, useLang, useT } from "../lang";
import type { ReviewEngine } from "../../workbook/review/port";
import { useStyles } from "./styles";

export interface ReviewDateProps {
  asOf: string;
  valid: boolean;
  onChange(asOf: string): void;
}

export function ReviewDate({ asOf, valid, onChange }: ReviewDateProps) {
  const t = useT();
  return (
    <Field
      label={t("审查日期", "Review date")}
      validationMessage={valid ? undefined : t("请输入有效日期", "Enter a valid date")}
    >
      <Input type="date" value={asOf} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

export interface RulePacksProps {
  packs: ReviewEngine["packs"];
  chosen: Set<string>;
  onChange(chosen: Set<string>): void;
}

export function RulePacks({ packs, chosen, onChange }: RulePacksProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  if (packs.length === 0) return null;
  return (
    <fieldset className={styles.packs} style={{ border: "none", padding: 0, margin: 0 }}>
      <legend>
        <Text weight="semibold">{t("规则包", "Rule packs")}</Text>
      </legend>
      {packs.map((p) => (
        <Checkbox
          key={p.id}
          label={text(p.name, lang)}
          checked={chosen.has(p.id)}
          onChange={(_, d) => {
            const next = new Set(chosen);
            if (d.checked) next.add(p.id);
            else next.delete(p.id);
            onChange(next);
          }}
        />
      ))}
    </fieldset>
  );
}
