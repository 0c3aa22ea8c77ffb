import { OfficeReviewWorkbook, HIGHLIGHTS_SETTING } from "../../src/excel/review";
import {
  SAMPLE_ROWS,
  WEB_PAYLOAD_BUDGET,
  splitAddresses,
  rowsPerChunk,
} from "../../src/excel/ranges";
import type { Finding } from "../../src/core/review/types";
import { FakeWorkbook, NO_FILL, parseCell, type FakeFill } from "./reviewFakeExcel";
import { reviewSheet } from "../../src/core/review";
import { reviewNotes } from "../../src/core/review/notes";
import { serialFromYmd } from "../../src/core/dates";
import {
  CALENDAR_SHEET,
  FUND_TYPE_SHEET,
  readOfficeTables,
} from "../../src/taskpane/review/office-sheets";
import {
  AS_OF_2027,
  INVENTED_2027,
  LEDGER_2027,
  WITH_CALENDAR,
} from "../fixtures/ledgers/deadlines2027";

const HEADER = [
  "序号",
  "项目名称",
  "建设内容",
  "资金类型",
  "下达金额（万元）",
  "收到文件日期",
  "资金下达日期",
  "下达文号",
  "实施单位",
  "绩效目标",
];

/** A county ledger: title row, unit row, header, then `n` rows starting at B3 (origin column 2). */
function ledger(n: number): unknown[][] {
  const rows: unknown[][] = [
    ["", "某县2024年财政衔接推进乡村振兴补助资金拨付台账"],
    ["", "单位：万元"],
    ["", ...HEADER],
  ];
  for (let i = 1; i <= n; i++) {
    rows.push([
      "",
      i,
      `${["东风", "红旗", "新民", "永安"][i % 4]}村产业路硬化项目${i}`,
      `硬化村道${(i % 7) + 1}.${i % 10}公里，宽4.5米，含排水沟及安全护栏`,
      ["中央提前下达", "中央新增", "自治区本级"][i % 3],
      Number(((i % 97) * 3.17 + 10).toFixed(2)),
      45300 + (i % 200),
      45380 + (i % 200),
      `桂财农〔2024〕${(i % 90) + 1}号`,
      `某县${["交通运输局", "农业农村局", "水利局"][i % 3]}`,
      `受益脱贫人口${(i % 300) + 20}人，道路通畅率100%`,
    ]);
  }
  return rows;
}

function finding(sheet: string, cell: string, over: Partial<Finding> = {}): Finding {
  const { row, col } = parseCell(cell);
  return {
    kind: "OVERDUE",
    rule: "GX34-13-CENTRAL_ADVANCE",
    severity: "error",
    sheet,
    row: row + 1,
    column: cell.replace(/\d+/g, ""),
    cell,
    message: {
      zh: `资金下达超过4个月（第${col}列）`,
      en: "Passed down more than 4 months after receipt",
    },
    evidence: "收到 2024-01-10，下达 2024-06-20，期限 2024-05-10",
    citation: {
      document: "桂政发〔2014〕34号",
      clause: "第（十三）条",
      quote:
        "對中央財政上一年度提前下達的財政專項扶貧資金,應在收到資金下達文件後4個月內完成資金下達",
    },
    ...over,
  };
}

function snapshot(values: unknown[][]): string {
  return JSON.stringify(values);
}

describe("OfficeReviewWorkbook over office-addin-mock", () => {
  test("lists visible sheets and the active one", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("说明", [["x"]]);
    wb.addSheet("台账", ledger(3));
    wb.addSheet("内部", [["y"]]).visibility = "Hidden";
    wb.active = "台账";
    wb.install();
    const list = await new OfficeReviewWorkbook().listSheets();
    expect(list).toEqual({ names: ["说明", "台账"], active: "台账" });
  });

  test("reads the used range with its origin and merged areas", async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet("台账", ledger(5));
    s.merges = ["B1:K1", "B2:K2"];
    s.values[4][6] = "#N/A";
    wb.install();
    const input = await new OfficeReviewWorkbook().readSheet("台账");
    expect(input.name).toBe("台账");
    expect(input.origin).toEqual({ row: 1, column: 2 });
    expect(input.merges).toEqual(["B1:K1", "B2:K2"]);
    expect(input.values).toHaveLength(8);
    expect(input.values[2]).toEqual(HEADER);
    expect(input.values[4][5]).toBe("#N/A");
    expect(input.values[7][0]).toBe(5);
  });

  test("desktop: the read takes the same number of syncs for 1,000 and 50,000 rows", async () => {
    const counts: number[] = [];
    for (const n of [1000, 50000]) {
      const wb = new FakeWorkbook();
      const s = wb.addSheet("台账", ledger(n));
      wb.install("PC");
      const before = snapshot(s.values);
      const input = await new OfficeReviewWorkbook().readSheet("台账");
      expect(input.values).toHaveLength(n + 3);
      expect(input.values[n + 2][0]).toBe(n);
      expect(snapshot(s.values)).toBe(before);
      counts.push(wb.syncs.length);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBe(2);
  });

  test("Excel on the web: every sync stays under the 5 MB payload limit", async () => {
    const perRows: Record<number, number> = {};
    const total: Record<number, number> = {};
    for (const n of [1000, 50000]) {
      const wb = new FakeWorkbook();
      wb.addSheet("台账", ledger(n));
      wb.install("OfficeOnline");
      const input = await new OfficeReviewWorkbook().readSheet("台账");
      expect(input.values).toHaveLength(n + 3);
      expect(input.values[n + 2][1]).toBe(
        `${["东风", "红旗", "新民", "永安"][n % 4]}村产业路硬化项目${n}`
      );
      for (const sync of wb.syncs) expect(sync.bytes).toBeLessThan(5 * 1000 * 1000);
      total[n] = wb.syncs.reduce((sum, x) => sum + x.bytes, 0);
      perRows[n] = wb.syncs.length;
    }
    // Bounded by the data's size (the estimate assumes \\u-escaped text, up to 2× UTF-8, with a
    // 1.5× margin), never one sync per row or per chunk.
    expect(perRows[1000]).toBe(2);
    expect(perRows[50000]).toBeLessThanOrEqual(
      1 + Math.ceil((3 * total[50000]) / WEB_PAYLOAD_BUDGET)
    );
    console.log(
      `web read: 1,000 rows ${perRows[1000]} syncs (${total[1000]} B); ` +
        `50,000 rows ${perRows[50000]} syncs (${total[50000]} B)`
    );
  });

  test("an empty sheet reads as no values in one sync", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("空", []);
    wb.install();
    const input = await new OfficeReviewWorkbook().readSheet("空");
    expect(input.values).toEqual([]);
    expect(wb.syncs).toHaveLength(1);
  });

  test("highlights flagged cells and clearing restores every fill exactly; values never change", async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet("台账", ledger(20));
    const solid: FakeFill = { color: "#00B050", pattern: "Solid", patternColor: "#000000" };
    const patterned: FakeFill = { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" };
    const white: FakeFill = { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000" };
    s.fills.set("5,7", solid); // H6
    s.fills.set("6,7", patterned); // H7
    s.fills.set("7,7", white); // H8 — white, which is not "no fill"
    const fillsBefore = new Map(s.fills);
    const valuesBefore = snapshot(s.values);
    wb.install();
    const port = new OfficeReviewWorkbook();
    const findings = [
      finding("台账", "H6"),
      finding("台账", "H7", { severity: "warning" }),
      finding("台账", "H8", { severity: "info" }),
      finding("台账", "H9"),
      finding("台账", "H9", { kind: "DATA", severity: "warning", citation: null }),
      finding("台账", "C10", { kind: "PROHIBITED" }),
      { ...finding("台账", "A1"), cell: null, row: null, column: null },
    ];

    await port.readSheet("台账");
    wb.syncs = [];
    const done = await port.highlight(findings);
    expect(done.cells).toBe(5);
    expect(wb.syncs).toHaveLength(2);
    expect(s.fill(5, 7)).toEqual({ ...solid, color: "#FFC7CE" });
    expect(s.fill(6, 7).color).toBe("#FFEB9C");
    expect(s.fill(8, 7)).toEqual({ color: "#FFC7CE", pattern: "Solid", patternColor: "#000000" });
    expect(s.fill(9, 2).color).toBe("#FFC7CE");
    expect(wb.settings.has(HIGHLIGHTS_SETTING)).toBe(true);
    expect(snapshot(s.values)).toBe(valuesBefore);

    // Highlighting again (e.g. after a second run) must not record our own fill as "original".
    await port.highlight(findings);
    wb.syncs = [];
    const cleared = await port.clearHighlights();
    expect(cleared.cells).toBe(5);
    expect(wb.syncs).toHaveLength(3);
    expect(s.fills).toEqual(fillsBefore);
    expect(s.fill(8, 9)).toEqual(NO_FILL);
    expect(snapshot(s.values)).toBe(valuesBefore);
    expect(s.formulas.size).toBe(0);
    expect(wb.settings.has(HIGHLIGHTS_SETTING)).toBe(false);
    expect((await port.clearHighlights()).cells).toBe(0);
  });

  test("a cell the user refilled after highlighting keeps the user's fill", async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet("台账", ledger(5));
    wb.install();
    const port = new OfficeReviewWorkbook();
    await port.highlight([finding("台账", "H5"), finding("台账", "H6")]);
    const mine: FakeFill = { color: "#92D050", pattern: "Solid", patternColor: "#000000" };
    s.fills.set("4,7", mine);
    const cleared = await port.clearHighlights();
    expect(cleared.cells).toBe(1);
    expect(s.fill(4, 7)).toEqual(mine);
    expect(s.fill(5, 7)).toEqual(NO_FILL);
  });

  test("highlight sync count does not grow with the number of flagged cells", async () => {
    const counts: number[] = [];
    for (const n of [10, 2000]) {
      const wb = new FakeWorkbook();
      wb.addSheet("台账", ledger(n));
      wb.install("PC");
      const fs = Array.from({ length: n }, (_, i) => finding("台账", `H${i + 4}`));
      await new OfficeReviewWorkbook().highlight(fs);
      counts.push(wb.syncs.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  test("the findings sheet is a table whose text stays text and whose cell column links back", async () => {
    const wb = new FakeWorkbook();
    const src = wb.addSheet("台账", ledger(5));
    const prior = wb.addSheet("审查结果", [["我的笔记"]]);
    const valuesBefore = snapshot(src.values);
    wb.install();
    const port = new OfficeReviewWorkbook();
    const tricky = [
      finding("台账", "C7", {
        kind: "PROHIBITED",
        message: { zh: "=SUM(A1:A9)", en: "=SUM(A1:A9)" },
        evidence: "+86 0771 1234567",
      }),
      finding("台账", "F8", {
        kind: "DATA",
        citation: null,
        evidence: "-5",
        message: { zh: "@金额", en: "@amount" },
      }),
      finding("It's 台账", "B2", { evidence: "2024.3.5" }),
    ];
    const name = await port.writeFindings(tricky, "zh");
    expect(name).toBe("审查结果 (2)");
    expect(prior.values).toEqual([["我的笔记"]]);
    const out = wb.sheet(name)!;
    expect(out.cell("A1").value).toBe("类型 Kind");
    expect(out.cell("E2")).toEqual({ value: "=SUM(A1:A9)", formula: null, numberFormat: "@" });
    expect(out.cell("H2")).toEqual({ value: "+86 0771 1234567", formula: null, numberFormat: "@" });
    expect(out.cell("H3")).toEqual({ value: "-5", formula: null, numberFormat: "@" });
    expect(out.cell("E3")).toEqual({ value: "@金额", formula: null, numberFormat: "@" });
    expect(out.cell("H4").value).toBe("2024.3.5");
    expect(out.cell("A2").value).toBe("负面清单 PROHIBITED");
    expect(out.cell("F2").value).toBe("桂政发〔2014〕34号 第（十三）条");
    expect(out.cell("F3").value).toBe("");
    expect(out.cell("D2").formula).toBe(`=HYPERLINK("#'台账'!C7","台账!C7")`);
    expect(out.cell("D4").formula).toBe(`=HYPERLINK("#'It''s 台账'!B2","It's 台账!B2")`);
    expect(out.tables).toHaveLength(1);
    expect(out.tables[0]).toMatchObject({ address: "A1:H4", hasHeaders: true });
    expect(out.tables[0].mock.style).toBe("TableStyleMedium2");
    expect(wb.active).toBe(name);
    expect(snapshot(src.values)).toBe(valuesBefore);
    expect(src.formats.size).toBe(0);

    // Without the Text format Excel would have made these formulas: the model does, so the
    // assertions above can fail.
    const probe = wb.addSheet("probe");
    probe.write(0, 0, "=SUM(A1:A9)");
    expect(probe.cell("A1").formula).toBe("=SUM(A1:A9)");

    expect(await port.writeFindings(tricky, "en")).toBe("审查结果 (3)");
    expect(wb.sheet("审查结果 (3)")!.cell("A2").value).toBe("Prohibited use PROHIBITED");
  });

  test("writing 20,000 findings takes as many syncs as writing 10 (desktop)", async () => {
    const counts: number[] = [];
    for (const n of [10, 20000]) {
      const wb = new FakeWorkbook();
      wb.addSheet("台账", ledger(3));
      wb.install("PC");
      const fs = Array.from({ length: n }, (_, i) => finding("台账", `H${i + 4}`));
      const name = await new OfficeReviewWorkbook().writeFindings(fs, "zh");
      expect(wb.sheet(name)!.rowCount).toBe(n + 1);
      counts.push(wb.syncs.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  test("Excel on the web: writing 20,000 findings keeps every sync under 5 MB", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("台账", ledger(3));
    wb.install("OfficeOnline");
    const fs = Array.from({ length: 20000 }, (_, i) => finding("台账", `H${i + 4}`));
    const name = await new OfficeReviewWorkbook().writeFindings(fs, "zh");
    expect(wb.sheet(name)!.rowCount).toBe(20001);
    expect(wb.sheet(name)!.cell("E20001").value).toBe("资金下达超过4个月（第7列）");
    for (const sync of wb.syncs) expect(sync.bytes).toBeLessThan(5 * 1000 * 1000);
    const total = wb.syncs.reduce((sum, x) => sum + x.bytes, 0);
    // The estimate is deliberately pessimistic (\\u-escaped text, 1.5× margin, values and formats):
    // a few syncs per 4 MiB of real payload, never one per row.
    expect(wb.syncs.length).toBeLessThanOrEqual(2 + Math.ceil((4 * total) / WEB_PAYLOAD_BUDGET));
    console.log(`web write: 20,000 findings ${wb.syncs.length} syncs (${total} B)`);
  });

  test("the column mapping is remembered per sheet, across a rename, and can be forgotten", async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet("台账", ledger(3));
    wb.addSheet("项目库", ledger(3));
    wb.install();
    const port = new OfficeReviewWorkbook();
    expect(await port.loadMapping("台账")).toBeNull();
    await port.saveMapping("台账", { project: 2, amount: 5 });
    await port.saveMapping("项目库", { project: 1 });
    s.name = "台账2024";
    expect(await port.loadMapping("台账2024")).toEqual({ project: 2, amount: 5 });
    expect(await port.loadMapping("项目库")).toEqual({ project: 1 });
    await port.saveMapping("台账2024", null);
    expect(await port.loadMapping("台账2024")).toBeNull();
    expect(await port.loadMapping("项目库")).toEqual({ project: 1 });
  });

  test("selects a cell on its sheet", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("说明", [["x"]]);
    wb.addSheet("台账", ledger(3));
    wb.install();
    await new OfficeReviewWorkbook().selectCell("台账", "G7");
    expect(wb.selected).toEqual({ sheet: "台账", cell: "G7" });
    expect(wb.active).toBe("台账");
  });
});

describe("range helpers", () => {
  test("merged-area addresses split outside quoted sheet names", () => {
    expect(splitAddresses("Sheet1!A1:H1,'a,b!'!$A$2:$B$2")).toEqual(["A1:H1", "A2:B2"]);
  });
  test("chunks respect the cell cap and the byte budget", () => {
    expect(rowsPerChunk(10, 100, Infinity)).toBe(20000);
    expect(rowsPerChunk(10, 1000, 4 * 1024 * 1024)).toBe(4194);
    expect(rowsPerChunk(10, 1e9, 1000)).toBe(1);
    expect(SAMPLE_ROWS).toBeGreaterThan(0);
  });
});

describe("an office's 节假日安排 and 资金类型对照 sheets, read through the adapter (issue 12)", () => {
  // Excel hands date cells over as serials: the invented 2027 table as an office would type it.
  const serialRows = (rows: unknown[][]) =>
    rows.map((r) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(r[0]));
      return m ? [serialFromYmd(+m[1], +m[2], +m[3]), r[1], r[2]] : r;
    });

  async function run(extra: (wb: FakeWorkbook) => void) {
    const wb = new FakeWorkbook();
    wb.addSheet(LEDGER_2027.name, LEDGER_2027.values);
    extra(wb);
    wb.install();
    const adapter = new OfficeReviewWorkbook();
    const { names } = await adapter.listSheets();
    const tables = await readOfficeTables(adapter, names);
    if (!tables.ok) return { tables, result: null };
    const ledgerInput = await adapter.readSheet(LEDGER_2027.name);
    const result = reviewSheet(ledgerInput, { asOf: AS_OF_2027, ...tables.params });
    return { tables, result };
  }

  test("without the sheet, the 2027 rows are not judged and the notes say how to supply the year", async () => {
    const { tables, result } = await run(() => undefined);
    expect(tables).toEqual({ ok: true, params: {}, read: [] });
    const notes = reviewNotes([result!.sheet]).map((n) => n.zh);
    expect(notes[0]).toContain("4 行的下达时限未能判断：缺少 2027 年的节假日安排");
    expect(notes[0]).toContain("节假日安排”工作表");
  });

  test("with it, every deadline is computed from the supplied days", async () => {
    const { tables, result } = await run((wb) => {
      wb.addSheet(CALENDAR_SHEET, serialRows(INVENTED_2027));
      wb.addSheet(FUND_TYPE_SHEET, [
        ["资金类型", "适用规则"],
        ["新增债券资金", "不适用"],
      ]);
    });
    expect(tables.ok && tables.read).toEqual([CALENDAR_SHEET, FUND_TYPE_SHEET]);
    expect(result!.findings.map((f) => `${f.kind} ${f.rule} ${f.cell}`)).toEqual(
      WITH_CALENDAR.map((e) => `${e.kind} ${e.rule} ${e.cell}`)
    );
    expect(result!.sheet.notes?.notJudged).toBeUndefined();
  });

  test("a row of the table that cannot be read stops the run, naming the row", async () => {
    const { tables } = await run((wb) => {
      wb.addSheet(CALENDAR_SHEET, [
        ["日期", "类型"],
        ["2027-01-01", "半天"],
      ]);
    });
    expect(tables.ok).toBe(false);
    if (!tables.ok) expect(tables.message.zh).toContain("第 2 行");
  });
});
