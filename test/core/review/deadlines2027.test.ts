/**
 * 桂政发〔2014〕34号 第（十三）条 on a ledger of our own making (issue 12): each rule from its own
 * start date, only the funds the clause governs, and 2027 judged only once an office supplies
 * that year's arrangement.
 */
import { reviewSheet, Finding, SheetInput } from "../../../src/core/review";
import { parseCalendarTable } from "../../../src/core/calendar/table";
import { reviewNotes } from "../../../src/core/review/notes";
import {
  AS_OF_2027,
  Expected2027,
  INVENTED_2027,
  LEDGER_2027,
  NOT_GOVERNED_TYPES,
  WITH_CALENDAR,
  WITHOUT_CALENDAR,
} from "../../fixtures/ledgers/deadlines2027";

const brief = (f: Finding) => ({ kind: f.kind, rule: f.rule, cell: f.cell });

function expectFindings(findings: Finding[], expected: Expected2027[]) {
  expect(findings.map(brief)).toEqual(
    expected.map(({ kind, rule, cell }) => ({ kind, rule, cell }))
  );
  expected.forEach((e, i) => {
    for (const part of e.evidence ?? []) expect(findings[i].evidence).toContain(part);
  });
}

const table = parseCalendarTable(INVENTED_2027);

describe("the invented 2027 table", () => {
  it("is read: rest days, make-up working days, the year covered", () => {
    expect(table.problems).toEqual([]);
    expect(table.years).toEqual([2027]);
    expect(table.holidays).toHaveLength(13);
    expect(table.workdays).toHaveLength(2);
  });
});

describe("without a 2027 calendar", () => {
  const r = reviewSheet(LEDGER_2027, { asOf: AS_OF_2027 });

  it("rows whose deadline falls in 2027 are DATA naming the year; the others are judged", () => {
    expectFindings(r.findings, WITHOUT_CALENDAR);
    const cal = r.findings.filter((f) => f.rule === "DATA-CALENDAR");
    for (const f of cal) {
      expect(f.message.zh).toContain("2027 年");
      expect(f.message.zh).toContain("节假日安排");
      expect(f.message.en).toContain("--calendar");
    }
  });

  it("the sheet notes how many rows were not judged and which types the clause does not govern", () => {
    expect(r.sheet.notes?.notJudged).toEqual({ rows: 4, years: [2027] });
    expect(r.sheet.notes?.notGoverned?.rows).toBe(4);
    expect([...(r.sheet.notes?.notGoverned?.types ?? [])].sort()).toEqual(
      [...NOT_GOVERNED_TYPES].sort()
    );
    const lines = reviewNotes([r.sheet]).map((l) => l.zh);
    expect(lines).toContainEqual(expect.stringContaining("4 行的下达时限未能判断"));
    expect(lines).toContainEqual(expect.stringContaining("2027"));
    expect(lines).toContainEqual(
      expect.stringContaining(
        "4 行资金类型不适用 34号（十三）：市级提前下达资金、县级新增资金、新增债券资金"
      )
    );
  });

  it("no fund type of another level or kind of money is ever reported OVERDUE", () => {
    for (const f of r.findings)
      expect([8, 9, 10, 15].includes(f.row!) && f.kind === "OVERDUE").toBe(false);
  });
});

describe("with the office's 2027 arrangement", () => {
  const r = reviewSheet(LEDGER_2027, {
    asOf: AS_OF_2027,
    holidays: table.holidays,
    workdays: table.workdays,
  });

  it("each finding right, with its deadline and days late", () => {
    expectFindings(r.findings, WITH_CALENDAR);
    expect(r.sheet.notes?.notJudged).toBeUndefined();
  });

  it("the make-up Saturday is a working day; without it the deadline would roll to Monday", () => {
    const noMakeUp = reviewSheet(LEDGER_2027, {
      asOf: AS_OF_2027,
      holidays: table.holidays,
      workdays: table.workdays.filter((w) => w !== table.workdays[0]),
    });
    const dept = noMakeUp.findings.find((f) => f.rule === "GX34-13-DEPT_DETAILED")!;
    expect(dept.evidence).toContain("期限 2027-02-22");
    expect(dept.evidence).toContain("超期 7 天");
  });
});

describe("start dates per rule (34号（十三）)", () => {
  const sheet = (headers: string[], row: unknown[]): SheetInput => ({
    name: "台账",
    values: [
      ["项目名称", "资金类型", ...headers, "资金下达日期"],
      ["村道", ...row],
    ],
  });

  it("a regional-budget row approved 2025-02-20 and paid on its deadline is on time", () => {
    // 60 working days from 2025-02-20 end 2025-05-20 (Labour Day 05-01..05, make-up 04-27).
    const r = reviewSheet(
      sheet(
        ["收到文件日期", "预算批复日期"],
        ["自治区本级预算", "2025-04-01", "2025-02-20", "2025-05-20"]
      ),
      { asOf: AS_OF_2027 }
    );
    expect(r.sheet.mapping).toMatchObject({ receivedDate: 2, budgetDate: 3 });
    expect(r.findings).toEqual([]);
  });

  it("a bare 批复日期 is not a start date: the budget rule says which column it needs", () => {
    const r = reviewSheet(sheet(["批复日期"], ["自治区本级预算", "2025-02-20", "2025-09-01"]), {
      asOf: AS_OF_2027,
    });
    expect(r.sheet.mapping?.approvalDate).toBe(2);
    expect(r.findings.map(brief)).toEqual([{ kind: "DATA", rule: "DATA-NO-START", cell: "B2" }]);
    expect(r.findings[0].message.zh).toContain("人大批复部门预算日期");
    expect(r.findings[0].message.zh).toContain("表中没有该列");
  });

  it("a missing start-date column is one finding per fund type, counting its rows; a blank cell is one per row", () => {
    const r = reviewSheet(
      {
        name: "台账",
        values: [
          ["项目名称", "资金类型", "收到文件日期", "资金下达日期"],
          ["村道1", "自治区本级预算", "2025-04-01", "2025-09-01"],
          ["村道2", "部门已细化", "2025-04-01", "2025-09-01"],
          ["村道3", "自治区本级预算", "2025-04-01", "2025-09-01"],
          ["村道4", "自治区本级预算", "2025-04-01", "2025-09-01"],
          ["村道5", "中央提前下达", "", "2025-09-01"],
          ["村道6", "中央提前下达", "", "2025-09-01"],
        ],
      },
      { asOf: AS_OF_2027 }
    );
    const noStart = r.findings.filter((f) => f.rule === "DATA-NO-START");
    expect(noStart.map((f) => [f.cell, f.evidence])).toEqual([
      ["B2", "资金类型：自治区本级预算；人大批复部门预算日期：无此列；共 3 行"],
      ["B3", "资金类型：部门已细化；人大批复部门预算日期：无此列"],
      ["C6", "资金类型：中央提前下达；收到资金下达文件日期：空"],
      ["C7", "资金类型：中央提前下达；收到资金下达文件日期：空"],
    ]);
    expect(noStart[0].message.zh).toContain("表中没有该列");
    expect(noStart[2].message.zh).toContain("本行为空");
    // the same text on two rows is one message object (memory at 200,000 such rows), not two
    expect(noStart[3].message).toBe(noStart[2].message);
    expect(noStart[1].message).toBe(noStart[0].message); // same text, two fund types
    expect(noStart[2].message).not.toEqual(noStart[0].message); // a different text stays its own
  });
});

describe("IDLE only from the project approval date", () => {
  it("without that column: no IDLE guessed from another date, one note says why", () => {
    const r = reviewSheet(
      {
        name: "台账",
        values: [
          ["项目名称", "资金类型", "收到资金下达文件日期", "实施状态"],
          ["甲", "中央新增", "2020-01-10", "未开工"],
          ["乙", "中央新增", "2020-01-10", "已终止"],
        ],
      },
      { asOf: AS_OF_2027 }
    );
    expect(r.findings.filter((f) => f.kind === "IDLE").map(brief)).toEqual([
      { kind: "IDLE", rule: "GX34-7-3-TERMINATED", cell: "D3" },
    ]);
    expect(r.sheet.notes?.idleNotChecked?.rows).toBe(1);
    const lines = reviewNotes([r.sheet]).map((l) => l.zh);
    expect(lines).toContainEqual(expect.stringContaining("未检查项目闲置"));
    expect(lines).toContainEqual(expect.stringContaining("项目批复日期"));
    expect(lines).toContainEqual(expect.stringContaining("是否超过 2 年"));
  });

  it("the note names the office's own idle period, not a fixed 2 years", () => {
    const r = reviewSheet(
      {
        name: "台账",
        values: [
          ["项目名称", "资金类型", "收到资金下达文件日期", "实施状态"],
          ["甲", "中央新增", "2020-01-10", "未开工"],
        ],
      },
      { asOf: AS_OF_2027, idleYears: 3 }
    );
    expect(r.sheet.notes?.idleNotChecked).toMatchObject({ rows: 1, years: 3 });
    const line = reviewNotes([r.sheet]).find((l) => l.zh.includes("未检查项目闲置"));
    expect(line?.zh).toContain("是否超过 3 年");
    expect(line?.zh).not.toContain("2 年");
    expect(line?.en).toContain("3 years");
  });
});

describe("an office's own fund-type names (资金类型对照)", () => {
  it("maps a name to a rule or to 不适用, before the built-in reading", () => {
    const r = reviewSheet(LEDGER_2027, {
      asOf: AS_OF_2027,
      holidays: table.holidays,
      workdays: table.workdays,
      // 中央专项扶贫资金 is this office's name for its advance central funds.
      fundTypes: { 中央专项扶贫资金: "CENTRAL_ADVANCE", 市级提前下达资金: null },
    });
    expect(r.findings.some((f) => f.rule === "DATA-FUNDTYPE")).toBe(false);
    // rows 11 and 12: 4 months from 2026-10-01 / 10-02 end 2027-02-01 / 02-02; not passed down.
    const adv = r.findings.filter((f) => f.rule === "GX34-13-CENTRAL_ADVANCE").map((f) => f.cell);
    expect(adv).toEqual(["E2", "E11", "E12"]);
    expect(r.findings.find((f) => f.cell === "E11")!.evidence).toContain("期限 2027-02-01");
  });
});

describe("the office's own tables are never reviewed as ledgers", () => {
  it("a 节假日安排 sheet is skipped with a reason that says how it is used", () => {
    const r = reviewSheet({ name: "节假日安排", values: INVENTED_2027 }, { asOf: AS_OF_2027 });
    expect(r.sheet.recognised).toBe(false);
    expect(r.sheet.reason?.zh).toContain("--calendar");
    expect(r.findings).toEqual([]);
  });
});
