import {
  checkFilingSheet,
  checkFilingWorkbook,
  recogniseFilingSheet,
} from "../../../src/core/filing/check";
import { headerText, sheetLayout } from "../../../src/core/filing/layout";
import { PUBLICITY, ASSETS, PLAN, SPOTCHECK, SheetSpec } from "../../../src/core/filing/specs";

/** A sheet as created: title, subtitle, header (with *), then rows. */
function sheet(spec: SheetSpec, rows: unknown[][], name = spec.sheetName) {
  const l = sheetLayout(spec, { county: "某县", year: 2025, rows: rows.length });
  return {
    name,
    values: [[l.title], [l.subtitle], spec.fields.map(headerText), ...rows],
  };
}

const fullPublicity = [
  "村道硬化",
  "中央财政专项扶贫资金",
  80,
  "某村",
  "硬化道路 3 公里",
  45352,
  45565,
  "受益 300 户",
  "某县交通局",
  "张三",
  "0991-1234567",
  "",
  "",
  "",
];

describe("recognising filing sheets by their headers", () => {
  test.each([PLAN, PUBLICITY, ASSETS, SPOTCHECK])("$sheetName", (spec) => {
    const r = recogniseFilingSheet(sheet(spec, []).values);
    expect(r?.spec.kind).toBe(spec.kind);
    expect(r?.headerIndex).toBe(2);
    expect(r?.missingColumns).toEqual([]);
  });

  test("headers without * or with full-width brackets and spaces are recognised", () => {
    const headers = PUBLICITY.fields.map((f) => f.header.replace("（万元）", "(万元)") + " ");
    expect(recogniseFilingSheet([headers])?.spec.kind).toBe("publicity");
  });

  test("an ordinary ledger is not a filing sheet", () => {
    expect(recogniseFilingSheet([["项目名称", "金额", "下达日期"]])).toBeNull();
  });
});

describe("the completeness check", () => {
  test("a complete publicity row has no findings", () => {
    expect(checkFilingSheet(sheet(PUBLICITY, [fullPublicity]))).toEqual([]);
  });

  test("each empty required field is a FILING finding at its cell, with the clause", () => {
    const row = [...fullPublicity];
    row[9] = ""; // 责任人 (J)
    row[10] = "  "; // 监督举报电话 (K)
    const f = checkFilingSheet(sheet(PUBLICITY, [row]));
    expect(f.map((x) => [x.kind, x.cell, x.severity])).toEqual([
      ["FILING", "J4", "error"],
      ["FILING", "K4", "error"],
    ]);
    expect(f[0].message.zh).toBe("必填项「责任人」为空");
    expect(f[0].citation?.clause).toBe("二（四）");
    expect(f[0].citation?.quote).toContain("实施单位及责任人");
    expect(f[0].sheet).toBe("项目公告公示表");
    expect(f[0].row).toBe(4);
    expect(f[0].column).toBe("J");
  });

  test("unreadable amounts and invalid dates are DATA findings with what was seen", () => {
    const row = [...fullPublicity];
    row[2] = "待定";
    row[5] = "2024-02-30";
    row[6] = "2020211";
    const f = checkFilingSheet(sheet(PUBLICITY, [row]));
    expect(f.map((x) => [x.kind, x.cell, x.evidence])).toEqual([
      ["DATA", "C4", "待定"],
      ["DATA", "F4", "2024-02-30"],
      ["DATA", "G4", "2020211"],
    ]);
    expect(f.every((x) => x.citation === null)).toBe(true);
  });

  test("amounts and dates as offices write them are accepted", () => {
    const row = [...fullPublicity];
    row[2] = "1,234.50";
    row[5] = "2024年3月5日";
    row[6] = "2024.10.8";
    expect(checkFilingSheet(sheet(PUBLICITY, [row]))).toEqual([]);
  });

  test("a period that ends before it starts is reported at its end", () => {
    const row = [...fullPublicity];
    row[6] = "2024-01-31"; // before 45352 = 2024-03-01
    const f = checkFilingSheet(sheet(PUBLICITY, [row]));
    expect(f.map((x) => [x.kind, x.cell, x.evidence])).toEqual([
      ["FILING", "G4", "2024-03-01 → 2024-01-31"],
    ]);
    expect(f[0].message.zh).toBe("「建设周期止」早于「建设周期起」");
  });

  test("a value outside a strict drop-down list is a warning; outside a suggesting list, info", () => {
    const row = [...fullPublicity];
    row[1] = "乡镇自筹"; // 资金来源: list only suggests
    row[12] = "进行中"; // 项目状态: strict list
    const f = checkFilingSheet(sheet(PUBLICITY, [row]));
    expect(f.map((x) => [x.cell, x.severity])).toEqual([
      ["B4", "info"],
      ["M4", "warning"],
    ]);
  });

  test("资金来源 in today's 衔接资金 terms, or an earlier poverty-fund name, is not flagged", () => {
    for (const source of [
      "中央财政衔接资金",
      "中央财政衔接推进乡村振兴补助资金",
      "自治区财政衔接资金",
      "中央财政专项扶贫资金",
    ]) {
      const row = [...fullPublicity];
      row[1] = source;
      expect(checkFilingSheet(sheet(PUBLICITY, [row]))).toEqual([]);
    }
    const row = [...fullPublicity];
    row[1] = "某基金会捐赠";
    const f = checkFilingSheet(sheet(PUBLICITY, [row]));
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([
      ["FILING-PUBLICITY-source-CHOICE", "info", "B4"],
    ]);
    // The drop-down lists today's names first.
    expect(PUBLICITY.fields.find((x) => x.key === "source")?.choices?.[0]).toBe("中央财政衔接资金");
  });

  test("blank rows are skipped; row numbers follow the sheet (origin honoured)", () => {
    const s = sheet(PUBLICITY, [
      fullPublicity,
      [],
      fullPublicity.map((v, i) => (i === 0 ? "" : v)),
    ]);
    const f = checkFilingSheet({ ...s, origin: { row: 2, column: 3 } });
    expect(f.map((x) => x.cell)).toEqual(["C7"]);
  });

  test("a missing required column is reported once at the header row", () => {
    const headers = PUBLICITY.fields.filter((f) => f.key !== "hotline").map(headerText);
    const f = checkFilingSheet({ name: "公示", values: [headers] });
    expect(f.find((x) => x.rule.endsWith("COLUMN"))?.message.zh).toContain("监督举报电话");
  });

  test("a sheet without data says so", () => {
    const f = checkFilingSheet(sheet(ASSETS, []));
    expect(f).toHaveLength(1);
    expect(f[0].rule).toBe("FILING-ASSETS-EMPTY");
  });

  test("spot-check rows: project name and amount are required only for 项目 rows", () => {
    const s = sheet(SPOTCHECK, [
      ["贫困县", "甲县", "", "", "", "", "待抽查", ""],
      ["项目", "乙县", "", "", "", "", "待抽查", ""],
    ]);
    expect(checkFilingSheet(s).map((x) => x.cell)).toEqual(["C5", "D5"]);
  });

  test("a plan year must be a year", () => {
    const row = [
      "道路",
      "2025年",
      "",
      "县级财政资金",
      "",
      "县交通局",
      100,
      "道路",
      "3月开工",
      "",
      "交通局",
      "",
      "",
    ];
    // (the plan-level 文号 and dates are left blank: one info note says they were not checked)
    const notInfo = (f: { severity: string }) => f.severity !== "info";
    expect(checkFilingSheet(sheet(PLAN, [row])).filter(notInfo)).toEqual([]);
    row[1] = "明年";
    expect(
      checkFilingSheet(sheet(PLAN, [row]))
        .filter(notInfo)
        .map((x) => [x.kind, x.cell])
    ).toEqual([["DATA", "B4"]]);
  });

  test("the workbook check lists recognised sheets and ignores others", () => {
    const r = checkFilingWorkbook([
      {
        name: "台账",
        values: [
          ["项目名称", "金额"],
          ["a", 1],
        ],
      },
      sheet(PUBLICITY, [fullPublicity], "项目公告公示表 (2)"),
      sheet(ASSETS, []),
    ]);
    expect(r.sheets).toEqual([
      { name: "项目公告公示表 (2)", kind: "publicity" },
      { name: "资产总台账", kind: "assets" },
    ]);
    expect(r.findings.map((f) => f.sheet)).toEqual(["资产总台账"]);
  });
});

describe("asset ledger: only what 76号 二（三） lists is required", () => {
  test("the five items are required and cited; every other column is optional", () => {
    const required = ASSETS.fields.filter((f) => f.required).map((f) => f.header);
    expect(required.sort()).toEqual(
      ["经营主体", "资金来源", "项目效益", "受益对象", "监督管理"].sort()
    );
    for (const f of ASSETS.fields)
      if (f.required) expect(f.citation?.clause).toBe("二（三）");
      else expect(f.citation).toBeNull();
  });

  test("a row with only the five items filled has no finding; one without 受益对象 has one", () => {
    const row = (beneficiaries: string) =>
      ASSETS.fields.map(
        (f) =>
          ({
            operator: "某村股份经济合作社",
            source: "中央财政专项扶贫资金",
            benefit: "年收益 5 万元",
            beneficiaries,
            supervision: "乡镇农经站",
          })[f.key] ?? ""
      );
    // a second, blank-but-for-the-name row would be a row too: keep one full row
    expect(checkFilingSheet(sheet(ASSETS, [row("脱贫户 40 户")]))).toEqual([]);
    const f = checkFilingSheet(sheet(ASSETS, [row("")]));
    expect(f).toHaveLength(1);
    expect(f[0].message.zh).toContain("受益对象");
  });
});
