/**
 * The command line's report prints as documents: every sheet A4 landscape, one page wide, its
 * header rows repeated, a page header naming the file, review date and rule packs, page numbers,
 * and columns wide enough for their headers. Checked in the written XML (no printer here).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { FINDINGS_SHEET, SUMMARY_SHEET, writeReport } from "../../src/cli/report";
import { textChars } from "../../src/core/print";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-print-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let written: Promise<JSZip> | null = null;
/** The report, written once (a report never overwrites a file). */
function report(): Promise<JSZip> {
  written ??= writeOnce();
  return written;
}

async function writeOnce() {
  const file = path.join(dir, "print.review.xlsx");
  await writeReport(file, {
    source: path.join(dir, "某县 A&B 台账.xlsx"),
    asOfText: "2026-05-08",
    params: { asOf: 46150, packs: ["GX34", "NEGATIVE"] },
    lang: "zh",
    sheets: [{ name: "台账", recognised: true, headerRow: 2 }],
    findings: [
      {
        kind: "OVERDUE",
        rule: "GX34-13-CENTRAL_ADVANCE",
        severity: "error",
        sheet: "台账",
        row: 3,
        column: "B",
        cell: "B3",
        message: { zh: "下达超期", en: "Passed down late" },
        evidence: "期限 2026-05-08",
        citation: null,
      },
    ],
    copies: new Map([
      [
        "台账",
        {
          rows: [
            { r: 1, v: ["某县台账"] },
            { r: 2, v: ["项目名称", "金额"] },
            { r: 3, v: ["村道", 3] },
          ],
          merges: [],
          dateColumns: new Set<number>(),
          widths: new Map<number, number>(),
        },
      ],
    ]),
  });
  return JSZip.loadAsync(fs.readFileSync(file));
}

/** Sheet names in workbook order, and their XML. */
async function sheets(zip: JSZip): Promise<{ name: string; xml: string }[]> {
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const names = [...book.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  return Promise.all(
    names.map(async (name, i) => ({
      name,
      xml: await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async("string"),
    }))
  );
}

const unescape = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

test("every sheet: A4 landscape, one page wide, header and page numbers", async () => {
  const zip = await report();
  const all = await sheets(zip);
  expect(all.map((s) => s.name)).toEqual([SUMMARY_SHEET, FINDINGS_SHEET, "台账"]);
  for (const { name, xml } of all) {
    const setup = /<pageSetup [^>]*\/>/.exec(xml)?.[0] ?? "";
    expect({ name, a4: /paperSize="9"/.test(setup) }).toEqual({ name, a4: true });
    expect(setup).toMatch(/orientation="landscape"/);
    expect(setup).toMatch(/fitToWidth="1"/);
    expect(setup).toMatch(/fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    const header = unescape(/<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)?.[1] ?? "");
    // The & of the file name is doubled, so Excel does not read it as a code.
    expect(header).toBe(
      `&C${name} · 某县 A&&B 台账.xlsx · 审查日期 2026-05-08 · 规则包：桂政发〔2014〕34号、负面清单`
    );
    expect(unescape(/<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1] ?? "")).toBe(
      "&C第 &P 页，共 &N 页"
    );
  }
});

test("header rows repeat on every page: the title row, the findings header, a copy's header row", async () => {
  const zip = await report();
  const book = unescape(await zip.file("xl/workbook.xml")!.async("string"));
  const titles = [
    ...book.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d)">([^<]+)</g),
  ].map((m) => [m[1], m[2]]);
  expect(titles).toEqual([
    ["0", `'${SUMMARY_SHEET}'!$1:$1`],
    ["1", `'${FINDINGS_SHEET}'!$1:$1`],
    ["2", "'台账'!$1:$2"],
  ]);
});

test("columns are wide enough for their headers (a CJK character is two)", async () => {
  const zip = await report();
  const all = await sheets(zip);
  const strings = await zip.file("xl/sharedStrings.xml")?.async("string");
  const shared = strings
    ? [...strings.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => unescape(m[1]))
    : [];
  for (const { name, xml } of all.slice(0, 2)) {
    const widths = [...xml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    // Bilingual labels and table headers ("已识别 Recognised"); a title or section heading alone
    // in its row runs on into the empty cells beside it, as titles do.
    const perRow = new Map<string, number>();
    for (const m of xml.matchAll(/<c r="[A-Z]+(\d+)"/g))
      perRow.set(m[1], (perRow.get(m[1]) ?? 0) + 1);
    const headRow = (r: string) =>
      (name === FINDINGS_SHEET ? r === "1" : true) && (perRow.get(r) ?? 0) > 1;
    const cells = [...xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*t="s"[^>]*><v>(\d+)<\/v><\/c>/g)]
      .filter((m) => headRow(m[2]) && / [A-Z][a-z]/.test(shared[Number(m[3])]))
      .map((m) => ({ col: m[1].charCodeAt(0) - 64, text: shared[Number(m[3])] }));
    expect(cells.length).toBeGreaterThan(4);
    for (const c of cells) {
      const w = widths.find(([col]) => col === c.col)?.[1] ?? 0;
      expect({ name, header: c.text, w, fits: w >= textChars(c.text) }).toEqual({
        w,
        name,
        header: c.text,
        fits: true,
      });
    }
  }
});
