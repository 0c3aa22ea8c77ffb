/**
 * Issue 18, in Chromium on the production build: the hidden functions page associates every
 * FUND function from its small start-up script before the functions' code (fund-core.js,
 * fund-functions.js) has arrived. A call made in that window must get the right answer —
 * Traditional text folded, as on any later call — once the code is there; later calls answer
 * synchronously; a download that fails answers #N/A with a message and the next call retries.
 * The server holds the functions' chunks back until the test releases them.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Frame } from "playwright-core";
import * as functions from "../../src/functions/functions";
import { launch, requireChromium, type Browser } from "./harness";
import { buildAddin, officeStub, serveAddin, type AddinServer } from "./office-page";

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, "../..");
const CHUNKS = /^fund-(core|functions)\.js$/;
// Traditional text whose negative-list term matches only once folded to Simplified.
const TRADITIONAL = "購置鄉鎮幹部公務用車";
const SIMPLIFIED = "购置乡镇干部公务用车";

let out = "";
let browser: Browser | null = null;
let ids: string[] = [];

/** The function itself, called in Node as Excel calls it. */
const direct = (name: string, ...args: unknown[]): unknown =>
  (functions as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args);

beforeAll(async () => {
  requireChromium();
  out = fs.mkdtempSync(path.join(os.tmpdir(), "fund-startup-test-"));
  await buildAddin(ROOT, out);
  ids = (
    JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    }
  ).functions.map((f) => f.id);
  browser = await launch({ width: 800, height: 600 });
});

afterAll(async () => {
  await browser?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

/** Loads the page hidden, as Excel's shared runtime does (a frame without a size). */
async function hiddenPage(server: AddinServer): Promise<Frame> {
  const { page } = browser!;
  await page.setContent(
    `<iframe src="${server.url}taskpane.html" style="width:0;height:0;border:0"></iframe>`,
    { waitUntil: "commit" } // the frame's load waits for the held-back chunks
  );
  let frame: Frame | undefined;
  while (!(frame = page.frames().find((f) => f.url().endsWith("/taskpane.html"))))
    await page.waitForTimeout(10);
  await frame.waitForFunction(
    (n) => (window as unknown as { __fund?: { ids: string[] } }).__fund?.ids.length === n,
    ids.length
  );
  return frame;
}

/** Calls FUND.<id> in the page; a Promise is awaited, and whether it was one is reported. */
function call(frame: Frame, id: string, args: unknown[]) {
  return frame.evaluate(
    async ([id, args]) => {
      const fn = (window as unknown as { __fund: { fns: Record<string, Function> } }).__fund.fns[
        id as string
      ];
      const r = fn(...(args as unknown[]));
      const promise = typeof (r as { then?: unknown })?.then === "function";
      const value = await r;
      return { promise, value: JSON.parse(JSON.stringify(value)) as unknown };
    },
    [id, args] as const
  );
}

test("a call before the functions' code has arrived answers once it has, Traditional text folded; later calls are synchronous", async () => {
  const server = await serveAddin(out, { stub: officeStub(), hold: CHUNKS });
  try {
    const frame = await hiddenPage(server);
    // Every function associated, in the order of functions.json, with the code still held back.
    expect(
      await frame.evaluate(() => (window as unknown as { __fund: { ids: string[] } }).__fund.ids)
    ).toEqual(ids);
    expect(server.requests).toEqual(expect.arrayContaining(["fund-core.js", "fund-functions.js"]));
    // The first call: a Promise, still waiting while the code is held back.
    await frame.evaluate((text) => {
      const w = window as unknown as {
        __fund: { fns: Record<string, Function> };
        __early: { promise: boolean; value?: unknown };
      };
      const r = w.__fund.fns.PROHIBITED(text, null, null, null);
      w.__early = { promise: typeof r?.then === "function" };
      void Promise.resolve(r).then((v) => (w.__early.value = v));
    }, TRADITIONAL);
    await frame.page().waitForTimeout(200);
    expect(await frame.evaluate(() => (window as unknown as { __early: unknown }).__early)).toEqual(
      {
        promise: true,
      }
    );
    server.release();
    await frame.waitForFunction(
      () => (window as unknown as { __early: { value?: unknown } }).__early.value !== undefined
    );
    const expected = direct("prohibited", SIMPLIFIED, null, null, null);
    expect(expected).toContain("交通工具");
    expect(
      await frame.evaluate(
        () => (window as unknown as { __early: { value: unknown } }).__early.value
      )
    ).toBe(expected);

    // Now the code is there: answers at once, exactly as the functions give them.
    expect(await call(frame, "PROHIBITED", [TRADITIONAL, null, null, null])).toEqual({
      promise: false,
      value: expected,
    });
    expect(await call(frame, "DEADLINE", [46000, "中央提前下達", null, null, null])).toEqual({
      promise: false,
      value: direct("deadline", 46000, "中央提前下达", null, null, null),
    });
    // An error is #VALUE! with its message, as a value.
    const bad = await call(frame, "DEADLINE", ["not a date", "CENTRAL_ADVANCE", null, null, null]);
    expect(bad).toEqual({
      promise: false,
      value: JSON.parse(
        JSON.stringify(direct("deadline", "not a date", "CENTRAL_ADVANCE", null, null, null))
      ),
    });
    expect((bad.value as { code: string }).code).toBe("#VALUE!");
    // Each chunk fetched once (the preload is the download the chunk loader uses).
    for (const c of ["fund-core.js", "fund-functions.js"])
      expect({ c, n: server.requests.filter((r) => r === c).length }).toEqual({ c, n: 1 });
    expect(server.requests).not.toContain("pane.js"); // hidden: the pane's UI is not fetched
    expect(browser!.problems).toEqual([]);
  } finally {
    await server.close();
  }
});

test("when the functions' code cannot be downloaded a call answers #N/A saying so, and the next call fetches it again", async () => {
  const server = await serveAddin(out, { stub: officeStub() });
  server.failing = CHUNKS;
  try {
    const frame = await hiddenPage(server);
    const failed = await call(frame, "AMOUNT", ["12.5万", null]);
    expect(failed.promise).toBe(true);
    expect(failed.value).toEqual({
      code: "#N/A",
      message: expect.stringMatching(/函数代码未能加载.*did not load/),
    });
    // The two chunks fail independently: until the other's 404 has also come back, its download
    // is still under way, and a call now would wait on it (and fail) — as a recalculation made
    // in that instant would. The chunk loader removes each script element once it has settled.
    await frame.waitForFunction(() => !document.querySelector('script[src*="fund-"]'));
    server.failing = null;
    const again = await call(frame, "AMOUNT", ["12.5万", null]);
    expect(again).toEqual({ promise: true, value: direct("amount", "12.5万", null) });
    expect(await call(frame, "AMOUNT", ["12.5万", null])).toEqual({
      promise: false,
      value: direct("amount", "12.5万", null),
    });
    // Only the failed downloads are reported (Chromium logs each 404), nothing thrown.
    expect(browser!.problems.filter((p) => !/404/.test(p))).toEqual([]);
  } finally {
    await server.close();
  }
});
