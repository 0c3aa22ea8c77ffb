/**
 * The one list of finding kinds (src/core/review/kinds): everything about a kind derives from its
 * module. A toy kind — one module (./toy-kind.ts) plus one line in the list — is reported by the
 * engine, named in Chinese and English, placed in the order, listed in the registry, given its
 * next step, and counted in the command line's summaries, with no other file changed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { serialFromYmd } from "../../../../src/core/dates";
import type { Finding, SheetInput } from "../../../../src/core/review/types";

const KINDS = "../../../../src/core/review/kinds";
const asOf = serialFromYmd(2026, 6, 30);

const sheet: SheetInput = {
  name: "资金台账",
  values: [
    ["项目名称", "实施地点", "金额（万元）"],
    ["那坡村产业路", "那坡村", 64.8],
    ["百合村饮水工程", "百合村", 0],
    ["那坡村产业路", "那坡村", 64.8],
  ],
};

type Loaded = {
  engine: typeof import("../../../../src/core/review/engine");
  labels: typeof import("../../../../src/core/review/labels");
  registry: typeof import("../../../../src/core/review/registry");
  pane: typeof import("../../../../src/workbook/review/labels");
  report: typeof import("../../../../src/cli/report");
  command: typeof import("../../../../src/cli/review-command");
};

/** The project's modules, loaded afresh with the kind list as given (the real one + extra). */
function load(extra: string[]): Loaded {
  let out!: Loaded;
  jest.isolateModules(() => {
    // exceljs loaded twice (its streams' classes differ) cannot write: the one instance serves.
    jest.doMock("exceljs", () => ExcelJS);
    jest.doMock(KINDS, () => {
      const real = jest.requireActual(KINDS);
      const added = extra.map((m) => jest.requireActual(`./${m}`).toyKind);
      return { ...real, KIND_MODULES: [...real.KIND_MODULES, ...added] };
    });
    out = {
      engine: require("../../../../src/core/review/engine"),
      labels: require("../../../../src/core/review/labels"),
      registry: require("../../../../src/core/review/registry"),
      pane: require("../../../../src/workbook/review/labels"),
      report: require("../../../../src/cli/report"),
      command: require("../../../../src/cli/review-command"),
    };
  });
  jest.dontMock(KINDS);
  jest.dontMock("exceljs");
  return out;
}

const withToy = load(["toy-kind"]);
const without = load([]);

const review = (m: Loaded) => m.engine.reviewSheet(sheet, { asOf }).findings;
const notToy = (fs: Finding[]) => fs.filter((f) => f.kind !== "TOY");

describe("a kind added as one module and one line in the list", () => {
  it("is reported by the engine, with its rule's severity, message and citation", () => {
    const toy = review(withToy).filter((f) => f.kind === "TOY");
    expect(toy).toEqual([
      {
        kind: "TOY",
        rule: "TOY-ZERO-AMOUNT",
        severity: "info",
        sheet: "资金台账",
        row: 3,
        column: "C",
        cell: "C3",
        message: {
          zh: "项目「百合村饮水工程」金额为零",
          en: 'project "百合村饮水工程" has a zero amount',
        },
        evidence: "金额：0",
        citation: expect.objectContaining({ clause: "二（一）" }),
      },
    ]);
    // Without the line in the list there is no such finding, and the other kinds are unchanged.
    expect(review(without).some((f) => f.kind === "TOY")).toBe(false);
    expect(notToy(review(withToy))).toEqual(review(without));
    expect(review(without).map((f) => f.kind)).toContain("DUPLICATE");
  });

  it("runs only when its pack is chosen (the engine drops it otherwise)", () => {
    const f = withToy.engine.reviewSheet(sheet, { asOf, packs: ["XJ76"] }).findings;
    expect(f.some((x) => x.kind === "TOY")).toBe(false);
  });

  it("is named in Chinese and English, ordered by its `order`, and has its next step", () => {
    const { KIND_LABEL, KIND_ORDER, hintFor } = withToy.labels;
    expect(KIND_LABEL.TOY).toEqual({ zh: "零金额", en: "Zero amount" });
    const at = KIND_ORDER.indexOf("TOY");
    expect(KIND_ORDER.slice(at - 1, at + 2)).toEqual(["DUPLICATE", "TOY", "BLACKLIST"]);
    expect(hintFor("TOY-ZERO-AMOUNT", "TOY").zh).toBe("核实金额是否漏填。");
    // The pane's filter and group headings read the same tables.
    expect(withToy.pane.KIND_LABEL.TOY.zh).toBe("零金额");
    expect(withToy.pane.KIND_ORDER).toEqual(KIND_ORDER);
    expect(without.labels.KIND_ORDER).toEqual(KIND_ORDER.filter((k) => k !== "TOY"));
  });

  it("is listed in the registry", () => {
    expect(withToy.registry.ruleById("TOY-ZERO-AMOUNT")?.kind).toBe("TOY");
    expect(withToy.registry.listRules().map((r) => r.rule)).toContain("TOY-ZERO-AMOUNT");
    expect(without.registry.ruleById("TOY-ZERO-AMOUNT")).toBeUndefined();
  });

  it("is counted in the command line's terminal summary and on the report's summary sheet", async () => {
    const findings = review(withToy);
    const text = withToy.command.summary(
      [{ path: "台账.xlsx", sheets: [{ name: "资金台账", recognised: true }], findings, rows: 3 }],
      "2026-06-30",
      "zh",
      "test"
    );
    expect(text).toContain("零金额 TOY 1");

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-toy-"));
    try {
      const file = path.join(dir, "台账.review.xlsx");
      await withToy.report.writeReport(file, {
        source: path.join(dir, "台账.xlsx"),
        asOfText: "2026-06-30",
        params: { asOf },
        lang: "zh",
        sheets: [{ name: "资金台账", recognised: true, headerRow: 1 }],
        findings,
        copies: new Map(),
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet(withToy.report.SUMMARY_SHEET)!;
      const rows: unknown[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      const firsts = rows.map((r) => r[0]);
      const toy = firsts.indexOf("零金额 TOY");
      expect(rows[toy]).toEqual(["零金额 TOY", 0, 0, 1, 1]); // error, warning, info, total
      expect(firsts[toy - 1]).toBe("重复录入 DUPLICATE");
      expect(firsts[toy + 1]).toBe("黑名单 BLACKLIST");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the kinds the project ships", () => {
  const { KIND_MODULES } = jest.requireActual(
    KINDS
  ) as typeof import("../../../../src/core/review/kinds");
  const { RULES, FILING_RULES } = jest.requireActual(
    "../../../../src/core/review/registry"
  ) as typeof import("../../../../src/core/review/registry");

  it("have unique ids and orders, and every rule is its module's kind or DATA", () => {
    const ids = KIND_MODULES.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    const orders = KIND_MODULES.map((k) => k.order);
    expect(new Set(orders).size).toBe(orders.length);
    for (const k of KIND_MODULES)
      for (const r of k.rules)
        expect([k.id, r.rule]).toEqual([r.kind === "DATA" ? k.id : r.kind, r.rule]);
  });

  it("cover every built-in kind, and the registry holds exactly their rules", () => {
    expect(KIND_MODULES.map((k) => k.id).sort()).toEqual(
      [
        "OVERDUE",
        "IDLE",
        "CARRYOVER",
        "PROHIBITED",
        "PUBLICITY",
        "PERFORMANCE",
        "DUPLICATE",
        "DATA",
        "FILING",
        "BLACKLIST",
        "MGMT_FEE",
        "SUBSIDY",
        "INTEREST",
        "TARGET",
        "DOUBLE",
        "LEDGER",
        "ADJUST",
      ].sort()
    );
    expect([...RULES, ...FILING_RULES].length).toBe(KIND_MODULES.flatMap((k) => k.rules).length);
  });

  it("read only the sheet kinds and columns they declare (needs ⊆ fields)", () => {
    for (const k of KIND_MODULES)
      for (const f of k.needs ?? [])
        expect([k.id, k.fields]).toEqual([k.id, expect.arrayContaining([f])]);
  });
});
