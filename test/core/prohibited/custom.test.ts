/** An office's own words change results without a code change — from a range or a JSON file. */
import {
  createClassifier,
  customTermsFromJson,
  parseCustomTerms,
} from "../../../src/core/prohibited";

const plain = createClassifier();

describe("an office's own list from a workbook range", () => {
  const range = [
    ["本单位负面清单", "", ""],
    ["类别", "词语", "类型"],
    ["UNRELATED", "招商引资", "禁止"],
    ["奖金", "值守补助", ""],
    ["", "", ""],
    ["城市", "县城污水", "例外"],
  ];

  test("is read: header under a title row, blank kind = 禁止, blank rows skipped", () => {
    const parsed = parseCustomTerms(range);
    expect(parsed.problems).toEqual([]);
    expect(parsed.terms).toEqual([
      { category: "UNRELATED", term: "招商引资", kind: "term", source: "第3行 (row 3)" },
      { category: "BONUS", term: "值守补助", kind: "term", source: "第4行 (row 4)" },
      { category: "URBAN", term: "县城污水", kind: "exception", source: "第6行 (row 6)" },
    ]);
  });

  test("without a header the columns are 类别, 词语, 类型", () => {
    expect(parseCustomTerms([["BONUS", "值守补助"]]).terms[0]).toMatchObject({
      category: "BONUS",
      term: "值守补助",
      kind: "term",
    });
  });

  test("changes the result: new terms flag, exceptions clear", () => {
    const office = createClassifier({ custom: parseCustomTerms(range) });
    expect(plain.classify("县招商引资推介会")).toEqual([]);
    const h = office.classify("县招商引资推介会");
    expect(h.map((x) => x.rule)).toEqual(["XJ76-1-9", "CN17-9"]);
    expect(h[0].evidence).toBe("招商引资（本单位清单）");
    expect(plain.classify("乡镇值守补助")).toEqual([]);
    expect(office.classify("乡镇值守补助")[0].category).toBe("BONUS");
    expect(plain.classify("县城污水处理厂管网")[0].category).toBe("URBAN");
    expect(office.classify("县城污水处理厂管网")).toEqual([]);
  });

  test("columns in any order, English headers, Traditional terms", () => {
    const parsed = parseCustomTerms([
      ["Term", "Kind", "Category"],
      ["慶典", "term", "unrelated"],
    ]);
    expect(parsed.problems).toEqual([]);
    expect(createClassifier({ custom: parsed }).classify("建县60周年庆典")[0].category).toBe(
      "UNRELATED"
    );
  });

  test("bad rows are reported with their row and a bilingual message, never dropped", () => {
    const parsed = parseCustomTerms([
      ["类别", "词语", "类型"],
      ["NOPE", "某词", "禁止"],
      ["BONUS", "", "禁止"],
      ["BONUS", "车", "禁止"],
      ["BONUS", "值守补助", "也许"],
      ["BONUS", true, "禁止"],
      ["#N/A", "值守补助", "禁止"],
      ["全部", "某某词", "禁止"],
      ["", "某某词", "禁止"],
      ["", "贫困户", "例外"],
    ]);
    expect(parsed.terms).toEqual([
      { category: "ALL", term: "贫困户", kind: "exception", source: "第10行 (row 10)" },
    ]);
    expect(parsed.problems.map((p) => p.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(parsed.problems[0].message.zh).toContain("类别「NOPE」无法识别");
    expect(parsed.problems[0].message.en).toContain('category "NOPE" is not known');
    expect(parsed.problems[2].message.zh).toContain("太短");
    expect(parsed.problems[3].message.zh).toContain("“禁止”或“例外”");
    expect(parsed.problems[4].message.en).toContain("must be text");
    expect(parsed.problems[5].message.zh).toContain("错误值");
  });

  test("a header without a term column is reported", () => {
    expect(parseCustomTerms([["类别", "说明"]]).problems[0].message.zh).toContain("表头");
  });
});

describe("an office's own list from JSON", () => {
  test("changes the result without a code change", () => {
    const json = JSON.stringify({
      terms: [
        { category: "UNRELATED", term: "马拉松" },
        { 类别: "例外", 词语: "x", 类型: "例外" },
        { category: "ALL", term: "科技特派员", kind: "exception" },
      ],
    });
    const custom = customTermsFromJson(json);
    expect(custom.terms.map((t) => t.term)).toEqual(["马拉松", "科技特派员"]);
    expect(custom.problems).toHaveLength(1);
    expect(custom.problems[0].row).toBe(2);
    const office = createClassifier({ custom });
    expect(plain.classify("半程马拉松赛事")).toEqual([]);
    expect(office.classify("半程马拉松赛事")[0].category).toBe("UNRELATED");
    expect(plain.classify("科技特派员工作人员生活补助")[0].category).toBe("BONUS");
    expect(office.classify("科技特派员工作人员生活补助")).toEqual([]);
  });

  test("bad files and entries are reported", () => {
    expect(customTermsFromJson("{not json").problems[0].message.zh).toContain("不是有效的 JSON");
    expect(customTermsFromJson({ words: [] }).problems[0].row).toBe(0);
    expect(customTermsFromJson(["值守补助"]).problems[0].message.en).toContain("must be an object");
  });
});
