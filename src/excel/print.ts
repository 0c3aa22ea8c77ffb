/**
 * Applies a PrintSetup (src/core/print) to a worksheet: A4 landscape, one page wide, title rows
 * repeated, header and page numbers. Page layout needs ExcelApi 1.9; on an older Excel the sheet
 * is still written, only without its print setup.
 */
import type { PrintSetup } from "../core/print";
import { columnLetters } from "../core/review/types";

/** Excel column width is in points; about 7 points per narrow character at 11 pt. */
export const POINTS_PER_CHAR = 7;

export function pageLayoutSupported(): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported("ExcelApi", "1.9");
}

/** Queues the print setup on the sheet (no sync here). */
export function applyPrintSetup(sheet: Excel.Worksheet, setup: PrintSetup): void {
  if (!pageLayoutSupported()) return;
  const page = sheet.pageLayout;
  page.orientation = "Landscape";
  page.paperSize = "A4";
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (setup.titleRows > 0) page.setPrintTitleRows(`$1:$${setup.titleRows}`);
  page.headersFooters.defaultForAllPages.centerHeader = setup.header;
  page.headersFooters.defaultForAllPages.centerFooter = setup.footer;
}

/** Queues column widths (in characters) and wrapping for the columns named in `wrap`. */
export function applyColumnWidths(
  sheet: Excel.Worksheet,
  chars: readonly number[],
  wrap: readonly number[] = []
): void {
  chars.forEach((w, i) => {
    const col = columnLetters(i);
    const range = sheet.getRange(`${col}:${col}`);
    range.format.columnWidth = w * POINTS_PER_CHAR;
    if (wrap.includes(i)) range.format.wrapText = true;
  });
}

/** The open workbook's file name, from Office's document URL (no round trip); undefined when unknown. */
export function documentFileName(): string | undefined {
  try {
    const url = typeof Office !== "undefined" ? Office.context?.document?.url : undefined;
    if (!url) return undefined;
    const last = decodeURIComponent(url.split(/[\\/]/).pop() ?? "").split("?")[0];
    return last || undefined;
  } catch {
    return undefined;
  }
}
