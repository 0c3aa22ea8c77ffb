/**
 * What the Review pane relies on from a workbook, whichever host holds it: the same expectations
 * run against the Excel adapter over its Office.js fake (test/excel/review.test.ts) and the WPS
 * adapter over the WPS object-model fake (test/wps/review.test.ts). A fixture translates each
 * host's model into one vocabulary (fills as Excel names them: "#RRGGBB", "None"/"Solid"); what
 * only one host has (Office's sync round trips) is checked through `checkCalls`.
 */
import type { Finding } from "../../src/core/review/types";
import type { ReviewWorkbook } from "../../src/workbook/review/port";
import { HIGHLIGHTS_SETTING } from "../../src/excel/review";
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

export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
}

export const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000" };

export interface ReviewFixture {
  port: ReviewWorkbook;
  addSheet(
    name: string,
    values?: unknown[][],
    opts?: { hidden?: boolean; merges?: string[] }
  ): void;
  setActive(name: string): void;
  rename(from: string, to: string): void;
  /** The sheet's stored values (row-major, from A1). */
  values(sheet: string): unknown[][];
  /** The sheet's formats set anywhere (count). */
  formatCount(sheet: string): number;
  formulaCount(sheet: string): number;
  fill(sheet: string, cell: string): Fill;
  setFill(sheet: string, cell: string, fill: Fill): void;
  /** Every cell's fill that is not "no fill", by cell. */
  fills(sheet: string): Record<string, Fill>;
  cell(
    sheet: string,
    address: string
  ): { value: unknown; formula: string | null; numberFormat: string };
  /** Writes as a user would, into a General cell. */
  writeRaw(sheet: string, address: string, value: unknown): void;
  tables(sheet: string): { address: string; hasHeaders: boolean; style: unknown }[];
  rowCount(sheet: string): number;
  active(): string;
  selected(): { sheet: string; cell: string } | null;
  remembers(key: string): boolean;
  /** Host-specific accounting after a phase (Office: syncs; WPS: calls). */
  checkCalls(phase: "emptyRead" | "highlight" | "clear"): void;
  resetCalls(): void;
}

export const HEADER = [
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
export function ledger(n: number): unknown[][] {
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

function colOf(cell: string): number {
  let c = 0;
  for (const ch of cell.replace(/\d+/g, "")) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export function finding(sheet: string, cell: string, over: Partial<Finding> = {}): Finding {
  const col = colOf(cell);
  return {
    kind: "OVERDUE",
    rule: "GX34-13-CENTRAL_ADVANCE",
    severity: "error",
    sheet,
    row: Number(cell.replace(/\D+/g, "")),
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

const snapshot = (values: unknown[][]) => JSON.stringify(values);

export function reviewContract(host: string, make: () => ReviewFixture): void {
  describe(`Review workbook contract: ${host}`, () => {
    test("lists visible sheets and the active one", async () => {
      const fx = make();
      fx.addSheet("说明", [["x"]]);
      fx.addSheet("台账", ledger(3));
      fx.addSheet("内部", [["y"]], { hidden: true });
      fx.setActive("台账");
      const list = await fx.port.listSheets();
      expect(list).toEqual({ names: ["说明", "台账"], active: "台账" });
    });

    test("reads the used range with its origin and merged areas", async () => {
      const fx = make();
      const values = ledger(5);
      values[4][6] = "#N/A";
      fx.addSheet("台账", values, { merges: ["B1:K1", "B2:K2"] });
      const input = await fx.port.readSheet("台账");
      expect(input.name).toBe("台账");
      expect(input.origin).toEqual({ row: 1, column: 2 });
      expect(input.merges).toEqual(["B1:K1", "B2:K2"]);
      expect(input.values).toHaveLength(8);
      expect(input.values[2]).toEqual(HEADER);
      expect(input.values[4][5]).toBe("#N/A");
      expect(input.values[7][0]).toBe(5);
    });

    test("an empty sheet reads as no values", async () => {
      const fx = make();
      fx.addSheet("空", []);
      fx.resetCalls();
      const input = await fx.port.readSheet("空");
      expect(input.values).toEqual([]);
      fx.checkCalls("emptyRead");
    });

    test("highlights flagged cells and clearing restores every fill exactly; values never change", async () => {
      const fx = make();
      fx.addSheet("台账", ledger(20));
      const solid: Fill = { color: "#00B050", pattern: "Solid", patternColor: "#000000" };
      const patterned: Fill = { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" };
      const white: Fill = { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000" };
      fx.setFill("台账", "H6", solid);
      fx.setFill("台账", "H7", patterned);
      fx.setFill("台账", "H8", white); // white, which is not "no fill"
      const fillsBefore = fx.fills("台账");
      const valuesBefore = snapshot(fx.values("台账"));
      const port = fx.port;
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
      fx.resetCalls();
      const done = await port.highlight(findings);
      expect(done.cells).toBe(5);
      fx.checkCalls("highlight");
      expect(fx.fill("台账", "H6")).toEqual({ ...solid, color: "#FFC7CE" });
      expect(fx.fill("台账", "H7").color).toBe("#FFEB9C");
      expect(fx.fill("台账", "H9")).toEqual({
        color: "#FFC7CE",
        pattern: "Solid",
        patternColor: "#000000",
      });
      expect(fx.fill("台账", "C10").color).toBe("#FFC7CE");
      expect(fx.remembers(HIGHLIGHTS_SETTING)).toBe(true);
      expect(snapshot(fx.values("台账"))).toBe(valuesBefore);

      // Highlighting again (e.g. after a second run) must not record our own fill as "original".
      await port.highlight(findings);
      fx.resetCalls();
      const cleared = await port.clearHighlights();
      expect(cleared.cells).toBe(5);
      fx.checkCalls("clear");
      expect(fx.fills("台账")).toEqual(fillsBefore);
      expect(fx.fill("台账", "J9")).toEqual(NO_FILL);
      expect(snapshot(fx.values("台账"))).toBe(valuesBefore);
      expect(fx.formulaCount("台账")).toBe(0);
      expect(fx.remembers(HIGHLIGHTS_SETTING)).toBe(false);
      expect((await port.clearHighlights()).cells).toBe(0);
    });

    test("a cell the user refilled after highlighting keeps the user's fill", async () => {
      const fx = make();
      fx.addSheet("台账", ledger(5));
      await fx.port.highlight([finding("台账", "H5"), finding("台账", "H6")]);
      const mine: Fill = { color: "#92D050", pattern: "Solid", patternColor: "#000000" };
      fx.setFill("台账", "H5", mine);
      const cleared = await fx.port.clearHighlights();
      expect(cleared.cells).toBe(1);
      expect(fx.fill("台账", "H5")).toEqual(mine);
      expect(fx.fill("台账", "H6")).toEqual(NO_FILL);
    });

    test("the findings sheet is a table whose text stays text and whose cell column links back", async () => {
      const fx = make();
      fx.addSheet("台账", ledger(5));
      fx.addSheet("审查结果", [["我的笔记"]]);
      const valuesBefore = snapshot(fx.values("台账"));
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
      const name = await fx.port.writeFindings(tricky, "zh");
      expect(name).toBe("审查结果 (2)");
      expect(fx.values("审查结果")).toEqual([["我的笔记"]]);
      expect(fx.cell(name, "A1").value).toBe("类型 Kind");
      expect(fx.cell(name, "E2")).toEqual({
        value: "=SUM(A1:A9)",
        formula: null,
        numberFormat: "@",
      });
      expect(fx.cell(name, "H2")).toEqual({
        value: "+86 0771 1234567",
        formula: null,
        numberFormat: "@",
      });
      expect(fx.cell(name, "H3")).toEqual({ value: "-5", formula: null, numberFormat: "@" });
      expect(fx.cell(name, "E3")).toEqual({ value: "@金额", formula: null, numberFormat: "@" });
      expect(fx.cell(name, "H4").value).toBe("2024.3.5");
      expect(fx.cell(name, "A2").value).toBe("负面清单 PROHIBITED");
      expect(fx.cell(name, "F2").value).toBe("桂政发〔2014〕34号 第（十三）条");
      expect(fx.cell(name, "F3").value).toBe("");
      expect(fx.cell(name, "D2").formula).toBe(`=HYPERLINK("#'台账'!C7","台账!C7")`);
      expect(fx.cell(name, "D4").formula).toBe(`=HYPERLINK("#'It''s 台账'!B2","It's 台账!B2")`);
      const tables = fx.tables(name);
      expect(tables).toHaveLength(1);
      expect(tables[0]).toMatchObject({ address: "A1:H4", hasHeaders: true });
      expect(tables[0].style).toBe("TableStyleMedium2");
      expect(fx.active()).toBe(name);
      expect(snapshot(fx.values("台账"))).toBe(valuesBefore);
      expect(fx.formatCount("台账")).toBe(0);

      // Without the Text format the host would have made these formulas: the model does, so the
      // assertions above can fail.
      fx.addSheet("probe");
      fx.writeRaw("probe", "A1", "=SUM(A1:A9)");
      expect(fx.cell("probe", "A1").formula).toBe("=SUM(A1:A9)");

      expect(await fx.port.writeFindings(tricky, "en")).toBe("审查结果 (3)");
      expect(fx.cell("审查结果 (3)", "A2").value).toBe("Prohibited use PROHIBITED");
    });

    test("no findings: a findings sheet that says so", async () => {
      const fx = make();
      fx.addSheet("台账", ledger(2));
      const name = await fx.port.writeFindings([], "zh");
      expect(fx.rowCount(name)).toBe(2);
      expect(fx.cell(name, "E2").value).toBe("未发现问题 No findings");
    });

    test("the column mapping is remembered per sheet, across a rename, and can be forgotten", async () => {
      const fx = make();
      fx.addSheet("台账", ledger(3));
      fx.addSheet("项目库", ledger(3));
      const port = fx.port;
      expect(await port.loadMapping("台账")).toBeNull();
      await port.saveMapping("台账", { project: 2, amount: 5 });
      await port.saveMapping("项目库", { project: 1 });
      fx.rename("台账", "台账2024");
      expect(await port.loadMapping("台账2024")).toEqual({ project: 2, amount: 5 });
      expect(await port.loadMapping("项目库")).toEqual({ project: 1 });
      await port.saveMapping("台账2024", null);
      expect(await port.loadMapping("台账2024")).toBeNull();
      expect(await port.loadMapping("项目库")).toEqual({ project: 1 });
    });

    test("selects a cell on its sheet", async () => {
      const fx = make();
      fx.addSheet("说明", [["x"]]);
      fx.addSheet("台账", ledger(3));
      await fx.port.selectCell("台账", "G7");
      expect(fx.selected()).toEqual({ sheet: "台账", cell: "G7" });
      expect(fx.active()).toBe("台账");
    });
  });

  describe(`an office's 节假日安排 and 资金类型对照 sheets, read through the adapter (issue 12): ${host}`, () => {
    // Both hosts hand date cells over as serials: the invented 2027 table as an office would type it.
    const serialRows = (rows: unknown[][]) =>
      rows.map((r) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(r[0]));
        return m ? [serialFromYmd(+m[1], +m[2], +m[3]), r[1], r[2]] : r;
      });

    async function run(extra: (fx: ReviewFixture) => void) {
      const fx = make();
      fx.addSheet(LEDGER_2027.name, LEDGER_2027.values);
      extra(fx);
      const adapter = fx.port;
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
      const { tables, result } = await run((fx) => {
        fx.addSheet(CALENDAR_SHEET, serialRows(INVENTED_2027));
        fx.addSheet(FUND_TYPE_SHEET, [
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
      const { tables } = await run((fx) => {
        fx.addSheet(CALENDAR_SHEET, [
          ["日期", "类型"],
          ["2027-01-01", "半天"],
        ]);
      });
      expect(tables.ok).toBe(false);
      if (!tables.ok) expect(tables.message.zh).toContain("第 2 行");
    });
  });
}
