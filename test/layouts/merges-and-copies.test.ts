/**
 * Issue 13 §1, §7 in detail: merged cells filled (bounded), a host that cannot report merged
 * areas said so once, a streamed sheet's merges reconciled, summary copies, filing sheets.
 */
import { fillMerged, parseArea } from "../../src/core/ledger/merge";
import {
  SheetReview,
  markCopies,
  reviewSheet,
  reviewWorkbook,
  streamedMergesNote,
} from "../../src/core/review/engine";
import { checkFilingSheet } from "../../src/core/filing/check";
import { SPECS } from "../../src/core/filing/specs";
import { OfficeReviewWorkbook } from "../../src/excel/review";
import { FakeWorkbook } from "../excel/reviewFakeExcel";
import { AS_OF, LAYOUTS } from "../fixtures/layouts";

const publicity = LAYOUTS.find((l) => l.id === "publicity-merged")!;
const pubSheet = publicity.sheets[0];

describe("fillMerged", () => {
  test("a merge's value reaches every covered cell; the input is not changed", () => {
    const values = [
      ["a", "", "x"],
      ["", "", "y"],
    ];
    const out = fillMerged({ name: "s", values, merges: ["A1:B2"] });
    expect(out.values).toEqual([
      ["a", "a", "x"],
      ["a", "a", "y"],
    ]);
    expect(values[1][0]).toBe("");
  });

  test("origins, absolute references and sheet prefixes are honoured; bad areas ignored", () => {
    const out = fillMerged({
      name: "s",
      values: [
        ["t", ""],
        ["", ""],
      ],
      origin: { row: 3, column: 2 },
      merges: ["'Sheet 1'!$B$3:$C$3", "nonsense", "Z1:Z9"],
    });
    expect(out.values).toEqual([
      ["t", "t"],
      ["", ""],
    ]);
    expect(parseArea("C5:A1")).toEqual({ r0: 1, c0: 1, r1: 5, c1: 3 });
  });

  test("a hostile merge over the whole grid costs no more than the cells read", () => {
    const out = fillMerged({ name: "s", values: [["v"]], merges: ["A1:XFD1048576"] });
    expect(out.values).toEqual([["v"]]);
  });
});

describe("a host without merged areas (ExcelApi < 1.13, or more than 512 areas)", () => {
  const run = async (setup: (f: FakeWorkbook) => void) => {
    const fake = new FakeWorkbook();
    const s = fake.addSheet(
      pubSheet.name,
      pubSheet.rows.map((r) => [...r])
    );
    s.merges = pubSheet.merges ?? [];
    setup(fake);
    fake.install();
    const input = await new OfficeReviewWorkbook().readSheet(pubSheet.name);
    return { input, result: reviewSheet(input, { asOf: AS_OF }) };
  };

  test.each([
    ["ExcelApi 1.12", (f: FakeWorkbook) => (f.excelApi = "1.12"), "ExcelApi 1.13"],
    ["merged areas refused", (f: FakeWorkbook) => (f.refuseMerges = true), "512"],
  ])("%s: said once; blanks under a filled cell not called unfilled", async (_, setup, why) => {
    const { input, result } = await run(setup);
    expect(input.merges).toEqual([]);
    expect(input.mergesUnread?.zh).toContain(why);
    const rules = result.findings.map((f) => `${f.rule} ${f.cell ?? "-"}`);
    // the 7 cells under the merges are not misreported; the planted blank E6 (under a filled
    // E5) cannot be told from a merge without the host's answer: it is counted in the note (8),
    // not reported as clean and not reported as unfilled; the "/" in J7 is still found
    expect(rules).toEqual(["DATA-MERGES-UNREAD -", "XJ76-2-4-RESPONSIBLE J7"]);
    expect(result.findings[0].message.zh).toContain("8 个单元格");
  });
});

describe("a streamed sheet learns its merges at its end", () => {
  test("'not filled' findings under a merge are withdrawn and counted in one note", () => {
    const review = new SheetReview(pubSheet.name, { asOf: AS_OF });
    pubSheet.rows.forEach((r, i) => review.addRow(i + 1, r));
    const outcome = review.finish();
    expect(outcome.findings.length).toBe(9); // 7 under the merges + the 2 planted
    const kept = streamedMergesNote(outcome, pubSheet.merges)!;
    expect(kept.map((f) => `${f.rule} ${f.cell ?? "-"}`)).toEqual([
      "DATA-MERGES-UNREAD -",
      "XJ76-2-4-PLACE E6",
      "XJ76-2-4-RESPONSIBLE J7",
    ]);
    expect(streamedMergesNote(outcome, ["A1:K1"])).toBeNull();
  });
});

describe("summary copies", () => {
  const head = ["项目名称", "建设内容", "金额（万元）"];
  test("identical sheets: the one named like a summary is the copy, the other is reviewed", () => {
    const rows = [head, ["村道", "购买公务用车", 1], ["水池", "蓄水池", 2]];
    const r = reviewWorkbook(
      [
        { name: "汇总", values: rows },
        { name: "甲乡", values: rows },
      ],
      { asOf: AS_OF }
    );
    expect(r.sheets[0].copyOf).toEqual(["甲乡"]);
    expect(r.sheets[1].copyOf).toBeUndefined();
    expect(new Set(r.findings.map((f) => f.sheet))).toEqual(new Set(["甲乡"]));
  });

  test("a sheet with one row of its own is not a copy", () => {
    const a = reviewSheet(
      { name: "甲乡", values: [head, ["村道", "道路", 1], ["水池", "水池", 2]] },
      { asOf: AS_OF },
      { collectKeys: true }
    );
    const b = reviewSheet(
      { name: "汇总", values: [head, ["村道", "道路", 1], ["新项目", "购买公务用车", 3]] },
      { asOf: AS_OF },
      { collectKeys: true }
    );
    const n = b.findings.length;
    markCopies([a, b]);
    expect(b.sheet.copyOf).toBeUndefined();
    expect(b.findings.length).toBe(n);
    expect(n).toBeGreaterThan(0);
  });
});

describe("filing sheets: multi-row headers and placeholders", () => {
  test("a two-row header (a group row over the columns) is read; '/' in a must-fill field is not filled", () => {
    const spec = SPECS.publicity;
    const headers = spec.fields.map((f) => f.header);
    const group = headers.map((_, i) => (i === 0 ? "项目公示内容" : ""));
    const row = spec.fields.map((f) =>
      f.type === "amount"
        ? "—"
        : f.type === "date"
          ? 45700
          : f.type === "year"
            ? 2025
            : (f.choices?.[0] ?? "内容")
    );
    const first = spec.fields.findIndex((f) => f.required && f.type === "text");
    row[first] = "／";
    const findings = checkFilingSheet({
      name: "公示",
      values: [["某县项目公告公示"], group, headers, row],
      merges: ["A1:F1"],
    });
    const texts = findings.map((f) => `${f.cell} ${f.message.zh}`);
    expect(texts).toEqual([
      expect.stringMatching(
        new RegExp(`^[A-Z]+4 必填项「${spec.fields[first].header}」填写的是「／」，不算填写$`)
      ),
    ]);
  });
});

describe("the office's terms sheet: a title, a group row and a sub-header row", () => {
  test("only the terms are read", () => {
    const { parseCustomTerms } =
      require("../../src/core/prohibited") as typeof import("../../src/core/prohibited");
    const parsed = parseCustomTerms([
      ["本单位负面清单", "", ""],
      ["負面清單詞語", "", ""],
      ["類別", "詞語", "類型"],
      ["（必填）", "（必填）", "（禁止/例外）"],
      ["UNRELATED", "冷库", "禁止"],
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.terms.map((t) => [t.category, t.term, t.kind])).toEqual([
      ["UNRELATED", "冷库", "term"],
    ]);
  });
});
