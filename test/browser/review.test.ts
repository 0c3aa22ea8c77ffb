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
  // The list is virtual: every finding counts in aria-setsize, only those in view are drawn.
  expect(Number(await findings.first().getAttribute("aria-setsize"))).toBeGreaterThanOrEqual(6);
  // Each kind's count, as the kind filter offers it.
  const kinds = await page
    .getByLabel("按类型筛选")
    .locator("option")
    .evaluateAll((os) => os.map((o) => o.textContent));
  expect(kinds).toEqual(expect.arrayContaining(["无法读取 (2)", "重复录入 (1)", "缺绩效目标 (1)"]));

  const kind = page.getByLabel("按类型筛选");
  const overdue = page.getByRole("group", { name: "下达超期" });
  await expect(
    overdue.getByText("依据：桂政发〔2014〕34号 第（十三）条").first().isVisible()
  ).resolves.toBe(true);
  await kind.selectOption({ label: "项目闲置 (1)" });
  await expect(
    page
      .getByRole("group", { name: "项目闲置" })
      .getByText("依据：桂政发〔2014〕34号 第（七）条3")
      .isVisible()
  ).resolves.toBe(true);
  await kind.selectOption({ label: "无法读取 (2)" });
  expect(await page.getByRole("group", { name: "无法读取" }).getByTestId("finding").count()).toBe(
    2
  );
  await kind.selectOption({ label: "全部类型" });

  // Click → the workbook's selected cell.
  const before = await page.evaluate(
    () =>
      (window as unknown as { fundHost: { review: { selected: unknown } } }).fundHost.review
        .selected
  );
  expect(before).toBeNull();
  await overdue.getByTitle("资金拨付台账!H8").click();
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

  // Filter by text narrows the list (after a pause in typing); Escape clears the search.
  await page.getByLabel("搜索说明、证据、单元格").fill("2020211");
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="finding"]').length === 1
  );
  await page.getByLabel("搜索说明、证据、单元格").press("Escape");
  expect(await page.getByLabel("搜索说明、证据、单元格").inputValue()).toBe("");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="finding"]').length > 1);

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

test("keyboard: Run keeps focus, the result is announced, the list is one Tab stop with arrow keys", async () => {
  const { page, problems } = browser!;
  await page.goto(`${server!.url}harness.html?pane=review`);
  await page.getByTestId("recognition").waitFor();
  const run = page.getByRole("button", { name: "运行审查" });
  await run.focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("summary").waitFor();
  // Focus stayed on Run (it was never disabled under the keyboard), and the live region said the outcome.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("运行审查");
  const summary = await page.getByTestId("summary").textContent();
  expect(summary).toMatch(/^发现 \d+ 项问题：错误 \d+ 项/);
  expect(await page.getByTestId("announcer").textContent()).toBe(summary);
  expect(await page.getByTestId("announcer").getAttribute("aria-live")).toBe("polite");

  // One Tab stop for the whole list: Tab from the search box lands on the list, the next Tab leaves it.
  await page.getByLabel("搜索说明、证据、单元格").focus();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("listbox");
  const activeText = () =>
    page.evaluate(() => {
      const id = document.activeElement?.getAttribute("aria-activedescendant");
      return id ? (document.getElementById(id)?.getAttribute("aria-posinset") ?? null) : null;
    });
  expect(await activeText()).toBe("1");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  expect(await activeText()).toBe("3");
  await page.keyboard.press("End");
  const total = await page.getByTestId("finding").first().getAttribute("aria-setsize");
  expect(await activeText()).toBe(total);
  // Enter goes to the active finding's cell; its clause text is on screen without hovering.
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () =>
      (window as unknown as { fundHost: { review: { selected: unknown } } }).fundHost.review
        .selected !== null
  );
  expect(await page.getByTestId("clause").isVisible()).toBe(true);
  expect((await page.getByTestId("clause").textContent())!.length).toBeGreaterThan(20);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).not.toBe(
    "listbox"
  );
  expect(problems).toEqual([]);
});

test("English when lang=en", async () => {
  const { page, problems } = browser!;
  await page.goto(`${server!.url}harness.html?pane=review&lang=en`);
  await page.getByTestId("recognition").waitFor();
  await page.getByRole("button", { name: "Run review" }).click();
  await page.getByTestId("summary").waitFor();
  expect(await page.getByTestId("summary").textContent()).toMatch(
    /^\d+ findings: \d+ errors?, \d+ warnings?$/
  );
  expect(await page.getByText("Cited: 桂政发〔2014〕34号 第（十三）条").count()).toBeGreaterThan(0);

  // All sheets: the carry-over table and the publicity list are reviewed too.
  await page.getByLabel("Sheet to review").selectOption({ label: "All sheets" });
  await page.getByRole("button", { name: "Run review" }).click();
  await page.getByTestId("summary").waitFor();
  const kinds = page.getByLabel("Filter by kind");
  await kinds.selectOption({ label: "Publicity field missing (1)" });
  await page.getByRole("group", { name: "Publicity field missing" }).waitFor();
  await kinds.selectOption({ label: "Carry-over above limit (1)" });
  const carry = page.getByRole("group", { name: "Carry-over above limit" });
  expect(await carry.getByTitle("结转结余!C4").count()).toBe(1);
  expect(problems).toEqual([]);
});
