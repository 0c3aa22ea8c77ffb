/**
 * The command line runs the LEDGER (76号 三（二）) and ADJUST (34号（七）1–2) packs when asked
 * (--packs), reading the pooling plan and the adjustment log from --lists — the sheets
 * `fund-compliance template all` writes, filled in by the office. Without --packs they flag nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { reviewCommand } from "../../src/cli/review-command";
import { templateCommand } from "../../src/cli/template";
import { captureIo } from "./capture-io";
import { coreEngine } from "../../src/cli/core-engine";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-mech-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const book = path.join(dir, "county.xlsx");
const lists = path.join(dir, "lists.xlsx");

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目库");
  ws.addRow(["项目名称", "实施单位", "责任人", "金额（万元）", "绩效目标"]);
  ws.addRow(["甲村产业路", "县交通局", "张三", 100, "受益 100 户"]);
  ws.addRow(["乙村饮水", "县水利局", "李四", 59.9999, "受益 80 户"]);
  ws.addRow(["丙村文化室", "县文旅局", "无", 20.0001, "受益 50 户"]);
  const loans = wb.addWorksheet("贴息台账");
  loans.addRow(["项目名称", "建设内容", "金额（元）", "项目批复日期"]);
  loans.addRow(["产业贷款贴息", "贷款期限5年，贴息利率4.75%", 1000, "2026-03-01"]);
  loans.addRow(["产业贷款贴息", "贷款期限5年，贴息利率4.76%", 1000, "2026-03-01"]);
  loans.addRow(["产业贷款贴息", "贷款期限61个月，贴息利率4.76%", 1000, "2026-03-01"]);
  loans.addRow(["小额信贷贴息", "贴息利率4.50%", 1000, "2026-03-01"]);
  await wb.xlsx.writeFile(book);

  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    expect(await templateCommand(["all", "--out", lists, "--year", "2026"])).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  const t = new ExcelJS.Workbook();
  await t.xlsx.readFile(lists);
  // Fill the templates below their headers, by header text (the header is row 3).
  const fill = (name: string, rows: Record<string, unknown>[]) => {
    const w = t.getWorksheet(name)!;
    const header = (w.getRow(3).values as unknown[]).map((v) => String(v ?? "").replace(/\*$/, ""));
    rows.forEach((r, i) => {
      const row = w.getRow(4 + i);
      for (const [h, v] of Object.entries(r)) {
        const c = header.indexOf(h);
        expect(c).toBeGreaterThan(0);
        row.getCell(c).value = v as ExcelJS.CellValue;
      }
    });
  };
  fill("年度统筹整合资金方案", [
    { 项目名称: "甲村产业路", "资金额度（万元）": 100 },
    { 项目名称: "乙村饮水", "资金额度（万元）": 60 },
    { 项目名称: "丙村文化室", "资金额度（万元）": 20 },
  ]);
  fill("项目调整备案表", [
    {
      项目名称: "乙村饮水",
      调整类型: "局部调整（规模或内容）",
      批准日期: new Date(Date.UTC(2026, 4, 1)),
      批准文号: "某政函〔2026〕3号",
      备案日期: new Date(Date.UTC(2026, 4, 10)),
    },
  ]);
  // The office's banded table (the test's own figures, not a claim about any year's rates).
  fill(
    "贷款基准利率",
    [
      ["一年以内（含一年）", "4.35%"],
      ["一至五年（含五年）", "4.75%"],
      ["五年以上", "4.90%"],
    ].map(([term, rate]) => ({
      起始日期: new Date(Date.UTC(2015, 9, 24)),
      "基准利率（%）": rate,
      贷款期限: term,
    }))
  );
  await t.xlsx.writeFile(lists);
});

async function review(extra: string[], kinds = ["LEDGER", "ADJUST"]) {
  const t = captureIo();
  const code = await reviewCommand(
    [
      book,
      "--no-report",
      "--json",
      "-",
      "--jobs",
      "1",
      "--as-of",
      "2026-08-01",
      "--lists",
      lists,
      ...extra,
    ],
    coreEngine,
    t.io
  );
  const json = JSON.parse(t.out());
  const cells: string[] = json.files[0].findings
    .filter((x: { kind: string; rule: string }) => kinds.includes(x.kind) || kinds.includes(x.rule))
    .map((x: { cell: string; rule: string }) => `${x.rule}@${x.cell}`);
  return { code, cells };
}

test("without --packs the two packs flag nothing", async () => {
  expect((await review([])).cells).toEqual([]);
});

test("--packs LEDGER,ADJUST: the placeholder 责任人; the project above the plan with no log entry", async () => {
  const r = await review(["--packs", "LEDGER,ADJUST"]);
  // 乙 (one yuan below the plan) has an approved, filed entry; 甲 is exactly the plan.
  expect(r.cells).toEqual(["XJ76-3-2-RESPONSIBLE@C4", "GX34-7-ADJUST@D4"]);
  expect(r.code).toBe(0); // warnings only: the exit status is 1 for errors
});

test("the benchmark banded by 贷款期限 from --lists: 5 years in 一至五年（含五年）, 61 months above it", async () => {
  const r = await review([], ["INTEREST", "DATA-NO-TERM"]);
  expect(r.cells).toEqual(["GX34-12-1-INTEREST@B3", "DATA-NO-TERM@B5"]);
});
