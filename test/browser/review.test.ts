/**
 * The Review pane in a real browser: the built harness page (the real pane over the in-memory
 * sample workbook), Debian's Chromium through playwright-core. Runs a review, checks the findings
 * and their citations, clicks one and checks the workbook's selection; keeps a screenshot.
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

test("runs a review, shows cited findings, and a click selects the cell", async () => {
  const { page, problems } = browser!;
  await page.goto(`${server!.url}harness.html?pane=review`);

  // The active sheet is chosen and recognised.
  await page.getByTestId("recognition").waitFor();
  expect(await page.getByLabel("要审查的工作表").inputValue()).toBe("资金拨付台账");
  expect(await page.getByTestId("recognition").textContent()).toContain("表头在第 3 行");

  await page.getByRole("button", { name: "运行审查" }).click();
  await page.getByTestId("summary").waitFor();
  const findings = page.getByTestId("finding");
  expect(await findings.count()).toBeGreaterThanOrEqual(6);

  const overdue = page.getByRole("region", { name: "下达超期" });
  await expect(
    overdue.getByText("依据：桂政发〔2014〕34号 第（十三）条").first().isVisible()
  ).resolves.toBe(true);
  await expect(
    page
      .getByRole("region", { name: "项目闲置" })
      .getByText("依据：桂政发〔2014〕34号 第（七）条3")
      .isVisible()
  ).resolves.toBe(true);
  expect(await page.getByRole("region", { name: "无法读取" }).getByTestId("finding").count()).toBe(
    2
  );
  expect(await page.getByRole("region", { name: "重复录入" }).count()).toBe(1);
  expect(await page.getByRole("region", { name: "缺绩效目标" }).count()).toBe(1);

  // Click → the workbook's selected cell.
  const before = await page.evaluate(
    () =>
      (window as unknown as { fundHost: { review: { selected: unknown } } }).fundHost.review
        .selected
  );
  expect(before).toBeNull();
  await overdue.getByText("资金拨付台账!H8").click();
  await page.waitForFunction(
    () =>
      (window as unknown as { fundHost: { review: { selected: unknown } } }).fundHost.review
        .selected !== null
  );
  const selected = await page.evaluate(
    () =>
      (window as unknown as { fundHost: { review: { selected: unknown } } }).fundHost.review
        .selected
  );
  expect(selected).toEqual({ sheet: "资金拨付台账", cell: "H8" });

  // Filter by text narrows the list.
  await page.getByLabel("搜索说明、证据、单元格").fill("2020211");
  await expect(findings.count()).resolves.toBe(1);
  await page.getByLabel("搜索说明、证据、单元格").fill("");

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const shot = path.join(ARTIFACTS, "review-pane.png");
  await page.screenshot({ path: shot, fullPage: true });
  expect(fs.statSync(shot).size).toBeGreaterThan(10_000);

  // The page's own CSP (from webpack.config.js) holds, and nothing complained.
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  expect(csp).toContain("default-src 'self'");
  expect(problems).toEqual([]);
});

test("English when lang=en", async () => {
  const { page, problems } = browser!;
  await page.goto(`${server!.url}harness.html?pane=review&lang=en`);
  await page.getByTestId("recognition").waitFor();
  await page.getByRole("button", { name: "Run review" }).click();
  await page.getByTestId("summary").waitFor();
  expect(await page.getByTestId("summary").textContent()).toMatch(/^\d+ findings$/);
  expect(await page.getByText("Cited: 桂政发〔2014〕34号 第（十三）条").count()).toBeGreaterThan(0);

  // All sheets: the carry-over table and the publicity list are reviewed too.
  await page.getByLabel("Sheet to review").selectOption({ label: "All sheets" });
  await page.getByRole("button", { name: "Run review" }).click();
  await page.getByRole("region", { name: "Carry-over above limit" }).waitFor();
  await page.getByRole("region", { name: "Publicity field missing" }).waitFor();
  const carry = page.getByRole("region", { name: "Carry-over above limit" });
  expect(await carry.getByText("结转结余!C4").count()).toBe(1);
  expect(problems).toEqual([]);
});
