/**
 * Issue 13: every layout of test/fixtures/layouts, and its Traditional copy, gives exactly its
 * planted findings — through the command line (an .xlsx written by exceljs, read by the CLI's
 * reader, reviewed by the real engine) and through the Review pane's Office adapter (the fake
 * Excel of test/excel, with the same cells and merged areas) — and the two agree.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { reviewFile } from "../../src/cli/review-file";
import { coreEngine } from "../../src/cli/core-engine";
import { OfficeReviewWorkbook } from "../../src/excel/review";
import { reviewWorkbook } from "../../src/core/review";
import type { Finding, ReviewParams, SheetInput, SheetResult } from "../../src/core/review/types";
import { FakeWorkbook } from "../excel/reviewFakeExcel";
import { AS_OF, LAYOUTS, Layout, traditional } from "../fixtures/layouts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-layouts-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

export async function writeLayout(l: Layout, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of l.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== "" && v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as never;
      })
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
}

const params = (l: Layout): ReviewParams => ({ asOf: AS_OF, ...l.params });

async function viaCli(l: Layout): Promise<{ findings: Finding[]; sheets: SheetResult[] }> {
  const file = path.join(dir, `${l.id.replace(/[^\w-]/g, "_")}.xlsx`);
  await writeLayout(l, file);
  const out = await reviewFile(
    { path: file, params: params(l), asOfText: "2025-06-30", lang: "zh" },
    coreEngine
  );
  expect(out.error).toBeUndefined();
  return { findings: out.findings, sheets: out.sheets };
}

/** What the Review pane does for "all sheets": read each through the adapter, one engine call. */
async function viaAdapter(
  l: Layout,
  fake = new FakeWorkbook()
): Promise<{ findings: Finding[]; sheets: SheetResult[]; inputs: SheetInput[] }> {
  for (const s of l.sheets) {
    const sheet = fake.addSheet(
      s.name,
      s.rows.map((r) => [...r])
    );
    sheet.merges = s.merges ?? [];
  }
  fake.install();
  const port = new OfficeReviewWorkbook();
  const { names } = await port.listSheets();
  const inputs: SheetInput[] = [];
  const mappings: NonNullable<ReviewParams["mappings"]> = {};
  for (const n of names) {
    inputs.push(await port.readSheet(n));
    const m = await port.loadMapping(n);
    if (m) mappings[n] = m;
  }
  const res = reviewWorkbook(inputs, { ...params(l), mappings });
  return { findings: res.findings, sheets: res.sheets, inputs };
}

const brief = (f: Finding) => `${f.kind} ${f.rule} ${f.sheet}!${f.cell ?? "-"}`;

function checkFindings(l: Layout, got: Finding[]): void {
  expect(got.map(brief).sort()).toEqual(
    l.expected.map((e) => `${e.kind} ${e.rule} ${e.sheet}!${e.cell ?? "-"}`).sort()
  );
  for (const e of l.expected) {
    const f = got.find((x) => x.rule === e.rule && x.sheet === e.sheet && x.cell === e.cell)!;
    for (const t of [...(e.evidence ?? []), ...(e.quotes ?? [])]) expect(f.evidence).toContain(t);
  }
}

function checkSheets(l: Layout, got: SheetResult[]): void {
  for (const e of l.sheetResults ?? []) {
    const s = got.find((x) => x.name === e.name);
    expect({ name: e.name, recognised: s?.recognised }).toEqual({
      name: e.name,
      recognised: e.recognised,
    });
    if (e.reason) expect(s?.reason?.zh.startsWith(e.reason)).toBe(true);
    if (e.copyOf) expect(s?.copyOf).toEqual(e.copyOf);
  }
}

const ALL = [...LAYOUTS, ...LAYOUTS.map(traditional)];

describe.each(ALL.map((l) => [l.id, l] as const))("layout %s", (_, layout) => {
  test("the command line gives exactly the planted findings", async () => {
    const cli = await viaCli(layout);
    checkFindings(layout, cli.findings);
    checkSheets(layout, cli.sheets);
  });

  test("the Review pane's adapter gives the same findings as the command line", async () => {
    const cli = await viaCli(layout);
    const pane = await viaAdapter(layout);
    checkFindings(layout, pane.findings);
    checkSheets(layout, pane.sheets);
    expect(pane.findings).toEqual(cli.findings);
  });
});
