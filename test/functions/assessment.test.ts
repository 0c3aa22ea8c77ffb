/** FUND.EXIT / FUND.PROGRESS / FUND.BOTTOM (seed 004 第18、19、23条), at their bounds and ties. */
import * as fs from "fs";
import * as path from "path";
import { bottom, exit, progress } from "../../src/functions/functions";
import {
  ACCOUNTABILITY_CITATION,
  EXIT_CITATION,
  PROGRESS_COUNTY_CITATION,
} from "../../src/core/rules/assessment";

const col = (xs: unknown[]) => xs.map((x) => [x]);
type Err = { code: string; message: string };

const HEAD = [
  "农民人均纯收入",
  "人均公共财政预算收入",
  "贫困发生率",
  "建制村通沥青水泥路率",
  "20户以上自然村通路率",
  "标准化卫生室建制村比例",
  "新农合参合率",
  "饮水安全",
  "无电人口用电",
  "广播电视户户通",
  "互联网覆盖",
  "危房改造",
  "特色支柱产业",
  "村级小学无D级危房",
  "义务教育巩固率任务",
  "掌握实用技术",
  "应保尽保",
];
const YES = new Array(10).fill("是");
const row = (poverty: unknown, coop: unknown, income = 8200) => [
  [income, 950, poverty, 1, 0.95, "100%", coop, ...YES],
];

describe("FUND.EXIT (第18条)", () => {
  it("exactly 8 % poverty, exactly 95 % 新农合 and income exactly the average all meet", () => {
    expect(exit(row(0.08, 0.95), [HEAD], 8200, 950)).toBe("");
    expect(exit(row("8%", 95), [HEAD], 8200, 950)).toBe("");
  });
  it("just past a bound fails and names the criterion", () => {
    expect(exit(row(0.0801, 0.95), [HEAD], 8200, 950)).toBe(
      "未达标：贫困人口占农村户籍人口8%以下（实际 8.01%）"
    );
    expect(exit(row(0.08, 0.9499, 8199), [HEAD], 8200, 950)).toBe(
      "未达标：农民人均纯收入达到全区平均水平（8199 < 8200）；新型农村合作医疗参合率达95%以上（实际 94.99%）"
    );
  });
  it("a missing column or an unreadable cell is 'cannot judge', never met", () => {
    const r = exit([row(0.05, 0.96)[0].slice(0, 16)], [HEAD.slice(0, 16)], 8200, 950);
    expect(r).toBe("无法判断：缺少“困难家庭应保尽保”列");
    const bad = row(0.05, 0.96);
    bad[0][7] = "基本";
    expect(exit(bad, [HEAD], 8200, 950)).toContain("无法读取 基本解决农村饮水安全问题「基本」");
    expect((exit(row(0.05, 0.96), [HEAD.slice(1)], 8200, 950) as Err).code).toBe("#VALUE!");
  });
});

describe("FUND.PROGRESS (第19条)", () => {
  it("ties at the last place are in; the ineligible are out and do not take places", () => {
    // top 2 for a small table: values 9, 8, 8, 7 → ranks 1, 2, 2, 4
    const g = col([9, 8, 8, 7, 10]);
    const elig = col(["重点县", "片区县", "重点县", "重点县", "面上县"]);
    expect(progress(g, g, g, elig, 2)).toEqual(col([true, true, true, false, false]));
  });
  it("all three measures must be in the top places", () => {
    expect(progress(col([3, 2, 1]), col([1, 2, 3]), col([3, 2, 1]), undefined, 1)).toEqual(
      col([false, false, false])
    );
    expect(progress(col([3, 2, 1]), col([3, 2, 1]), col([3, 2, 1]), undefined, 1)).toEqual(
      col([true, false, false])
    );
  });
  it("a blank measure for an eligible county is an error", () => {
    expect((progress(col([3, ""]), col([1, 2]), col([1, 2])) as unknown as Err).code).toBe(
      "#VALUE!"
    );
  });
});

describe("FUND.BOTTOM (第23条)", () => {
  it("two and three consecutive latest years in the last 3 (ties in), a broken run does not count", () => {
    // five counties, three years (oldest first)
    const scores = [
      [90, 40, 40], // bottom in years 2 and 3 → 2 years
      [45, 41, 41], // bottom in all three → 3 years
      [30, 98, 42], // bottom in 1 and 3 only (a broken run) → 1 year
      [95, 99, 42], // tied at 3rd from the bottom in year 3 → in, 1 year
      [50, 97, 95],
    ];
    expect(bottom(scores)).toEqual(
      col([
        "连续2年后3名：约谈（在岗超一年者）",
        "连续3年后3名：岗位调整（在岗超过两年者）并规定约束性使用方向",
        "",
        "",
        "",
      ])
    );
  });
});

test("the clauses are quoted as the seed prints them", () => {
  const root = path.resolve(__dirname, "../..");
  const excerpt = fs.readFileSync(path.join(root, "test/core/review/seed-clauses.txt"), "utf8");
  for (const c of [EXIT_CITATION, PROGRESS_COUNTY_CITATION, ACCOUNTABILITY_CITATION])
    expect(excerpt).toContain(c.quote);
});
