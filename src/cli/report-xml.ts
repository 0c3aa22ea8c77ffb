/**
 * SpreadsheetML pieces for the streamed report writer (report.ts): the shared style sheet, text
 * escaping, column letters, and a worksheet written row by row into a zip part. Every text value
 * is written as a string cell (a shared string, or an inline string `<is><t>`) and never with an
 * `<f>`, so text beginning with "=" stays text.
 */
import type { Severity } from "../core/review/types";
import type { PartWriter } from "./zip-writer";
import { columnLetters } from "../core/a1";

/** The style sheet's cell formats (indexes into <cellXfs>), shared by every cell that has one. */
export const STYLE = {
  plain: 0,
  header: 1,
  headerWrap: 2,
  bold: 3,
  title: 4,
  date: 5,
  link: 12,
  wrapTop: 13,
} as const;

const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];
/** Fill of a flagged cell by severity (the report's colours). */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: "FFF8CBAD",
  warning: "FFFFE699",
  info: "FFDDEBF7",
};

/** The style of a cell shaded for a finding of `sev`, with the date format when `date`. */
export function severityStyle(sev: Severity, date = false): number {
  return 6 + SEVERITY_ORDER.indexOf(sev) + (date ? 3 : 0);
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const solid = (argb: string) =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;

export function stylesXml(): string {
  const font = (extra: string, size = 11) =>
    `<font>${extra}<sz val="${size}"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
  const fonts = [
    font(""),
    font('<b/><color rgb="FFFFFFFF"/>'),
    font("<b/>"),
    font("<b/>", 14),
    font('<u/><color rgb="FF0563C1"/>'),
  ];
  const fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
    solid("FF1F4E78"),
    ...SEVERITY_ORDER.map((s) => solid(SEVERITY_FILL[s])),
  ];
  const xf = (numFmt: number, font: number, fill: number, align = "") =>
    `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"` +
    (numFmt ? ' applyNumberFormat="1"' : "") +
    (font ? ' applyFont="1"' : "") +
    (fill ? ' applyFill="1"' : "") +
    (align ? ` applyAlignment="1">${align}</xf>` : "/>");
  const xfs = [
    xf(0, 0, 0), // plain
    xf(0, 1, 2), // header
    xf(0, 1, 2, '<alignment vertical="center" wrapText="1"/>'), // header, wrapped
    xf(0, 2, 0), // bold
    xf(0, 3, 0), // title
    xf(164, 0, 0), // date
    ...SEVERITY_ORDER.map((_, i) => xf(0, 0, 3 + i)), // shaded by severity
    ...SEVERITY_ORDER.map((_, i) => xf(164, 0, 3 + i)), // a date, shaded
    xf(0, 4, 0), // link
    xf(0, 0, 0, '<alignment vertical="top" wrapText="1"/>'), // wrapped message
  ];
  return (
    XML_HEAD +
    `<styleSheet xmlns="${NS_MAIN}">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
    `<fonts count="${fonts.length}">${fonts.join("")}</fonts>` +
    `<fills count="${fills.length}">${fills.join("")}</fills>` +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    "</styleSheet>"
  );
}

// ── text ──

// XML 1.0 cannot hold most control characters: Excel writes them as _xHHHH_ (ECMA-376 §22.9.2.19),
// and a literal "_xHHHH_" in the text is itself escaped (its "_" as _x005F_) so it reads back as written.
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;
const ESCAPES =
  // eslint-disable-next-line no-control-regex -- as above
  /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text for XML content or a double-quoted attribute, with what XML cannot hold escaped. */
export function xmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(ESCAPES, (c) => {
    if (c.length === 2) return c; // a well-formed surrogate pair
    const e = ENTITY[c];
    if (e) return e;
    if (c === "_") return "_x005F_";
    if (c >= "\ud800" && c <= "\udfff") return "\ufffd"; // a lone surrogate: not a character
    return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
  });
}

/** Column letters of a 0-based column ("A", "Z", "AA" …), cached: every cell's address uses them. */
const LETTERS: string[] = [];
export function colLetter(c: number): string {
  return (LETTERS[c] ??= columnLetters(c));
}

// ── strings ──

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** A text's leading or trailing white space is kept only when its <t> says so. */
function preserve(s: string): string {
  return s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)))
    ? ' xml:space="preserve"'
    : "";
}

/**
 * How text cells are written: as a shared-string table (Excel's own form; its distinct strings are
 * held until the end) or, for very large reports, each in its cell as an inline string (whose
 * _xHHHH_ escapes Excel and LibreOffice decode, as in shared strings; a `t="str"` value's are not
 * decoded by LibreOffice).
 */
export class Strings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  constructor(readonly shared: boolean) {}

  /** The `<c>` attributes and content after `r="…"`/`s="…"` for text `s`. */
  cell(s: string): string {
    if (!this.shared) return ` t="inlineStr"><is><t${preserve(s)}>${xmlText(s)}</t></is></c>`;
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return ` t="s"><v>${i}</v></c>`;
  }

  /** Writes the table (shared mode only). */
  writeTo(part: PartWriter): void {
    part.write(
      `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">`
    );
    let buf = "";
    for (const s of this.list) {
      buf += `<si><t${preserve(s)}>${xmlText(s)}</t></si>`;
      if (buf.length > 65536) {
        part.write(buf);
        buf = "";
      }
    }
    part.write(buf + "</sst>");
  }
}

// ── a worksheet, streamed ──

export type Out = string | number | boolean | null | undefined;

export interface PrintXml {
  header: string;
  footer: string;
}

export interface SheetHead {
  /** Column widths from column A. */
  widths: readonly number[];
  /** Freeze the first row. */
  frozenHeader?: boolean;
  selected?: boolean;
}

export class SheetWriter {
  private buf = "";

  constructor(
    private readonly part: PartWriter,
    private readonly strings: Strings
  ) {}

  begin(h: SheetHead): void {
    let s = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
    s += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    s += `<sheetViews><sheetView workbookViewId="0"${h.selected ? ' tabSelected="1"' : ""}>`;
    if (h.frozenHeader) {
      s +=
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';
    }
    s += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
    if (h.widths.length) {
      s += "<cols>";
      h.widths.forEach((w, i) => {
        s += `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
      });
      s += "</cols>";
    }
    this.part.write(s + "<sheetData>");
  }

  /**
   * Row `r` (1-based). `style` is one style for every cell or one per cell; a blank ("" or null)
   * cell is written only when it has a style of its own (a shaded blank) or `keepBlank`.
   */
  row(
    r: number,
    values: readonly Out[],
    style: number | readonly number[] = 0,
    height?: number
  ): void {
    let s = `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ""}>`;
    for (let c = 0; c < values.length; c++) {
      const st = typeof style === "number" ? style : (style[c] ?? 0);
      s += this.cell(colLetter(c) + r, values[c], st);
    }
    this.buf += s + "</row>";
    if (this.buf.length > 65536) this.flush();
  }

  /** One cell's XML. A null/undefined value is a blank cell (written only when styled). */
  cell(ref: string, v: Out, st: number): string {
    const sAttr = st ? ` s="${st}"` : "";
    if (v === null || v === undefined) return st ? `<c r="${ref}"${sAttr}/>` : "";
    if (typeof v === "number") {
      return Number.isFinite(v)
        ? `<c r="${ref}"${sAttr}><v>${v}</v></c>`
        : `<c r="${ref}"${sAttr}${this.strings.cell(String(v))}`;
    }
    if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${sAttr}${this.strings.cell(v)}`;
  }

  /** Raw row XML (the copy writer builds its own cells). */
  raw(s: string): void {
    this.buf += s;
    if (this.buf.length > 65536) this.flush();
  }

  private flush(): void {
    if (this.buf) this.part.write(this.buf);
    this.buf = "";
  }

  /** Ends the sheet: autofilter, merged areas, links, print settings. */
  end(t: {
    autoFilter?: string;
    merges?: readonly string[];
    links?: Iterable<{ ref: string; location: string; display: string }>;
    print: PrintXml;
  }): void {
    this.flush();
    let s = "</sheetData>";
    if (t.autoFilter) s += `<autoFilter ref="${t.autoFilter}"/>`;
    if (t.merges?.length) {
      s += `<mergeCells count="${t.merges.length}">`;
      for (const m of t.merges) s += `<mergeCell ref="${m}"/>`;
      s += "</mergeCells>";
    }
    this.part.write(s);
    if (t.links) {
      let any = false;
      let buf = "";
      for (const l of t.links) {
        if (!any) buf += "<hyperlinks>";
        any = true;
        buf += `<hyperlink ref="${l.ref}" location="${xmlText(l.location)}" display="${xmlText(l.display)}"/>`;
        if (buf.length > 65536) {
          this.part.write(buf);
          buf = "";
        }
      }
      if (any) buf += "</hyperlinks>";
      this.part.write(buf);
    }
    this.part.write(
      '<printOptions horizontalCentered="1"/>' +
        '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
        `<headerFooter><oddHeader>${xmlText(t.print.header)}</oddHeader><oddFooter>${xmlText(t.print.footer)}</oddFooter></headerFooter>` +
        "</worksheet>"
    );
    this.part.close();
  }
}

// ── the package around the sheets ──

export function workbookXml(sheets: readonly { name: string; titleRows: number }[]): string {
  const quoted = (n: string) => `'${n.replace(/'/g, "''")}'`;
  let s = `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>`;
  s += '<bookViews><workbookView activeTab="0"/></bookViews><sheets>';
  sheets.forEach((sh, i) => {
    s += `<sheet name="${xmlText(sh.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
  });
  s += "</sheets>";
  const titles = sheets
    .map((sh, i) =>
      sh.titleRows > 0
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(quoted(sh.name))}!$1:$${sh.titleRows}</definedName>`
        : ""
    )
    .join("");
  if (titles) s += `<definedNames>${titles}</definedNames>`;
  return s + '<calcPr calcId="171027"/></workbook>';
}

export function workbookRelsXml(sheets: number, sharedStrings: boolean): string {
  const T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  let s = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
  for (let i = 1; i <= sheets; i++)
    s += `<Relationship Id="rId${i}" Type="${T}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  s += `<Relationship Id="rId${sheets + 1}" Type="${T}/styles" Target="styles.xml"/>`;
  if (sharedStrings)
    s += `<Relationship Id="rId${sheets + 2}" Type="${T}/sharedStrings" Target="sharedStrings.xml"/>`;
  return s + "</Relationships>";
}

export function rootRelsXml(): string {
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    "</Relationships>"
  );
}

export function corePropsXml(creator: string, when: Date): string {
  const iso = when.toISOString().replace(/\.\d+Z$/, "Z");
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xmlText(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
    "</cp:coreProperties>"
  );
}

export function contentTypesXml(sheets: number, sharedStrings: boolean): string {
  const SS = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  let s =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${SS}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${SS}.styles+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>';
  for (let i = 1; i <= sheets; i++)
    s += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${SS}.worksheet+xml"/>`;
  if (sharedStrings)
    s += `<Override PartName="/xl/sharedStrings.xml" ContentType="${SS}.sharedStrings+xml"/>`;
  return s + "</Types>";
}
