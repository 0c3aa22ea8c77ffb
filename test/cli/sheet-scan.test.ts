/**
 * The worksheet scanner (src/cli/reader/sheet-scan.ts): the usual cell `<c …><v>…</v></c>` is
 * read in one step, every other form by the general path — both must hand the sink the same
 * cells, however the part is cut into chunks.
 */
import { SheetScanner, plainNumber, type ScanSink } from "../../src/cli/reader/sheet-scan";

function events(chunks: string[]): string[] {
  const out: string[] = [];
  const sink: ScanSink = {
    dimension: (ref) => out.push(`dim ${ref}`),
    col: (min, max, w) => out.push(`col ${min} ${max} ${w}`),
    rowStart: (r) => out.push(`row ${r}`),
    cellStart: (col, bad, t, s) => out.push(`c ${col} ${bad} ${t} ${s}`),
    cellEnd: (text) => out.push(`= ${JSON.stringify(text)}`),
    rowEnd: () => out.push("/row"),
    mergeCell: (ref) => out.push(`merge ${ref}`),
  };
  const p = new SheetScanner(sink, "sheet1");
  for (const c of chunks) p.write(c);
  p.close();
  return out;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const TAIL = "</sheetData></worksheet>";

const ROWS =
  '<row r="3" spans="1:12"><c r="A3" t="s"><v>12</v></c><c r="B3" s="1"><v>46055</v></c>' +
  '<c r="C3"><v>80.19</v></c><c r="D3" t="str"><v>a &amp; b &#x4E2D;</v></c>' +
  '<c r="E3"><v></v></c><c r="F3"/><c r="G3" t="inlineStr"><is><t>行内</t><rPh><t>x</t></rPh></is></c>' +
  '<c r="H3" t="n"><v><![CDATA[7]]></v></c><c r="I3"><!-- note --><v>8</v></c>' +
  '<c r="J3"> <v>9</v> </c><c r="K3"><f>1+1</f><v>2</v></c><c r="L3"><v>1</v><!-- after --></c></row>' +
  '<row r="4"><c r="A4" t="b"><v>1</v></c><c><v>5</v></c><c r="C4" t="e"><v>#N/A</v></c></row>';

test("the usual cells and every other form give the sink the same cells", () => {
  expect(events([HEAD + ROWS + TAIL])).toEqual([
    "row 3",
    "c 0 null s 0",
    '= "12"',
    "c 1 null undefined 1",
    '= "46055"',
    "c 2 null undefined 0",
    '= "80.19"',
    "c 3 null str 0",
    '= "a & b 中"',
    "c 4 null undefined 0",
    '= ""',
    "c 5 null undefined 0",
    "= null",
    "c 6 null inlineStr 0",
    '= "行内"',
    "c 7 null n 0",
    '= "7"',
    "c 8 null undefined 0",
    '= "8"',
    "c 9 null undefined 0",
    '= "9"',
    "c 10 null undefined 0",
    '= "2"',
    "c 11 null undefined 0",
    '= "1"',
    "/row",
    "row 4",
    "c 0 null b 0",
    '= "1"',
    "c -1 null undefined 0",
    '= "5"',
    "c 2 null e 0",
    '= "#N/A"',
    "/row",
  ]);
});

test("a namespace prefix takes the general path to the same cells", () => {
  const plain = events([HEAD + ROWS + TAIL]);
  const prefixed = (HEAD + ROWS + TAIL)
    .replace(/<(\/?)(worksheet|sheetData|row|c|v|is|t|rPh|f)\b/g, "<$1x:$2")
    .replace('<x:worksheet xmlns="', '<x:worksheet xmlns:x="');
  expect(events([prefixed])).toEqual(plain);
});

test("cut into chunks at every position, the part gives the same cells", () => {
  const xml = HEAD + ROWS + TAIL;
  const whole = events([xml]);
  for (let cut = 1; cut < xml.length; cut++) {
    expect(events([xml.slice(0, cut), xml.slice(cut)])).toEqual(whole);
  }
  // and in small pieces
  for (const size of [1, 2, 3, 5, 7, 11]) {
    const pieces: string[] = [];
    for (let i = 0; i < xml.length; i += size) pieces.push(xml.slice(i, i + size));
    expect(events(pieces)).toEqual(whole);
  }
});

test("the one-step cell still checks its text and its closing", () => {
  expect(() => events([HEAD + '<row r="1"><c r="A1"><v>a &bogus; b</v></c></row>' + TAIL])).toThrow(
    /unknown entity/
  );
  expect(() => events([HEAD + '<row r="1"><c r="A1"><v>1</v></row>' + TAIL])).toThrow(
    /does not close/
  );
  expect(() => events([HEAD + '<row r="1"><c r="A1"><v>1</v></c>'])).toThrow(/incomplete/);
});

test("plain numbers in <v> are read without their text, exactly as Number(text)", () => {
  const out: string[] = [];
  const sink: ScanSink = {
    dimension() {},
    col() {},
    rowStart: () => out.push("row"),
    cellStart: (col, _bad, t) => out.push(`c ${col} ${t}`),
    cellEnd: (text) => out.push(`text ${JSON.stringify(text)}`),
    cellNumber: (n) =>
      n === 404 ? false : (out.push(`number ${Object.is(n, -0) ? "-0" : n}`), true),
    rowEnd() {},
    mergeCell() {},
  };
  const p = new SheetScanner(sink, "sheet1");
  p.write(
    HEAD +
      '<row r="1"><c r="A1" t="s"><v>12</v></c><c r="B1"><v>-80.19</v></c><c r="C1" t="n"><v>.5</v></c>' +
      '<c r="D1"><v>1E-3</v></c><c r="E1" t="str"><v>7</v></c><c r="F1" t="b"><v>1</v></c>' +
      '<c r="G1"><v>404</v></c><c r="H1"><v>-0</v></c><c r="I1"><v>1234567890123456</v></c>' +
      '<c r="J1"><v></v></c><c r="K1"><v>1.2.3</v></c></row>' +
      TAIL
  );
  p.close();
  expect(out).toEqual([
    "row",
    "c 0 s",
    "number 12",
    "c 1 undefined",
    "number -80.19",
    "c 2 n",
    "number 0.5",
    "c 3 undefined",
    'text "1E-3"', // exponent: Number() reads the text
    "c 4 str",
    'text "7"', // text type: never a number
    "c 5 b",
    'text "1"',
    "c 6 undefined",
    'text "404"', // the sink asked for the text
    "c 7 undefined",
    "number -0",
    "c 8 undefined",
    'text "1234567890123456"', // 16 digits
    "c 9 undefined",
    'text ""',
    "c 10 undefined",
    'text "1.2.3"',
  ]);
});

test("plainNumber agrees with Number(text) on random and edge decimal texts", () => {
  const texts = ["0", "-0", "00012", ".5", "5.", "-.5", "0.1", "0.30000000000000004", "80.19"];
  texts.push("999999999999999", "9999999999999999", "0.000000000000001", "123456789012.345");
  texts.push("-", ".", "", "1e5", "+5", " 5", "5 ", "0x10", "1,000", "Infinity", "--1", "1-");
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let k = 0; k < 20000; k++) {
    const digits = 1 + Math.floor(rnd() * 17);
    let s = "";
    for (let d = 0; d < digits; d++) s += Math.floor(rnd() * 10);
    const point = Math.floor(rnd() * (digits + 2)) - 1;
    if (point >= 0) s = s.slice(0, point) + "." + s.slice(point);
    texts.push(rnd() < 0.3 ? "-" + s : s);
  }
  let fast = 0;
  for (const s of texts) {
    const n = plainNumber(s, 0, s.length);
    if (n === null) continue;
    fast++;
    expect([s, Object.is(n, Number(s))]).toEqual([s, true]);
  }
  expect(fast).toBeGreaterThan(10000); // most plain texts take the fast path
});
