/** @jest-environment jsdom */
/**
 * The Review pane reads the office's lists from sheets with fixed names (黑名单 …): a listed unit
 * becomes a finding with its clause, a bad list row stops the run with the row named, a missing
 * list is said to be missing, and the list sheets are never reviewed themselves.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReviewPane } from "../../src/taskpane/review/ReviewPane";
import { MemoryReviewWorkbook, MemorySheet } from "../../src/workbook/review/memory";

const LEDGER = [
  ["项目名称", "建设内容", "实施单位", "金额（元）", "项目批复日期"],
  ["村道硬化", "道路", "某某建设（有限责任公司）", 100, "2026-06-30"],
  ["村道硬化二期", "道路", "某某建設有限公司", 100, "2026-07-01"],
];

// jsdom lacks ResizeObserver, which Fluent's MessageBar uses to lay itself out.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

function sheet(name: string, values: unknown[][]): MemorySheet {
  return { name, values, merges: [], fills: new Map() };
}

async function run(sheets: MemorySheet[]) {
  const workbook = new MemoryReviewWorkbook(sheets, "项目台账");
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <ReviewPane workbook={workbook} today={() => new Date(2026, 7, 1)} />
    </FluentProvider>
  );
  await waitFor(() => expect(screen.getByTestId("recognition")).toBeTruthy());
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "运行审查" }));
  });
  return view;
}

test("a unit in the 黑名单 sheet is flagged on the ban's last day, not the day after", async () => {
  await run([
    sheet("项目台账", LEDGER),
    sheet("黑名单", [
      ["单位或个人名称", "列入日期"],
      ["某某建设有限责任公司", "2023-06-30"],
    ]),
  ]);
  await waitFor(() => expect(screen.getAllByTestId("finding").length).toBe(1));
  expect(screen.getByTitle("项目台账!C2")).toBeTruthy();
  expect(screen.queryByTitle("项目台账!C3")).toBeNull();
  expect(screen.getByRole("group", { name: "黑名单" })).toBeTruthy();
});

test("a bad row in the 黑名单 sheet stops the run and names the row", async () => {
  await run([
    sheet("项目台账", LEDGER),
    sheet("黑名单", [
      ["单位或个人名称", "列入日期"],
      ["某某建设有限责任公司", "去年"],
    ]),
  ]);
  await waitFor(() => expect(screen.getByText(/「黑名单」第 2 行 列入日期/)).toBeTruthy());
  expect(screen.queryAllByTestId("finding")).toEqual([]);
});

test("without the lists, the pane says which were not supplied and flags nothing under them", async () => {
  await run([sheet("项目台账", LEDGER)]);
  await waitFor(() => expect(screen.getByText(/本单位清单 .* 未提供或为空/)).toBeTruthy());
  expect(screen.queryByTitle("项目台账!C2")).toBeNull();
});

test("the 管理费比例 and 贷款基准利率 sheets: a fee one yuan above the cap and a rate above the benchmark are flagged", async () => {
  await run([
    sheet("项目台账", [
      LEDGER[0],
      ["扶贫项目管理费", "规划编制", "县扶贫办", 10000, "2026-03-01"],
      ["扶贫项目管理费", "项目资金管理", "县扶贫办", 1, "2026-04-01"],
      ["小额信贷贴息", "按年利率4.35%贴息", "县农商行", 1000, "2026-03-01"],
      ["产业贷款贴息", "贴息利率4.36%", "县农商行", 1000, "2026-03-01"],
    ]),
    sheet("管理费比例", [
      ["年度", "提取比例", "资金总额（万元）"],
      [2026, "1%", 100],
    ]),
    sheet("贷款基准利率", [
      ["起始日期", "基准利率（%）"],
      ["2015-10-24", "4.35%"],
    ]),
  ]);
  await waitFor(() => expect(screen.getAllByTestId("finding").length).toBe(2));
  expect(screen.getByTitle("项目台账!D3")).toBeTruthy(); // the row where the fees pass 1万
  expect(screen.getByTitle("项目台账!B5")).toBeTruthy(); // 4.36 % (4.35 % on row 4 is allowed)
  expect(screen.getByRole("group", { name: "管理费超比例" })).toBeTruthy();
  expect(screen.getByRole("group", { name: "贴息超基准" })).toBeTruthy();
});
