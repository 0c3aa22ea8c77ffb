/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { AllocationPane } from "../../src/taskpane/allocate/AllocationPane";
import {
  MemoryAllocationWorkbook,
  SAMPLE_FACTOR_TABLE,
} from "../../src/workbook/allocation/memory";
import { LanguageContext } from "../../src/taskpane/lang";
import type { Lang } from "../../src/core/i18n";

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

function renderPane(wb = new MemoryAllocationWorkbook(), lang: Lang = "zh") {
  render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={lang}>
        <AllocationPane workbook={wb} />
      </LanguageContext.Provider>
    </FluentProvider>
  );
  return wb;
}

async function selectTable() {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "使用所选区域" }));
  });
}

function setPool(value: string) {
  fireEvent.change(screen.getByLabelText("资金总额（元）"), { target: { value } });
}

describe("AllocationPane", () => {
  it("recognises the sample table's columns from their headers", async () => {
    renderPane();
    await selectTable();
    expect(screen.getByText("因素表!A1:J9")).toBeTruthy();
    const role = (h: string) => (screen.getByLabelText(`列用途 ${h}`) as HTMLSelectElement).value;
    expect(role("县（区）")).toBe("name");
    expect(role("重点县")).toBe("flag");
    expect(role("贫困人口（人）")).toBe("factor");
    expect(role("结转结余（元）")).toBe("carryover");
    expect(role("当年资金总额（元）")).toBe("total");
    expect((screen.getByLabelText("方向 农民人均纯收入（元）") as HTMLSelectElement).value).toBe(
      "-"
    );
    expect((screen.getByLabelText("类别 贫困人口减少进度（%）") as HTMLSelectElement).value).toBe(
      "performance"
    );
  });

  it("shows the 30 % performance check as the weights are typed", async () => {
    renderPane();
    await selectTable();
    // six factors at 16.67 each, two of them performance: 33.33 %
    expect(screen.getByTestId("performance-check").textContent).toContain("33.33%");
    fireEvent.change(screen.getByLabelText("权重 资金使用绩效（分）"), { target: { value: "0" } });
    expect(screen.getByTestId("performance-check").textContent).toContain("低于所设下限 30%");
    expect(screen.getByTestId("performance-check").textContent).toContain("数字残缺");
    fireEvent.change(screen.getByLabelText("权重 资金使用绩效（分）"), {
      target: { value: "16.67" },
    });
    expect(screen.getByTestId("performance-check").textContent).toContain("不低于 30%");
  });

  it("previews an allocation that adds up to the pool, and reports errors clearly", async () => {
    renderPane();
    await selectTable();
    setPool("50,000,000");
    const preview = screen.getByRole("list", { name: "分配预览" });
    // A card per county, then the total.
    expect(within(preview).getAllByRole("listitem")).toHaveLength(8 + 1);
    expect(within(preview).getByText("融水苗族自治县")).toBeTruthy();
    // Total: the pool less the carry-over deducted: 马山 4.1M / 35.5M = 11.5 % and 三江 5.6M /
    // 36.9M = 15.2 % are deducted; 横州 2.01M / 20.1M = exactly 10 % is not (大于 excludes the bound).
    expect(screen.getByTestId("preview-total").textContent).toBe("40,300,000.00");
    fireEvent.change(screen.getByLabelText("列用途 结转结余（元）"), {
      target: { value: "ignore" },
    });
    expect(screen.getByTestId("preview-total").textContent).toBe("50,000,000.00");
    setPool("50,000,000.005");
    expect(screen.getByText(/不是取整单位 0.01 的整数倍/)).toBeTruthy();
  });

  it("writes a result sheet with table and chart, then a second one under a new name", async () => {
    const wb = renderPane();
    await selectTable();
    setPool("50000000");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "写入结果表" }));
    });
    await waitFor(() => expect(screen.getByText("已写入工作表「分配结果」")).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "写入结果表" }));
    });
    await waitFor(() => expect(screen.getByText("已写入工作表「分配结果 (2)」")).toBeTruthy());
    expect(wb.written.map((w) => w.sheetName)).toEqual(["分配结果", "分配结果 (2)"]);
    const layout = wb.written[0].layout;
    expect(layout.chart).not.toBeNull();
    expect(layout.table.rows).toBe(9);
    const grid = wb.sheets.get("分配结果")!;
    expect(grid[5][0]).toBe("隆安县");
    const total = grid.slice(5, 13).reduce((a, r) => a + Math.round((r[1] as number) * 100), 0);
    expect(total).toBe(4030000000);
  });

  it("says so when the host could not add the chart (the table is still written)", async () => {
    const wb = new MemoryAllocationWorkbook();
    const write = wb.writeResult.bind(wb);
    wb.writeResult = async (layout) => ({ ...(await write(layout)), chart: false });
    renderPane(wb);
    await selectTable();
    setPool("50000000");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "写入结果表" }));
    });
    await waitFor(() =>
      expect(
        screen.getByText("已写入工作表「分配结果」；此程序未能插入条形图，表格已完整写入")
      ).toBeTruthy()
    );
  });

  it("writes live formulas when there is no carry-over or cap", async () => {
    const wb = renderPane();
    await selectTable();
    fireEvent.change(screen.getByLabelText("列用途 结转结余（元）"), {
      target: { value: "ignore" },
    });
    setPool("50000000");
    fireEvent.click(screen.getByRole("checkbox", { name: /写入实时公式/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "写入结果表" }));
    });
    await waitFor(() => expect(wb.written).toHaveLength(1));
    const formulas = wb.written[0].layout.blocks.filter((b) => b.kind === "formula");
    expect(String(formulas[formulas.length - 1].values[0][0])).toMatch(/^=FUND\.ALLOCATE\(\$B\$2,/);
    expect(formulas[0].values[0][0]).toBe("='因素表'!C2");
  });

  it("speaks English when the language is en", async () => {
    renderPane(new MemoryAllocationWorkbook(SAMPLE_FACTOR_TABLE), "en");
    expect(screen.getByRole("button", { name: "Use selection" })).toBeTruthy();
  });
});
