/** The one-line summary of a run: how many findings, and how many of them are errors and warnings. */
import type { Lang } from "../../core/i18n";
import type { Finding, Severity } from "../../core/review/types";

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
