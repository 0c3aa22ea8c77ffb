/**
 * The Filing pane's workflow, without React: build the request (the spot-check list drawn from
 * the lines the preparer pasted), create the sheet, redo a check already shown. The pane
 * (FilingPane.tsx) holds the form and shows the outcome.
 */
import {
  buildSpotCheck,
  parseCountyLines,
  parseProjectLines,
  type FilingCheckResult,
  type FilingKind,
} from "../../core/filing";
import type { Bilingual } from "../../core/i18n";
import type { FilingWorkbook } from "../../workbook/filing/port";

export interface FilingForm {
  kind: FilingKind;
  county: string;
  /** The year as typed. */
  year: string;
  /** The spot-check draw's seed as typed (the year when blank). */
  seed: string;
  /** Pasted lines: counties, projects (for the spot-check list). */
  counties: string;
  projects: string;
}

/** A four-digit year, or null. */
export function yearOf(year: string): number | null {
  return /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
}

export type CreateOutcome =
  | { ok: false; message: Bilingual }
  | {
      ok: true;
      /** Warn when the sheet was renamed or the pasted lines had problems. */
      warn: boolean;
      /** What the preparer is told, line by line (the adapter's message, the draw's note…). */
      lines: Bilingual[];
      /** The check redone with the new sheet, when one was shown. */
      check: FilingCheckResult | null;
    };

export async function createFiling(
  workbook: FilingWorkbook,
  form: FilingForm,
  recheck: boolean
): Promise<CreateOutcome> {
  const year = yearOf(form.year);
  let rows: unknown[][] | undefined;
  let note: string | undefined;
  const warnings: Bilingual[] = [];
  if (form.kind === "spotcheck") {
    const seed = form.seed.trim() || (year !== null ? String(year) : "");
    if (seed === "")
      return { ok: false, message: { zh: "请填写随机种子或年度", en: "Enter a seed or the year" } };
    const r = buildSpotCheck({
      counties: parseCountyLines(form.counties),
      projects: parseProjectLines(form.projects),
      seed,
    });
    rows = r.rows;
    note = r.note;
    warnings.push(...r.problems);
  }
  const r = await workbook.createSheet({ kind: form.kind, county: form.county, year, rows, note });
  // A check already on screen is redone, so it includes the new sheet.
  const check = recheck ? await workbook.check() : null;
  const lines = [r.message, ...(note ? [{ zh: note, en: note }] : []), ...warnings];
  return { ok: true, warn: r.renamed || warnings.length > 0, lines, check };
}
