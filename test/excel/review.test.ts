import { OfficeReviewWorkbook } from "../../src/excel/review";
import {
  SAMPLE_ROWS,
  WEB_PAYLOAD_BUDGET,
  splitAddresses,
  rowsPerChunk,
} from "../../src/excel/ranges";
import { FakeWorkbook, parseCell, type FakeFill } from "./reviewFakeExcel";
import { finding, ledger, reviewContract, type ReviewFixture } from "../contract/review.contract";

function snapshot(values: unknown[][]): string {
  return JSON.stringify(values);
}

function letter(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The Office.js fake in the contract's vocabulary. */
function excelFixture(): ReviewFixture {
  const wb = new FakeWorkbook();
  wb.install();
  const sheet = (name: string) => {
    const s = wb.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  const key = (cell: string) => {
    const { row, col } = parseCell(cell);
    return `${row},${col}`;
  };
  return {
    port: new OfficeReviewWorkbook(),
    addSheet(name, values = [], opts = {}) {
      const s = wb.addSheet(name, values);
      if (opts.hidden) s.visibility = "Hidden";
      if (opts.merges) s.merges = opts.merges;
    },
    setActive: (name) => (wb.active = name),
    rename: (from, to) => (sheet(from).name = to),
    values: (name) => sheet(name).values,
    formatCount: (name) => sheet(name).formats.size,
    formulaCount: (name) => sheet(name).formulas.size,
    fill: (name, cell) => {
      const { row, col } = parseCell(cell);
      return sheet(name).fill(row, col);
    },
    setFill: (name, cell, f: FakeFill) => sheet(name).fills.set(key(cell), f),
    fills: (name) => {
      const out: Record<string, FakeFill> = {};
      for (const [k, f] of sheet(name).fills) {
        const [r, c] = k.split(",").map(Number);
        out[`${letter(c)}${r + 1}`] = f;
      }
      return out;
    },
    cell: (name, address) => sheet(name).cell(address),
    writeRaw: (name, address, value) => {
      const { row, col } = parseCell(address);
      sheet(name).write(row, col, value);
    },
    tables: (name) =>
      sheet(name).tables.map((t) => ({
        address: t.address,
        hasHeaders: t.hasHeaders,
        style: t.mock.style,
      })),
    rowCount: (name) => sheet(name).rowCount,
    active: () => wb.active,
    selected: () => wb.selected,
    remembers: (k) => wb.settings.has(k),
    checkCalls(phase) {
      // One sync for an empty sheet; two to highlight (fills, then writes); three to clear.
      const expected = { emptyRead: 1, highlight: 2, clear: 3 }[phase];
      expect(wb.syncs).toHaveLength(expected);
    },
    resetCalls: () => (wb.syncs = []),
  };
}

reviewContract("Excel (Office.js over office-addin-mock)", excelFixture);

describe("OfficeReviewWorkbook over office-addin-mock", () => {
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

describe("the findings sheet prints as a document", () => {
  test("A4 landscape, one page wide, header row repeated, title and page numbers, columns fit their headers", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("台账", ledger(3));
    wb.install();
    const fs = [
      finding("台账", "H4", {
        evidence: "收到 2024-01-10，下达 2024-06-20，期限 2024-05-10，超期 41 天",
      }),
      finding("台账", "H5"),
    ];
    const name = await new OfficeReviewWorkbook().writeFindings(fs, "zh", {
      asOf: "2026-05-08",
      packs: ["桂政发〔2014〕34号", "负面清单"],
    });
    const out = wb.sheet(name)!;
    expect(out.page.orientation).toBe("Landscape");
    expect(out.page.paperSize).toBe("A4");
    expect(out.page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(out.page.printTitleRows).toBe("$1:$1");
    expect(out.page.headersFooters.defaultForAllPages.centerHeader).toBe(
      "审查结果 Findings · 审查日期 2026-05-08 · 规则包：桂政发〔2014〕34号、负面清单"
    );
    expect(out.page.headersFooters.defaultForAllPages.centerFooter).toBe("第 &P 页，共 &N 页");
    // Every column is at least as wide as its header's longer half (a CJK character is two).
    expect(out.columnWidths.size).toBe(8);
    expect(out.columnWidths.get("B")! / 7).toBeGreaterThanOrEqual("Rule".length + 2);
    expect(out.columnWidths.get("C")! / 7).toBeGreaterThanOrEqual(2 * "严重程度".length);
    expect(out.columnWidths.get("G")! / 7).toBeGreaterThanOrEqual("Clause text".length);
    expect([...out.wrapped].sort()).toEqual(["E", "G", "H"]);
  });

  test("an & in the title is not taken for a header code", async () => {
    const { pageHeader } = await import("../../src/core/print");
    expect(pageHeader({ title: "审查结果", file: "A&B 台账.xlsx" })).toBe(
      "审查结果 · A&&B 台账.xlsx"
    );
  });
});
