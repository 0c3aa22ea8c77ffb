/** DOUBLE (Hubei 五（三）; 76号 二（一）): one project under two channels or documents. */
import { reviewSheet } from "../../../src/core/review";
import { DEFAULT_PACKS } from "../../../src/core/review/registry";
import { serialFromYmd } from "../../../src/core/dates";

const asOf = serialFromYmd(2026, 6, 30);
const sheet = (rows: unknown[][]) => ({
  name: "资金台账",
  values: [["项目名称", "实施地点", "资金来源", "下达文号", "金额（万元）"], ...rows],
});
/** DOUBLE is off by default (integrated projects draw on several channels): the office ticks it. */
const WITH_DOUBLE = [...DEFAULT_PACKS, "DOUBLE"];
const doubles = (rows: unknown[][], packs: string[] = WITH_DOUBLE) =>
  reviewSheet(sheet(rows), { asOf, packs })
    .findings.filter((f) => f.kind === "DOUBLE")
    .map((f) => `${f.cell} ${f.evidence}`);

test("a project under a second channel or a second document is a warning naming the first row", () => {
  const r = reviewSheet(
    sheet([
      ["那坡村产业路", "那坡村", "中央财政专项扶贫资金", "桂财农〔2026〕1号", 64.8],
      ["那坡村产业路", "那坡村", "县级财政资金", "桂财农〔2026〕1号", 10],
      ["那坡村产业路", "那坡村", "省级财政资金", "桂财农〔2026〕9号", 5],
    ]),
    { asOf, packs: WITH_DOUBLE }
  );
  const d = r.findings.filter((f) => f.kind === "DOUBLE");
  expect(d.map((f) => f.cell)).toEqual(["A3"]); // once per project
  expect(d[0].severity).toBe("warning");
  expect(d[0].message.zh).toContain("已在第 2 行由「中央财政专项扶贫资金」安排资金");
  expect(d[0].citation?.clause).toBe("五（三）");
});

test("the same channel and document (Traditional, full-width) is not a double claim; other villages are other projects", () => {
  expect(
    doubles([
      ["那坡村产业路", "那坡村", "中央財政專項扶貧資金", "桂财农〔2026〕1号", 64.8],
      ["那坡村产业路", "那坡村", "中央财政专项扶贫资金", "桂财农〔2026〕1号", 10],
      ["那坡村产业路", "百合村", "县级财政资金", "桂财农〔2026〕2号", 10],
    ])
  ).toEqual([]);
});

test("not flagged when the pack is not chosen, which is the default", () => {
  const rows = [
    ["那坡村产业路", "那坡村", "中央财政专项扶贫资金", "1号", 64.8],
    ["那坡村产业路", "那坡村", "县级财政资金", "2号", 10],
  ];
  expect(doubles(rows).length).toBe(1);
  expect(
    doubles(
      rows,
      DEFAULT_PACKS.filter((p) => p !== "DOUBLE")
    )
  ).toEqual([]);
  expect(DEFAULT_PACKS).not.toContain("DOUBLE");
  expect(reviewSheet(sheet(rows), { asOf }).findings.filter((f) => f.kind === "DOUBLE")).toEqual(
    []
  );
});
