import {
  Finding,
  NEGATIVE_LISTS,
  PACKS,
  RULES,
  SheetInput,
  SheetReview,
  listRules,
  recogniseSheet,
  reviewSheet,
  reviewWorkbook,
} from "../../../src/core/review";
import {
  AS_OF,
  carryoverTable,
  cleanPublicityByColumns,
  countyLedger,
  d,
  dateForms,
  notesSheet,
  publicityList,
  unitless,
} from "../../fixtures/ledgers";
import { generateLedger } from "../../fixtures/ledgers/generate";

const params = { asOf: AS_OF };

const brief = (f: Finding) => ({ kind: f.kind, rule: f.rule, cell: f.cell });

/** Feeds a sheet row by row as a streaming reader does: blank rows are never delivered. */
function stream(sheet: SheetInput, p = params) {
  const r = new SheetReview(sheet.name, p);
  sheet.values.forEach((row, i) => {
    if (row.every((v) => v === "" || v === null || v === undefined)) return;
    r.addRow(i + 1, row);
  });
  return r.finish();
}

describe("county ledger with a planted fault of every ledger kind", () => {
  const { sheet, expected } = countyLedger();
  const result = reviewSheet(sheet, params);

  it("recognises the two-row header under the title and unit rows, and the unit row", () => {
    expect(result.sheet).toMatchObject({
      recognised: true,
      kind: "ledger",
      headerRow: 4,
      unit: { unit: "万元", how: "unit-row" },
      mapping: {
        project: 1,
        content: 2,
        fundType: 3,
        source: 4,
        amount: 5,
        receivedDate: 6,
        passDownDate: 7,
        docNumber: 8,
        status: 9,
        approvalDate: 10,
        econCode: 11,
        performance: 12,
      },
    });
    // 14 project rows; the blank, total and signature rows are not records.
    expect(result.sheet.rows).toBe(14);
  });

  it("yields exactly the planted findings, in sheet order, with their addresses", () => {
    expect(result.findings.map(brief)).toEqual(expected);
  });

  it("cites every finding except DATA, and gives each a bilingual message", () => {
    for (const f of result.findings) {
      if (f.kind === "DATA") expect(f.citation).toBeNull();
      else expect(f.citation?.quote.length).toBeGreaterThan(10);
      expect(f.message.zh).not.toMatch(/\{\w+\}/);
      expect(f.message.en).not.toMatch(/\{\w+\}/);
      expect(f.sheet).toBe("拨付台账");
      expect(f.cell).toBe(`${f.column}${f.row}`);
    }
  });

  it("computes deadlines and days late (month periods, rest-day roll, Traditional text)", () => {
    const at = (cell: string) => result.findings.find((f) => f.cell === cell)!;
    expect(at("H7").evidence).toContain("期限 2024-10-21");
    expect(at("H7").evidence).toContain("超期 35 天");
    expect(at("H7").severity).toBe("error");
    expect(at("H7").citation?.clause).toBe("第（十三）条");
    expect(at("H18").evidence).toContain("期限 2024-07-05");
    expect(at("H18").evidence).toContain("超期 67 天");
    expect(at("H8").message.zh).toContain("截至 2025-06-30 仍未下达");
    expect(at("J12").evidence).toContain("2 年届满 2024-03-01");
    expect(at("J12").citation?.clause).toBe("第（七）条3");
    expect(at("B15").evidence).toContain("与第 6 行相同");
    // The vehicle purchase: content and economic code 31013, cited to 76号 一（二）.
    expect(at("C14").evidence).toContain("31013");
    expect(at("C14").citation).toMatchObject({
      document: "新扶贫领字〔2018〕76号",
      clause: "一（二）",
    });
    expect(at("C14").severity).toBe("error");
    expect(at("B15").severity).toBe("warning");
    expect(at("F9").severity).toBe("warning");
  });

  it("streaming row by row gives the same result as the whole sheet", () => {
    expect(stream(sheet)).toEqual(result);
  });

  it("a pass-down on the deadline day is on time; an earlier as-of date finds less", () => {
    const early = reviewSheet(sheet, { asOf: d(2024, 9, 1) });
    const cells = early.findings.map((f) => f.cell);
    expect(cells).not.toContain("H11"); // passed 2024-05-15, deadline 2024-05-15
    expect(cells).not.toContain("H8"); // 60 working days from 2024-08-09 not yet over
    expect(cells).toContain("J12"); // 2 years from 2022-03-01 are over by 2024-09-01
  });
});

describe("clean rows yield nothing", () => {
  it("the clean rows of the county ledger alone", () => {
    const { sheet } = countyLedger();
    const clean = { ...sheet, values: sheet.values.slice(0, 6) };
    expect(reviewSheet(clean, params).findings).toEqual([]);
  });

  it("a complete publicity list recognised by its columns", () => {
    const r = reviewSheet(cleanPublicityByColumns(), params);
    expect(r.sheet).toMatchObject({ kind: "publicity", unit: { unit: "万元", how: "header" } });
    expect(r.sheet.mapping?.implementer).toBe(7);
    expect(r.sheet.mapping?.responsible).toBe(7);
    expect(r.findings).toEqual([]);
  });
});

describe("carry-over table", () => {
  const { sheet, expected } = carryoverTable();
  const r = reviewSheet(sheet, params);
  it("is recognised from Traditional headers, unit from the header", () => {
    expect(r.sheet).toMatchObject({
      kind: "carryover",
      headerRow: 2,
      unit: { unit: "元", how: "header" },
      mapping: { year: 0, total: 1, carryover: 2 },
    });
  });
  it("flags rates strictly above 10 %, not 10 % itself, and a missing total", () => {
    expect(r.findings.map(brief)).toEqual(expected);
    const f = r.findings[0];
    expect(f.evidence).toContain("= 15.00%");
    expect(f.message.zh).toContain("按结转结余额 1200000元 扣减");
    // 500001 ÷ 5000000 = 10.00002 %: shown with the places that make it exceed 10 %.
    expect(r.findings[2].evidence).toContain("= 10.00002%");
    expect(r.findings[2].message.zh).toContain("结转结余率 10.00002%");
  });
  it("the threshold is a parameter", () => {
    const loose = reviewSheet(sheet, { asOf: AS_OF, carryoverThreshold: 0.2 });
    expect(loose.findings.map((f) => f.rule)).toEqual(["DATA-NO-TOTAL"]);
  });
});

describe("publicity list", () => {
  const { sheet, expected } = publicityList();
  it("missing column → sheet-level finding; blank required cell → cell finding", () => {
    const r = reviewSheet(sheet, params);
    expect(r.sheet.kind).toBe("publicity");
    expect(r.sheet.unit).toEqual({ unit: "元", how: "header" });
    expect(r.findings.map(brief)).toEqual(expected);
    expect(r.findings[0]).toMatchObject({ row: null, column: null, cell: null });
    expect(r.findings[0].citation?.clause).toBe("二（四）");
  });
  it("under another name it is recognised by its columns (9 of the 10 publicity columns)", () => {
    const r = reviewSheet({ ...sheet, name: "Sheet1" }, params);
    expect(r.sheet.kind).toBe("publicity");
    expect(r.sheet.reason?.zh).toContain("9 项公示内容");
    expect(r.findings.map(brief)).toEqual(expected);
  });
  it("with only 6 publicity columns a sheet is a ledger: no publicity findings", () => {
    // Drop 建设周期 (F), 实施地点 (D) and 责任人 (I).
    const values = sheet.values.map((row) => row.filter((_, c) => c !== 3 && c !== 5 && c !== 8));
    const r = reviewSheet({ name: "台账", values }, params);
    expect(r.sheet.kind).toBe("ledger");
    // …but a ledger with a performance-target column is still checked for it (now column E).
    expect(r.findings.map(brief)).toEqual([{ kind: "PERFORMANCE", rule: "XJ76-2-6", cell: "E6" }]);
  });
  it("a project library without a performance column gets one sheet-level PERFORMANCE finding", () => {
    const values = sheet.values.map((row) => row.filter((_, c) => c !== 6));
    const r = reviewSheet({ name: "2024年项目库", values }, params);
    expect(r.sheet.kind).toBe("projects");
    const perf = r.findings.filter((f) => f.kind === "PERFORMANCE");
    expect(perf.map(brief)).toEqual([{ kind: "PERFORMANCE", rule: "XJ76-2-6", cell: null }]);
  });
});

describe("dates in every form", () => {
  it("each form of the same day gives the same deadline and days late", () => {
    const { sheet, forms } = dateForms();
    const r = reviewSheet(sheet, params);
    expect(r.sheet.mapping).toMatchObject({
      project: 0,
      fundType: 1,
      amount: 2,
      receivedDate: 3,
      passDownDate: 4,
    });
    expect(r.findings).toHaveLength(forms.length);
    for (const f of r.findings) {
      expect(f.rule).toBe("GX34-13-CENTRAL_NEW");
      expect(f.column).toBe("E");
      expect(f.evidence).toBe(
        "资金类型：当年中央新增；收到资金下达文件日期 2024-03-05；期限 2024-05-06；下达 2024-06-05；超期 30 天"
      );
    }
  });
});

describe("units", () => {
  it("infers 万元 and 元 when nothing states the unit, and says so", () => {
    const small = recogniseSheet(unitless(false));
    expect(small.unit).toEqual({ unit: "万元", how: "inferred" });
    expect(small.reason?.zh).toContain("推断为万元");
    expect(recogniseSheet(unitless(true)).unit).toEqual({ unit: "元", how: "inferred" });
  });
  it("duplicates are found across units once amounts are in 元 (12.5万 = 125000 元)", () => {
    const sheet: SheetInput = {
      name: "台账",
      values: [
        ["项目名称", "金额（元）"],
        ["村道", 125000],
        ["村道", "12.5万"],
      ],
    };
    expect(reviewSheet(sheet, params).findings.map(brief)).toEqual([
      { kind: "DUPLICATE", rule: "XJ76-2-1-DUPLICATE", cell: "A3" },
    ]);
  });
});

describe("the workbook, packs, mappings", () => {
  it("reviews every sheet, reports the one it skipped and why, orders by sheet then row", () => {
    const r = reviewWorkbook([notesSheet(), countyLedger().sheet, carryoverTable().sheet], params);
    expect(r.sheets.map((s) => [s.name, s.recognised])).toEqual([
      ["填表说明", false],
      ["拨付台账", true],
      ["結轉結餘情況", true],
    ]);
    expect(r.sheets[0].reason?.zh).toContain("找不到表头");
    const sheets = r.findings.map((f) => f.sheet);
    expect(sheets.indexOf("結轉結餘情況")).toBeGreaterThan(sheets.lastIndexOf("拨付台账"));
  });

  it("packs filter the rules", () => {
    const { sheet } = countyLedger();
    const only = (packs: string[]) =>
      [...new Set(reviewSheet(sheet, { asOf: AS_OF, packs }).findings.map((f) => f.kind))].sort();
    expect(only(["GX34"])).toEqual(["DATA", "IDLE", "OVERDUE"]); // DATA-FUNDTYPE belongs to GX34
    expect(only(["XJ76"])).toEqual(["PERFORMANCE"]);
    expect(only(["NEGATIVE"])).toEqual(["PROHIBITED"]);
    // One negative list by name: 财农〔2017〕8号 only.
    const cn = reviewSheet(sheet, { asOf: AS_OF, packs: ["CN2017"] }).findings;
    expect(cn.map((f) => [f.rule, f.cell])).toEqual([["CN17-2", "C14"]]);
    expect(only(["DATA"])).toEqual(["DATA", "DUPLICATE"]);
    expect(only([])).toEqual([]);
  });

  it("a user's mapping correction wins and is reported", () => {
    const sheet: SheetInput = {
      name: "台账",
      values: [
        ["项目名称", "拨款（万元）", "金额（万元）"],
        ["村道", "待定", 10],
      ],
    };
    expect(recogniseSheet(sheet).mapping).toEqual({ project: 0, amount: 2 });
    const moved = recogniseSheet(sheet, { amount: 1 });
    expect(moved.mapping).toEqual({ project: 0, amount: 1 });
    expect(moved.unit).toEqual({ unit: "万元", how: "header" });
    const r = reviewSheet(sheet, { asOf: AS_OF, mappings: { 台账: { amount: 1 } } });
    expect(r.findings.map(brief)).toEqual([{ kind: "DATA", rule: "DATA-AMOUNT", cell: "B2" }]);
  });

  it("a header below the scanned rows is found when the user names its row", () => {
    const notes = Array.from({ length: 35 }, (_, i) => [`说明第${i + 1}条`, ""]);
    const sheet: SheetInput = {
      name: "长说明台账",
      values: [...notes, ["项目名称", "拨款（万元）"], ["村道", "待定"]],
    };
    expect(recogniseSheet(sheet).recognised).toBe(false);
    const named = recogniseSheet(sheet, { project: 0, amount: 1 }, 36);
    expect(named).toMatchObject({
      recognised: true,
      headerRow: 36,
      mapping: { project: 0, amount: 1 },
      unit: { unit: "万元", how: "header" },
    });
    const r = reviewSheet(sheet, {
      asOf: AS_OF,
      headerRows: { 长说明台账: 36 },
      mappings: { 长说明台账: { amount: 1 } },
    });
    expect(r.findings.map(brief)).toEqual([{ kind: "DATA", rule: "DATA-AMOUNT", cell: "B37" }]);
  });

  it("values that start at another origin keep worksheet addresses", () => {
    const r = reviewSheet(
      {
        name: "台账",
        origin: { row: 3, column: 2 },
        values: [
          ["项目名称", "金额"],
          ["村道", "#VALUE!"],
        ],
      },
      params
    );
    expect(r.sheet.headerRow).toBe(3);
    expect(r.sheet.mapping).toEqual({ project: 1, amount: 2 });
    expect(r.findings.map(brief)).toEqual([{ kind: "DATA", rule: "DATA-ERROR", cell: "C4" }]);
  });

  it("a year the calendar does not cover becomes a DATA finding naming the year", () => {
    const sheet: SheetInput = {
      name: "台账",
      values: [
        ["项目名称", "资金类型", "人大批复部门预算日期", "资金下达日期"],
        ["村道", "自治区本级预算", "2026-12-01", ""],
      ],
    };
    const r = reviewSheet(sheet, { asOf: d(2027, 6, 1) });
    expect(r.findings.map(brief)).toEqual([{ kind: "DATA", rule: "DATA-CALENDAR", cell: "C2" }]);
    expect(r.findings[0].message.zh).toContain("2027");
    // …and supplying that year's arrangement lets the rule run.
    const given = reviewSheet(sheet, { asOf: d(2027, 6, 1), holidays: [d(2027, 1, 1)] });
    expect(given.findings.map((f) => f.kind)).toEqual(["OVERDUE"]);
  });

  it("strict mode: only public holidays extend a deadline", () => {
    // 2 months from 2024-08-19 end on 2024-10-19, an ordinary Saturday: by default the
    // deadline moves to Monday 10-21; in strict mode it stays on 10-19.
    const sheet: SheetInput = {
      name: "台账",
      values: [
        ["项目名称", "资金类型", "收到文件日期", "资金下达日期"],
        ["村道", "中央新增", "2024-08-19", "2024-10-21"],
      ],
    };
    expect(reviewSheet(sheet, params).findings).toEqual([]);
    const strict = reviewSheet(sheet, { asOf: AS_OF, strict: true });
    expect(strict.findings.map((f) => f.evidence)).toEqual([
      "资金类型：中央新增；收到资金下达文件日期 2024-08-19；期限 2024-10-19；下达 2024-10-21；超期 2 天",
    ]);
  });

  it("idle years are a parameter; 终止 and 无法实施 need no date", () => {
    const sheet: SheetInput = {
      name: "台账",
      values: [
        ["项目名称", "实施状态", "立项日期"],
        ["甲", "未开工", "2023-06-01"],
        ["乙", "无法实施", ""],
        ["丙", "未开工", ""],
        ["丁", "未開工", "2023-06-30"],
        ["戊", "已終止", ""],
      ],
    };
    // 2023-06-01 + 2 years = 2025-06-01 < 2025-06-30; 2023-06-30 + 2 years = 2025-06-30, not after.
    expect(reviewSheet(sheet, params).findings.map(brief)).toEqual([
      { kind: "IDLE", rule: "GX34-7-3-NOT_STARTED", cell: "B2" },
      { kind: "IDLE", rule: "GX34-7-3-IMPOSSIBLE", cell: "B3" },
      { kind: "DATA", rule: "DATA-NO-APPROVAL", cell: "C4" },
      { kind: "IDLE", rule: "GX34-7-3-TERMINATED", cell: "B6" },
    ]);
    // 3 years: neither has passed; 1 year: both have.
    const three = reviewSheet(sheet, { asOf: AS_OF, idleYears: 3 }).findings.map((f) => f.rule);
    expect(three).not.toContain("GX34-7-3-NOT_STARTED");
    const one = reviewSheet(sheet, { asOf: AS_OF, idleYears: 1 }).findings.map(brief);
    expect(one).toContainEqual({ kind: "IDLE", rule: "GX34-7-3-NOT_STARTED", cell: "B2" });
    expect(one).toContainEqual({ kind: "IDLE", rule: "GX34-7-3-NOT_STARTED", cell: "B5" });
    // Exactly on the anniversary is not yet "more than" 2 years.
    const edge = reviewSheet(sheet, { asOf: d(2025, 6, 30) }).findings.map((f) => f.cell);
    expect(edge).not.toContain("B5");
    const after = reviewSheet(sheet, { asOf: d(2025, 7, 1) }).findings.map((f) => f.cell);
    expect(after).toContain("B5");
  });
});

describe("the registry", () => {
  it("every rule has a pack, a severity by kind and, except DATA, a citation", () => {
    const packIds = PACKS.map((p) => p.id);
    const ids = new Set<string>();
    for (const r of listRules()) {
      expect(packIds).toContain(r.pack);
      expect(ids.has(r.rule)).toBe(false);
      ids.add(r.rule);
      const sev = {
        OVERDUE: "error",
        IDLE: "error",
        CARRYOVER: "error",
        PROHIBITED: "error",
        BLACKLIST: "error",
        MGMT_FEE: "error",
        INTEREST: "error",
        TARGET: "info", // one county's practice, not a rule
      } as Record<string, string>;
      expect(r.severity).toBe(sev[r.kind] ?? "warning");
      if (r.kind === "DATA") expect(r.citation).toBeNull();
      else expect(r.citation?.document).toMatch(/〔20\d\d〕\d+号|湖北省人民政府|秭归县/);
    }
    expect(NEGATIVE_LISTS.map((l) => l.id)).toEqual(["XJ2018", "HB2015", "CN2017"]);
    expect(PACKS.map((p) => p.id)).toEqual([
      "GX34",
      "NEGATIVE",
      "XJ76",
      "DATA",
      "BLACKLIST",
      "SUBSIDY",
      "DOUBLE",
      "ZG2015",
      "LEDGER",
      "ADJUST",
    ]);
    expect(RULES.filter((r) => r.kind === "OVERDUE").map((r) => r.rule)).toEqual([
      "GX34-13-CENTRAL_ADVANCE",
      "GX34-13-CENTRAL_NEW",
      "GX34-13-REGION_BUDGET",
      "GX34-13-DEPT_DETAILED",
      "GX34-13-DEPT_UNDETAILED",
    ]);
  });
});

describe("streaming over a generated ledger", () => {
  it("SheetReview row by row equals reviewSheet, and finds the faults sprinkled in", () => {
    const values = generateLedger(3000);
    const whole = reviewSheet({ name: "台账", values }, params);
    expect(stream({ name: "台账", values })).toEqual(whole);
    expect(whole.sheet).toMatchObject({
      headerRow: 4,
      rows: 3000,
      unit: { unit: "万元", how: "unit-row" },
    });
    const rules = new Set(whole.findings.map((f) => f.rule));
    for (const r of [
      "XJ76-2-1-DUPLICATE",
      "DATA-AMOUNT",
      "DATA-DATE-AMBIGUOUS",
      "DATA-ERROR",
      "XJ76-2-6",
    ])
      expect(rules).toContain(r);
    // Duplicates are planted at every 1000th row, each the copy of the row above.
    const dups = whole.findings.filter((f) => f.kind === "DUPLICATE");
    expect(dups.map((f) => f.row)).toEqual([1005, 2005, 3005]);
    expect(dups[0].evidence).toContain("与第 1004 行相同");
  });

  it("rows must ascend and nothing is added after finish", () => {
    const r = new SheetReview("台账", params);
    r.addRow(3, ["项目名称", "金额"]);
    expect(() => r.addRow(3, ["村道", 1])).toThrow(/ascend/);
    r.finish();
    expect(() => r.addRow(9, ["村道", 1])).toThrow(/after finish/);
  });
});
