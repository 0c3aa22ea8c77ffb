/**
 * The ZG2015 integration-target pack (seed 003, one county's practice): off by default; when on,
 * per village at exactly the target is met, one yuan below is an info finding; the office's own
 * figures (整合目标 sheet) replace Zigui's.
 */
import { reviewSheet } from "../../../src/core/review";
import { DEFAULT_PACKS } from "../../../src/core/review/registry";
import { readOfficeLists } from "../../../src/core/review/office";
import { serialFromYmd } from "../../../src/core/dates";

const asOf = serialFromYmd(2026, 6, 30);
const sheet = (rows: unknown[][]) => ({
  name: "项目台账",
  values: [["项目名称", "实施地点", "资金来源", "金额（万元）"], ...rows],
});
// 甲村: 扶贫 100 + 发改 40 + 财政 10 + 交通 150 = 300万 exactly; 乙村 one yuan short of 300万.
const ROWS = [
  ["产业路", "甲村", "县扶贫办", 100],
  ["饮水", "甲村", "县发改局以工代赈", 40],
  ["文化室", "甲村", "县财政局", 10],
  ["通村公路", "甲村", "县交通运输局", 150],
  ["产业路", "乙村", "县扶贫办", 100],
  ["饮水", "乙村", "县发改局", 40],
  ["文化室", "乙村", "县财政局", 10],
  ["通村公路", "乙村", "县交通运输局", 149.9999],
];
const on = [...DEFAULT_PACKS, "ZG2015"];

test("off by default: nothing is flagged unless the office turns the pack on", () => {
  expect(DEFAULT_PACKS).not.toContain("ZG2015");
  const r = reviewSheet(sheet(ROWS), { asOf });
  expect(r.findings.filter((f) => f.kind === "TARGET")).toEqual([]);
});

test("on: exactly 300万 is met; one yuan short is flagged, village and line department, as info", () => {
  const r = reviewSheet(sheet(ROWS), { asOf, packs: on });
  const t = r.findings.filter((f) => f.kind === "TARGET");
  expect(t.map((f) => `${f.rule}@${f.cell}`)).toEqual([
    "ZG2015-DEPARTMENT@B6",
    "ZG2015-VILLAGE@B6",
  ]);
  expect(t.every((f) => f.severity === "info")).toBe(true);
  expect(t[0].message.zh).toContain("一县做法，非规定");
  expect(t[0].message.zh).toContain("行业部门安排 149.9999万元");
  expect(t[1].message.zh).toContain("整合资金 299.9999万元");
});

test("the office's own figures replace Zigui's", () => {
  const { lists, problems } = readOfficeLists([
    {
      name: "整合目标",
      values: [
        ["指标", "下限（万元）"],
        ["每村整合资金", 200],
        ["行业部门", 100],
      ],
    },
  ]);
  expect(problems).toEqual([]);
  const r = reviewSheet(sheet(ROWS), { asOf, packs: on, office: lists });
  expect(r.findings.filter((f) => f.kind === "TARGET")).toEqual([]);
});
