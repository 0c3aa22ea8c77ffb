/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReviewPane, TERMS_SHEET } from "../../src/taskpane/review/ReviewPane";
import { FindingsList } from "../../src/taskpane/review/FindingsList";
import { MemoryReviewWorkbook, sampleSheets } from "../../src/workbook/review/memory";
import type { ReviewEngine } from "../../src/workbook/review/port";
import { LanguageContext } from "../../src/taskpane/lang";
import { serialFromYmd } from "../../src/core/dates";
import { INVENTED_2027, LEDGER_2027 } from "../fixtures/ledgers/deadlines2027";
import type { Lang } from "../../src/core/i18n";
import type {
  ColumnMapping,
  Finding,
  ReviewParams,
  SheetInput,
  SheetResult,
} from "../../src/core/review/types";

const CITE_34 = {
  document: "桂政发〔2014〕34号",
  clause: "第（十三）条",
  quote: "對中央財政上一年度提前下達的財政專項扶貧資金,應在收到資金下達文件後4個月內完成資金下達",
};
const CITE_76 = {
  document: "新扶贫领字〔2018〕76号",
  clause: "一（二）",
  quote: "购买交通工具及通讯设备",
};

const FINDINGS: Finding[] = [
  {
    kind: "OVERDUE",
    rule: "GX34-13-CENTRAL_ADVANCE",
    severity: "error",
    sheet: "资金拨付台账",
    row: 8,
    column: "H",
    cell: "H8",
    message: { zh: "资金下达超过4个月期限", en: "Passed down after the 4-month deadline" },
    evidence: "收到 2024-01-10，下达 2024-06-20，期限 2024-05-10，迟 41 天",
    citation: CITE_34,
  },
  {
    kind: "PROHIBITED",
    rule: "XJ76-1-2",
    severity: "error",
    sheet: "资金拨付台账",
    row: 11,
    column: "C",
    cell: "C11",
    message: { zh: "购买交通工具，属负面清单", en: "Buys vehicles: prohibited" },
    evidence: "购买公务用车2辆；经济分类 31013",
    citation: CITE_76,
  },
  {
    kind: "DATA",
    rule: "DATA-AMOUNT",
    severity: "warning",
    sheet: "资金拨付台账",
    row: 15,
    column: "F",
    cell: "F15",
    message: { zh: "金额无法识别：「待定」", en: 'Unreadable amount: "待定"' },
    evidence: "待定",
    citation: null,
  },
];

/** A stand-in engine for the pane's tests only: records what the pane asks of it. */
function fakeEngine() {
  const calls: { recognise: (ColumnMapping | undefined)[]; review: ReviewParams[] } = {
    recognise: [],
    review: [],
  };
  const recognise = (sheet: SheetInput, mapping?: ColumnMapping): SheetResult => {
    calls.recognise.push(mapping);
    const headerRow = sheet.values.findIndex((r) => r.includes("项目名称")) + 1;
    return {
      name: sheet.name,
      recognised: headerRow > 0,
      kind: "ledger",
      headerRow,
      unit: { unit: "万元", how: "unit-row" },
      mapping: mapping ?? { project: 1, content: 2, amount: 5 },
      rows: sheet.values.length - headerRow,
    };
  };
  const engine: ReviewEngine = {
    packs: [
      { id: "deadlines", name: { zh: "拨付时限", en: "Deadlines" } },
      { id: "prohibited", name: { zh: "负面清单", en: "Negative list" } },
    ],
    recogniseSheet: recognise,
    reviewSheet: (sheet, params) => {
      calls.review.push(params);
      return { sheet: recognise(sheet, params.mappings?.[sheet.name]), findings: FINDINGS };
    },
    reviewWorkbook: (sheets, params) => {
      calls.review.push(params);
      return { sheets: sheets.map((s) => recognise(s)), findings: FINDINGS };
    },
    startSheet: () => {
      throw new Error("the pane reviews whole sheets; it never streams");
    },
  };
  return { engine, calls };
}

// jsdom lacks ResizeObserver, which Fluent's MessageBar uses to lay itself out.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

async function renderPane(lang: Lang = "zh") {
  const workbook = new MemoryReviewWorkbook();
  const { engine, calls } = fakeEngine();
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <LanguageContext.Provider value={lang}>
          <ReviewPane workbook={workbook} engine={engine} today={() => new Date(2025, 8, 1)} />
        </LanguageContext.Provider>
      </FluentProvider>
    );
  });
  return { workbook, calls };
}

async function runReview(name = "运行审查") {
  await waitFor(() => expect(screen.getByTestId("recognition")).toBeTruthy());
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
  await waitFor(() => expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0));
}

describe("Review pane", () => {
  test("starts on the active sheet and shows how it was recognised", async () => {
    await renderPane();
    const picker = (await screen.findByLabelText("要审查的工作表")) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe("资金拨付台账"));
    expect((await screen.findByTestId("recognition")).textContent).toBe(
      "资金台账；表头在第 3 行；金额单位：万元（据单位行）"
    );
  });

  test("runs with today's date and the chosen packs, and lists findings by kind with citations", async () => {
    const { calls } = await renderPane();
    await waitFor(() => expect(screen.getByTestId("recognition")).toBeTruthy());
    expect((screen.getByDisplayValue("2025-09-01") as HTMLInputElement).type).toBe("date");
    fireEvent.click(screen.getByLabelText("负面清单"));
    await runReview();
    expect(calls.review[0].asOf).toBe(serialFromYmd(2025, 9, 1));
    expect(calls.review[0].packs).toEqual(["deadlines"]);
    expect(screen.getByTestId("summary").textContent).toBe("发现 3 项问题：错误 2 项，警告 1 项");
    const overdue = screen.getByRole("group", { name: "下达超期" });
    expect(within(overdue).getByText("1")).toBeTruthy();
    expect(within(overdue).getByText("依据：桂政发〔2014〕34号 第（十三）条")).toBeTruthy();
    expect(within(overdue).getByText("错误")).toBeTruthy();
    const data = screen.getByRole("group", { name: "无法读取" });
    expect(within(data).getByText("数据问题（不涉及条款）")).toBeTruthy();
    expect(within(data).getByText("警告")).toBeTruthy();
  });

  test("a click on a finding selects its cell", async () => {
    const { workbook } = await renderPane();
    await runReview();
    await act(async () => {
      fireEvent.click(screen.getByText("购买交通工具，属负面清单"));
    });
    await waitFor(() => expect(workbook.selected).toEqual({ sheet: "资金拨付台账", cell: "C11" }));
  });

  test("filters by kind, severity and text", async () => {
    await renderPane();
    await runReview();
    const count = () => screen.getAllByTestId("finding").length;
    fireEvent.change(screen.getByLabelText("按严重程度筛选"), { target: { value: "warning" } });
    expect(count()).toBe(1);
    fireEvent.change(screen.getByLabelText("按严重程度筛选"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("按类型筛选"), { target: { value: "PROHIBITED" } });
    expect(count()).toBe(1);
    fireEvent.change(screen.getByLabelText("按类型筛选"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("搜索说明、证据、单元格"), {
      target: { value: "31013" },
    });
    // The search waits for a pause in typing.
    expect(count()).toBe(3);
    await waitFor(() => expect(count()).toBe(1));
    expect(screen.getByText("显示 1 / 3 项")).toBeTruthy();
    // Escape clears the search.
    fireEvent.keyDown(screen.getByLabelText("搜索说明、证据、单元格"), { key: "Escape" });
    expect((screen.getByLabelText("搜索说明、证据、单元格") as HTMLInputElement).value).toBe("");
    await waitFor(() => expect(count()).toBe(3));
  });

  test("a corrected column mapping is remembered in the workbook and used by the review", async () => {
    const { workbook, calls } = await renderPane();
    await waitFor(() => expect(screen.getByTestId("recognition")).toBeTruthy());
    const amount = screen.getByLabelText("金额") as HTMLSelectElement;
    expect(amount.value).toBe("5");
    expect(within(amount).getByText("F 下达金额（万元）")).toBeTruthy();
    await act(async () => {
      fireEvent.change(amount, { target: { value: "6" } });
    });
    expect(await workbook.loadMapping("资金拨付台账")).toEqual({
      project: 1,
      content: 2,
      amount: 6,
    });
    await runReview();
    expect(calls.review[0].mappings).toEqual({
      资金拨付台账: { project: 1, content: 2, amount: 6 },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "恢复自动识别" }));
    });
    expect(await workbook.loadMapping("资金拨付台账")).toBeNull();
  });

  test("writes the findings sheet, highlights and clears without touching the data", async () => {
    const { workbook } = await renderPane();
    const before = JSON.stringify(workbook.sheet("资金拨付台账").values);
    workbook.sheet("资金拨付台账").fills.set("C11", "#00B050");
    await runReview();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "写入审查结果表" }));
    });
    expect(await screen.findByText("已写入工作表「审查结果」")).toBeTruthy();
    expect(workbook.sheet("审查结果").values).toHaveLength(4);
    // Its printed header names the review date and the packs of the run.
    expect(workbook.sheet("审查结果").print).toMatchObject({
      asOf: "2025-09-01",
      packs: ["拨付时限", "负面清单"],
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "标记单元格" }));
    });
    expect(await screen.findByText("已标记 3 个单元格")).toBeTruthy();
    expect(workbook.sheet("资金拨付台账").fills.get("H8")).toBe("#FFC7CE");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    });
    expect(await screen.findByText("已清除标记，恢复 3 个单元格原有填充")).toBeTruthy();
    expect([...workbook.sheet("资金拨付台账").fills]).toEqual([["C11", "#00B050"]]);
    expect(JSON.stringify(workbook.sheet("资金拨付台账").values)).toBe(before);
  });

  test("speaks English when the language is en", async () => {
    await renderPane("en");
    await runReview("Run review");
    expect(screen.getByTestId("summary").textContent).toBe("3 findings: 2 errors, 1 warning");
    expect(screen.getByText("Passed down after the 4-month deadline")).toBeTruthy();
    expect(screen.getByText("Cited: 桂政发〔2014〕34号 第（十三）条")).toBeTruthy();
  });
});

describe("FindingsList on its own (as the Filing pane uses it)", () => {
  test("groups by kind with counts and reports the clicked finding", () => {
    const picked: Finding[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingsList
          findings={[...FINDINGS, { ...FINDINGS[0], cell: "H9", row: 9 }]}
          onSelect={(f) => picked.push(f)}
        />
      </FluentProvider>
    );
    const overdue = screen.getByRole("group", { name: "下达超期" });
    expect(within(overdue).getAllByTestId("finding")).toHaveLength(2);
    expect(within(overdue).getByText("2")).toBeTruthy();
    fireEvent.click(within(overdue).getByTitle("资金拨付台账!H9"));
    expect(picked.map((f) => f.cell)).toEqual(["H9"]);
  });
});

describe("Review pane with the real engine", () => {
  test("reviews the sample ledger and lists its planted faults", async () => {
    const workbook = new MemoryReviewWorkbook();
    await act(async () => {
      render(
        <FluentProvider theme={webLightTheme}>
          <ReviewPane workbook={workbook} today={() => new Date(2025, 8, 1)} />
        </FluentProvider>
      );
    });
    expect(screen.getByLabelText("桂政发〔2014〕34号")).toBeTruthy();
    await runReview();
    for (const kind of ["下达超期", "项目闲置", "缺绩效目标", "重复录入", "无法读取"]) {
      expect(screen.getByRole("group", { name: kind })).toBeTruthy();
    }
    await act(async () => {
      fireEvent.click(screen.getByTitle("资金拨付台账!L10"));
    });
    await waitFor(() => expect(workbook.selected).toEqual({ sheet: "资金拨付台账", cell: "L10" }));
  });

  test("an office's own terms in the 本单位负面清单 sheet change the findings, without a code change", async () => {
    const withTerms = async (terms: unknown[][] | null) => {
      const sheets = sampleSheets();
      if (terms) sheets.push({ name: TERMS_SHEET, values: terms, merges: [], fills: new Map() });
      const workbook = new MemoryReviewWorkbook(sheets, "资金拨付台账");
      const view = render(
        <FluentProvider theme={webLightTheme}>
          <ReviewPane workbook={workbook} today={() => new Date(2025, 8, 1)} />
        </FluentProvider>
      );
      await runReview();
      const cells = screen
        .queryAllByTestId("where")
        .map((e) => e.textContent)
        .filter((c) => /^资金拨付台账!C\d+$/.test(c ?? ""));
      view.unmount();
      return cells;
    };
    const before = await withTerms(null);
    // 冷库 (a cold store) is ordinary support; this office decides it is unrelated to its plan.
    const after = await withTerms([
      ["类别", "词语", "类型"],
      ["UNRELATED", "冷库", "禁止"],
    ]);
    expect(before).not.toContain("资金拨付台账!C10");
    expect(after).toContain("资金拨付台账!C10");
  });

  test("2027 deadlines: without 节假日安排 the pane says how many rows were not judged and how to supply the year; with it they are judged", async () => {
    const notesFor = async (calendar: unknown[][] | null) => {
      const sheets = [
        { name: LEDGER_2027.name, values: LEDGER_2027.values, merges: [], fills: new Map() },
      ];
      if (calendar)
        sheets.push({ name: "节假日安排", values: calendar, merges: [], fills: new Map() });
      const workbook = new MemoryReviewWorkbook(sheets, LEDGER_2027.name);
      const view = render(
        <FluentProvider theme={webLightTheme}>
          <ReviewPane workbook={workbook} today={() => new Date(2027, 5, 30)} />
        </FluentProvider>
      );
      await runReview();
      const notes = screen.queryAllByTestId("review-note").map((e) => e.textContent ?? "");
      const summary = screen.getByTestId("summary").textContent ?? "";
      const cells = screen
        .queryAllByTestId("where")
        .map((e) => e.textContent)
        .filter((c) => /^拨付台账!E\d+$/.test(c ?? ""));
      view.unmount();
      return { notes, summary, cells };
    };
    const without = await notesFor(null);
    expect(without.summary).toContain("4 行时限未能判断");
    expect(without.notes[0]).toContain("4 行的下达时限未能判断：缺少 2027 年的节假日安排");
    expect(without.notes[1]).toContain("4 行资金类型不适用 34号（十三）");
    expect(without.cells).not.toContain("拨付台账!E2");
    const withCal = await notesFor(INVENTED_2027);
    expect(withCal.summary).not.toContain("未能判断");
    expect(withCal.notes.some((n) => n.includes("未能判断"))).toBe(false);
    expect(withCal.cells).toEqual(
      expect.arrayContaining(["拨付台账!E2", "拨付台账!E5", "拨付台账!E6"])
    );
  });
});

describe("FindingsList with many findings", () => {
  const many = (n: number): Finding[] =>
    Array.from({ length: n }, (_, i) => ({
      ...FINDINGS[i % FINDINGS.length],
      row: 4 + i,
      cell: `H${4 + i}`,
      evidence: `第 ${i + 1} 项`,
    }));

  test("30,000 findings: all reachable (no cap), only the rows in view drawn, keys move through them", () => {
    const picked: Finding[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingsList findings={many(30_000)} onSelect={(f) => picked.push(f)} />
      </FluentProvider>
    );
    const list = screen.getByRole("listbox");
    const drawn = screen.getAllByTestId("finding");
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(60);
    expect(drawn[0].getAttribute("aria-setsize")).toBe("30000");
    expect(screen.queryByText(/未显示/)).toBeNull();
    // One Tab stop: the options are not focusable themselves; the list points at the active one.
    expect(list.getAttribute("tabindex")).toBe("0");
    expect(drawn.every((o) => !o.hasAttribute("tabindex"))).toBe(true);
    const active = () => document.getElementById(list.getAttribute("aria-activedescendant")!);
    expect(active()?.getAttribute("aria-posinset")).toBe("1");
    fireEvent.keyDown(list, { key: "ArrowDown" });
    expect(active()?.getAttribute("aria-posinset")).toBe("2");
    fireEvent.keyDown(list, { key: "End" });
    // The last finding is drawn (and active) though it is far out of the first view.
    expect(active()?.getAttribute("aria-posinset")).toBe("30000");
    fireEvent.keyDown(list, { key: "Enter" });
    expect(picked).toHaveLength(1);
    expect(picked[0].evidence).toMatch(/^第 \d+ 项$/);
    fireEvent.keyDown(list, { key: "Home" });
    expect(active()?.getAttribute("aria-posinset")).toBe("1");
  });
});

describe("the review trail in the pane", () => {
  test("mark a finding, see it on the findings sheet, and keep it on the same finding after a row is inserted", async () => {
    const workbook = new MemoryReviewWorkbook();
    await act(async () => {
      render(
        <FluentProvider theme={webLightTheme}>
          <ReviewPane workbook={workbook} today={() => new Date(2025, 8, 1, 14, 30)} />
        </FluentProvider>
      );
    });
    await runReview();
    // First run: everything open, nothing new; the run is recorded in the workbook.
    expect(screen.getByTestId("trail-summary").textContent).toBe(
      "与上次审查相比：新增 0 项，已解决 0 项；已标记 0 项"
    );
    const total = Number(screen.getAllByTestId("finding")[0].getAttribute("aria-setsize"));
    expect(workbook.trail?.lastRun?.keys).toHaveLength(total);
    // Mark the overdue finding at H8 as checked.
    await act(async () => {
      fireEvent.click(screen.getByTitle("资金拨付台账!H8"));
    });
    const editor = screen.getByTestId("mark-editor");
    fireEvent.change(within(editor).getByLabelText("结论"), { target: { value: "verified" } });
    fireEvent.change(within(editor).getByLabelText("核实人"), { target: { value: "张三" } });
    fireEvent.change(within(editor).getByLabelText("说明"), {
      target: { value: "已与拨付凭证核对" },
    });
    await act(async () => {
      fireEvent.click(within(editor).getByRole("button", { name: "保存标记" }));
    });
    expect(workbook.trail?.marks).toHaveLength(1);
    expect(workbook.trail?.marks[0]).toMatchObject({
      status: "verified",
      by: "张三",
      note: "已与拨付凭证核对",
      at: "2025-09-01 14:30",
      where: "资金拨付台账!H8",
    });
    // The findings sheet carries the mark in its last column, on the marked finding's row.
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "写入审查结果表" }));
    });
    const out = workbook.sheet("审查结果").values as string[][];
    expect(out[0][out[0].length - 1]).toBe("核实情况 Review mark");
    const marked = out.filter((r) => r[r.length - 1] !== "" && r !== out[0]);
    expect(marked).toHaveLength(1);
    expect(marked[0][3]).toContain("资金拨付台账!H8");
    expect(marked[0][8]).toBe("已核实（张三 2025-09-01 14:30）：已与拨付凭证核对");

    // A row inserted above: the mark follows its finding to H9; nothing new, nothing resolved.
    const ledger = workbook.sheet("资金拨付台账");
    ledger.values.splice(
      4,
      0,
      ledger.values[0].map(() => "")
    );
    await runReview();
    expect(screen.getByTestId("trail-summary").textContent).toBe(
      "与上次审查相比：新增 0 项，已解决 0 项；已标记 1 项"
    );
    const badge = screen.getByTestId("mark");
    expect(badge.closest("[role=option]")!.querySelector("[data-testid=where]")!.textContent).toBe(
      "资金拨付台账!H9"
    );
  });
});

describe("Review pane: never a silent clean (issue 13)", () => {
  const pane = (workbook: MemoryReviewWorkbook) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <ReviewPane workbook={workbook} today={() => new Date(2025, 8, 1)} />
      </FluentProvider>
    );

  test("a sheet it cannot recognise is reported as not reviewed, with the reason, not as clean", async () => {
    const workbook = new MemoryReviewWorkbook(
      [
        {
          name: "备忘",
          values: [["本表记录会议安排"], ["周一", "上午", "开会"]],
          merges: [],
          fills: new Map(),
        },
      ],
      "备忘"
    );
    pane(workbook);
    await waitFor(() => expect(screen.getByTestId("recognition")).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "运行审查" }));
    });
    const summary = await screen.findByTestId("summary");
    expect(summary.textContent).toContain("未审查");
    expect(summary.textContent).not.toBe("未发现问题");
    expect(screen.getByText(/未审查的工作表：备忘（前 30 个非空行中找不到表头/)).toBeTruthy();
  });

  test("configuration sheets are not offered; the active one is explained, and nothing crashes", async () => {
    const sheets = sampleSheets();
    sheets.push({
      name: TERMS_SHEET,
      values: [
        ["类别", "词语", "类型"],
        ["UNRELATED", "冷库", "禁止"],
      ],
      merges: [],
      fills: new Map(),
    });
    const workbook = new MemoryReviewWorkbook(sheets, TERMS_SHEET);
    pane(workbook);
    const picker = (await screen.findByLabelText("要审查的工作表")) as HTMLSelectElement;
    const options = [...picker.querySelectorAll("option")].map((o) => o.textContent ?? "");
    expect(options.some((o) => o.includes(TERMS_SHEET))).toBe(false);
    expect(await screen.findByText(/配置表「本单位负面清单」/)).toBeTruthy();
    await runReview();
    expect(screen.queryByText(/Cannot read properties/)).toBeNull();
  });

  test("an error shows a sentence in both languages; the exception's text only under 详情", async () => {
    const workbook = new MemoryReviewWorkbook(sampleSheets(), "资金拨付台账");
    workbook.readSheet = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'name')");
    };
    pane(workbook);
    const msg = await screen.findByText(/操作未能完成/);
    const detail = screen.getByTestId("notice-detail");
    expect(detail.textContent).toContain("Cannot read properties");
    // the detail sits in a closed <details>; the sentence itself does not carry it
    const details = detail.closest("details") as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(msg.textContent?.replace(details.textContent ?? "", "")).not.toContain("Cannot read");
  });
});
