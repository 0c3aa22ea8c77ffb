/**
 * Every pane in a real browser on the WPS fake: the harness page with `?host=wps` runs the real
 * panes through the WPS adapters (src/wps) over the fake WPS object model (test/wps/fake-et.ts),
 * holding the same sample workbook as the in-memory harness. Debian's Chromium via playwright-core.
 */
import * as fs from "fs";
import * as path from "path";
import { ARTIFACTS, buildHarness, launch, requireChromium, serve, type Browser } from "./harness";

jest.setTimeout(240_000);

let dist = "";
let server: { url: string; close: () => Promise<void> } | null = null;
let browser: Browser | null = null;

beforeAll(async () => {
  requireChromium();
  dist = await buildHarness();
  server = await serve(dist);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

/** A value from the fake WPS workbook in the page (`fn` runs in the page, on its workbook). */
async function wps<T>(fn: (book: any) => T): Promise<T> {
  const source = `(${fn.toString()})(window.fundWps.book)`;
  return browser!.page.evaluate(source) as Promise<T>;
}

async function shot(name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await browser!.page.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

test("Review on WPS: review, click a finding → WPS selects the cell; highlight; findings sheet", async () => {
  const { page, problems } = browser!;
  await page.goto(`${server!.url}harness.html?pane=review&host=wps`);
  await page.getByTestId("recognition").waitFor();
  expect(await page.getByLabel("要审查的工作表").inputValue()).toBe("资金拨付台账");
  expect(await page.getByTestId("recognition").textContent()).toContain("表头在第 3 行");

  await page.getByRole("button", { name: "运行审查" }).click();
  await page.getByTestId("summary").waitFor();
  // The list is virtual: every finding counts in aria-setsize, only those in view are drawn.
  expect(
    Number(await page.getByTestId("finding").first().getAttribute("aria-setsize"))
  ).toBeGreaterThanOrEqual(6);

  const overdue = page.getByRole("group", { name: "下达超期" });
  await overdue.getByTitle("资金拨付台账!H8").click();
  await page.waitForFunction(
    () =>
      (window as unknown as { fundWps: { book: { selected: unknown } } }).fundWps.book.selected !==
      null
  );
  expect(await wps((b) => b.selected)).toEqual({ sheet: "资金拨付台账", cell: "H8" });
  expect(await wps((b) => b.active.name)).toBe("资金拨付台账");

  await page.getByRole("button", { name: "标记单元格" }).click();
  await page.getByText(/已标记 \d+ 个单元格/).waitFor();
  // H8 (row 7, column 7) now has the error fill as WPS stores it: BGR 0xCEC7FF.
  expect(await wps((b) => b.sheets[0].fills.get("7,7"))).toMatchObject({
    color: 0xcec7ff,
    pattern: 1,
  });

  await page.getByRole("button", { name: "写入审查结果表" }).click();
  await page.getByText("已写入工作表「审查结果」").waitFor();
  expect(await wps((b) => b.sheets.map((s: any) => s.name))).toContain("审查结果");
  expect(await wps((b) => b.sheet("审查结果").tables.length)).toBe(1);
  await shot("review-pane-wps.png");
  expect(problems).toEqual([]);
});

test("Filing on WPS: create a sheet (table, drop-downs, frozen header), then check the workbook", async () => {
  const { page, problems } = browser!;
  await page.goto(`${server!.url}harness.html?pane=filing&host=wps`);
  await page.getByRole("button", { name: "创建" }).click();
  await page.getByText(/^已创建「/).waitFor();
  const created = await wps<{ name: string; frozen: unknown; tables: number; validations: number }>(
    (b) => {
      const s = b.sheets[b.sheets.length - 1];
      return {
        name: s.name,
        frozen: s.frozen,
        tables: s.tables.length,
        validations: s.validations.length,
      };
    }
  );
  expect(created.frozen).toEqual({ rows: 3, cols: 0 });
  expect(created.tables).toBe(1);
  expect(created.validations).toBeGreaterThan(0);
  expect(await wps((b) => b.active.name)).toBe(created.name);

  await page.getByRole("button", { name: "检查" }).click();
  await page.getByRole("status").first().waitFor();
  expect(await page.getByText("工作簿中没有找到备案表格").count()).toBe(0);
  await shot("filing-pane-wps.png");
  expect(problems).toEqual([]);
});

test("Allocate on WPS: read the selected factor table, write the result sheet", async () => {
  const { page, problems } = browser!;
  await page.goto(`${server!.url}harness.html?pane=allocate&host=wps`);
  await page.getByRole("button", { name: "使用所选区域" }).click();
  await page.getByText("因素表!A1:J9").waitFor();
  await page.getByRole("textbox", { name: "资金总额" }).fill("50000000");
  await page.getByRole("button", { name: "写入结果表" }).click();
  await page.getByText("已写入工作表「分配结果」").waitFor();
  const result = await wps<{ tables: number; frozen: unknown }>((b) => {
    const s = b.sheet("分配结果");
    return { tables: s.tables.length, frozen: s.frozen };
  });
  expect(result.tables).toBe(1);
  expect(result.frozen).toEqual({ rows: 5, cols: 0 });
  await shot("allocate-pane-wps.png");
  expect(problems).toEqual([]);
});
