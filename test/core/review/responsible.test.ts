/**
 * 76号 三（二）: the project ledger names each project's person responsible (pack LEDGER, off by
 * default). A blank or placeholder 责任人 is a finding; a project ledger without the column is said
 * once; a fund ledger is never held to a person per row.
 */
import { reviewSheet } from "../../../src/core/review";
import { DEFAULT_PACKS } from "../../../src/core/review/registry";
import { serialFromYmd } from "../../../src/core/dates";
import { isProjectLedger, namesNobody } from "../../../src/core/rules/ledger-duty";

const asOf = serialFromYmd(2026, 6, 30);
const on = [...DEFAULT_PACKS, "LEDGER"];
const PROJECTS = [
  ["项目名称", "实施单位", "责任人", "金额（万元）"],
  ["产业路", "县交通局", "张三", 10],
  ["饮水工程", "县水利局", "", 20],
  ["文化室", "县文旅局", "待定", 5],
];
const ledger = (name: string, values: unknown[][]) => ({ name, values });
const ofKind = (r: ReturnType<typeof reviewSheet>) =>
  r.findings.filter((f) => f.kind === "LEDGER").map((f) => `${f.rule}@${f.cell}`);

test("off by default: nothing is flagged unless the office ticks LEDGER", () => {
  expect(DEFAULT_PACKS).not.toContain("LEDGER");
  expect(ofKind(reviewSheet(ledger("项目总台账", PROJECTS), { asOf }))).toEqual([]);
});

test("on: a blank and a placeholder 责任人 on a project ledger are findings, a named one is not", () => {
  const r = reviewSheet(ledger("项目总台账", PROJECTS), { asOf, packs: on });
  expect(ofKind(r)).toEqual(["XJ76-3-2-RESPONSIBLE@C3", "XJ76-3-2-RESPONSIBLE@C4"]);
  const f = r.findings.find((x) => x.cell === "C3")!;
  expect(f.citation?.clause).toBe("三（二）");
  expect(f.message.zh).toContain("饮水工程");
  expect(f.evidence).toContain("空白");
});

test("a project ledger with no 责任人 column is said once, at sheet level", () => {
  const values = PROJECTS.map((r) => [r[0], r[1], r[3]]);
  const r = reviewSheet(ledger("项目库", values), { asOf, packs: on });
  expect(ofKind(r)).toEqual(["XJ76-3-2-RESPONSIBLE-COLUMN@null"]);
});

test("a fund ledger (拨付台账) is not held to a person per row", () => {
  const values = PROJECTS.map((r) => [r[0], r[1], r[3]]);
  expect(ofKind(reviewSheet(ledger("资金拨付台账", values), { asOf, packs: on }))).toEqual([]);
  expect(ofKind(reviewSheet(ledger("项目资金拨付台账", PROJECTS), { asOf, packs: on }))).toEqual(
    []
  );
});

test("which sheets are project ledgers; which cells name nobody", () => {
  expect(isProjectLedger("扶贫项目总台账", "ledger")).toBe(true);
  expect(isProjectLedger("項目台賬", "ledger")).toBe(true);
  expect(isProjectLedger("Sheet1", "projects")).toBe(true);
  expect(isProjectLedger("资金总台账", "ledger")).toBe(false);
  expect(isProjectLedger("Sheet1", "ledger")).toBe(false);
  for (const t of ["", "  ", "无", "待定", "—", "/"]) expect(namesNobody(t)).toBe(true);
  for (const t of ["张三", "无锡人", "李四（副局长）"]) expect(namesNobody(t)).toBe(false);
});
