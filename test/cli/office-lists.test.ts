/**
 * `--lists FILE.xlsx`: the office's lists for the command line, in the workbook
 * `fund-compliance template lists` writes. A listed unit is flagged at the ban's boundary, a fee
 * above the share is flagged, a bad list row stops the run (exit 2), a missing list is said.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { reviewCommand } from "../../src/cli/review-command";
import { templateCommand } from "../../src/cli/template";
import { captureIo } from "./capture-io";
import { coreEngine } from "../../src/cli/core-engine";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-lists-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ledger = path.join(dir, "ledger.xlsx");
const lists = path.join(dir, "lists.xlsx");
const filled = path.join(dir, "filled.xlsx");

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目台账");
  ws.addRow(["项目名称", "建设内容", "实施单位", "金额（元）", "项目批复日期"]);
  ws.addRow(["村道硬化", "道路", "某某建设（有限责任公司）", 100, "2026-06-30"]);
  ws.addRow(["村道硬化二期", "道路", "某某建設有限公司", 100, "2026-07-01"]);
  ws.addRow(["扶贫项目管理费", "规划编制", "县扶贫办", 10001, "2026-03-01"]);
  ws.addRow(["甲村饮水（民办公助）", "饮水", "甲村委", 500000, "2026-03-01"]);
  ws.addRow(["乙村道路（民办公助）", "道路", "乙村委", 500001, "2026-03-01"]);
  ws.addRow(["小额信贷贴息", "按年利率4.35%贴息", "县农商行", 1000, "2026-03-01"]);
  ws.addRow(["产业贷款贴息", "贴息利率4.36%", "县农商行", 1000, "2026-03-01"]);
  await wb.xlsx.writeFile(ledger);

  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    expect(await templateCommand(["lists", "--out", lists, "--year", "2026"])).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  // The office fills in the template (rows below the header, which sits under a title).
  const t = new ExcelJS.Workbook();
  await t.xlsx.readFile(lists);
  // The header is row 3 of every filing sheet (title, subtitle, header).
  const header = (name: string) => ({ w: t.getWorksheet(name)!, r: 3 });
  const b = header("黑名单");
  b.w.getRow(b.r + 1).values = [
    "某某建设有限责任公司",
    "",
    new Date(Date.UTC(2023, 5, 30)),
    "虚报冒领",
    "县扶贫办",
  ];
  const f = header("管理费比例");
  f.w.getRow(f.r + 1).values = [2026, "1%", 100, "某财农〔2026〕1号"];
  const k = header("贷款基准利率");
  k.w.getRow(k.r + 1).values = [new Date(Date.UTC(2015, 9, 24)), "4.35%", "人民银行公告"];
  await t.xlsx.writeFile(filled);
});

async function review(extra: string[]) {
  const t = captureIo();
  const code = await reviewCommand(
    [ledger, "--no-report", "--json", "-", "--jobs", "1", "--as-of", "2026-08-01", ...extra],
    coreEngine,
    t.io
  );
  const json = code === 2 ? null : JSON.parse(t.out());
  const cells: string[] = json
    ? json.files[0].findings
        .filter((x: { kind: string }) =>
          ["BLACKLIST", "MGMT_FEE", "SUBSIDY", "INTEREST"].includes(x.kind)
        )
        .map((x: { cell: string; rule: string }) => `${x.rule}@${x.cell}`)
    : [];
  return { code, cells, err: t.err() };
}

test("the filled template flags each clause just past its bound, and only there", async () => {
  const r = await review(["--lists", filled]);
  expect(r.cells).toEqual([
    "GX34-18-BLACKLIST@C2", // approved on the ban's last day (row 3, the day after, is not)
    "GX34-10-FEE-CAP@D4", // 10001 元 > 1 % × 100万
    "GX34-11-1-MINBAN@D6", // 500001 元 (row 5, exactly 50万, is not)
    "GX34-12-1-INTEREST@B8", // 4.36 % > 4.35 % (row 7, equal, is not)
  ]);
  expect(r.code).toBe(1);
  expect(r.err).not.toContain("未检查"); // every list was supplied
});

test("without --lists nothing is flagged under those clauses, and the run says so", async () => {
  const r = await review([]);
  // 民办公助's 50万 needs no list; the blacklist, fee share and benchmark do.
  expect(r.cells).toEqual(["GX34-11-1-MINBAN@D6"]);
  expect(r.err).toContain("未给出 --lists");
});

test("a bad row in the lists stops the run with exit status 2 and names the row", async () => {
  const t = new ExcelJS.Workbook();
  await t.xlsx.readFile(filled);
  const w = t.getWorksheet("黑名单")!;
  w.addRow(["某公司", "", "去年", "事由"]);
  const bad = path.join(dir, "bad.xlsx");
  await t.xlsx.writeFile(bad);
  const r = await review(["--lists", bad]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/「黑名单」第 \d+ 行 row \d+: 列入日期/);
});

test("an unreadable --lists file is exit status 2", async () => {
  const r = await review(["--lists", path.join(dir, "nope.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("--lists");
});
