/** Skipping the converter on text with no convertible character must never change a result. */
import fc from "fast-check";
import { normalize, toSimplified } from "../../../src/core/prohibited";

const OpenCC = require("opencc-js/t2cn");
const full: (s: string) => string = OpenCC.Converter({ from: "t", to: "cn" });

const POOL = [
  "打坏",
  "反覆",
  "一目瞭然",
  "明瞭",
  "出",
  "水",
  "大",
  "目",
  "金",
  "社",
  ..."辦公樓縣鄉幹部職工資補貼慰問車購置債務扶貧戶村道路硬化公示牌干后发面里台云着乾隆𠀾　 ＡＢ１２３，。abcXYZ",
];

test("toSimplified equals OpenCC t2s on any mix of Traditional, Simplified and other text", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...POOL), { maxLength: 30 }), (chars) => {
      const s = chars.join("");
      expect(toSimplified(s)).toBe(full(s));
    }),
    { numRuns: 2000 }
  );
});

test("normalize: half-width, Simplified, no spaces, lower case", () => {
  expect(normalize(" 扶貧 車間\t建設 ＡＢ１ ")).toBe("扶贫车间建设ab1");
  expect(normalize("村组道路硬化")).toBe("村组道路硬化");
});
