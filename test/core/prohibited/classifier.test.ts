/** What a finance office relies on: who benefits decides, every flag cites its clause, codes weigh in. */
import { serialFromYmd } from "../../../src/core/dates";
import {
  classify,
  createClassifier,
  econCodeDigits,
  lookupEconCode,
  normalize,
} from "../../../src/core/prohibited";

const cats = (text: string, code?: string | number | null) =>
  classify(text, code).map((h) => h.category);
const first = (text: string, code?: string | number | null) => classify(text, code)[0];

describe("normalisation", () => {
  test("Traditional → Simplified, full-width → half-width, spaces dropped", () => {
    expect(normalize("公務用車 購置")).toBe("公务用车购置");
    expect(normalize("ＳＵＶ　３０１０２")).toBe("suv30102");
    expect(first("辦 公\u3000樓 維修")?.category).toBe("BUILDING");
  });
});

describe("classification", () => {
  test("a hit names category, rule, pack, label, evidence, confidence and citation", () => {
    const h = classify("新建乡镇政府办公楼", null, "XJ2018");
    expect(h).toEqual([
      {
        category: "BUILDING",
        rule: "XJ76-1-5",
        pack: "XJ2018",
        label: { zh: "楼堂馆所", en: expect.stringContaining("office buildings") },
        evidence: "办公楼",
        confidence: "keyword",
        citation: expect.objectContaining({
          document: "新扶贫领字〔2018〕76号",
          clause: "一（五）",
          seed: "002_f03675b072b4c157.txt",
        }),
      },
    ]);
  });

  test("allowed spending gives []", () => {
    for (const t of ["脱贫户养羊产业奖补", "扶贫车间建设", "项目公示牌", "村组道路硬化", ""])
      expect(classify(t)).toEqual([]);
  });

  test("exceptions do not hide real violations", () => {
    expect(cats("为村干部配发手机")[0]).toBe("VEHICLE"); // 村 is no beneficiary
    expect(cats("弥补村集体合作社经营亏损")[0]).toBe("LOSS");
    expect(cats("以奖代补方式新建乡镇办公楼")[0]).toBe("BUILDING");
    expect(cats("扶贫车间经营亏损弥补")[0]).toBe("LOSS");
  });

  test("who benefits decides: the same word for staff is flagged, for poor households not", () => {
    expect(cats("驻村干部生活补助")[0]).toBe("BONUS");
    expect(cats("贫困学生生活补助")).toEqual([]);
    expect(cats("县扶贫办干部职工工资")[0]).toBe("ADMIN");
    expect(cats("扶贫车间务工人员工资")).toEqual([]);
    expect(cats("乡镇政府电费")[0]).toBe("ADMIN");
    expect(cats("扶贫车间电费补贴")).toEqual([]);
  });

  test("76号 一（五）'s own exception: shanty renovation on poor forest farms is not staff housing", () => {
    expect(cats("贫困林场职工住宅棚户区改造")).toEqual([]);
    expect(cats("棚户区改造：贫困农牧场职工住宅")).toEqual([]);
    expect(cats("乡镇职工住宅建设")[0]).toBe("BUILDING");
    // only poor farms and forest farms, and only staff housing (76号 一（五）; 财农〔2017〕8号 （5）)
    expect(classify("林场职工住宅棚户区改造", null, "XJ2018").map((h) => h.rule)).toEqual([
      "XJ76-1-5",
    ]);
    expect(classify("县城棚户区改造职工住宅", null, "XJ2018").map((h) => h.rule)).toContain(
      "XJ76-1-5"
    );
    expect(classify("贫困林场棚户区改造及场部办公楼", null, "XJ2018").map((h) => h.rule)).toEqual([
      "XJ76-1-5",
    ]);
  });

  test("Hubei 六（六） has no resettlement exception: 安置区 clears nothing under HB2015", () => {
    const text = "县城规划区内易地扶贫搬迁安置区道路建设";
    expect(classify(text, null, "XJ2018")).toEqual([]);
    expect(classify(text, null, "CN2017")).toEqual([]);
    expect(classify(text, null, "HB2015").map((h) => h.rule)).toEqual(["HB15-6-6-URBAN"]);
    // all lists at once: only Hubei's clause is reported
    expect(classify(text).map((h) => h.rule)).toEqual(["HB15-6-6-URBAN"]);
  });

  test("the packs differ: Hubei names 津补贴 and 公用经费, not salaries or staff housing", () => {
    expect(classify("干部职工工资", null, "HB2015")).toEqual([]);
    expect(classify("干部职工工资", null, "XJ2018").map((h) => h.rule)).toEqual(["XJ76-1-1"]);
    expect(classify("乡镇干部职工宿舍楼", null, "HB2015")).toEqual([]);
    expect(classify("村口大型牌坊建设", null, "XJ2018")).toEqual([]);
    expect(classify("村口大型牌坊建设", null, "HB2015").map((h) => h.rule)).toEqual([
      "HB15-6-6-IMAGE",
    ]);
  });

  test("ALL gives one hit per pack's clause, in pack order", () => {
    expect(classify("新建乡镇政府办公楼").map((h) => h.rule)).toEqual([
      "XJ76-1-5",
      "HB15-6-6-BUILDING",
      "CN17-5",
    ]);
  });

  test("most specific first: a code before words, decisive words before contextual ones", () => {
    expect(cats("扶贫干部绩效工资")).toEqual(["BONUS", "BONUS", "ADMIN", "ADMIN"]);
    expect(cats("乡镇干部职工宿舍楼", 30102)[0]).toBe("BONUS"); // code-backed first
    // the head of the phrase is what is paid for: 物业费 of an office building is a running cost
    expect(cats("县扶贫办公楼物业费")[0]).toBe("ADMIN");
  });

  test("deterministic: same input, same output", () => {
    const a = JSON.stringify(classify("购置乡镇干部公务用车并偿还欠款", 30231));
    for (let i = 0; i < 3; i++)
      expect(JSON.stringify(classify("购置乡镇干部公务用车并偿还欠款", 30231))).toBe(a);
  });

  test("UNRELATED never comes from keywords", () => {
    expect(cats("县招商引资推介会")).toEqual([]);
  });

  test("asOf keeps only the rules then in force", () => {
    const in2016 = createClassifier({ asOf: serialFromYmd(2016, 6, 1) });
    expect(in2016.classify("新建乡镇政府办公楼").map((h) => h.pack)).toEqual(["HB2015"]);
  });
});

describe("economic codes (docs/rules.md「负面清单」)", () => {
  test("codes are read from numbers and text", () => {
    expect(econCodeDigits(30102)).toBe("30102");
    expect(econCodeDigits("３０１０２ 津贴补贴")).toBe("30102");
    expect(econCodeDigits("无")).toBeNull();
    expect(econCodeDigits(301.5)).toBeNull();
    expect(lookupEconCode("30102")?.name).toBe("津贴补贴");
    expect(lookupEconCode("30199")?.name).toBe("工资福利支出"); // the 301 class
    expect(lookupEconCode("99999")).toBeUndefined();
  });

  test("a strong code decides alone, with code confidence", () => {
    const h = first("支出", 31019)!;
    expect(h.category).toBe("VEHICLE");
    expect(h.confidence).toBe("code");
    expect(h.evidence).toBe("经济分类 31019 其他交通工具购置");
    expect(first("", "30102")?.category).toBe("BONUS");
  });

  test("a weak code needs the description; a description clears it", () => {
    expect(classify("支出", 31001)).toEqual([]);
    expect(classify("扶贫车间厂房建设", 31001)).toEqual([]);
    const h = first("新建乡镇办公楼", 31001)!;
    expect(h.category).toBe("BUILDING");
    expect(h.confidence).toBe("code");
    expect(h.evidence).toBe("经济分类 31001 房屋建筑物购建；办公楼");
  });

  test("a weak code speaks for the spender of a contextual word", () => {
    expect(classify("会议室电费")).toEqual([]);
    expect(first("会议室电费", 30299)?.category).toBe("ADMIN");
  });

  test("allowed codes are no evidence either way", () => {
    expect(classify("雨露计划补助", 30305)).toEqual([]);
    expect(cats("驻村干部生活补助", 30305)[0]).toBe("BONUS");
  });
});
