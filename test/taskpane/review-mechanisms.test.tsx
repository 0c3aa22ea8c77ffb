/** @jest-environment jsdom */
/**
 * The Review pane runs the packs an office ticks for 76号 三（二） (LEDGER: the project ledger's
 * 责任人) and 34号（七） (ADJUST: the pooling plan and the adjustment log read from the workbook's
 * filing sheets). Unticked, they flag nothing.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReviewPane } from "../../src/taskpane/review/ReviewPane";
import { MemoryReviewWorkbook, MemorySheet } from "../../src/workbook/review/memory";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

function sheet(name: string, values: unknown[][]): MemorySheet {
  return { name, values, merges: [], fills: new Map() };
}

const PROJECTS = sheet("项目库", [
  ["项目名称", "实施单位", "责任人", "金额（万元）", "绩效目标"],
  ["甲村产业路", "县交通局", "张三", 100, "受益 100 户"],
  ["丙村文化室", "县文旅局", "", 20.0001, "受益 50 户"],
]);
const PLAN = sheet("年度统筹整合资金方案", [
  ["项目名称", "使用平台", "资金额度（万元）"],
  ["甲村产业路", "整村推进", 100],
  ["丙村文化室", "整村推进", 20],
]);
const LOG = sheet("项目调整备案表", [
  ["项目名称", "调整类型", "批准日期", "批准文号", "备案日期"],
  ["丙村文化室", "局部调整（规模或内容）", "2026-05-01", "某政函〔2026〕3号", ""],
]);

async function run(sheets: MemorySheet[], tick: string[]) {
  const workbook = new MemoryReviewWorkbook(sheets, "项目库");
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <ReviewPane workbook={workbook} today={() => new Date(2026, 7, 1)} />
    </FluentProvider>
  );
  await waitFor(() => expect(screen.getByTestId("recognition")).toBeTruthy());
  for (const name of tick) fireEvent.click(screen.getByRole("checkbox", { name }));
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "运行审查" }));
  });
  return view;
}

test("unticked, the two packs flag nothing", async () => {
  await run([PROJECTS, PLAN, LOG], []);
  await waitFor(() => expect(screen.getByTestId("summary")).toBeTruthy());
  expect(screen.queryByRole("group", { name: "台账管理" })).toBeNull();
  expect(screen.queryByRole("group", { name: "项目调整未备案" })).toBeNull();
});

test("ticked: the blank 责任人 and the project one yuan above the plan whose log entry lacks 备案日期", async () => {
  await run([PROJECTS, PLAN, LOG], ["台账责任与结余", "项目调整审批备案"]);
  await waitFor(() => expect(screen.getByRole("group", { name: "台账管理" })).toBeTruthy());
  const ledger = screen.getByRole("group", { name: "台账管理" });
  expect(within(ledger).getByTitle("项目库!C3")).toBeTruthy();
  expect(within(ledger).queryByTitle("项目库!C2")).toBeNull();
  const adjust = screen.getByRole("group", { name: "项目调整未备案" });
  expect(within(adjust).getByTitle("项目库!D3")).toBeTruthy();
  expect(within(adjust).getByText(/第 2 行缺少备案日期/)).toBeTruthy();
  expect(within(adjust).queryByTitle("项目库!D2")).toBeNull(); // exactly as planned
});

test("a 贷款基准利率 sheet banded by 贷款期限: each row held to its term's band", async () => {
  const loans = sheet("项目库", [
    ["项目名称", "建设内容", "金额（元）", "项目批复日期"],
    ["产业贷款贴息", "贷款期限5年，贴息利率4.75%", 1000, "2026-03-01"],
    ["产业贷款贴息", "贷款期限5年，贴息利率4.76%", 1000, "2026-03-01"],
    ["产业贷款贴息", "贷款期限61个月，贴息利率4.76%", 1000, "2026-03-01"],
  ]);
  const bands = sheet("贷款基准利率", [
    ["起始日期", "基准利率（%）", "公布文件", "贷款期限"],
    ["2015-10-24", "4.35%", "", "一年以内（含一年）"],
    ["2015-10-24", "4.75%", "", "一至五年（含五年）"],
    ["2015-10-24", "4.90%", "", "五年以上"],
  ]);
  await run([loans, bands], []);
  await waitFor(() => expect(screen.getByRole("group", { name: "贴息超基准" })).toBeTruthy());
  const g = screen.getByRole("group", { name: "贴息超基准" });
  expect(within(g).getByTitle("项目库!B3")).toBeTruthy();
  expect(within(g).queryByTitle("项目库!B2")).toBeNull();
  expect(within(g).queryByTitle("项目库!B4")).toBeNull();
});
