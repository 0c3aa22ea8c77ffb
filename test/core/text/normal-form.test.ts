/**
 * The one text normal form (src/core/normal-form): every header synonym, status word, fund type,
 * unit and filing header written the way Taiwan, Hong Kong and OpenCC's generic Traditional
 * converter write it must be recognised exactly as its Simplified form is.
 */
import { FIELD_SYNONYMS, matchHeader, normaliseHeader } from "../../../src/core/ledger";
import { classifyStatus } from "../../../src/core/review/engine";
import { DISBURSEMENT_RULES, findDeadlineRule } from "../../../src/core/deadlines";
import { parseAmount, parseUnit } from "../../../src/core/money";
import { SPECS, FILING_KINDS } from "../../../src/core/filing/specs";
import { recogniseFilingSheet } from "../../../src/core/filing/check";
import { foldText, normalize } from "../../../src/core/normal-form";
import type { Field } from "../../../src/core/review/types";

// The full opencc-js build (tests only; the product bundles the small t2cn build).

const OpenCC = require("opencc-js") as {
  Converter(o: { from: string; to: string }): (s: string) => string;
};
const CONVERTERS: Array<[string, (s: string) => string]> = (["t", "tw", "hk"] as const).map(
  (to) => [to, OpenCC.Converter({ from: "cn", to })]
);

const STATUS_WORDS = [
  "未开工",
  "尚未开工",
  "尚未实施",
  "未实施",
  "未启动",
  "未动工",
  "未开始",
  "终止",
  "已终止",
  "终止实施",
  "无法实施",
  "不能实施",
  "无法开工",
];

describe("the text normal form", () => {
  it("folds full width, spaces, case and Traditional forms", () => {
    expect(normalize("項目　名稱（萬元）")).toBe("项目名称(万元)");
    expect(normalize("ＡＢＣ 資金")).toBe("abc资金");
    expect(foldText("單位：萬元")).toBe("单位:万元");
    expect(normalize("未著手")).toBe("未着手");
    expect(normalize("显著")).toBe("显著");
  });

  it.each(CONVERTERS)("recognises every header synonym written by OpenCC cn→%s", (_, conv) => {
    const missed: string[] = [];
    for (const [field, words] of Object.entries(FIELD_SYNONYMS) as Array<[Field, string[]]>)
      for (const w of words) {
        const t = conv(w);
        if (!matchHeader(t)?.fields.includes(field)) missed.push(`${w}→${t}`);
      }
    expect(missed).toEqual([]);
  });

  it.each(CONVERTERS)("reads every idle status word written by OpenCC cn→%s", (_, conv) => {
    for (const w of STATUS_WORDS)
      expect([w, classifyStatus(conv(w))]).toEqual([w, classifyStatus(w)]);
    expect(STATUS_WORDS.every((w) => classifyStatus(w) !== null)).toBe(true);
  });

  it.each(CONVERTERS)("finds every fund type written by OpenCC cn→%s", (_, conv) => {
    for (const r of DISBURSEMENT_RULES)
      for (const a of r.aliases) expect([a, findDeadlineRule(conv(a))?.id]).toEqual([a, r.id]);
  });

  it.each(CONVERTERS)("reads units and filing headers written by OpenCC cn→%s", (_, conv) => {
    expect(parseUnit(conv("万元"))).toBe("万元");
    expect(parseUnit(conv("亿元"))).toBe("亿元");
    const p = parseAmount(conv("12.5万"));
    expect(p.ok && p.unit).toBe("万元");
    for (const kind of FILING_KINDS) {
      const spec = SPECS[kind];
      const header = spec.fields.map((f) => conv(f.header));
      const rec = recogniseFilingSheet([header]);
      expect([kind, rec?.spec.kind]).toEqual([kind, kind]);
    }
    expect(normaliseHeader(conv("监督举报电话"))).toBe("监督举报电话");
  });
});
