/**
 * The review engine with an office's lists: BLACKLIST (34号（十八）), MGMT_FEE (（十）), SUBSIDY
 * (（十一）1 民办公助, （十二）1 贴息), at each clause's boundary, and nothing from a pack not chosen.
 */
import { reviewSheet, DEFAULT_PACKS_FOR_TEST } from "./office-kinds.helpers";
import { readOfficeLists } from "../../../src/core/review/office";
import { serialFromYmd } from "../../../src/core/dates";
import type { ReviewParams } from "../../../src/core/review";

const asOf = serialFromYmd(2026, 6, 30);
const HEADER = ["项目名称", "建设内容", "实施单位", "金额（元）", "项目批复日期"];

function ledger(rows: unknown[][]) {
  return { name: "项目台账", values: [HEADER, ...rows] };
}

const { lists, problems } = readOfficeLists([
  {
    name: "黑名单",
    values: [
      ["名称", "列入日期"],
      ["某某建设有限责任公司", "2023-06-30"],
    ],
  },
  {
    name: "管理费比例",
    values: [
      ["年度", "提取比例", "资金总额（万元）"],
      [2026, "1%", 100],
    ],
  },
  {
    name: "贷款基准利率",
    values: [
      ["起始日期", "基准利率（%）"],
      ["2015-10-24", 4.35],
    ],
  },
]);

const params = (extra: Partial<ReviewParams> = {}): ReviewParams => ({
  asOf,
  office: lists,
  ...extra,
});
const rules = (r: ReturnType<typeof reviewSheet>) => r.findings.map((f) => `${f.rule}@${f.cell}`);

test("the lists read without problems", () => {
  expect(problems).toEqual([]);
  expect(lists.feeShares).toEqual([{ row: 2, year: 2026, share: "0.01", totalYuan: "1000000" }]);
  expect(lists.benchmarks?.[0].rate).toBe("0.0435");
});

describe("BLACKLIST", () => {
  it("flags a project approved on the ban's last day, not one approved the day after", () => {
    const r = reviewSheet(
      ledger([
        ["村道硬化", "道路", "某某建设（有限责任公司）", 100, "2026-06-30"],
        ["村道硬化二期", "道路", "某某建設有限公司", 100, "2026-07-01"],
        ["村道硬化三期", "道路", "另一公司", 100, "2026-06-30"],
      ]),
      params()
    );
    expect(rules(r)).toEqual(["GX34-18-BLACKLIST@C2"]);
    expect(r.findings[0].message.zh).toContain("2023-06-30 列入，至 2026-06-30");
    expect(r.findings[0].evidence).toContain("名称规范化后相同");
    expect(r.findings[0].citation?.clause).toBe("第（十八）条");
  });
  it("without the pack, or without a list, nothing is flagged", () => {
    const rows = [["村道硬化", "道路", "某某建设有限公司", 100, "2026-06-30"]];
    expect(rules(reviewSheet(ledger(rows), params({ packs: ["GX34", "DATA"] })))).toEqual([]);
    expect(rules(reviewSheet(ledger(rows), { asOf }))).toEqual([]);
  });
});

describe("MGMT_FEE", () => {
  it("exactly the cap (1% of 100万 = 1万) is within it; one yuan more is a finding on the crossing row", () => {
    const at = reviewSheet(
      ledger([
        ["扶贫项目管理费", "规划编制", "县扶贫办", 6000, "2026-03-01"],
        ["扶贫项目管理费", "项目资金管理", "县扶贫办", 4000, "2026-04-01"],
      ]),
      params()
    );
    expect(rules(at)).toEqual([]);
    const over = reviewSheet(
      ledger([
        ["扶贫项目管理费", "规划编制", "县扶贫办", 6000, "2026-03-01"],
        ["扶贫项目管理费", "项目资金管理", "县扶贫办", 4001, "2026-04-01"],
      ]),
      params()
    );
    expect(rules(over)).toEqual(["GX34-10-FEE-CAP@D3"]);
    expect(over.findings[0].message.zh).toContain("超出 1元");
  });
  it("规划编制 within the fee is not an administrative cost once the share is set", () => {
    const row = [
      [
        "县扶贫办项目工作经费（规划编制）",
        "县扶贫办项目工作经费（规划编制）",
        "县扶贫办",
        5000,
        "2026-03-01",
      ],
    ];
    const withShare = reviewSheet(ledger(row), params());
    expect(withShare.findings.filter((f) => f.kind === "PROHIBITED")).toEqual([]);
    const noShare = reviewSheet(ledger(row), { asOf });
    expect(noShare.findings.filter((f) => f.kind === "PROHIBITED").length).toBeGreaterThan(0);
  });
});

describe("SUBSIDY", () => {
  it("民办公助: exactly 50万 is within, 50万零1元 is not", () => {
    const r = reviewSheet(
      ledger([
        ["甲村饮水工程（民办公助）", "饮水", "甲村委", 500000, "2026-03-01"],
        ["乙村道路（民辦公助）", "道路", "乙村委", 500001, "2026-03-01"],
      ]),
      params()
    );
    expect(rules(r)).toEqual(["GX34-11-1-MINBAN@D3"]);
    expect(r.findings[0].severity).toBe("warning");
  });
  it("贴息: a rate equal to the benchmark is allowed, above it is a finding", () => {
    const r = reviewSheet(
      ledger([
        ["小额信贷贴息", "按年利率4.35%贴息", "县农商行", 1000, "2026-03-01"],
        ["产业贷款贴息", "贴息利率4.36%", "县农商行", 1000, "2026-03-01"],
        ["早年贴息", "贴息利率4.9%", "县农商行", 1000, "2015-01-01"],
      ]),
      params()
    );
    expect(rules(r)).toEqual(["GX34-12-1-INTEREST@B3", "DATA-NO-BENCHMARK@B4"]);
    expect(r.findings[0].message.zh).toContain("4.36% 高于同期人民银行基准利率 4.35%");
  });
  it("without the SUBSIDY pack, none of the three is checked", () => {
    const r = reviewSheet(
      ledger([["乙村道路（民办公助）", "贴息利率9%", "乙村委", 900000, "2026-03-01"]]),
      params({ packs: DEFAULT_PACKS_FOR_TEST.filter((p) => p !== "SUBSIDY") })
    );
    expect(r.findings.filter((f) => ["SUBSIDY", "MGMT_FEE"].includes(f.kind))).toEqual([]);
  });
});

test("the list sheets themselves are never reviewed as ledgers, and say why", () => {
  const r = reviewSheet(
    {
      name: "黑名单",
      values: [
        ["单位或个人名称", "列入日期", "金额"],
        ["某公司", "2024-01-01", 1],
      ],
    },
    { asOf }
  );
  expect(r.sheet.recognised).toBe(false);
  expect(r.sheet.reason?.zh).toContain("本单位清单「黑名单」");
  expect(r.findings).toEqual([]);
});
