import {
  Decimal,
  parseAmount,
  parseAmountIn,
  decimalFromExcel,
  parseUnit,
  convertUnit,
  withThousands,
} from "../../src/core/money";

const ok = (v: unknown) => {
  const p = parseAmount(v);
  if (!p.ok) throw new Error(p.message.en);
  return p;
};

describe("parseAmount", () => {
  test.each([
    ["1,234.50", "1234.5", null],
    ["1234.5", "1234.5", null],
    ["１２３４．５", "1234.5", null],
    ["１，２３４．５０", "1234.5", null],
    ["(1,234.50)", "-1234.5", null],
    ["（1,234.50）", "-1234.5", null],
    ["-1234.5", "-1234.5", null],
    ["¥1,234.50", "1234.5", null],
    ["12.5万", "12.5", "万元"],
    ["12.5万元", "12.5", "万元"],
    ["300元", "300", "元"],
    ["1.2亿", "1.2", "亿元"],
    [" 1 234.5 ", "1234.5", null],
    ["0.1", "0.1", null],
  ])("%p → %s %s", (input, value, unit) => {
    const p = ok(input);
    expect(p.value.toString()).toBe(value);
    expect(p.unit).toBe(unit);
  });

  test("Excel floats are read at 15 significant digits, not binary noise", () => {
    expect(ok(0.1 + 0.2).value.toString()).toBe("0.3");
    expect(decimalFromExcel(1234567.891).toString()).toBe("1234567.891");
    expect(ok(-0.07).value.toString()).toBe("-0.07");
  });

  test.each([["待定"], ["1.2.3"], ["12,34"], ["abc"], ["(-5)"], ["1,2345.00"]])(
    "%p is unreadable and says what it saw",
    (input) => {
      const p = parseAmount(input);
      expect(p.ok).toBe(false);
      expect(!p.ok && p.problem).toBe("unreadable");
      expect(!p.ok && p.message.zh).toContain(String(input));
    }
  );

  test("blank is empty, an error value is reported as such", () => {
    expect(!parseAmount("").ok && (parseAmount("") as { problem: string }).problem).toBe("empty");
    expect(!parseAmount(null).ok).toBe(true);
    const e = parseAmount("#VALUE!");
    expect(!e.ok && e.problem).toBe("error-value");
  });
});

describe("units", () => {
  test("a column in 万元 reads plain numbers as 万元 and honours a cell's own unit", () => {
    const a = parseAmountIn("12.5", "元", "万元");
    expect(a.ok && a.value.toString()).toBe("125000");
    const b = parseAmountIn("300元", "元", "万元");
    expect(b.ok && b.value.toString()).toBe("300");
    const c = parseAmountIn(12345.67, "万元", "元");
    expect(c.ok && c.value.toString()).toBe("1.234567");
  });
  test("conversion is exact", () => {
    expect(convertUnit(new Decimal("0.01"), "元", "万元").toString()).toBe("0.000001");
  });
  test.each([
    ["元", "元"],
    ["万元", "万元"],
    ["万", "万元"],
    ["单位：万元", "万元"],
    ["亿元", "亿元"],
    ["美元", null],
  ])("unit %p", (s, u) => {
    expect(parseUnit(s)).toBe(u);
  });
});

describe("withThousands", () => {
  it("groups the whole part in threes, exactly, with the places asked for", () => {
    expect(withThousands(new Decimal(500000))).toBe("500,000");
    expect(withThousands(new Decimal(999))).toBe("999");
    expect(withThousands(new Decimal("1234567.005"), 2)).toBe("1,234,567.01");
    expect(withThousands(new Decimal("-1000"))).toBe("-1,000");
    expect(withThousands(new Decimal("12345678901234567890.1"), 1)).toBe(
      "12,345,678,901,234,567,890.1"
    );
  });
});
