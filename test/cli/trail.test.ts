/**
 * The Review pane's trail carried to the command line: the pane keeps marks in the workbook's
 * add-in settings, which Excel saves in xl/webextensions/webextensionN.xml; the command reads
 * them from the file and reports each mark on the finding it was made on — after rows were
 * inserted, never on another finding — in the JSON, the terminal summary and the report.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { reviewFile, type FileOutcome } from "../../src/cli/review-file";
import { coreEngine } from "../../src/cli/core-engine";
import { toJson } from "../../src/cli/json";
import { summary } from "../../src/cli/review-command";
import { FINDINGS_SHEET } from "../../src/cli/report";
import { reviewSheet } from "../../src/core/review";
import type { Finding, SheetInput } from "../../src/core/review/types";
import { serialFromYmd } from "../../src/core/dates";
import {
  findingKeys,
  markText,
  recordRun,
  serialiseTrail,
  setMark,
  type ReviewTrail,
} from "../../src/core/review/trail";
import { sampleSheets } from "../../src/workbook/review/memory";
import { TRAIL_SETTING } from "../../src/workbook/review/highlights";
import { MARK_HEADER } from "../../src/workbook/review/findings-table";
import { trailFromParts, webExtensionProperties } from "../../src/workbook/review/trail-part";
import { addWebExtensions, webExtensionXml } from "./fixtures/webextension";

const AS_OF = serialFromYmd(2025, 9, 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-trail-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

const ledgerValues = (): unknown[][] => sampleSheets()[0].values.map((r) => [...r]);
const NAME = sampleSheets()[0].name;

async function writeXlsx(file: string, values: unknown[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(NAME);
  for (const r of values) ws.addRow(r.map((v) => (v === "" ? null : v)));
  await wb.xlsx.writeFile(file);
}

/** The pane's run: the used range as Excel gives it (here 2 formatted-but-empty columns wider). */
function paneRun(values: unknown[][]): { findings: Finding[]; keys: string[] } {
  const sheet: SheetInput = {
    name: NAME,
    values: values.map((r) => [...r, "", ""]),
    origin: { row: 1, column: 1 },
  };
  const { findings } = reviewSheet(sheet, { asOf: AS_OF });
  return { findings, keys: findingKeys(findings, [sheet]) };
}

const by = { by: "张三", at: "2026-05-08 14:30" };

describe("the trail in the file, read by the command line", () => {
  const input = path.join(dir, "ledger.xlsx");
  const report = path.join(dir, "ledger.review.xlsx");
  let pane: { findings: Finding[]; keys: string[] };
  let trail: ReviewTrail;
  let outcome: FileOutcome;
  let before: string;
  /** Rows of the two marked findings, before the user inserted a row. */
  let checked: Finding;
  let falseAlarm: Finding;

  beforeAll(async () => {
    const values = ledgerValues();
    pane = paneRun(values);
    const rowed = pane.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.row !== null);
    const a = rowed[0];
    const b = rowed.find(({ f }) => f.row !== a.f.row)!;
    checked = a.f;
    falseAlarm = b.f;
    trail = setMark(null, pane.keys[a.i], {
      status: "verified",
      note: "已与拨付凭证核对",
      where: "",
      ...by,
    });
    trail = setMark(trail, pane.keys[b.i], {
      status: "false-alarm",
      note: "口径不同",
      where: "",
      ...by,
    });
    trail = recordRun(trail, pane.keys, "2026-05-08 14:30");

    // Then the user inserts a row above both and edits the false alarm's row (another cell of it).
    const edited = values.map((r) => [...r]);
    const bRow = edited[falseAlarm.row! - 1];
    const other = bRow.findIndex((v, c) => typeof v === "string" && v !== "" && c !== 0);
    bRow[other] = `${String(bRow[other])}（改）`;
    const top = Math.min(checked.row!, falseAlarm.row!) - 1;
    edited.splice(
      top,
      0,
      edited[0].map(() => "")
    );
    edited[top][0] = "插入的说明行";
    await writeXlsx(input, edited);
    // Excel stores the setting as the add-in set it: a string (the trail's JSON), JSON-encoded.
    await addWebExtensions(input, [webExtensionXml({ [TRAIL_SETTING]: serialiseTrail(trail) })]);
    before = sha(input);
    outcome = await reviewFile(
      { path: input, params: { asOf: AS_OF }, report, asOfText: "2025-09-01", lang: "zh" },
      coreEngine
    );
  });

  test("the marked finding carries its mark one row down; nothing else does", () => {
    expect(outcome.error).toBeUndefined();
    expect(outcome.trail?.problem).toBeUndefined();
    const marked = outcome.findings
      .map((f, i) => ({ f, m: outcome.trail!.marks[i] }))
      .filter(({ m }) => m !== null);
    expect(marked).toHaveLength(1);
    expect(marked[0].f.kind).toBe(checked.kind);
    expect(marked[0].f.rule).toBe(checked.rule);
    expect(marked[0].f.row).toBe(checked.row! + 1);
    expect(marked[0].m).toMatchObject({ status: "verified", note: "已与拨付凭证核对", by: "张三" });
  });

  test("the edited row's finding is not given the false-alarm mark: it is listed as resolved", () => {
    const i = outcome.findings.findIndex(
      (f) =>
        f.kind === falseAlarm.kind && f.rule === falseAlarm.rule && f.row === falseAlarm.row! + 1
    );
    expect(i).toBeGreaterThanOrEqual(0); // the finding is still there, unmarked
    expect(outcome.trail!.marks[i]).toBeNull();
    expect(outcome.trail!.resolvedMarks.map((m) => m.status)).toEqual(["false-alarm"]);
  });

  test("new and still open are counted against the pane's last run", () => {
    const t = outcome.trail!;
    expect(t.lastRun).toBe("2026-05-08 14:30");
    expect(t.states).toHaveLength(outcome.findings.length);
    // the edited row's findings are new; the rest were in the last run
    const fresh = outcome.findings.filter((_, i) => t.states[i] === "new");
    expect(fresh.length).toBeGreaterThan(0);
    for (const f of fresh) expect(f.row).toBe(falseAlarm.row! + 1);
    expect(t.resolved).toBe(fresh.length + (pane.findings.length - outcome.findings.length));
  });

  test("the JSON gives each finding its mark and state, and the trail's counts", () => {
    const json = toJson("2025-09-01", [outcome], "zh").files[0];
    const marked = json.findings.filter((f) => f.mark);
    expect(marked).toHaveLength(1);
    expect(marked[0].mark).toEqual({
      status: "verified",
      label: "已核实 / Checked",
      note: "已与拨付凭证核对",
      by: "张三",
      at: "2026-05-08 14:30",
    });
    expect(json.findings.every((f) => f.state === "new" || f.state === "open")).toBe(true);
    expect(json.trail).toMatchObject({ lastRun: "2026-05-08 14:30", marked: 1 });
    const t = json.trail as { new: number; open: number };
    expect(t.new + t.open).toBe(json.findings.length);
  });

  test("the terminal summary says new / still open / resolved and the marks", () => {
    const text = summary([outcome], "2025-09-01", "zh", "test");
    expect(text).toMatch(
      /审查记录 review trail .*2026-05-08 14:30.*新增 new \d+ · 仍未解决 still open \d+ · 已解决 resolved \d+/
    );
    expect(text).toContain("已标记 marked 1 (已核实 Checked 1)");
  });

  test("the report's findings sheet has the mark column, on the marked finding's row", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const ws = wb.getWorksheet(FINDINGS_SHEET)!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf(MARK_HEADER) + 1;
    expect(col).toBe(header.length);
    const i = outcome.trail!.marks.findIndex(Boolean);
    const expected = markText(outcome.trail!.marks[i]!, "zh");
    for (let r = 2; r <= outcome.findings.length + 1; r++)
      expect(ws.getRow(r).getCell(col).value ?? "").toBe(r === i + 2 ? expected : "");
  });

  test("the input file is never changed", () => {
    expect(sha(input)).toBe(before);
  });
  test("a sheet read streamed (its <dimension> says > 50,000 rows), without a report: the same marks", async () => {
    const big = path.join(dir, "streamed.xlsx");
    fs.copyFileSync(input, big);
    const zip = await JSZip.loadAsync(fs.readFileSync(big));
    const part = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(part)!.async("string");
    expect(xml).toMatch(/<dimension ref="[^"]+"/);
    zip.file(part, xml.replace(/<dimension ref="[^"]+"/, '<dimension ref="A1:N60000"'));
    fs.writeFileSync(big, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const o = await reviewFile(
      { path: big, params: { asOf: AS_OF }, asOfText: "2025-09-01", lang: "zh" },
      coreEngine
    );
    expect(o.findings.length).toBeGreaterThan(0);
    const marked = o.findings.filter((_, i) => o.trail!.marks[i]);
    expect(marked.map((f) => [f.kind, f.rule, f.row])).toEqual([
      [checked.kind, checked.rule, checked.row! + 1],
    ]);
  });
});

describe("files without a usable trail", () => {
  test("no web-extension part: no trail in the outcome or the JSON (the contract as before)", async () => {
    const file = path.join(dir, "plain.xlsx");
    await writeXlsx(file, ledgerValues());
    const o = await reviewFile(
      { path: file, params: { asOf: AS_OF }, asOfText: "", lang: "zh" },
      coreEngine
    );
    expect(o.trail).toBeUndefined();
    const json = toJson("2025-09-01", [o], "zh").files[0];
    expect(json.trail).toBeUndefined();
    expect(json.findings.some((f) => "mark" in f || "state" in f)).toBe(false);
  });

  test("another add-in's settings only: no trail", async () => {
    const file = path.join(dir, "other.xlsx");
    await writeXlsx(file, ledgerValues());
    await addWebExtensions(file, [webExtensionXml({ "other.addin": { a: 1 } })]);
    const o = await reviewFile(
      { path: file, params: { asOf: AS_OF }, asOfText: "", lang: "zh" },
      coreEngine
    );
    expect(o.trail).toBeUndefined();
  });

  test("an unreadable trail is reported as such, with no mark on any finding", async () => {
    const file = path.join(dir, "bad.xlsx");
    await writeXlsx(file, ledgerValues());
    await addWebExtensions(file, [webExtensionXml({ [TRAIL_SETTING]: "{broken" })]);
    const o = await reviewFile(
      { path: file, params: { asOf: AS_OF }, asOfText: "", lang: "zh" },
      coreEngine
    );
    expect(o.findings.length).toBeGreaterThan(0);
    expect(o.trail?.problem?.en).toMatch(/cannot be read/);
    expect(o.trail!.marks.every((m) => m === null)).toBe(true);
    const json = toJson("2025-09-01", [o], "zh").files[0];
    expect(json.trail).toEqual({ error: expect.stringMatching(/无法读取/) });
    expect(json.findings.some((f) => f.mark)).toBe(false);
    expect(summary([o], "2025-09-01", "zh", "test")).toContain("⚠ 文件中的审查记录");
  });
});

describe("the web-extension part, parsed (pure)", () => {
  const t = setMark(null, "K|R|S|row:1#1/1", {
    status: "corrected",
    note: 'a "quoted" & <odd> note',
    ...by,
    where: "",
  });

  test("a setting's value is JSON-decoded after XML unescaping", () => {
    const xml = webExtensionXml({ [TRAIL_SETTING]: serialiseTrail(t) });
    const props = webExtensionProperties(xml);
    expect(props.get("Office.AutoShowTaskpaneWithDocument")).toBe("true");
    expect(trailFromParts([xml])).toEqual({ found: true, trail: t });
  });

  test("character references and single quotes are read; a trail stored as an object is taken", () => {
    // ">" may stay unescaped in an attribute; "&" and "<" may not
    const value = JSON.stringify(t)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/"/g, "&#34;")
      .replace(/核/g, "&#x6838;");
    const xml = `<we:webextension xmlns:we="x"><we:properties><we:property value='${value}' name='${TRAIL_SETTING}'/></we:properties></we:webextension>`;
    expect(trailFromParts([xml])).toEqual({ found: true, trail: t });
  });

  test("two parts with different trails are not merged; the same trail twice is one", () => {
    const other = setMark(t, "X", { status: "verified", note: "", ...by, where: "" });
    const a = webExtensionXml({ [TRAIL_SETTING]: serialiseTrail(t) });
    const b = webExtensionXml({ [TRAIL_SETTING]: serialiseTrail(other) });
    expect(trailFromParts([a, b])).toEqual({ found: true, trail: null, why: "several" });
    expect(trailFromParts([a, a])).toEqual({ found: true, trail: t });
  });

  test("no trail setting: not found", () => {
    expect(trailFromParts([webExtensionXml({})])).toEqual({ found: false });
    expect(trailFromParts([])).toEqual({ found: false });
  });
});
