/** The one-line summary of a run: how many findings, and how many of them are errors and warnings. */
import type { Lang } from "../../core/i18n";
import type { Finding, Severity, SheetResult } from "../../core/review/types";
import { rowsNotJudged } from "../../core/review/notes";

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** "发现 12 项问题：错误 5 项，警告 6 项，提示 1 项" / "12 findings: 5 errors, 6 warnings, 1 note". */
export function summaryText(findings: readonly Finding[], lang: Lang): string {
  if (findings.length === 0) return lang === "en" ? "No findings" : "未发现问题";
  const c = severityCounts(findings);
  if (lang === "en") {
    const parts = [
      c.error ? `${c.error} ${c.error === 1 ? "error" : "errors"}` : "",
      c.warning ? `${c.warning} ${c.warning === 1 ? "warning" : "warnings"}` : "",
      c.info ? `${c.info} ${c.info === 1 ? "note" : "notes"}` : "",
    ].filter(Boolean);
    return `${findings.length} ${findings.length === 1 ? "finding" : "findings"}: ${parts.join(", ")}`;
  }
  const parts = [
    c.error ? `错误 ${c.error} 项` : "",
    c.warning ? `警告 ${c.warning} 项` : "",
    c.info ? `提示 ${c.info} 项` : "",
  ].filter(Boolean);
  return `发现 ${findings.length} 项问题：${parts.join("，")}`;
}

/**
 * The results heading: the summary line, or — with no findings — whether that is a clean result
 * (sheets not recognised or rows not judged are not), with the rows not judged.
 */
export function resultHeading(
  findings: readonly Finding[],
  sheets: readonly SheetResult[],
  lang: Lang
): string {
  const t = (zh: string, en: string) => (lang === "en" ? en : zh);
  const unrecognised = sheets.filter((r) => !r.recognised || r.copyOf).length;
  const notJudged = rowsNotJudged(sheets);
  const head =
    findings.length > 0
      ? summaryText(findings, lang)
      : unrecognised === sheets.length
        ? t(
            "未审查：工作表未能识别（原因见上），不能视为没有问题",
            "Not reviewed: the sheet was not recognised (see why above); this is not a clean result"
          )
        : unrecognised > 0
          ? t(
              `已审查的工作表中未发现问题；${unrecognised} 个工作表未审查（见上）`,
              `No findings in the sheets reviewed; ${unrecognised} not reviewed (see above)`
            )
          : notJudged > 0
            ? t(`发现 0 项问题`, `0 findings`)
            : t("未发现问题", "No findings");
  return (
    head +
    (notJudged > 0 ? t(`，${notJudged} 行时限未能判断`, `; ${notJudged} rows not judged`) : "")
  );
}

/** What the live region says after a run: the summary line, with the rows not judged. */
export function announceText(
  findings: readonly Finding[],
  sheets: readonly SheetResult[],
  lang: Lang
): string {
  const n = rowsNotJudged(sheets);
  const more = n > 0 ? (lang === "en" ? `; ${n} rows not judged` : `，${n} 行时限未能判断`) : "";
  return summaryText(findings, lang) + more;
}
