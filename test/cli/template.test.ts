import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { templateCommand } from "../../src/cli/template";
import { checkFilingWorkbook } from "../../src/core/filing/check";
import { serialFromYmd } from "../../src/core/dates";

let dir: string;
let out: string[];
let err: string[];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-template-"));
  out = [];
  err = [];
  jest.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function read(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A sheet's values as Office.js gives them (dates → serials), for the completeness check. */
function valuesOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = ws.getCell(r, c).value;
      row.push(
        v instanceof Date
          ? serialFromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate())
          : (v ?? "")
      );
    }
    rows.push(row);
  }
  return rows;
}

test("publicity template: title, headers, table, drop-downs, formats, frozen header, print setup", async () => {
  const file = path.join(dir, "公示.xlsx");
  const code = await templateCommand([
    "publicity",
    "--out",
    file,
    "--county",
    "某某县",
    "--year",
    "2025",
  ]);
  expect(code).toBe(0);
  expect(out.join("")).toContain("项目公告公示表");
  const ws = (await read(file)).getWorksheet("项目公告公示表")!;
  expect(ws.getCell("A1").value).toBe("某某县 2025年度 项目公告公示表");
  expect(ws.getCell("A2").value).toContain("新扶贫领字〔2018〕76号 二（四）");
  expect(ws.getRow(3).values).toEqual([
    undefined,
    "扶贫项目名称*",
    "资金来源*",
    "资金规模（万元）*",
    "实施地点*",
    "建设内容*",
    "建设周期起*",
    "建设周期止*",
    "绩效目标*",
    "实施单位*",
    "责任人*",
    "监督举报电话*",
    "资金类型",
    "项目状态",
    "公示日期",
  ]);
  // table over the header and an empty body row
  const tables = (ws as unknown as { tables: Record<string, { table: { tableRef: string } }> })
    .tables;
  expect(Object.keys(tables)).toEqual(["FilingPublicity"]);
  expect(tables.FilingPublicity.table.tableRef).toBe("A3:N4");
  // drop-downs
  expect(ws.getCell("M4").dataValidation).toMatchObject({
    type: "list",
    formulae: ['"未开工,在建,已完工,已验收,终止,无法实施"'],
    errorStyle: "stop",
  });
  expect(ws.getCell("B500").dataValidation).toMatchObject({ type: "list", errorStyle: "warning" });
  expect(ws.getCell("C4").dataValidation).toMatchObject({ type: "decimal" });
  // formats: 万元, dates, text (the phone number keeps its leading 0)
  expect(ws.getCell("C4").numFmt).toBe("#,##0.00");
  expect(ws.getCell("F4").numFmt).toBe("yyyy-mm-dd");
  expect(ws.getCell("K4").numFmt).toBe("@");
  expect(ws.getColumn(3).numFmt).toBe("#,##0.00");
  expect(ws.getCell("C3").numFmt).not.toBe("#,##0.00");
  // frozen header, A4 landscape, title rows repeated
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  expect(ws.pageSetup).toMatchObject({
    paperSize: 9,
    orientation: "landscape",
    printTitlesRow: "1:3",
  });
});

test("every sheet (the four filings, the office's lists, progress report, adjustment log); each is recognised by the completeness check", async () => {
  const file = path.join(dir, "all.xlsx");
  expect(await templateCommand(["all", "--out", file, "--year", "2025"])).toBe(0);
  const wb = await read(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "年度统筹整合资金方案",
    "项目公告公示表",
    "资产总台账",
    "抽查名单",
    "黑名单",
    "管理费比例",
    "贷款基准利率",
    "整合目标",
    "项目实施进度月报",
    "项目调整备案表",
  ]);
  const r = checkFilingWorkbook(wb.worksheets.map((w) => ({ name: w.name, values: valuesOf(w) })));
  const kinds = [
    "plan",
    "publicity",
    "assets",
    "spotcheck",
    "blacklist",
    "feeshare",
    "benchmark",
    "targets",
    "progress",
    "adjustment",
  ];
  expect(r.sheets.map((s) => s.kind)).toEqual(kinds);
  // empty templates: one "no data yet" finding each
  expect(r.findings.map((f) => f.rule)).toEqual(
    kinds.map((k) => `FILING-${k.toUpperCase()}-EMPTY`)
  );
});

test("the spot-check list drawn from files: reproducible, 60 % / 30 %, amounts as numbers", async () => {
  const counties = path.join(dir, "c.txt");
  const projects = path.join(dir, "p.txt");
  fs.writeFileSync(counties, "甲县\n乙县\n丙县\n丁县\n戊县\n");
  fs.writeFileSync(
    projects,
    "项目名称\t县\t金额\n" +
      Array.from({ length: 10 }, (_, i) => `项目${i}\t甲县\t${45 + i}`).join("\n")
  );
  const run = async (name: string) => {
    const file = path.join(dir, name);
    expect(
      await templateCommand([
        "spotcheck",
        "--out",
        file,
        "--counties",
        counties,
        "--projects",
        projects,
        "--seed",
        "7",
      ])
    ).toBe(0);
    return valuesOf((await read(file)).getWorksheet("抽查名单")!).slice(3);
  };
  const a = await run("a.xlsx");
  expect(await run("b.xlsx")).toEqual(a);
  expect(a.filter((r) => r[0] === "贫困县")).toHaveLength(3); // ceil(0.6 × 5)
  const projectRows = a.filter((r) => r[0] === "项目");
  expect(projectRows).toHaveLength(2); // ceil(0.3 × 5 eligible: 50…54)
  for (const r of projectRows) expect(r[3] as number).toBeGreaterThanOrEqual(50);
  expect(out.join("")).toContain("随机种子 7");
});

test("an existing file is never overwritten", async () => {
  const file = path.join(dir, "x.xlsx");
  fs.writeFileSync(file, "keep me");
  expect(await templateCommand(["plan", "--out", file])).toBe(2);
  expect(fs.readFileSync(file, "utf8")).toBe("keep me");
  expect(err.join("")).toContain("不会覆盖");
});

test.each([
  [[], "种类"],
  [["plan"], "--out"],
  [["nonsense", "--out", "x.xlsx"], "nonsense"],
  [["plan", "--out", "x.xlsx", "--year", "25"], "年度无效"],
  [["plan", "--out", "x.xlsx", "--colour", "red"], "未知选项"],
  [["plan", "--out", "x.xlsx", "--counties", "c.txt"], "抽查名单"],
])("usage errors exit 2: %p", async (argv, words) => {
  expect(await templateCommand(argv as string[])).toBe(2);
  expect(err.join("")).toContain(words);
});

test("--out followed by another option is refused, not taken as a file name", async () => {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    expect(await templateCommand(["publicity", "--out", "--county", "某某县"])).toBe(2);
  } finally {
    process.chdir(cwd);
  }
  expect(err.join("")).toContain("--out needs a value (it is followed by the option --county)");
  expect(fs.readdirSync(dir)).toEqual([]);
});

test.each([["calendar"], ["fund-types"]])(
  "%s: the same parser — --out followed by an option is refused, nothing is written",
  async (kind) => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await templateCommand([kind, "--out", "--county", "某某县"])).toBe(2);
      expect(await templateCommand([kind, "--out"])).toBe(2);
    } finally {
      process.chdir(cwd);
    }
    expect(err.join("")).toContain("--out needs a value (it is followed by the option --county)");
    expect(fs.readdirSync(dir)).toEqual([]);
  }
);

test("calendar / fund-types: options before the kind are read; options they do not use are refused", async () => {
  const file = path.join(dir, "节假日.xlsx");
  expect(await templateCommand([`--out=${file}`, "calendar"])).toBe(0);
  expect((await read(file)).worksheets.length).toBeGreaterThan(0);
  const other = path.join(dir, "types.xlsx");
  expect(await templateCommand(["fund-types", "--out", other, "--year", "2025"])).toBe(2);
  expect(err.join("")).toContain("fund-types takes --out only, not --year");
  expect(fs.existsSync(other)).toBe(false);
  expect(await templateCommand(["calendar", "--out", other, "--colour", "red"])).toBe(2);
  expect(err.join("")).toContain("unknown option --colour");
});

test("every option given as --name=value, and twice is refused", async () => {
  const file = path.join(dir, "p.xlsx");
  expect(
    await templateCommand(["publicity", `--out=${file}`, "--county=某某县", "--year=2025"])
  ).toBe(0);
  expect((await read(file)).getWorksheet("项目公告公示表")!.getCell("A1").value).toBe(
    "某某县 2025年度 项目公告公示表"
  );
  expect(await templateCommand(["plan", "--out", "a.xlsx", "--out", "b.xlsx"])).toBe(2);
  expect(err.join("")).toContain("given twice");
});

test("--help prints the usage and exits 0", async () => {
  expect(await templateCommand(["--help"])).toBe(0);
  expect(out.join("")).toContain("fund-compliance template");
});

test("text that looks like a formula stays text", async () => {
  const { addFilingSheet } = await import("../../src/cli/template");
  const wb = new ExcelJS.Workbook();
  addFilingSheet(wb, "assets", { county: "", year: null, rows: [["=1+1", "经营性资产"]] });
  const file = path.join(dir, "f.xlsx");
  await wb.xlsx.writeFile(file);
  expect((await read(file)).getWorksheet("资产总台账")!.getCell("A4").value).toBe("=1+1");
});

test("spot-check input problems exit non-zero and write nothing: an unreadable amount, an empty file", async () => {
  const counties = path.join(dir, "c2.txt");
  const projects = path.join(dir, "p2.txt");
  fs.writeFileSync(counties, "甲县\n乙县\n");
  fs.writeFileSync(projects, "项目名称\t县\t金额（万元）\n村道\t甲县\t80\n水池\t乙县\t待定\n");
  const out = path.join(dir, "bad-spot.xlsx");
  expect(
    await templateCommand([
      "spotcheck",
      "--out",
      out,
      "--year",
      "2025",
      "--counties",
      counties,
      "--projects",
      projects,
    ])
  ).toBe(2);
  expect(fs.existsSync(out)).toBe(false);
  const empty = path.join(dir, "empty.txt");
  fs.writeFileSync(empty, "\n\n");
  expect(
    await templateCommand(["spotcheck", "--out", out, "--year", "2025", "--counties", empty])
  ).toBe(2);
  expect(fs.existsSync(out)).toBe(false);
});
