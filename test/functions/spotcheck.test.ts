/** FUND.SAMPLE.CHECK: a hand-filled spot-check list against 34号（十六）1's floors, at the boundary. */
import { sampleCheck } from "../../src/functions/functions";

const col = (xs: unknown[]) => xs.map((x) => [x]);
type Err = { code: string; message: string };

describe("FUND.SAMPLE.CHECK", () => {
  const counties = col(["甲县", "乙县", "丙县", "丁县", "戊县"]); // 60 % of 5 = 3 exactly
  it("exactly the floor is enough; one fewer is short by one", () => {
    expect(sampleCheck(col(["甲县", "乙县", "丙县"]), counties, "60%")).toBe("");
    expect(sampleCheck(col(["甲县", "乙县", "乙县"]), counties, "60%")).toBe(
      "不足：抽查 2 个，应不少于 3 个（5 个 × 60%，向上取整），还差 1 个"
    );
  });
  it("projects: only those of 50万 or more count (50万 itself counts); others are named", () => {
    const projects = col(["P1", "P2", "P3", "P4"]);
    const amounts = col([50, 80, 49.99, 120]); // 万元 by the threshold's unit
    // eligible: P1 (exactly 50万), P2, P4 → ceil(30 % × 3) = 1
    expect(sampleCheck(col(["P1"]), projects, 0.3, amounts, "50万")).toBe("");
    expect(sampleCheck(col(["P3"]), projects, 0.3, amounts, "50万")).toBe(
      "不足：抽查 0 个，应不少于 1 个（3 个 × 30%，向上取整），还差 1 个；不计入：P3（不在范围内或低于门槛）"
    );
  });
  it("bad arguments are errors with a reason", () => {
    expect((sampleCheck(col(["甲县"]), counties, "120%") as Err).code).toBe("#VALUE!");
    expect((sampleCheck(col(["P1"]), col(["P1"]), 0.3, col([1])) as Err).code).toBe("#VALUE!");
    expect((sampleCheck(col(["甲县"]), col([""]), 0.6) as Err).code).toBe("#N/A");
  });
});
