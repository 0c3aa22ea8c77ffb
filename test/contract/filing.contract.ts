/**
 * What the Filing pane relies on from a workbook, whichever host holds it: run against the Excel
 * adapter over its Office.js fake (test/excel/filing.test.ts) and the WPS adapter over the WPS
 * object-model fake (test/wps/filing.test.ts). Each fixture reads its host's model back in one
 * vocabulary (drop-downs as type/source/limits, page setup as orientation/paper/fit).
 */
import type { FilingWorkbook } from "../../src/workbook/filing/port";
import { buildSpotCheck } from "../../src/core/filing/spotcheck";
import { PUBLICITY } from "../../src/core/filing/specs";

export interface NormalValidation {
  type: "list" | "decimal" | "date" | "whole";
  /** List source, comma-separated. */
  source?: string;
  /** Limits as ISO dates (date) or numbers as text. */
  min?: string;
  max?: string;
  operator?: "between" | "greaterEqual";
  dropDown?: boolean;
  /** A Stop alert (true) or a Warning (false). */
  strict: boolean;
  shown: boolean;
  title: string;
  message: string;
}

export interface FilingFixture {
  port: FilingWorkbook;
  addSheet(name: string, grid?: unknown[][]): void;
  grid(sheet: string): unknown[][];
  cell(sheet: string, address: string): unknown;
  setCell(sheet: string, address: string, value: unknown): void;
  merged(sheet: string): string[];
  tables(sheet: string): { name: string; address: string; hasHeaders: boolean }[];
  /** Number format of each cell of a one-row range ("A4:N4"). */
  formats(sheet: string, row: string): string[];
  validation(sheet: string, range: string): NormalValidation | null;
  /** Merges an area as the user would ("J4:J5"). */
  merge(sheet: string, area: string): void;
  frozenRows(sheet: string): number | null;
  page(sheet: string): {
    printTitleRows: string | null;
    orientation: string;
    paperSize: string;
    fit: { wide: number; tall: number } | null;
    footer: string;
  };
  active(): string | null;
  /** "sheet!A4". */
  selected(): string | null;
  checkCalls(phase: "check"): void;
  resetCalls(): void;
}

export const publicityRow = (i: number) => [
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

export function filingContract(
  host: string,
  make: (sheets?: { name: string; grid?: unknown[][] }[]) => FilingFixture
): void {
  describe(`Filing workbook contract: ${host} — creating a sheet`, () => {
    test("table, headers, title, formats, drop-downs, frozen header, print setup", async () => {
      const fx = make();
      const r = await fx.port.createSheet({ kind: "publicity", county: "某某县", year: 2025 });
      expect(r).toMatchObject({
        sheetName: "项目公告公示表",
        renamed: false,
        tableName: "FilingPublicity",
      });
      expect(r.message.zh).toBe("已创建「项目公告公示表」");
      const name = "项目公告公示表";
      expect(fx.cell(name, "A1")).toBe("某某县 2025年度 项目公告公示表");
      expect(fx.cell(name, "A2")).toContain("76号 二（四）");
      expect(fx.grid(name)[2]).toEqual(
        PUBLICITY.fields.map((f) => (f.required ? `${f.header}*` : f.header))
      );
      expect(fx.merged(name)).toContain("A1:N1");
      // one table over header + one empty row, named
      const tables = fx.tables(name);
      expect(tables).toHaveLength(1);
      expect(tables[0]).toEqual({ name: "FilingPublicity", address: "A3:N4", hasHeaders: true });
      // number formats set on the body: 万元, dates, text
      const fmt = fx.formats(name, "A4:N4");
      expect(fmt[2]).toBe("#,##0.00");
      expect(fmt[5]).toBe("yyyy-mm-dd");
      expect(fmt[10]).toBe("@");
      // drop-downs: strict for status, a suggestion list for the source
      expect(fx.validation(name, "M4:M4")).toMatchObject({
        type: "list",
        dropDown: true,
        source: "未开工,在建,已完工,已验收,终止,无法实施",
        strict: true,
        shown: true,
        message: "请从下拉列表中选择",
      });
      expect(fx.validation(name, "B4:B4")).toMatchObject({ type: "list", strict: false });
      expect(fx.validation(name, "F4:F4")).toMatchObject({
        type: "date",
        min: "2000-01-01",
        max: "2099-12-31",
        operator: "between",
      });
      // frozen header, A4 landscape fitted to the width, title rows repeated, page numbers
      expect(fx.frozenRows(name)).toBe(3);
      const page = fx.page(name);
      expect(page).toMatchObject({
        printTitleRows: "$1:$3",
        orientation: "Landscape",
        paperSize: "A4",
      });
      expect(page.fit).toEqual({ wide: 1, tall: 0 });
      expect(page.footer).toContain("&P");
      expect(fx.active()).toBe(name);
      expect(fx.selected()).toBe(`${name}!A4`);
    });

    test("an existing sheet is never overwritten: a new name is chosen and said", async () => {
      const fx = make([
        { name: "项目公告公示表", grid: [["我的数据"]] },
        { name: "项目公告公示表 (2)" },
      ]);
      const r = await fx.port.createSheet({ kind: "publicity", county: "", year: null });
      expect(r.sheetName).toBe("项目公告公示表 (3)");
      expect(r.renamed).toBe(true);
      expect(r.message.zh).toBe("已有同名工作表，新表命名为「项目公告公示表 (3)」");
      expect(fx.grid("项目公告公示表")).toEqual([["我的数据"]]);
    });

    test("table names stay unique across sheets", async () => {
      const fx = make();
      await fx.port.createSheet({ kind: "assets", county: "", year: null });
      const r = await fx.port.createSheet({ kind: "assets", county: "", year: null });
      expect(r.tableName).toBe("FilingAssets2");
    });

    test("data rows: written as values, text stays text, Decimal → number", async () => {
      const fx = make();
      const sc = buildSpotCheck({
        counties: ["甲县", "乙县"],
        projects: [{ name: "道路", county: "甲县", amount: "55万" }],
        seed: 1,
      });
      await fx.port.createSheet({
        kind: "spotcheck",
        county: "",
        year: 2025,
        rows: sc.rows,
        note: sc.note,
      });
      expect(fx.grid("抽查名单").slice(3)).toEqual([
        ["贫困县", "甲县", "", "", "", "", "待抽查", ""],
        ["贫困县", "乙县", "", "", "", "", "待抽查", ""],
        ["项目", "甲县", "道路", 55, "", "", "待抽查", ""],
      ]);
      expect(fx.cell("抽查名单", "A2")).toContain("随机种子 1");
      await fx.port.createSheet({
        kind: "publicity",
        county: "",
        year: null,
        rows: [publicityRow(1)],
      });
      expect(fx.cell("项目公告公示表", "E4")).toBe("'=硬化道路");
      const fmt = fx.formats("项目公告公示表", "A4:N4");
      expect([fmt[2], fmt[4], fmt[10]]).toEqual(["#,##0.00", "@", "@"]);
    });
  });

  describe(`Filing workbook contract: ${host} — checking`, () => {
    test("created sheets are found, findings point at cells, other sheets are left alone", async () => {
      const fx = make([
        {
          name: "台账",
          grid: [
            ["项目名称", "金额"],
            ["a", 1],
          ],
        },
      ]);
      await fx.port.createSheet({
        kind: "publicity",
        county: "",
        year: 2025,
        rows: [publicityRow(1), publicityRow(2)],
      });
      fx.setCell("项目公告公示表", "J5", ""); // 责任人 of the second project
      fx.setCell("项目公告公示表", "C4", "待定"); // amount of the first
      fx.resetCalls();
      const r = await fx.port.check();
      expect(r.sheets).toEqual([{ name: "项目公告公示表", kind: "publicity" }]);
      expect(r.findings.map((f) => [f.kind, f.cell])).toEqual([
        ["DATA", "C4"],
        ["FILING", "J5"],
      ]);
      fx.checkCalls("check");
      await fx.port.select("项目公告公示表", "J5");
      expect(fx.selected()).toBe("项目公告公示表!J5");
    });

    test("a sheet whose table starts lower and to the right keeps true addresses", async () => {
      const header = PUBLICITY.fields.map((f) => f.header);
      const row = publicityRow(1).map((v, i) => (i === 3 ? "" : v)); // 实施地点 empty
      const fx = make([{ name: "公示", grid: [[], ["", ...header], ["", ...row]] }]);
      const r = await fx.port.check();
      expect(r.findings.map((f) => f.cell)).toEqual(["E3"]);
    });

    test("a name merged down two rows fills both: the covered cell is not 'required field empty' (issue 13)", async () => {
      const fx = make();
      await fx.port.createSheet({
        kind: "publicity",
        county: "",
        year: 2025,
        rows: [publicityRow(1), publicityRow(2)],
      });
      fx.setCell("项目公告公示表", "J5", ""); // 责任人 of the second project, J5 …
      const before = await fx.port.check();
      expect(before.findings.map((f) => f.cell)).toEqual(["J5"]);
      fx.merge("项目公告公示表", "J4:J5"); // … merged with J4 above it: filled, as the officer sees it
      const after = await fx.port.check();
      expect(after.findings).toEqual([]);
    });

    test("an empty workbook has nothing to check", async () => {
      const r = await make().port.check();
      expect(r).toEqual({ sheets: [], findings: [] });
    });
  });
}
