import fc from "fast-check";
import { Decimal } from "../../../src/core/money";
import { daxie, DaxieError, integerDaxie } from "../../../src/core/filing/daxie";

const dx = (s: string, o?: { zhengAfterJiao?: boolean }) => daxie(new Decimal(s), o);

describe("daxie — the issue's and regulation's examples", () => {
  test.each([
    ["1010.5", "壹仟零壹拾元伍角"],
    ["100000", "壹拾万元整"],
    ["0.05", "伍分"],
    ["10", "壹拾元整"],
    ["100000000", "壹亿元整"],
    ["1004.06", "壹仟零肆元零陆分"],
    ["100000100.00", "壹亿零壹佰元整"],
    ["0", "零元整"],
    // the usual examples for filling in bills (支付结算办法 附件)
    ["1409.50", "壹仟肆佰零玖元伍角"],
    ["6007.14", "陆仟零柒元壹角肆分"],
    ["1680.32", "壹仟陆佰捌拾元叁角贰分"],
    ["325.04", "叁佰贰拾伍元零肆分"],
    ["107000.53", "壹拾万柒仟元伍角叁分"],
  ])("%s → %s", (a, expected) => expect(dx(a)).toBe(expected));
});

describe("daxie — zeros", () => {
  test.each([
    ["1001", "壹仟零壹元整"],
    ["10010", "壹万零壹拾元整"],
    ["100010", "壹拾万零壹拾元整"],
    ["10000001", "壹仟万零壹元整"],
    ["10100000", "壹仟零壹拾万元整"],
    ["110000000", "壹亿壹仟万元整"],
    ["101000000", "壹亿零壹佰万元整"],
    ["100001000", "壹亿零壹仟元整"],
    ["1000000000000", "壹万亿元整"],
    ["1000100000000", "壹万零壹亿元整"],
    ["12345678.9", "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角"],
    ["0.5", "伍角"],
    ["0.56", "伍角陆分"],
    ["10.01", "壹拾元零壹分"],
    ["20", "贰拾元整"],
    ["0.10", "壹角"],
  ])("%s → %s", (a, expected) => expect(dx(a)).toBe(expected));

  test("an integer part of 0 says nothing", () => expect(integerDaxie("000")).toBe(""));
});

describe("daxie — signs, 整 after 角, limits", () => {
  test("negatives take 负", () => {
    expect(dx("-1004.06")).toBe("负壹仟零肆元零陆分");
    expect(dx("-10")).toBe("负壹拾元整");
    expect(dx("-0.05")).toBe("负伍分");
  });
  test("minus zero is 零元整", () => expect(dx("-0")).toBe("零元整"));
  test("整 after 角 only when asked, never after 分", () => {
    expect(dx("1010.5", { zhengAfterJiao: true })).toBe("壹仟零壹拾元伍角整");
    expect(dx("1010.55", { zhengAfterJiao: true })).toBe("壹仟零壹拾元伍角伍分");
    expect(dx("1010", { zhengAfterJiao: true })).toBe("壹仟零壹拾元整");
  });
  test("more than two decimals is refused", () => {
    expect(() => dx("1.234")).toThrow(DaxieError);
    expect(() => dx("0.001")).toThrow(DaxieError);
  });
  test("trailing zeros beyond 分 are fine (1.230 is 1.23)", () =>
    expect(dx("1.230")).toBe("壹元贰角叁分"));
  test("too large is refused", () => expect(() => dx("10000000000000000")).toThrow(DaxieError));
});

/** Reads 大写 back (an independent reader, for the round-trip property). */
function readBack(s: string): string {
  let neg = false;
  if (s.startsWith("负")) {
    neg = true;
    s = s.slice(1);
  }
  const D = "零壹贰叁肆伍陆柒捌玖";
  const small: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  let yi = 0n;
  let wan = 0n;
  let sec = 0n;
  let digit = 0n;
  let fen = 0n;
  let mode: "int" | "frac" = "int";
  for (const ch of s) {
    if (D.includes(ch)) digit = BigInt(D.indexOf(ch));
    else if (ch in small) {
      sec += digit * BigInt(small[ch]);
      digit = 0n;
    } else if (ch === "万") {
      wan += (sec + digit) * 10000n;
      sec = digit = 0n;
    } else if (ch === "亿") {
      yi = (yi + wan + sec + digit) * 100000000n;
      wan = sec = digit = 0n;
    } else if (ch === "元") {
      sec += digit;
      digit = 0n;
      mode = "frac";
    } else if (ch === "角") {
      fen += digit * 10n;
      digit = 0n;
    } else if (ch === "分") {
      fen += digit;
      digit = 0n;
    } else if (ch !== "整") throw new Error(`unexpected ${ch} in ${s}`);
  }
  void mode;
  const total = (yi + wan + sec) * 100n + fen;
  const str = total.toString().padStart(3, "0");
  return `${neg ? "-" : ""}${str.slice(0, -2)}.${str.slice(-2)}`;
}

test("property: the uppercase reads back as the amount, with no 零零, no leading or trailing 零", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(10n ** 17n) + 1n, max: 10n ** 17n - 1n }), (fen) => {
      const abs = fen < 0n ? -fen : fen;
      const s = abs.toString().padStart(3, "0");
      const amount = `${fen < 0n ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
      const out = daxie(new Decimal(amount));
      if (fen === 0n) return expect(out).toBe("零元整");
      expect(readBack(out)).toBe(
        amount.replace(/^-?0+(?=\d\.)/, (m) => (m.startsWith("-") ? "-" : ""))
      );
      expect(out).not.toMatch(/零零|^负?零|零[元万亿整]|零$/);
      expect(out.endsWith("分") || out.endsWith("角") || out.endsWith("整")).toBe(true);
      expect(out.includes("整")).toBe(out.endsWith("元整"));
    }),
    { numRuns: 2000 }
  );
});
