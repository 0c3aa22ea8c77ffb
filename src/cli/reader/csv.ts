/**
 * .csv: one sheet named after the file. Text is UTF-8 (with or without a BOM), UTF-16 with a
 * BOM, or else GB18030 (what Excel and WPS in Chinese save as "CSV"). Fields follow RFC 4180:
 * comma-separated, double quotes around a field that holds commas, quotes ("" inside) or line
 * breaks. A plain decimal number becomes a number, as Excel would show it; everything else
 * (dates, "1,234.50", codes with leading zeros) stays text for the review's own parsers.
 */
import * as path from "path";
import { bi } from "../../core/i18n";
import { RowSink, badAddress } from "./cells";
import { Budget, EXCEL_MAX_COLS, damaged } from "./limits";
import type { CellValue, OnSheet } from "./types";

export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(buf.subarray(3));
  }
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return new TextDecoder("utf-16be").decode(buf.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder("gb18030").decode(buf);
  }
}

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function fieldValue(s: string): CellValue {
  if (s.length < 30 && PLAIN_NUMBER.test(s)) {
    const n = Number(s);
    if (Number.isFinite(n)) return n;
  }
  return s;
}

/** Rows between time checks. */
const CHECK_ROWS = 4096;

export function readCsv(buf: Buffer, file: string, onSheet: OnSheet, budget: Budget): void {
  if (buf.includes(0)) {
    throw damaged(bi("CSV 文件中含有二进制内容", "the CSV file holds binary content"));
  }
  const text = decodeText(buf);
  const name =
    path
      .basename(file)
      .replace(/\.[^.]*$/, "")
      .slice(0, 31) || "Sheet1";
  const handler = onSheet({ name, index: 0, state: "visible" });
  const sink = new RowSink(handler, budget, name);
  const n = text.length;
  let i = 0;
  let rowNumber = 0;
  while (i < n) {
    rowNumber++;
    const values: CellValue[] = [];
    let nonBlank = false;
    // one record
    for (;;) {
      let field: string;
      let quoted = false;
      if (text.charCodeAt(i) === 34 /* " */) {
        quoted = true;
        let out = "";
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            throw damaged(
              bi(
                `CSV 第 ${rowNumber} 行的引号没有闭合`,
                `a quote opened in CSV row ${rowNumber} is never closed`
              )
            );
          }
          out += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // anything between the closing quote and the next separator is kept, as Excel does
        let k = i;
        while (k < n && text[k] !== "," && text[k] !== "\n" && text[k] !== "\r") k++;
        field = out + text.slice(i, k);
        i = k;
      } else {
        let k = i;
        while (k < n && text[k] !== "," && text[k] !== "\n" && text[k] !== "\r") k++;
        field = text.slice(i, k);
        i = k;
      }
      if (field !== "") {
        const col = values.length;
        if (col >= EXCEL_MAX_COLS) throw badAddress(`R${rowNumber}C${col + 1}`, name);
        values.push(
          quoted
            ? sink.text(field, `R${rowNumber}C${col + 1}`)
            : fieldValue(sink.text(field, `R${rowNumber}C${col + 1}`))
        );
        nonBlank = true;
      } else {
        if (values.length >= EXCEL_MAX_COLS)
          throw badAddress(`R${rowNumber}C${values.length + 1}`, name);
        values.push("");
      }
      if (i < n && text[i] === ",") {
        i++;
        continue;
      }
      // end of record
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      break;
    }
    if (nonBlank) {
      while (values.length && values[values.length - 1] === "") values.pop();
      sink.row(rowNumber, values);
    }
    if (rowNumber % CHECK_ROWS === 0) budget.checkTime();
  }
  handler.end({ merges: [], dateColumns: new Set(), widths: new Map() });
}
