import {
  asTextCell,
  sheetLayout,
  uniqueSheetName,
  uniqueTableName,
} from "../../../src/core/filing/layout";
import { PUBLICITY, SPECS, FILING_KINDS, filingKindOf } from "../../../src/core/filing/specs";

describe("sheet layout", () => {
  test("title with county and year; header on row 3; table and print titles", () => {
    const l = sheetLayout(PUBLICITY, { county: "某某县", year: 2025, rows: 10 });
    expect(l.title).toBe("某某县 2025年度 项目公告公示表");
    expect(l.subtitle).toContain("金额单位：万元");
    expect(l.subtitle).toContain("新扶贫领字〔2018〕76号 二（四）");
    expect(l.headerRange).toBe("A3:N3");
    expect(l.tableRange).toBe("A3:N13");
    expect(l.printTitleRows).toBe("$1:$3");
    expect(l.freezeRows).toBe(3);
    const amount = l.columns.find((c) => c.field.key === "amount")!;
    expect([amount.header, amount.numberFormat]).toEqual(["资金规模（万元）*", "#,##0.00"]);
    expect(l.columns.find((c) => c.field.type === "date")!.numberFormat).toBe("yyyy-mm-dd");
    expect(l.columns.find((c) => c.field.key === "status")!.validation).toEqual({
      type: "list",
      choices: ["未开工", "在建", "已完工", "已验收", "终止", "无法实施"],
      strict: true,
    });
  });

  test("an empty table still has one body row", () => {
    expect(sheetLayout(PUBLICITY, { county: "", year: null, rows: 0 }).tableRange).toBe("A3:N4");
  });

  test("the nine publicity fields are all required, 实施单位 and 责任人 apart", () => {
    const required = PUBLICITY.fields.filter((f) => f.required).map((f) => f.header);
    expect(required).toEqual([
      "扶贫项目名称",
      "资金来源",
      "资金规模（万元）",
      "实施地点",
      "建设内容",
      "建设周期起",
      "建设周期止",
      "绩效目标",
      "实施单位",
      "责任人",
      "监督举报电话",
    ]);
  });

  test("every cited field's clause is quoted from a seed", () => {
    for (const k of FILING_KINDS)
      for (const f of SPECS[k].fields)
        if (f.citation) {
          expect(f.citation.seed).toMatch(/^00\d_/);
          expect(f.citation.quote.length).toBeGreaterThan(10);
        }
  });
});

describe("never overwrite a sheet", () => {
  test("a free name is kept; a taken one gets (2), (3)…", () => {
    expect(uniqueSheetName("项目公告公示表", ["Sheet1"])).toBe("项目公告公示表");
    expect(uniqueSheetName("项目公告公示表", ["项目公告公示表"])).toBe("项目公告公示表 (2)");
    expect(uniqueSheetName("项目公告公示表", ["项目公告公示表", "项目公告公示表 (2)"])).toBe(
      "项目公告公示表 (3)"
    );
    expect(uniqueSheetName("Plan", ["plan"])).toBe("Plan (2)");
  });
  test("names stay within Excel's 31 characters", () => {
    const long = "一".repeat(31);
    expect(uniqueSheetName(long, [long])).toHaveLength(31);
  });
  test("table names too", () => {
    expect(uniqueTableName("FilingPlan", ["FilingPlan", "FilingPlan2"])).toBe("FilingPlan3");
  });
});

test("formula-looking text is written as text", () => {
  expect(asTextCell("=SUM(A1)")).toBe("'=SUM(A1)");
  expect(asTextCell("道路")).toBe("道路");
});

test("kinds by English or Chinese name", () => {
  expect(filingKindOf("公示")).toBe("publicity");
  expect(filingKindOf("资产")).toBe("assets");
  expect(filingKindOf("方案")).toBe("plan");
  expect(filingKindOf("抽查")).toBe("spotcheck");
  expect(filingKindOf("Assets")).toBe("assets");
  expect(filingKindOf("nope")).toBeNull();
});
