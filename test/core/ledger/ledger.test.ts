import {
  classifySheet,
  detectHeader,
  inferUnit,
  matchHeader,
  parseRow,
  unitInText,
  yuanOf,
  amountKey,
} from "../../../src/core/ledger";
import { d } from "../../fixtures/ledgers";

const fields = (h: string) => matchHeader(h)?.fields ?? null;

describe("header synonyms (docs/rules.md「读取台账」)", () => {
  it.each([
    ["项目名称", "project"],
    ["项 目 名 称", "project"],
    ["扶贫项目名称", "project"],
    ["項目名稱", "project"],
    ["建设内容及规模", "content"],
    ["资金用途", "content"],
    ["资金类型", "fundType"],
    ["資金類型", "fundType"],
    ["资金来源类别", "fundType"],
    ["资金来源", "source"],
    ["来源渠道", "source"],
    ["金额（万元）", "amount"],
    ["下达金额(元)", "amount"],
    ["投资规模\n（万元）", "amount"],
    ["金额/万元", "amount"],
    ["下达资金\n（万元）", "amount"],
    ["资金下达\n时间", "passDownDate"],
    ["收文时间", "receivedDate"],
    ["中央下达资金文号", "docNumber"],
    ["资金规模【万元】", "amount"],
    ["收到文件\n日期", "receivedDate"],
    ["预算批复日期", "budgetDate"],
    ["人大批复部门预算日期", "budgetDate"],
    ["部门预算批复日期", "budgetDate"],
    ["收到资金下达文件日期", "receivedDate"],
    ["收到资金文件日期", "receivedDate"],
    // A bare 批复日期 is the project's approval, never a deadline's start (34号（十三）).
    ["批复日期", "approvalDate"],
    ["资金下达日期", "passDownDate"],
    ["拨付日期", "passDownDate"],
    ["下达文号", "docNumber"],
    ["支出经济分类", "econCode"],
    ["项目批复日期", "approvalDate"],
    ["立项日期", "approvalDate"],
    ["实施状态", "status"],
    ["进度", "status"],
    ["建设地点", "place"],
    ["项目实施单位", "implementer"],
    ["项目负责人", "responsible"],
    ["监督举报电话", "hotline"],
    ["起止时间", "period"],
    ["预期效益", "performance"],
    ["績效目標", "performance"],
    ["年度", "year"],
    ["当年资金（万元）", "total"],
    ["結轉結餘（元）", "carryover"],
    ["结转金额", "carryover"],
    ["＊项目名称：", "project"],
  ])("%s → %s", (header, field) => {
    expect(fields(header)).toEqual([field]);
  });

  it("实施单位及责任人 names two fields", () => {
    expect(fields("实施单位及责任人")).toEqual(["implementer", "responsible"]);
  });

  it("项目编号 / 項目編號 is the project number, not the project", () => {
    expect(fields("项目编号")).toEqual(["projectNo"]);
    expect(fields("項目編號")).toEqual(["projectNo"]);
  });

  it.each(["序号", "备注", "结转结余率", "资金总额占比", "", "合计"])(
    "%s is not a field",
    (header) => {
      expect(fields(header)).toBeNull();
    }
  );

  it("reads the unit a header names", () => {
    expect(matchHeader("金额（万元）")?.unit).toBe("万元");
    expect(matchHeader("金额(元)")?.unit).toBe("元");
    expect(matchHeader("资金规模\n（单位：万元）")?.unit).toBe("万元");
    expect(matchHeader("金额")?.unit).toBeNull();
  });
});

describe("header row detection", () => {
  const rows = (values: unknown[][]) => values.map((v, i) => ({ row: i + 1, values: v }));

  it("skips a title and a unit row and reads the unit row", () => {
    const h = detectHeader(
      rows([
        ["XX县扶贫资金台账", "", ""],
        ["", "", "单位：万元"],
        ["项目名称", "金额", "资金下达日期"],
        ["村道", 10, d(2024, 3, 5)],
      ])
    );
    expect(h).toMatchObject({
      headerRow: 3,
      lastHeaderRow: 3,
      mapping: { project: 0, amount: 1, passDownDate: 2 },
      unitRow: { row: 2, unit: "万元" },
    });
  });

  it("joins a two-row merged header; the sub-header's units count", () => {
    const h = detectHeader(
      rows([
        ["序号", "项目名称", "资金情况", "", "实施单位"],
        ["", "", "金额（元）", "资金类型", ""],
        [1, "村道", 100, "中央新增", "交通局"],
      ])
    );
    expect(h).toMatchObject({
      headerRow: 1,
      lastHeaderRow: 2,
      mapping: { project: 1, amount: 2, fundType: 3, implementer: 4 },
      columnUnits: { 2: "元" },
      unitRow: null,
    });
  });

  it("a merged group cell's unit holds for the columns under it", () => {
    const h = detectHeader(
      rows([
        ["项目名称", "资金情况（万元）", "", "", "实施单位"],
        ["", "中央", "金额", "下达日期", ""],
        ["村道", 1, 2, d(2024, 3, 5), "交通局"],
      ])
    );
    expect(h?.mapping).toMatchObject({ project: 0, amount: 2, passDownDate: 3, implementer: 4 });
    expect(h?.columnUnits).toEqual({ 1: "万元", 2: "万元", 3: "万元" });
  });

  it("a one-cell title naming a field is not the upper half of the header", () => {
    const h = detectHeader(
      rows([
        ["XX县项目资金拨付台账（单位：万元）", "", ""],
        ["序号", "项目名称", "资金下达日期"],
        [1, "村道", d(2024, 3, 5)],
      ])
    );
    expect(h).toMatchObject({
      headerRow: 2,
      lastHeaderRow: 2,
      mapping: { project: 1, passDownDate: 2 },
      unitRow: { row: 1, unit: "万元" },
    });
  });

  it("finds a unit stated inside the title", () => {
    expect(unitInText("2024年资金拨付台账（单位：万元）")).toBe("万元");
    expect(unitInText("單位：元")).toBe("元");
    expect(unitInText("单位：个")).toBeNull();
  });

  it("needs two known columns: a title or one stray word is no header", () => {
    expect(detectHeader(rows([["项目"], ["村道硬化"]]))).toBeNull();
  });

  it("takes the first of two columns naming the same field", () => {
    const h = detectHeader(rows([["项目名称", "下达金额", "拨付金额"]]));
    expect(h?.mapping).toEqual({ project: 0, amount: 1 });
  });
});

describe("sheet kinds", () => {
  it("carry-over, publicity by name or columns, projects, ledger, or not recognised", () => {
    expect(classifySheet("表1", { year: 0, total: 1, carryover: 2 }).kind).toBe("carryover");
    expect(classifySheet("项目公示", { project: 0, amount: 1 }).kind).toBe("publicity");
    expect(classifySheet("項目庫", { project: 0, amount: 1 }).kind).toBe("projects");
    expect(classifySheet("台账", { project: 0, amount: 1 }).kind).toBe("ledger");
    const seven = { project: 0, source: 1, amount: 2, place: 3, content: 4, period: 5, hotline: 6 };
    expect(classifySheet("Sheet1", seven).kind).toBe("publicity");
    const r = classifySheet("Sheet1", { place: 0, hotline: 1 });
    expect(r.kind).toBeNull();
    expect(r.reason.zh).toContain("实施地点");
  });
});

describe("unit inference (docs/rules.md「读取台账」)", () => {
  it("small values with decimals are 万元; many values above 10⁵ are 元", () => {
    expect(inferUnit([12.35, 8.5, 120.75, 3.2])).toBe("万元");
    expect(inferUnit([350000, 1200000, 86000])).toBe("元");
    expect(inferUnit([50, 120, 300])).toBe("万元");
    expect(inferUnit([3000, 2500, 12000, 4800])).toBe("元");
    expect(inferUnit([])).toBeNull();
  });
});

describe("rows → records", () => {
  const plan = {
    mapping: { project: 0, amount: 1, receivedDate: 2, econCode: 3 },
    units: { amount: "万元" as const },
  };

  it("amounts in 元 (the column's unit unless the cell names one), dates as serials", () => {
    const r = parseRow(7, ["村道", "12.5", "2024年3月5日", 31005], plan);
    expect(r.kind).toBe("record");
    if (r.kind !== "record") return;
    expect(yuanOf(r.record.amounts.amount!).toString()).toBe("125000");
    expect(r.record.dates.receivedDate).toBe(d(2024, 3, 5));
    const own = parseRow(8, ["村道", "3000元", "", ""], plan);
    expect(own.kind === "record" && yuanOf(own.record.amounts.amount!).toString()).toBe("3000");
    const neg = parseRow(9, ["村道", "(1,234.50)", "", ""], plan);
    expect(neg.kind === "record" && yuanOf(neg.record.amounts.amount!).toString()).toBe(
      "-12345000"
    );
    const num = parseRow(10, ["村道", 0.1 + 0.2, "", ""], plan);
    expect(num.kind === "record" && yuanOf(num.record.amounts.amount!).toString()).toBe("3000");
  });

  it("amount keys are equal for equal amounts however written", () => {
    const key = (v: unknown) => {
      const r = parseRow(2, ["村道", v, "", ""], plan);
      return r.kind === "record" ? amountKey(r.record.amounts.amount!, "万元") : null;
    };
    expect(key(120.5)).toBe("120.5");
    expect(key("120.50")).toBe("120.5");
    expect(key("1,205,000元")).toBe("120.5");
    expect(key("１２０．５")).toBe("120.5");
    expect(key(0.1 + 0.2)).toBe("0.3");
  });

  it("every unreadable cell is a problem with its address", () => {
    const r = parseRow(12, ["村道", "待定", "2024-13-01", "#REF!", "#DIV/0!"], plan);
    expect(r.problems.map((p) => [p.cell, p.problem])).toEqual([
      ["D12", "error-value"],
      ["E12", "error-value"],
      ["B12", "amount"],
      ["C12", "impossible"],
    ]);
    expect(r.problems[3].field).toBe("receivedDate");
    expect(r.problems[1].field).toBeNull();
  });

  it("a slash or 无 means nothing, not an unreadable cell", () => {
    for (const v of ["/", "无", "／"]) {
      const r = parseRow(4, ["村道", v, v, ""], plan);
      expect(r.problems).toEqual([]);
      expect(r.kind === "record" && r.record.amounts.amount).toBe(undefined);
    }
  });

  it("a dash in an amount cell is zero, as in accounting sheets", () => {
    for (const v of ["—", "-", " － ", "——"]) {
      const r = parseRow(4, ["村道", v, "", ""], plan);
      expect(r.problems).toEqual([]);
      const a = r.kind === "record" ? r.record.amounts.amount : undefined;
      expect(a && yuanOf(a).toString()).toBe("0");
    }
  });

  it("a year typed in a date column is implausible, not 1905", () => {
    const r = parseRow(3, ["村道", 1, 2024, ""], plan);
    expect(r.problems.map((p) => [p.cell, p.problem])).toEqual([["C3", "impossible"]]);
  });

  it("total, repeated-header, signature and blank rows are not records", () => {
    expect(parseRow(1, ["合 计", 100, "", ""], plan).kind).toBe("skip");
    expect(parseRow(1, ["小计", 100, "", ""], plan).kind).toBe("skip");
    expect(parseRow(1, ["项目名称", "金额", "收到文件日期", ""], plan).kind).toBe("skip");
    expect(parseRow(1, ["", "", "审核人：李四", ""], plan)).toEqual({
      kind: "skip",
      why: "note",
      problems: [],
    });
    expect(parseRow(1, ["", null, undefined, "  "], plan).kind).toBe("skip");
  });

  it("an error value in a total row is still reported", () => {
    const r = parseRow(20, ["合计", "#VALUE!", "", ""], plan);
    expect(r.kind).toBe("skip");
    expect(r.problems.map((p) => p.cell)).toEqual(["B20"]);
  });
});
