/** FUND.PROHIBITED and FUND.PROHIBITED.DETAIL called as Excel calls them: null for omitted, [[x]] ranges, numbers for codes. */
import * as fs from "fs";
import * as path from "path";
import { prohibited, prohibitedDetail } from "../../src/functions/functions";

type CfError = { code: string; message: string };
const isError = (v: unknown): v is CfError =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "code" in v;

describe("FUND.PROHIBITED", () => {
  test("allowed spending is an empty cell", () => {
    expect(prohibited("脱贫户养羊产业奖补", null, null)).toBe("");
    expect(prohibited("扶贫车间厂房建设", 31001, null)).toBe("");
  });

  test("a flag is the label with its citation", () => {
    expect(prohibited("新建乡镇政府办公楼", null, "XJ2018")).toBe(
      "楼堂馆所（新扶贫领字〔2018〕76号 一（五））"
    );
  });

  test("ALL (default) lists every clause forbidding it; categories joined by ；", () => {
    expect(prohibited("新建乡镇政府办公楼")).toBe(
      "楼堂馆所（新扶贫领字〔2018〕76号 一（五）、湖北省人民政府 2015-08-25 意见 六（六）、财农〔2017〕8号 （5））"
    );
    expect(prohibited("购置乡镇干部公务用车并偿还欠款", null, "xj2018")).toBe(
      "偿还债务（新扶贫领字〔2018〕76号 一（六））；交通工具（新扶贫领字〔2018〕76号 一（二））"
    );
  });

  test("ranges of one cell, numbers and text for the code, Traditional text", () => {
    expect(prohibited([["支出"]], [[30102]], [["HB2015"]])).toBe(
      "津贴补贴（湖北省人民政府 2015-08-25 意见 六（六））"
    );
    expect(prohibited("支出", "31019 其他交通工具购置", "cn2017")).toBe(
      "交通工具（财农〔2017〕8号 （2））"
    );
    expect(prohibited("公務用車購置", null, "XJ2018")).toBe(
      "交通工具（新扶贫领字〔2018〕76号 一（二））"
    );
  });

  test("blank text and no code: nothing to flag; blank text with a code: the code decides", () => {
    expect(prohibited("", null, null)).toBe("");
    expect(prohibited(null, null, null)).toBe("");
    expect(prohibited([[""]], [[""]], null)).toBe("");
    expect(prohibited("", 30103, "XJ2018")).toBe("奖金福利（新扶贫领字〔2018〕76号 一（三））");
  });

  test("an unknown list is #VALUE! naming the valid ones", () => {
    const r = prohibited("办公楼", null, "GX2014");
    expect(isError(r) && r.code).toBe("#VALUE!");
    expect((r as CfError).message).toContain("XJ2018、HB2015、CN2017、ALL");
    expect(isError(prohibited("办公楼", null, 2018))).toBe(true);
  });

  test("bad input is an Excel error with a message, never a throw", () => {
    const num = prohibited(12345, null, null) as CfError;
    expect(num.code).toBe("#VALUE!");
    expect(num.message).toContain("支出内容应为文本");
    expect((prohibited(true, null, null) as CfError).code).toBe("#VALUE!");
    expect((prohibited("#N/A", null, null) as CfError).message).toContain("错误值 #N/A");
    const err = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    expect((prohibited(err, null, null) as CfError).code).toBe("#VALUE!");
    expect((prohibited("办公楼", "无", null) as CfError).message).toContain("经济分类代码");
    expect((prohibited("办公楼", 301.5, null) as CfError).code).toBe("#VALUE!");
    expect((prohibited("办公楼", false, null) as CfError).code).toBe("#VALUE!");
    expect((prohibited([["a"], ["b"]], null, null) as CfError).message).toContain("单个单元格");
  });
});

/** An office's own list, as a range from a 本单位负面清单 sheet (A1:C3 in the help's example). */
const OFFICE = [
  ["类别", "词语", "类型"],
  ["UNRELATED", "KTV", "禁止"],
  ["全部", "驻村工作队生活补助", "例外"],
];

describe("FUND.PROHIBITED with the office's own terms (office_terms)", () => {
  test("an office term flags what the built-in lists cannot know, citing the clause", () => {
    expect(prohibited("单位聚餐KTV费用", null, null)).toBe("");
    expect(prohibited("单位聚餐KTV费用", null, null, OFFICE)).toBe(
      "与脱贫攻坚无关的开支（新扶贫领字〔2018〕76号 一（九）、财农〔2017〕8号 （9））"
    );
    expect(prohibitedDetail("單位聚餐ＫＴＶ費用", null, "XJ2018", OFFICE)).toEqual([
      ["UNRELATED", "与脱贫攻坚无关的开支", "ktv（本单位清单）", "新扶贫领字〔2018〕76号 一（九）"],
    ]);
  });

  test("an office exception clears a built-in hit, and only where it applies", () => {
    expect(prohibited("驻村工作队生活补助", 30102, null)).not.toBe("");
    expect(prohibited("驻村工作队生活补助", 30102, null, OFFICE)).toBe("");
    expect(prohibited("乡镇干部生活补助", 30102, null, OFFICE)).not.toBe("");
  });

  test("without a header the columns are 类别, 词语, 类型; a blank range is no list", () => {
    expect(prohibited("发放春节值班补助", null, "XJ2018", [["BONUS", "值班补助", ""]])).toBe(
      "津贴补贴（新扶贫领字〔2018〕76号 一（三））"
    );
    expect(
      prohibited("村组道路硬化", null, null, [
        ["", ""],
        [null, null],
      ])
    ).toBe("");
  });

  test("two different ranges in one workbook are not mixed up", () => {
    const a = [["UNRELATED", "KTV"]];
    const b = [["UNRELATED", "棋牌室"]];
    expect(prohibited("KTV包间", null, null, a)).not.toBe("");
    expect(prohibited("KTV包间", null, null, b)).toBe("");
    expect(prohibited("棋牌室装修", null, null, b)).not.toBe("");
    expect(prohibited("棋牌室装修", null, null, a)).toBe("");
  });

  test("a bad row is #VALUE! naming the row, not silently dropped", () => {
    const r = prohibited("单位聚餐KTV费用", null, null, [
      ["类别", "词语", "类型"],
      ["UNRELATED", "KTV", "也许"],
      ["娱乐", "歌厅", ""],
    ]) as CfError;
    expect(r.code).toBe("#VALUE!");
    expect(r.message).toContain("本单位词语表第2行");
    expect(r.message).toContain("也许");
    expect(r.message).toContain("另有 1 行有误");
    expect((prohibitedDetail("x", null, null, [["BONUS", "补"]]) as unknown as CfError).code).toBe(
      "#VALUE!"
    );
  });
});

describe("FUND.PROHIBITED.DETAIL", () => {
  test("one row: category, label, evidence, citation", () => {
    expect(prohibitedDetail("乡镇干部职工宿舍楼", null, null)).toEqual([
      [
        "BUILDING",
        "职工住宅",
        "职工宿舍",
        "新扶贫领字〔2018〕76号 一（五）、财农〔2017〕8号 （5）",
      ],
    ]);
    expect(prohibitedDetail("支出", 31019, "XJ2018")).toEqual([
      ["VEHICLE", "交通工具", "经济分类 31019 其他交通工具购置", "新扶贫领字〔2018〕76号 一（二）"],
    ]);
  });

  test("allowed: NONE and three blanks", () => {
    expect(prohibitedDetail("村组道路硬化", null, null)).toEqual([["NONE", "", "", ""]]);
    expect(prohibitedDetail(null, null, null)).toEqual([["NONE", "", "", ""]]);
  });

  test("bad input is an Excel error", () => {
    expect(isError(prohibitedDetail(3, null, null))).toBe(true);
    expect(isError(prohibitedDetail("办公楼", null, "XX"))).toBe(true);
  });
});

describe("help", () => {
  const help = JSON.parse(
    fs.readFileSync(path.join(__dirname, "../../src/functions/help/prohibited.zh.json"), "utf8")
  );
  test("Chinese help for both functions and every parameter", () => {
    for (const id of ["PROHIBITED", "PROHIBITED.DETAIL"])
      expect(Object.keys(help[id].parameters)).toEqual([
        "text",
        "econ_code",
        "pack",
        "office_terms",
      ]);
  });

  test("the help's examples give what the functions give", () => {
    for (const ex of help.PROHIBITED.examples as { formula: string; result: string }[]) {
      const m =
        /^=FUND\.PROHIBITED\("([^"]*)"(?:, ?([^,]*))?(?:, ?"([^"]*)")?(?:, ?, ?(本单位负面清单!A1:C3))?\)$/.exec(
          ex.formula
        );
      expect(m).not.toBeNull();
      const code = m![2] ? Number(m![2]) : null;
      const r = prohibited(m![1], code, m![3] ?? null, m![4] ? OFFICE : undefined);
      expect(isError(r) ? (r as CfError).code : r).toBe(ex.result);
    }
  });
});
