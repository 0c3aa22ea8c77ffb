/** Which fund types 桂政发〔2014〕34号 第（十三）条 governs, and an office's own names for them. */
import {
  classifyFundType,
  classifyWithOffice,
  fundTypeTableFromJson,
  parseFundTypeTable,
} from "../../src/core/deadlines";

const id = (t: string) => {
  const c = classifyFundType(t);
  return c.kind === "rule" ? c.id : c.kind;
};

describe("a fund type is governed only when it names the clause's level", () => {
  test.each([
    ["中央提前下达", "CENTRAL_ADVANCE"],
    ["中央财政提前下达扶贫资金", "CENTRAL_ADVANCE"],
    ["中央財政提前下達資金", "CENTRAL_ADVANCE"],
    ["当年中央新增资金", "CENTRAL_NEW"],
    ["中央财政专项扶贫资金（新增部分）", "CENTRAL_NEW"],
    ["自治区本级预算", "REGION_BUDGET"],
    ["自治區本級財政預算安排資金", "REGION_BUDGET"],
    ["省级本级预算资金", "REGION_BUDGET"],
    ["部门整合资金（已细化）", "DEPT_DETAILED"],
    ["部門整合（未細化）", "DEPT_UNDETAILED"],
    ["自治区部门预算已细化", "DEPT_DETAILED"],
  ])("%s → %s", (text, rule) => {
    expect(id(text)).toBe(rule);
  });

  test.each([
    "市级提前下达资金",
    "县级新增资金",
    "区级本级预算",
    "乡镇配套资金",
    "新增债券资金",
    "地方政府专项债券",
    "自筹资金",
    "社会资金",
    "银行贷款",
    "县直部门整合资金（已细化）",
  ])("%s is not governed (another level or kind of money)", (text) => {
    const c = classifyFundType(text);
    expect(c.kind).toBe("not-governed");
    if (c.kind === "not-governed") expect(c.reason.zh).toContain("34号（十三）");
  });

  test.each([
    "提前下达", // no level named
    "新增",
    "本级预算", // whose 本级? a county's own budget is not the clause's
    "已细化",
    "中央专项扶贫资金", // central, but neither advance nor new
    "中央提前下达及新增",
    "其他资金",
  ])("%s is unrecognised", (text) => {
    expect(classifyFundType(text).kind).toBe("unknown");
  });

  test("片区、安置区 and 市场 do not name a level", () => {
    expect(id("中央新增（片区开发）")).toBe("CENTRAL_NEW");
    expect(classifyFundType("片区开发资金").kind).toBe("unknown");
  });
});

describe("资金类型对照: an office maps its own names", () => {
  const { map, problems } = parseFundTypeTable([
    ["资金类型对照", ""],
    ["资金类型", "适用规则", "说明"],
    ["衔接资金（中央提前）", "中央提前下达"],
    ["衔接资金（中央新增）", "CENTRAL_NEW"],
    ["区本级", "自治区本级预算"],
    ["县级衔接资金", "不适用"],
    ["", ""],
  ]);

  it("reads names and rules, skipping blank rows", () => {
    expect(problems).toEqual([]);
    expect(classifyWithOffice("衔接资金（中央提前）", map)).toEqual({
      kind: "rule",
      id: "CENTRAL_ADVANCE",
      office: true,
    });
    expect(classifyWithOffice("衔接资金(中央新增)", map)).toMatchObject({ id: "CENTRAL_NEW" });
    // 区本级 alone reads as a district; this office means the autonomous region.
    expect(classifyFundType("区本级").kind).toBe("not-governed");
    expect(classifyWithOffice("区本级", map)).toMatchObject({ id: "REGION_BUDGET" });
    expect(classifyWithOffice("县级衔接资金", map).kind).toBe("not-governed");
    // Names it does not list fall back to the clause's reading.
    expect(classifyWithOffice("中央新增", map)).toMatchObject({ id: "CENTRAL_NEW", office: false });
  });

  it("every unreadable row is a problem with its row number", () => {
    const bad = parseFundTypeTable([
      ["资金类型", "适用规则"],
      ["甲", "三个月"],
      ["", "中央新增"],
      ["乙", "中央新增"],
      ["乙", "不适用"],
    ]);
    expect(bad.problems.map((p) => p.row)).toEqual([2, 3, 5]);
    expect(bad.problems[0].message.zh).toContain("中央提前下达、中央新增");
    expect(parseFundTypeTable([["名称", "规则说明"]]).problems[0].message.zh).toContain(
      "找不到表头"
    );
  });

  it("reads the JSON form and refuses what is not an object", () => {
    const j = fundTypeTableFromJson(
      '{"衔接资金（中央提前）": "中央提前下达", "债务资金": "不适用"}'
    );
    expect(j.problems).toEqual([]);
    expect(j.map.size).toBe(2);
    expect(fundTypeTableFromJson("[1]").problems).toHaveLength(1);
    expect(fundTypeTableFromJson("{").problems[0].message.zh).toContain("JSON");
  });
});
