/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, fireEvent, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FilingPane } from "../../src/taskpane/filing/FilingPane";
import { MemoryFilingWorkbook } from "../../src/workbook/filing/memory";
import { LanguageContext } from "../../src/taskpane/lang";
import type { Lang } from "../../src/core/i18n";

function renderPane(wb: MemoryFilingWorkbook, lang: Lang = "zh") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={lang}>
        <FilingPane workbook={wb} />
      </LanguageContext.Provider>
    </FluentProvider>
  );
}

// jsdom has no ResizeObserver; Fluent's MessageBar uses it to reflow (browsers all have it).
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
const w = window as unknown as { ResizeObserver?: unknown };
w.ResizeObserver = w.ResizeObserver ?? NoResizeObserver;

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe("the Filing pane", () => {
  test("creates the chosen sheet with county and year in its title, and says its name", async () => {
    const wb = new MemoryFilingWorkbook();
    renderPane(wb);
    change(screen.getByRole("combobox"), "assets");
    change(screen.getByLabelText("县（市、区）"), "某某县");
    change(screen.getByLabelText("年度"), "2025");
    fireEvent.click(screen.getByRole("button", { name: "创建" }));
    await screen.findByText("已创建「资产总台账」");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "资产总台账"]);
    expect(wb.sheets[1].values[0][0]).toBe("某某县 2025年度 资产总台账");
  });

  test("a second sheet of the same kind gets a new name, and the pane says so", async () => {
    const wb = new MemoryFilingWorkbook([{ name: "项目公告公示表", values: [["旧数据"]] }]);
    renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "创建" }));
    await screen.findByText(/新表命名为「项目公告公示表 \(2\)」/);
    expect(wb.sheets[0].values).toEqual([["旧数据"]]);
  });

  test("the spot-check list is drawn from pasted lists and seeded", async () => {
    const wb = new MemoryFilingWorkbook();
    renderPane(wb);
    change(screen.getByRole("combobox"), "spotcheck");
    change(screen.getByLabelText("年度"), "2025");
    change(screen.getByLabelText(/贫困县名单/), "甲县\n乙县\n丙县\n丁县\n戊县");
    change(
      screen.getByLabelText(/项目清单/),
      "道路\t甲县\t80\n水渠\t乙县\t50\n小桥\t丙县\t10\n村部\t丁县\t待定"
    );
    fireEvent.click(screen.getByRole("button", { name: "创建" }));
    const said = await screen.findByText(/随机种子 2025；贫困县 5 个抽 3 个/);
    expect(said.textContent).toMatch(/村部.*待定/); // an unreadable amount is said, not guessed
    const rows = wb.sheets[1].values.slice(3);
    expect(rows.filter((r) => r[0] === "贫困县")).toHaveLength(3);
    expect(rows.filter((r) => r[0] === "项目")).toHaveLength(1); // ceil(30 % × 2)
  });

  test("检查 lists findings; clicking one selects its cell", async () => {
    const wb = new MemoryFilingWorkbook();
    renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "创建" })); // an empty publicity notice
    await screen.findByText("已创建「项目公告公示表」");
    wb.setCell("项目公告公示表", "A4", "村道硬化");
    wb.setCell("项目公告公示表", "C4", "待定");
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    // The Review pane's findings list: grouped by kind, each finding a button.
    const items = await screen.findAllByTestId("finding");
    // B4 and D4…K4 are empty required fields, C4 is unreadable
    expect(items).toHaveLength(10);
    expect(screen.getByTestId("summary").textContent).toBe("已检查 1 张表格，发现 10 个问题");
    const c4 = items.find((b) => b.textContent?.includes("项目公告公示表!C4"))!;
    expect(c4.textContent).toContain("无法识别的金额");
    const j4 = items.find((b) => b.textContent?.includes("!J4"))!;
    expect(j4.textContent).toContain("必填项「责任人」为空");
    expect(j4.textContent).toContain("依据：新扶贫领字〔2018〕76号 二（四）");
    expect(screen.getByRole("group", { name: "备案缺项" })).toBeTruthy();
    fireEvent.click(j4);
    await waitFor(() => expect(wb.selected).toEqual({ sheet: "项目公告公示表", cell: "J4" }));
  });

  test("no filing sheets: says so", async () => {
    renderPane(new MemoryFilingWorkbook());
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    await screen.findByText("工作簿中没有找到备案表格");
  });

  test("English when Office speaks English", async () => {
    const wb = new MemoryFilingWorkbook();
    renderPane(wb, "en");
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    await screen.findByText('created "项目公告公示表"');
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByText("Checked 1 sheet(s): 1 finding(s)");
  });
});

describe("the Filing pane after a new sheet", () => {
  test("a check already shown is redone to include the sheet just created", async () => {
    const wb = new MemoryFilingWorkbook();
    renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    await screen.findByText("工作簿中没有找到备案表格");
    fireEvent.click(screen.getByRole("button", { name: "创建" }));
    await screen.findByText("已创建「项目公告公示表」");
    await waitFor(() =>
      expect(screen.getByTestId("summary").textContent).toBe("已检查 1 张表格，发现 1 个问题")
    );
  });
});
