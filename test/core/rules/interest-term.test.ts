/**
 * 34号 第（十二）条1 with a benchmark banded by loan term: the band's own 「含」 decides its edges
 * (一至五年（含五年） holds exactly 5 years, so 五年以上 starts above 5); otherwise 以内/以上 include
 * the number (民法典 第一千二百五十九条). Exactly the benchmark is allowed.
 */
import { Decimal } from "../../../src/core/money";
import {
  inBand,
  judgeByTerm,
  parseTermBand,
  settleBands,
  termInText,
} from "../../../src/core/rules/interest";

const band = (t: string) => {
  const b = parseTermBand(t);
  expect(b).not.toBeNull();
  return b!;
};
// A banded table (figures are the test's own, not a claim about any year's rates).
const TABLE = [
  { band: band("一年以内（含一年）"), rate: new Decimal("0.0435") },
  { band: band("一至五年（含五年）"), rate: new Decimal("0.0475") },
  { band: band("五年以上"), rate: new Decimal("0.049") },
];

test("bands as tables word them", () => {
  expect(band("一年以内（含一年）")).toMatchObject({ lo: 0, hi: 12 });
  expect(band("1-5年")).toMatchObject({ lo: 12, hi: 60, loInclusive: true });
  expect(band("6个月至1年")).toMatchObject({ lo: 6, hi: 12 });
  expect(band("五年以上")).toMatchObject({ lo: 60, hi: null, loInclusive: true });
  expect(band("三十六个月以下")).toMatchObject({ hi: 36 });
  expect(parseTermBand("长期")).toBeNull();
  expect(parseTermBand("5至1年")).toBeNull();
});

test("edges: exactly 1 year and exactly 5 years fall in the lower band; one month more in the next", () => {
  const s = settleBands(TABLE.map((t) => t.band));
  const which = (m: number) => s.findIndex((b) => inBand(m, b));
  expect([which(1), which(12), which(13), which(60), which(61)]).toEqual([0, 0, 1, 1, 2]);
  // alone, 五年以上 includes 5 years (民法典 第一千二百五十九条)
  expect(inBand(60, settleBands([band("五年以上")])[0])).toBe(true);
});

test("the term from a row's text", () => {
  expect(termInText("产业贷款贴息，贷款期限3年，利率4.75%")).toBe(36);
  expect(termInText("期限：18个月")).toBe(18);
  expect(termInText("三年期小额信贷贴息")).toBe(36);
  expect(termInText("小额信贷贴息")).toBeNull();
});

test("judged by the band: exactly the band's rate is allowed, above it is not", () => {
  const at = judgeByTerm(new Decimal("0.0475"), TABLE, 60);
  expect(at).toMatchObject({ judged: true, above: false });
  const over = judgeByTerm(new Decimal("0.0476"), TABLE, 60);
  expect(over).toMatchObject({ judged: true, above: true });
  expect(judgeByTerm(new Decimal("0.0476"), TABLE, 61)).toMatchObject({
    judged: true,
    above: false,
  });
});

test("term unknown: within the lowest is fine, above the highest is above, in between is not judged", () => {
  expect(judgeByTerm(new Decimal("0.0435"), TABLE, null)).toMatchObject({
    judged: true,
    above: false,
  });
  expect(judgeByTerm(new Decimal("0.0491"), TABLE, null)).toMatchObject({
    judged: true,
    above: true,
  });
  expect(judgeByTerm(new Decimal("0.0436"), TABLE, null)).toMatchObject({
    judged: false,
    why: "term-unknown",
  });
});
