/**
 * A worksheet part's XML scanned at tokenizer speed: tags are found with indexOf and character
 * codes over the decoded text, cell addresses, types and styles decoded in place — no node or
 * attribute objects, no per-event arrays. It knows the few elements a sheet's values live in
 * (row, c, v, is/t, rPh, dimension, col, mergeCell) and checks the rest for well-formedness
 * (every element closed by its own name, entities known); anything else is skipped.
 *
 * Chunks may split anything: an unfinished tag or text is carried into the next chunk.
 */
import { bi } from "../../core/i18n";
import { EXCEL_MAX_COLS, damaged, tooLarge } from "./limits";

/** What the sheet reader does with the elements it needs. */
export interface ScanSink {
  dimension(ref: string): void;
  col(min: string, max: string, width: string): void;
  /** `<row>`: its r attribute as written (undefined when absent). */
  rowStart(r: string | undefined): void;
  /**
   * `<c>`: its 0-based column from r (-1 when r is absent), r as written when it is not a valid
   * address (for the message), its type t and style s.
   */
  cellStart(col: number, badRef: string | null, t: string | undefined, s: number): void;
  /** `</c>`: the text of its <v> or inline string, null when it has none. */
  cellEnd(text: string | null): void;
  /**
   * `</c>` of a usual cell whose <v> is a plain decimal number, read as Number(text) reads it;
   * false when the sink wants the text instead (cellEnd is then called with it).
   */
  cellNumber?(n: number): boolean;
  rowEnd(): void;
  mergeCell(ref: string): void;
  /** `</si>` of a shared-string table: the text of its <t>s, phonetic runs left out. */
  sharedString?(text: string): void;
}

const enum El {
  Other = 0,
  C,
  V,
  Row,
  Is,
  T,
  RPh,
  Dimension,
  Col,
  MergeCell,
  Si,
}

/** Longest unfinished tag or text carried between chunks. */
const MAX_CARRY = 8 * 2 ** 20;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export class SheetScanner {
  /** The root element's local name ("worksheet" for a worksheet). */
  root = "";
  private carry = "";
  /** Open elements: an El for known ones, the name for others. */
  private readonly stack: (El | string)[] = [];
  private inV = false;
  private inIs = false;
  private inT = false;
  private rph = 0;
  private text: string | null = null;

  constructor(
    private readonly sink: ScanSink,
    private readonly part: string
  ) {}

  private invalid(what: string): Error {
    return damaged(
      bi(`${this.part} 不是有效的 XML：${what}`, `${this.part} is not valid XML: ${what}`)
    );
  }

  write(chunk: string): void {
    const buf = this.carry ? this.carry + chunk : chunk;
    this.carry = "";
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) break; // text to the end: it may go on in the next chunk
      if (lt + 1 >= n) break;
      const c1 = buf.charCodeAt(lt + 1);
      let end: number; // index after the markup
      if (c1 === 33 /* ! */) {
        if (buf.startsWith("!--", lt + 1)) {
          const e = buf.indexOf("-->", lt + 4);
          if (e < 0) break;
          this.addText(buf, pos, lt);
          end = e + 3;
        } else if (buf.startsWith("![CDATA[", lt + 1)) {
          const e = buf.indexOf("]]>", lt + 9);
          if (e < 0) break;
          this.addText(buf, pos, lt);
          if (this.collecting()) this.text += buf.slice(lt + 9, e);
          end = e + 3;
        } else if (n - lt < 9) {
          break; // too short to tell yet
        } else {
          throw this.invalid("<!DOCTYPE> or unknown markup");
        }
      } else if (c1 === 63 /* ? */) {
        const e = buf.indexOf("?>", lt + 2);
        if (e < 0) break;
        this.addText(buf, pos, lt);
        end = e + 2;
      } else {
        if (c1 === 99 /* c */ && this.stack.length > 0) {
          const past = this.fastCell(buf, pos, lt);
          if (past >= 0) {
            pos = past;
            continue;
          }
        }
        const gt = tagEnd(buf, lt + 1);
        if (gt < 0) break;
        this.addText(buf, pos, lt);
        if (c1 === 47 /* / */) {
          this.closeTag(buf, lt + 2, gt);
          end = gt + 1;
        } else end = this.open(buf, lt + 1, gt);
      }
      pos = end;
    }
    if (pos < n) {
      if (n - pos > MAX_CARRY) {
        throw tooLarge(
          bi(
            `${this.part} 中有超过 8 MiB 的单个元素或文本`,
            `${this.part} holds a single element or text of more than 8 MiB`
          )
        );
      }
      this.carry = buf.slice(pos);
    }
  }

  /** The end of the part: anything unfinished means the sheet stopped early. */
  close(): void {
    if (this.stack.length > 0 || this.carry.trim() !== "") {
      throw damaged(bi(`${this.part} 的内容不完整`, `the content of ${this.part} is incomplete`));
    }
  }

  private collecting(): boolean {
    return this.text !== null && (this.inV || (this.inT && this.rph === 0));
  }

  private addText(buf: string, from: number, to: number): void {
    if (to > from && this.collecting()) {
      const t = unescapeXml(buf.slice(from, to), this);
      this.text = this.text === "" ? t : this.text + t;
    }
  }

  /** @internal */
  badEntity(e: string): Error {
    return this.invalid(`unknown entity &${e.slice(0, 20)};`);
  }

  /** An opening (or empty) tag from `s` (after its `<`) to `gt` (its `>`); where to go on. */
  private open(buf: string, s: number, gt: number): number {
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    let e = s;
    let local = s;
    for (; e < gt; e++) {
      const c = buf.charCodeAt(e);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
      if (c === 58 /* : */) local = e + 1;
    }
    if (e === s) throw this.invalid("an element without a name");
    const el = elementOf(buf, local, e);
    if (this.stack.length === 0) {
      if (this.root) throw this.invalid("content after the root element");
      this.root = buf.slice(local, e);
    }
    const attrsEnd = selfClosing ? gt - 1 : gt;
    switch (el) {
      case El.C:
        this.openCell(buf, e, attrsEnd);
        if (!selfClosing) {
          const past = this.wholeCell(buf, gt + 1);
          if (past >= 0) return past;
        }
        break;
      case El.V:
        this.inV = true;
        this.text = "";
        break;
      case El.Row:
        this.sink.rowStart(rowNumberOf(buf, e, attrsEnd));
        break;
      case El.Is:
      case El.Si:
        this.inIs = true;
        this.text = "";
        break;
      case El.T:
        if (this.inIs) this.inT = true;
        break;
      case El.RPh: // phonetic guide text is not part of the value
        this.rph++;
        break;
      case El.Dimension:
        this.sink.dimension(attrsOf(buf, e, attrsEnd, this).ref ?? "");
        break;
      case El.Col: {
        const a = attrsOf(buf, e, attrsEnd, this);
        this.sink.col(a.min ?? "", a.max ?? "", a.width ?? "");
        break;
      }
      case El.MergeCell: {
        const ref = attrsOf(buf, e, attrsEnd, this).ref;
        if (ref) this.sink.mergeCell(ref);
        break;
      }
    }
    if (selfClosing) this.ended(el);
    else this.stack.push(el === El.Other ? buf.slice(s, e) : el);
    return gt + 1;
  }

  /**
   * The usual cell, `<v>text</v></c>` right after its opening tag (no prefix, space, comment or
   * CDATA), read in one step: its text to the sink, the cell closed; where to go on. -1 for any
   * other form (or one cut by the chunk's end): the general path reads it.
   */
  private wholeCell(buf: string, at: number): number {
    if (
      buf.charCodeAt(at) !== 60 /* < */ ||
      buf.charCodeAt(at + 1) !== 118 /* v */ ||
      buf.charCodeAt(at + 2) !== 62 /* > */
    )
      return -1;
    const lt = buf.indexOf("<", at + 3);
    if (lt < 0 || !buf.startsWith("</v></c>", lt)) return -1;
    const text = unescapeXml(buf.slice(at + 3, lt), this);
    this.sink.cellEnd(text);
    this.text = null;
    return lt + 8;
  }

  /**
   * The usual cell in one pass: `<c r="B7" s="3" t="s"><v>12</v></c>` at `lt` (one-letter
   * attributes in double quotes, no prefix, nothing between the tags), the text before it from
   * `pos`; where to go on, or -1 (the sink not called) for any other form or a cell cut by the
   * chunk's end, which the general path reads.
   */
  private fastCell(buf: string, pos: number, lt: number): number {
    let i = lt + 2;
    let c = buf.charCodeAt(i);
    if (c !== 32 && c !== 62) return -1; // <col>, <cfRule> …
    let col = -1;
    let badRef: string | null = null;
    let t: string | undefined;
    let style = 0;
    for (;;) {
      while (c === 32) c = buf.charCodeAt(++i);
      if (c === 62 /* > */) break;
      if (buf.charCodeAt(i + 1) !== 61 /* = */ || buf.charCodeAt(i + 2) !== 34 /* " */) return -1;
      const vs = i + 3;
      const ve = buf.indexOf('"', vs);
      if (ve < 0) return -1;
      if (c === 114 /* r */) {
        col = refColumn(buf, vs, ve);
        badRef = col < 0 ? buf.slice(vs, ve) : null;
      } else if (c === 116 /* t */) t = cellType(buf, vs, ve);
      else if (c === 115 /* s */) style = styleIndex(buf, vs, ve);
      else return -1;
      i = ve + 1;
      c = buf.charCodeAt(i);
    }
    // i is at the opening tag's ">"
    if (
      buf.charCodeAt(i + 1) !== 60 /* < */ ||
      buf.charCodeAt(i + 2) !== 118 /* v */ ||
      buf.charCodeAt(i + 3) !== 62 /* > */
    )
      return -1;
    const end = buf.indexOf("<", i + 4);
    if (end < 0 || !buf.startsWith("</v></c>", end)) return -1;
    this.addText(buf, pos, lt);
    this.text = null;
    this.sink.cellStart(col, badRef, t, style);
    // a number (or a shared string's index) without a string made for it
    const n = t === undefined || t === "n" || t === "s" ? plainNumber(buf, i + 4, end) : null;
    if (n === null || !this.sink.cellNumber?.(n))
      this.sink.cellEnd(unescapeXml(buf.slice(i + 4, end), this));
    return end + 8;
  }

  /** `<c r="B7" s="3" t="s">`: the address, style and type decoded where they stand. */
  private openCell(buf: string, from: number, to: number): void {
    let col = -1;
    let badRef: string | null = null;
    let t: string | undefined;
    let style = 0;
    let i = from;
    while (i < to) {
      let c = buf.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < to && (c = buf.charCodeAt(i)) !== 61 /* = */ && c !== 32) i++;
      const nameEnd = i;
      while (i < to && buf.charCodeAt(i) !== 34 && buf.charCodeAt(i) !== 39) i++;
      const q = buf.charCodeAt(i);
      const vs = i + 1;
      const ve = buf.indexOf(q === 34 ? '"' : "'", vs);
      if (i >= to || ve < 0 || ve >= to) throw this.invalid("an attribute without a value");
      i = ve + 1;
      if (nameEnd - nameStart !== 1) continue;
      const a = buf.charCodeAt(nameStart);
      if (a === 114 /* r */) {
        col = refColumn(buf, vs, ve);
        if (col < 0) badRef = buf.slice(vs, ve);
      } else if (a === 116 /* t */) {
        t = cellType(buf, vs, ve);
      } else if (a === 115 /* s */) {
        style = styleIndex(buf, vs, ve);
      }
    }
    this.text = null;
    this.sink.cellStart(col, badRef, t, style);
  }

  private closeTag(buf: string, s: number, gt: number): void {
    let e = gt;
    while (e > s && isSpace(buf.charCodeAt(e - 1))) e--;
    let local = s;
    for (let k = s; k < e; k++) if (buf.charCodeAt(k) === 58) local = k + 1;
    const el = elementOf(buf, local, e);
    const top = this.stack.pop();
    const same =
      top !== undefined &&
      (el === El.Other
        ? typeof top === "string" && buf.startsWith(top, s) && top.length === e - s
        : top === el);
    if (!same) {
      throw this.invalid(
        `</${buf.slice(s, Math.min(e, s + 30))}> does not close the element open there`
      );
    }
    this.ended(el);
  }

  private ended(el: El): void {
    switch (el) {
      case El.V:
        this.inV = false;
        break;
      case El.T:
        this.inT = false;
        break;
      case El.RPh:
        this.rph--;
        break;
      case El.Is:
        this.inIs = false;
        break;
      case El.Si:
        this.inIs = false;
        this.sink.sharedString?.(this.text ?? "");
        this.text = null;
        break;
      case El.C:
        this.sink.cellEnd(this.text);
        this.text = null;
        break;
      case El.Row:
        this.sink.rowEnd();
        break;
    }
  }
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The number written from `s` to `e` when it is plain decimal ("-12.5", "46055", ".5"), of at
 * most 15 digits: then Number(text) is exactly m / 10^k (both exact, one correctly rounded
 * division), and so is this. Null for anything else (exponents, signs, spaces, longer), which
 * Number() reads from the text.
 */
export function plainNumber(buf: string, s: number, e: number): number | null {
  if (e - s > 17) return null;
  let i = s;
  const neg = buf.charCodeAt(i) === 45; /* - */
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let places = -1;
  for (; i < e; i++) {
    const c = buf.charCodeAt(i);
    if (c === 46 /* . */) {
      if (places >= 0) return null;
      places = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return null;
    m = m * 10 + d;
    digits++;
    if (places >= 0) places++;
  }
  if (digits === 0 || digits > 15) return null;
  const v = places > 0 ? m / POW10[places] : m;
  return neg ? -v : v;
}

/** A cell's style index (its s attribute): digits only, else 0. */
function styleIndex(buf: string, vs: number, ve: number): number {
  let n = 0;
  for (let k = vs; k < ve; k++) {
    const d = buf.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Index of the `>` ending the tag that starts at `i`, outside quoted values; -1 if not here yet. */
function tagEnd(buf: string, i: number): number {
  const n = buf.length;
  for (; i < n; i++) {
    const c = buf.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const q = buf.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q;
    }
  }
  return -1;
}

function elementOf(buf: string, s: number, e: number): El {
  switch (e - s) {
    case 1: {
      const c = buf.charCodeAt(s);
      return c === 99 ? El.C : c === 118 ? El.V : c === 116 ? El.T : El.Other;
    }
    case 2:
      return buf.startsWith("is", s) ? El.Is : buf.startsWith("si", s) ? El.Si : El.Other;
    case 3:
      return buf.startsWith("row", s)
        ? El.Row
        : buf.startsWith("rPh", s)
          ? El.RPh
          : buf.startsWith("col", s)
            ? El.Col
            : El.Other;
    case 9:
      return buf.startsWith("dimension", s)
        ? El.Dimension
        : buf.startsWith("mergeCell", s)
          ? El.MergeCell
          : El.Other;
    default:
      return El.Other;
  }
}

/** A row's r attribute as written (undefined when absent), without reading its other attributes. */
function rowNumberOf(buf: string, from: number, to: number): string | undefined {
  let i = from;
  while (i < to) {
    const c = buf.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && buf.charCodeAt(i) !== 61 && !isSpace(buf.charCodeAt(i))) i++;
    const isR = i - nameStart === 1 && c === 114;
    while (i < to && buf.charCodeAt(i) !== 34 && buf.charCodeAt(i) !== 39) i++;
    if (i >= to) return undefined;
    const ve = buf.indexOf(buf[i], i + 1);
    if (ve < 0 || ve >= to) return undefined;
    if (isR) return buf.slice(i + 1, ve);
    i = ve + 1;
  }
  return undefined;
}

/** Column (0-based) of an address "AB12" within Excel's sheet; -1 when it is not one. */
function refColumn(buf: string, s: number, e: number): number {
  let col = 0;
  let i = s;
  for (; i < e && i - s < 4; i++) {
    const c = buf.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === s || i === e || col > EXCEL_MAX_COLS || e - i > 7) return -1;
  let row = 0;
  for (let j = i; j < e; j++) {
    const c = buf.charCodeAt(j);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  if (row < 1 || row > 1048576) return -1;
  return col - 1;
}

/** The cell types as constants (no string made per cell). */
function cellType(buf: string, s: number, e: number): string {
  switch (e - s) {
    case 1: {
      const c = buf.charCodeAt(s);
      return c === 115
        ? "s"
        : c === 110
          ? "n"
          : c === 98
            ? "b"
            : c === 101
              ? "e"
              : c === 100
                ? "d"
                : buf.slice(s, e);
    }
    case 3:
      return buf.startsWith("str", s) ? "str" : buf.slice(s, e);
    case 9:
      return buf.startsWith("inlineStr", s) ? "inlineStr" : buf.slice(s, e);
    default:
      return buf.slice(s, e);
  }
}

/** The attributes of a (rare) element by local name, values unescaped. */
function attrsOf(
  buf: string,
  from: number,
  to: number,
  scanner: SheetScanner
): Record<string, string> {
  const out: Record<string, string> = {};
  let i = from;
  while (i < to) {
    while (i < to && isSpace(buf.charCodeAt(i))) i++;
    if (i >= to) break;
    const nameStart = i;
    while (i < to && buf.charCodeAt(i) !== 61 && !isSpace(buf.charCodeAt(i))) i++;
    let name = buf.slice(nameStart, i);
    const colon = name.indexOf(":");
    if (colon >= 0 && !name.startsWith("xmlns")) name = name.slice(colon + 1);
    while (i < to && buf.charCodeAt(i) !== 34 && buf.charCodeAt(i) !== 39) i++;
    const q = buf[i];
    const ve = buf.indexOf(q, i + 1);
    if (i >= to || ve < 0 || ve >= to) throw scanner.badEntity(`(attribute ${name.slice(0, 20)})`);
    out[name] = unescapeXml(buf.slice(i + 1, ve), scanner);
    i = ve + 1;
  }
  return out;
}

/** Text with XML's entities and character references replaced. */
export function unescapeXml(s: string, scanner: SheetScanner): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&([^;&<]{1,12});/g, (m, e: string) => {
    const named = ENTITIES[e];
    if (named !== undefined) return named;
    if (e.charCodeAt(0) === 35 /* # */) {
      const code =
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (Number.isInteger(code) && code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    }
    throw scanner.badEntity(e);
  });
}
