/**
 * How a sheet we write prints: offices print and stamp review results, so every sheet we make is a
 * document — A4 landscape, fitted to the page width, its header rows repeated on every page, a
 * title line naming the file, the review date and the rule packs, and page numbers. Pure data: the
 * Office adapter (src/excel) and the command line's report (src/cli) apply it.
 */

/** Excel's header/footer codes: &P is the page number, &N the number of pages. */
export const PAGE_FOOTER = "第 &P 页，共 &N 页";

/** Excel keeps at most 255 characters per header section. */
const HEADER_LIMIT = 250;

export interface PrintSetup {
  orientation: "landscape";
  paper: "A4";
  /** One page wide, as many pages tall as needed. */
  fitToWidth: true;
  /** Rows 1…titleRows repeat at the top of every printed page (0 = none). */
  titleRows: number;
  /** The centre header (Excel codes escaped). */
  header: string;
  footer: string;
}

export interface PrintMeta {
  /** What the sheet is: "审查结果 Findings". */
  title: string;
  /** The reviewed workbook's file name, when known. */
  file?: string;
  /** The review date, ISO (2026-05-08). */
  asOf?: string;
  /** The rule packs applied, as their names. */
  packs?: readonly string[];
}

/** Text for an Excel header or footer: "&" would start a code, so it is doubled. */
export function headerText(s: string): string {
  return s.replace(/&/g, "&&");
}

/** "审查结果 Findings · 台账.xlsx · 审查日期 2026-05-08 · 规则包：桂政发〔2014〕34号、负面清单". */
export function pageHeader(meta: PrintMeta): string {
  const parts = [
    meta.title,
    meta.file ?? "",
    meta.asOf ? `审查日期 ${meta.asOf}` : "",
    meta.packs && meta.packs.length ? `规则包：${meta.packs.join("、")}` : "",
  ].filter((p) => p !== "");
  let text = parts.join(" · ");
  if (text.length > HEADER_LIMIT) text = `${text.slice(0, HEADER_LIMIT - 1)}…`;
  return headerText(text);
}

export function printSetup(meta: PrintMeta, titleRows = 1): PrintSetup {
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows,
    header: pageHeader(meta),
    footer: PAGE_FOOTER,
  };
}

/** Width of a text in narrow characters: a CJK or full-width character counts two. */
export function textChars(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

/**
 * A column's width in characters, wide enough for its header (a CJK character counts two) and,
 * up to `max`, for its longest value; long text wraps within it.
 */
export function columnChars(header: string, values: readonly string[], min = 8, max = 50): number {
  const width = textChars;
  // A bilingual header "类型 Kind" may wrap onto two lines: its longer half must fit.
  const head = Math.max(...header.split(/\s+(?=[A-Za-z])/).map(width));
  let longest = 0;
  for (const v of values) longest = Math.max(longest, ...String(v).split("\n").map(width));
  return Math.max(min, head + 2, Math.min(max, longest + 2));
}
