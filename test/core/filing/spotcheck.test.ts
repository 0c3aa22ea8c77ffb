import {
  buildSpotCheck,
  parseCountyLines,
  parseProjectLines,
  spotCheckFloors,
} from "../../../src/core/filing/spotcheck";
import { Decimal } from "../../../src/core/money";

const counties = Array.from({ length: 14 }, (_, i) => `县${i + 1}`);
const projects = Array.from({ length: 20 }, (_, i) => ({
  name: `项目${i + 1}`,
  county: counties[i % 14],
  amount: 40 + i, // 40 … 59 万元: ten are ≥ 50
}));

describe("the spot-check list of 34号 （十六）1", () => {
  test("≥ 60 % of counties and ≥ 30 % of projects ≥ 50万, counts rounded up", () => {
    const r = buildSpotCheck({ counties, projects, seed: 2025 });
    expect(r.counties).toEqual({ total: 14, drawn: 9 }); // 8.4 → 9
    expect(r.projects).toEqual({ total: 20, eligible: 10, drawn: 3 });
    const drawn = r.rows.filter((x) => x[0] === "项目");
    expect(drawn).toHaveLength(3);
    for (const row of drawn) expect((row[3] as Decimal).greaterThanOrEqualTo(50)).toBe(true);
  });

  test("50万 exactly is in the pool (以上 includes the bound); text amounts are read", () => {
    const r = buildSpotCheck({
      counties: ["甲县"],
      projects: [
        { name: "a", county: "甲县", amount: 50 },
        { name: "b", county: "甲县", amount: "49.99" },
        { name: "c", county: "甲县", amount: "500000元" },
      ],
      seed: 1,
    });
    expect(r.projects.eligible).toBe(2);
  });

  test("unreadable amounts are reported, not guessed", () => {
    const r = buildSpotCheck({
      counties: [],
      projects: [{ name: "x", county: "甲县", amount: "待定" }],
      seed: 1,
    });
    expect(r.problems[0].zh).toContain("待定");
    expect(r.projects.eligible).toBe(0);
  });

  test("the same lists and seed give the same list; the note says how it was drawn", () => {
    const a = buildSpotCheck({ counties, projects, seed: "2025" });
    expect(buildSpotCheck({ counties, projects, seed: 2025 }).rows).toEqual(a.rows);
    expect(a.note).toBe(
      "随机种子 2025；贫困县 14 个抽 9 个（不低于60%）；单项补助50万元以上项目 10 个抽 3 个（不低于30%）"
    );
  });

  test("floors", () => expect(spotCheckFloors(37, 101)).toEqual({ counties: 23, projects: 31 }));

  test("pasted lines: tabs from Excel, commas typed, a header line skipped", () => {
    expect(parseCountyLines("甲县\n\n乙县\t备注\n")).toEqual(["甲县", "乙县"]);
    expect(parseProjectLines("项目名称\t县\t金额\n道路\t甲县\t80\n水渠,乙县,55万")).toEqual([
      { name: "道路", county: "甲县", amount: "80" },
      { name: "水渠", county: "乙县", amount: "55万" },
    ]);
  });
});
