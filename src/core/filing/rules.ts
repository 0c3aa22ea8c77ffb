/**
 * The completeness check's rules (./check) as registry entries, made from the sheets' specs: per
 * sheet, one rule for a sheet with no data rows; per field, one for each fault the check can find
 * (a required column missing, a required cell blank, an unreadable amount, date or year, a
 * negative amount, an entry off the list, an end before its start). The registry lists them with
 * every other rule (core/review/kinds/filing), and the check takes each finding's kind, severity
 * and citation from here.
 */
import { bi } from "../i18n";
import type { RuleDef } from "../review/registry";
import { FILING_KINDS, FieldSpec, SheetSpec, SPECS } from "./specs";

/** `FILING-PLAN-amount-AMOUNT`: the sheet kind, the field's key, the fault ("" for blank). */
export function filingRuleId(spec: SheetSpec, f: FieldSpec, what: string): string {
  return `FILING-${spec.kind.toUpperCase()}-${f.key}${what ? `-${what}` : ""}`;
}

export function filingEmptyRuleId(spec: SheetSpec): string {
  return `FILING-${spec.kind.toUpperCase()}-EMPTY`;
}

/** The check writes each message itself (it names the sheet and field): the template passes it. */
const AS_WRITTEN = bi("{message}", "{message}");

function rulesOf(spec: SheetSpec): RuleDef[] {
  const out: RuleDef[] = [];
  const add = (
    rule: string,
    kind: "FILING" | "DATA",
    severity: RuleDef["severity"],
    f: FieldSpec | null,
    own = false
  ) =>
    out.push({
      kind,
      rule,
      severity,
      pack: "FILING",
      params: f ? { sheet: spec.sheetName, field: f.header } : { sheet: spec.sheetName },
      citation:
        kind === "DATA" ? null : own ? (f?.citation ?? null) : (f?.citation ?? spec.citation),
      message: AS_WRITTEN,
    });
  const periodEnds = new Set((spec.periods ?? []).map((p) => p.to));
  for (const f of spec.fields) {
    if (f.required) add(filingRuleId(spec, f, "COLUMN"), "FILING", "error", f);
    if (f.required || f.requiredWhen) add(filingRuleId(spec, f, ""), "FILING", "error", f);
    if (f.type === "amount") {
      add(filingRuleId(spec, f, "AMOUNT"), "DATA", "error", f);
      add(filingRuleId(spec, f, "NEGATIVE"), "DATA", "warning", f);
    }
    if (f.type === "date") add(filingRuleId(spec, f, "DATE"), "DATA", "error", f);
    if (f.type === "year") add(filingRuleId(spec, f, "YEAR"), "DATA", "error", f);
    if (f.type === "choice")
      add(
        filingRuleId(spec, f, "CHOICE"),
        "FILING",
        f.strict === false ? "info" : "warning",
        f,
        true
      );
    if (periodEnds.has(f.key)) add(filingRuleId(spec, f, "ORDER"), "FILING", "error", f);
  }
  for (const o of spec.ownRules ?? []) {
    const f = o.field ? spec.fields.find((x) => x.key === o.field) : undefined;
    out.push({
      kind: "FILING",
      rule: `FILING-${spec.kind.toUpperCase()}-${o.suffix}`,
      severity: o.severity,
      pack: "FILING",
      params: f ? { sheet: spec.sheetName, field: f.header } : { sheet: spec.sheetName },
      citation: o.citation,
      message: AS_WRITTEN,
    });
  }
  out.push({
    kind: "FILING",
    rule: filingEmptyRuleId(spec),
    severity: "warning",
    pack: "FILING",
    params: { sheet: spec.sheetName },
    citation: spec.citation,
    message: AS_WRITTEN,
  });
  return out;
}

export function filingRules(): RuleDef[] {
  return FILING_KINDS.flatMap((k) => rulesOf(SPECS[k]));
}
