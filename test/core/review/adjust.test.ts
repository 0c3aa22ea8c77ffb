/**
 * 34号 第（七）条1–2 (pack ADJUST, off by default): a project arranged differently from the pooling
 * plan needs an approved entry in the adjustment log — with a 备案日期 for a partial change (1), the
 * consent alone for a move of place (2). Exactly the plan's amount is no change.
 */
import { reviewSheet } from "../../../src/core/review";
import { DEFAULT_PACKS } from "../../../src/core/review/registry";
import { readOfficeLists, isOfficeSheet } from "../../../src/core/review/office";
import { serialFromYmd } from "../../../src/core/dates";
import { ADJUSTMENT_SPEC } from "../../../src/core/filing/office-specs";
import { PLAN } from "../../../src/core/filing/specs";
import {
  ADJUSTMENT_SHEET,
  PLAN_SHEET,
  adjustmentKindOf,
  entryLacks,
} from "../../../src/core/rules/adjustment";

const asOf = serialFromYmd(2026, 6, 30);
const on = [...DEFAULT_PACKS, "ADJUST"];

const PLAN_VALUES = [
  ["年度统筹整合资金方案"],
  ["（2026 年度）"],
  ["项目名称", "年度", "来源渠道", "使用平台", "资金额度（万元）"],
  ["甲村产业路", 2026, "中央财政衔接资金", "整村推进", 100],
  ["乙村饮水", 2026, "中央财政衔接资金", "整村推进", 50],
  ["乙村饮水", 2026, "县级财政衔接资金", "整村推进", 10],
  ["丙村文化室", 2026, "县级财政衔接资金", "整村推进", 20],
  ["丁村道路", 2026, "县级财政衔接资金", "整村推进", 30],
];
const LOG_HEADER = [
  "项目名称",
  "调整类型",
  "调整内容",
  "申请单位",
  "批准机关",
  "批准日期",
  "批准文号",
  "备案单位",
  "备案日期",
];

function lists(log: unknown[][] | null) {
  const sheets: { name: string; values: unknown[][] }[] = [
    { name: PLAN_SHEET, values: PLAN_VALUES },
  ];
  if (log) sheets.push({ name: ADJUSTMENT_SHEET, values: [LOG_HEADER, ...log] });
  const r = readOfficeLists(sheets);
  expect(r.problems).toEqual([]);
  return r.lists;
}

// A project list: 甲 exactly as planned; 乙 60 planned (two rows) and 60 arranged; 丙 one yuan more;
// 丁 less than planned; 戊 not in the plan.
const PROJECTS = {
  name: "项目库",
  values: [
    ["项目名称", "实施单位", "金额（元）"],
    ["甲村产业路", "县交通局", 1000000],
    ["乙村饮水", "县水利局", 600000],
    ["丙村文化室", "县文旅局", 200001],
    ["丁村道路", "县交通局", 250000],
    ["戊村仓库", "县农业局", 10000],
  ],
};
const adjust = (r: ReturnType<typeof reviewSheet>) =>
  r.findings.filter((f) => f.rule === "GX34-7-ADJUST").map((f) => `${f.cell}`);

test("off by default; the sheet names are the filing templates' and the review reads them", () => {
  expect(DEFAULT_PACKS).not.toContain("ADJUST");
  expect(PLAN.sheetName).toBe(PLAN_SHEET);
  expect(ADJUSTMENT_SPEC.sheetName).toBe(ADJUSTMENT_SHEET);
  expect(isOfficeSheet(PLAN_SHEET) && isOfficeSheet(ADJUSTMENT_SHEET)).toBe(true);
  const r = reviewSheet(PROJECTS, { asOf, office: lists(null) });
  expect(r.findings.filter((f) => f.kind === "ADJUST")).toEqual([]);
});

test("on, no log: exactly as planned is no change; one yuan above and below (a project list) are", () => {
  const r = reviewSheet(PROJECTS, { asOf, packs: on, office: lists(null) });
  expect(adjust(r)).toEqual(["C4", "C5"]);
  const f = r.findings.find((x) => x.cell === "C4")!;
  expect(f.citation?.clause).toBe("第（七）条1–2");
  expect(f.message.zh).toContain("20.0001万元");
  expect(f.message.zh).toContain("未提供");
  const un = r.findings.find((x) => x.rule === "DATA-ADJUST-UNMATCHED")!;
  expect(un.evidence).toContain("戊村仓库");
});

test("the log: an approved, filed partial change clears it; without 备案日期 or 文号 it does not; a move of place needs no 备案", () => {
  const approved = serialFromYmd(2026, 5, 1);
  const r = reviewSheet(PROJECTS, {
    asOf,
    packs: on,
    office: lists([
      [
        "丙村文化室",
        "局部调整（规模或内容）",
        "增加面积",
        "县文旅局",
        "县政府",
        approved,
        "某政函〔2026〕3号",
        "市文旅局",
        "",
      ],
      [
        "丁村道路",
        "调整实施地点",
        "改到戊村",
        "县交通局",
        "市交通局",
        approved,
        "某交函〔2026〕1号",
        "",
        "",
      ],
    ]),
  });
  expect(adjust(r)).toEqual(["C4"]);
  expect(r.findings.find((x) => x.cell === "C4")!.message.zh).toContain("第 2 行缺少备案日期");
});

test("a disbursement ledger: paid below the plan is not a change (money still to pay); above is", () => {
  const ledger = {
    name: "资金拨付台账",
    values: [
      ["项目名称", "建设内容", "金额（万元）", "资金下达日期"],
      ["甲村产业路", "道路", 60, "2026-03-01"],
      ["甲村产业路", "道路", 40, "2026-04-01"],
      ["丁村道路", "道路", 25, "2026-04-01"],
      ["丙村文化室", "房屋", 20.0001, "2026-04-01"],
    ],
  };
  const r = reviewSheet(ledger, { asOf, packs: on, office: lists(null) });
  expect(adjust(r)).toEqual(["C5"]);
});

test("without a plan, the pack says it checked nothing", () => {
  const r = reviewSheet(PROJECTS, { asOf, packs: on });
  expect(r.findings.filter((f) => f.kind === "DATA").map((f) => f.rule)).toContain(
    "DATA-ADJUST-NO-PLAN"
  );
});

test("log entries: kinds and what each lacks", () => {
  expect(adjustmentKindOf("调整实施地点")).toBe(2);
  expect(adjustmentKindOf("局部调整（规模或内容）")).toBe(1);
  expect(adjustmentKindOf("")).toBeNull();
  const e = {
    row: 2,
    project: "x",
    kind: null,
    approved: 1,
    docNumber: "文",
    filed: null,
  } as const;
  expect(entryLacks(e)).toEqual(["备案日期"]);
  expect(entryLacks({ ...e, kind: 2 })).toEqual([]);
  expect(entryLacks({ ...e, approved: null, docNumber: " ", filed: 3 })).toEqual([
    "批准日期",
    "批准文号",
  ]);
});

test("a ledger row of another 年度 is not the plan's money: not counted, and said", () => {
  const ledger = {
    name: "资金拨付台账",
    values: [
      ["项目名称", "资金年度", "金额（万元）", "资金下达日期"],
      ["甲村产业路", "2026年", 100, "2026-03-01"],
      ["甲村产业路", 2025, 40, "2025-04-01"],
    ],
  };
  const r = reviewSheet(ledger, { asOf, packs: on, office: lists(null) });
  expect(adjust(r)).toEqual([]);
  expect(r.findings.find((f) => f.rule === "DATA-ADJUST-UNMATCHED")!.evidence).toContain(
    "年度不是方案年度 2026 的行 1 行未计入"
  );
});
