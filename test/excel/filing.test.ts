import { OfficeFilingWorkbook } from "../../src/excel/filing";
import { FakeExcel } from "./filing-fake";
import { buildSpotCheck } from "../../src/core/filing/spotcheck";
import { PUBLICITY } from "../../src/core/filing/specs";

const publicityRow = (i: number) => [
  `项目${i}`,
  "中央财政专项扶贫资金",
  80 + i,
  "某村",
  "=硬化道路", // text that looks like a formula
  45352,
  45565,
  "受益 300 户",
  "某县交通局",
  "张三",
  "0991-1234567",
  "",
  "在建",
  "",
];

describe("creating a filing sheet through Office.js", () => {
  test("table, headers, title, formats, drop-downs, frozen header, print setup", async () => {
    const fake = new FakeExcel();
    const wb = new OfficeFilingWorkbook(fake.run);
    const r = await wb.createSheet({ kind: "publicity", county: "某某县", year: 2025 });
    expect(r).toMatchObject({
      sheetName: "项目公告公示表",
      renamed: false,
      tableName: "FilingPublicity",
    });
    expect(r.message.zh).toBe("已创建「项目公告公示表」");
    const s = fake.sheet("项目公告公示表");
    expect(fake.cell(s.name, "A1")).toBe("某某县 2025年度 项目公告公示表");
    expect(fake.cell(s.name, "A2")).toContain("76号 二（四）");
    expect(s.grid[2]).toEqual(
      PUBLICITY.fields.map((f) => (f.required ? `${f.header}*` : f.header))
    );
    expect(fake.lastRange(s.name, "A1:N1").merge).toHaveBeenCalled();
    // one table over header + one empty row, named and styled
    expect(s.tables).toHaveLength(1);
    expect(s.tables[0].added).toEqual({ address: "A3:N4", hasHeaders: true });
    expect(s.tables[0].name).toBe("FilingPublicity");
    // number formats set on the body: 万元, dates, text
    const fmt = fake.lastRange(s.name, "A4:N4").numberFormat as string[][];
    expect(fmt[0][2]).toBe("#,##0.00");
    expect(fmt[0][5]).toBe("yyyy-mm-dd");
    expect(fmt[0][10]).toBe("@");
    // drop-downs: strict for status, a suggestion list for the source
    const status = fake.lastRange(s.name, "M4:M4").dataValidation;
    expect(status.rule).toEqual({
      list: { inCellDropDown: true, source: "未开工,在建,已完工,已验收,终止,无法实施" },
    });
    expect(status.errorAlert).toMatchObject({ style: "Stop", showAlert: true });
    expect(fake.lastRange(s.name, "B4:B4").dataValidation.errorAlert).toMatchObject({
      style: "Warning",
    });
    expect(fake.lastRange(s.name, "F4:F4").dataValidation.rule).toEqual({
      date: { formula1: "2000-01-01", formula2: "2099-12-31", operator: "Between" },
    });
    // frozen header, A4 landscape fitted to the width, title rows repeated, page numbers
    expect(s.frozenRows).toBe(3);
    expect(s.printTitleRows).toBe("$1:$3");
    expect(s.mock.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
    expect(s.mock.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(s.mock.pageLayout.headersFooters.defaultForAllPages.centerFooter).toContain("&P");
    expect(fake.active).toBe("项目公告公示表");
    expect(fake.selected).toBe("项目公告公示表!A4");
  });

  test("an existing sheet is never overwritten: a new name is chosen and said", async () => {
    const fake = new FakeExcel([
      { name: "项目公告公示表", grid: [["我的数据"]] },
      { name: "项目公告公示表 (2)" },
    ]);
    const wb = new OfficeFilingWorkbook(fake.run);
    const r = await wb.createSheet({ kind: "publicity", county: "", year: null });
    expect(r.sheetName).toBe("项目公告公示表 (3)");
    expect(r.renamed).toBe(true);
    expect(r.message.zh).toBe("已有同名工作表，新表命名为「项目公告公示表 (3)」");
    expect(fake.sheet("项目公告公示表").grid).toEqual([["我的数据"]]);
  });

  test("table names stay unique across sheets", async () => {
    const fake = new FakeExcel();
    const wb = new OfficeFilingWorkbook(fake.run);
    await wb.createSheet({ kind: "assets", county: "", year: null });
    const r = await wb.createSheet({ kind: "assets", county: "", year: null });
    expect(r.tableName).toBe("FilingAssets2");
  });

  test("data rows: written as values, text stays text, Decimal → number", async () => {
    const fake = new FakeExcel();
    const wb = new OfficeFilingWorkbook(fake.run);
    const sc = buildSpotCheck({
      counties: ["甲县", "乙县"],
      projects: [{ name: "道路", county: "甲县", amount: "55万" }],
      seed: 1,
    });
    await wb.createSheet({
      kind: "spotcheck",
      county: "",
      year: 2025,
      rows: sc.rows,
      note: sc.note,
    });
    const s = fake.sheet("抽查名单");
    expect(s.grid.slice(3)).toEqual([
      ["贫困县", "甲县", "", "", "", "", "待抽查", ""],
      ["贫困县", "乙县", "", "", "", "", "待抽查", ""],
      ["项目", "甲县", "道路", 55, "", "", "待抽查", ""],
    ]);
    expect(fake.cell("抽查名单", "A2")).toContain("随机种子 1");
    await wb.createSheet({ kind: "publicity", county: "", year: null, rows: [publicityRow(1)] });
    expect(fake.cell("项目公告公示表", "E4")).toBe("'=硬化道路");
    const fmt = fake.lastRange("项目公告公示表", "A4:N4").numberFormat as string[][];
    expect([fmt[0][2], fmt[0][4], fmt[0][10]]).toEqual(["#,##0.00", "@", "@"]);
  });

  test("bounded round trips: 10 and 1,000 rows take the same number of syncs", async () => {
    const syncs = async (n: number) => {
      const fake = new FakeExcel();
      const rows = Array.from({ length: n }, (_, i) => publicityRow(i));
      await new OfficeFilingWorkbook(fake.run).createSheet({
        kind: "publicity",
        county: "",
        year: null,
        rows,
      });
      expect(fake.sheet("项目公告公示表").grid).toHaveLength(3 + n);
      return fake.sync.mock.calls.length;
    };
    const ten = await syncs(10);
    expect(ten).toBe(2);
    expect(await syncs(1000)).toBe(ten);
    // beyond one batch (40,000 cells = 2,857 rows of 14 columns) one more sync per batch
    expect(await syncs(6000)).toBe(ten + 2);
  });
});

describe("checking the workbook through Office.js", () => {
  test("created sheets are found, findings point at cells, other sheets are left alone", async () => {
    const fake = new FakeExcel([
      {
        name: "台账",
        grid: [
          ["项目名称", "金额"],
          ["a", 1],
        ],
      },
    ]);
    const wb = new OfficeFilingWorkbook(fake.run);
    await wb.createSheet({
      kind: "publicity",
      county: "",
      year: 2025,
      rows: [publicityRow(1), publicityRow(2)],
    });
    const grid = fake.sheet("项目公告公示表").grid;
    grid[4][9] = ""; // 责任人 of the second project: J5
    grid[3][2] = "待定"; // amount of the first: C4
    fake.sync.mockClear();
    const r = await wb.check();
    expect(r.sheets).toEqual([{ name: "项目公告公示表", kind: "publicity" }]);
    expect(r.findings.map((f) => [f.kind, f.cell])).toEqual([
      ["DATA", "C4"],
      ["FILING", "J5"],
    ]);
    expect(fake.sync.mock.calls.length).toBe(4); // sheets, used ranges, header areas, contents
    await wb.select("项目公告公示表", "J5");
    expect(fake.selected).toBe("项目公告公示表!J5");
  });

  test("a sheet whose table starts lower and to the right keeps true addresses", async () => {
    const header = PUBLICITY.fields.map((f) => f.header);
    const row = publicityRow(1).map((v, i) => (i === 3 ? "" : v)); // 实施地点 empty
    const grid = [[], ["", ...header], ["", ...row]];
    const fake = new FakeExcel([{ name: "公示", grid }]);
    // the used range of this sheet begins at B2
    const s = fake.sheet("公示");
    s.mock.getUsedRangeOrNullObject = () => {
      const u = fake.mock({ rowIndex: 1, columnIndex: 1, rowCount: 2, columnCount: header.length });
      u.isNullObject = false;
      return u;
    };
    s.mock.getRangeByIndexes = (r0: number, c0: number, rows: number, cols: number) => {
      const values = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => grid[r0 + r]?.[c0 + c] ?? "")
      );
      return fake.mock({ values });
    };
    const r = await new OfficeFilingWorkbook(fake.run).check();
    expect(r.findings.map((f) => f.cell)).toEqual(["E3"]);
  });

  test("an empty workbook has nothing to check", async () => {
    const r = await new OfficeFilingWorkbook(new FakeExcel().run).check();
    expect(r).toEqual({ sheets: [], findings: [] });
  });
});

describe("checking merged cells through Office.js (issue 13)", () => {
  test("a name merged down two rows fills both: the covered cell is not 'required field empty'", async () => {
    const fake = new FakeExcel([]);
    const wb = new OfficeFilingWorkbook(fake.run);
    await wb.createSheet({
      kind: "publicity",
      county: "",
      year: 2025,
      rows: [publicityRow(1), publicityRow(2)],
    });
    const s = fake.sheet("项目公告公示表");
    s.grid[4][9] = ""; // 责任人 of the second project, J5 …
    const before = await wb.check();
    expect(before.findings.map((f) => f.cell)).toEqual(["J5"]);
    s.merges = ["J4:J5"]; // … merged with J4 above it: filled, as the officer sees it
    const after = await wb.check();
    expect(after.findings).toEqual([]);
  });
});
