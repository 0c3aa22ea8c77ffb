import {
  allocate,
  defaultPlan,
  guessDirection,
  guessKind,
  guessRole,
  isFlagged,
  planToInput,
  readNumber,
  recogniseTable,
} from "../../src/core/allocation";
import { SAMPLE_FACTOR_TABLE } from "../../src/workbook/allocation/memory";

describe("factor table recognition", () => {
  it("recognises roles from headers as offices write them", () => {
    expect(guessRole("县（市、区）")).toBe("name");
    expect(guessRole("地区")).toBe("name");
    expect(guessRole("单位名称")).toBe("name");
    expect(guessRole("是否重点县")).toBe("flag");
    expect(guessRole("片区县")).toBe("flag");
    expect(guessRole("上年结转结余\n（万元）")).toBe("carryover");
    expect(guessRole("农民人均纯收入（元）")).toBe("factor");
    expect(guessRole("序号")).toBe("ignore");
    expect(guessRole("保底金额")).toBe("minimum");
    expect(guessRole("政策系数")).toBe("coefficient");
  });

  it("guesses income as a “−” factor and growth or progress as performance", () => {
    expect(guessDirection("农民人均纯收入（元）")).toBe("-");
    expect(guessDirection("人均公共财政预算收入")).toBe("-");
    expect(guessDirection("农民人均纯收入增长率（%）")).toBe("+");
    expect(guessKind("农民人均纯收入增长率（%）")).toBe("performance");
    expect(guessKind("贫困人口减少进度")).toBe("performance");
    expect(guessKind("扶贫资金使用绩效")).toBe("performance");
    expect(guessKind("贫困人口")).toBe("objective");
  });

  it("finds the header under a title row and skips blank and total rows", () => {
    const t = recogniseTable([
      ["2025年财政衔接资金分配因素表", "", ""],
      ["单位：元", "", ""],
      ["县", "贫困人口", "农民人均纯收入"],
      ["甲县", 100, 5000],
      ["", "", ""],
      ["乙县", 300, "6,000"],
      ["合计", 400, ""],
    ]);
    expect(t.headerRow).toBe(2);
    expect(t.dataRows).toEqual([3, 5]);
    expect(t.columns.map((c) => c.role)).toEqual(["name", "factor", "factor"]);
  });

  it("reads numbers as typed: 1,234.5 / 30% / full-width / 12.5万", () => {
    expect(readNumber("1,234.5")?.toString()).toBe("1234.5");
    expect(readNumber("30%")?.toString()).toBe("0.3");
    expect(readNumber("１２")?.toString()).toBe("12");
    expect(readNumber("12.5万")?.toString()).toBe("125000");
    expect(readNumber("待定")).toBeNull();
    expect(isFlagged("是")).toBe(true);
    expect(isFlagged("√")).toBe(true);
    expect(isFlagged("")).toBe(false);
    expect(isFlagged("否")).toBe(false);
  });

  it("turns the sample table and default settings into an allocation that sums to the pool", () => {
    const t = recogniseTable(SAMPLE_FACTOR_TABLE);
    const plan = { ...defaultPlan(t), pool: "50,000,000" };
    const p = planToInput(t, plan);
    if (!p.ok) throw new Error(p.message.en);
    expect(p.names).toHaveLength(8);
    // key counties (重点县 是) get the 1.2 coefficient
    expect(p.input.coefficients?.map(String)).toEqual([
      "1.2",
      "1.2",
      "1.2",
      "1",
      "1",
      "1.2",
      "1.2",
      "1",
    ]);
    const r = allocate(p.input);
    if (!r.ok) throw new Error(r.error.message.en);
    const sum = r.amounts.reduce((a, b) => a.plus(b));
    expect(sum.plus(r.retained).toString()).toBe("50000000");
    expect(r.deductions.filter((d) => d.greaterThan(0))).toHaveLength(2);
  });

  it("names the cell that cannot be read", () => {
    const t = recogniseTable([
      ["县", "贫困人口"],
      ["甲县", 100],
      ["乙县", "待定"],
    ]);
    t.columns[1].role = "factor";
    const p = planToInput(t, {
      ...defaultPlan(t),
      pool: "100",
      factors: [{ column: 1, name: "贫困人口", weight: "1", direction: "+", kind: "objective" }],
    });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message.zh).toBe("第 3 行「贫困人口」无法识别为数字：「待定」");
  });
});
