/**
 * Start-up of the add-in page in headless Chromium, this build against the previous one, in the
 * same run (`npm run bench -- startup`).
 *
 * Both are production builds made here: this worktree's, and the baseline commit's sources and
 * webpack config (BENCH_BASE, default the commit before the lazy pane and shared chunks) from
 * `git archive` into a temporary folder. Each is served on 127.0.0.1; office.js is replaced by
 * the same small stub for both, served by the same server (the real one comes from Office's
 * CDN, cached, equal for both): Office.onReady resolves at once, CustomFunctions.associate
 * counts the functions.
 *
 * - functions page, cold: the page as Excel's shared runtime loads it at every start — hidden
 *   (a 0×0 frame) in a fresh browser context (empty cache). Times from the frame's navigation
 *   start: every FUND function associated; the first call answered — FUND.PROHIBITED on
 *   Traditional text (the first use builds OpenCC's converter), called as Excel's first
 *   recalculation would be, in a task right after the functions were associated, its answer
 *   awaited when it is a Promise (this build fetches the functions' code after associating
 *   them) and checked equal between the builds; and the load event's end. Also the script bytes
 *   the page fetched.
 * - task pane first paint, cold: the page shown (420×900), time until the pane's tab list is in
 *   the document.
 * - floor: an empty page (the office.js stub and one script associating one function), hidden
 *   the same way — what the browser and machine cost before any of our code.
 * Runs alternate baseline/this build; medians of BENCH_RUNS (default 9); ratios are medians of
 * the paired runs' ratios.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM } from "../test/browser/harness";
import {
  buildAddin,
  officeStub,
  OFFICE_URL,
  serveAddin,
  type FundProbe,
} from "../test/browser/office-page";
import { median } from "./util";

const ROOT = path.resolve(__dirname, "..");
const BASE = process.env.BENCH_BASE ?? "3b75fcb";
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

/** Records when the pane's tab list first appears (a MutationObserver from the very start). */
const PAINT_PROBE = `
(function () {
  var seen = false;
  var check = function () {
    if (!seen && document.querySelector('[role="tablist"]')) {
      seen = true;
      window.__paneAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();
`;

/** Traditional text whose negative-list term matches only once folded to Simplified. */
const FIRST_CALL = { id: "PROHIBITED", args: ["購置鄉鎮幹部公務用車", null, null, null] };

/**
 * The baseline commit's sources and config in a temporary folder, built there (kept in the
 * temporary directory by commit id: the same commit builds the same files).
 */
async function buildBaseline(): Promise<string> {
  const commit = execFileSync("git", ["-C", ROOT, "rev-parse", BASE]).toString().trim();
  const dir = path.join(os.tmpdir(), `fund-startup-base-${commit}`);
  const out = path.join(dir, "out");
  if (fs.existsSync(path.join(out, "taskpane.html"))) return out;
  fs.rmSync(dir, { recursive: true, force: true });
  const src = path.join(dir, "src");
  fs.mkdirSync(src, { recursive: true });
  const tar = execFileSync(
    "git",
    [
      "-C",
      ROOT,
      "archive",
      "--format=tar",
      BASE,
      "src",
      "scripts",
      "assets",
      "webpack.config.js",
      "manifest.xml",
      "tsconfig.json",
      "package.json",
    ],
    { maxBuffer: 512 * 1024 * 1024 } // the sources' tar is over the 1 MiB default
  );
  execFileSync("tar", ["-x", "-C", src], { input: tar });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(src, "node_modules"), "dir");
  await buildAddin(src, out);
  return out;
}

interface Sample {
  functionsAt: number;
  firstAt: number;
  answer: string;
  loadEnd: number;
  scriptBytes: number;
  paneFetched: boolean;
  functions: number;
}

async function coldHidden(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  let scriptBytes = 0;
  let paneFetched = false;
  context.on("requestfinished", async (req) => {
    if (req.resourceType() !== "script" || !req.url().startsWith(url)) return;
    const size = await req.sizes().catch(() => null);
    if (size) scriptBytes += size.responseBodySize;
    if (/\/pane\.js$/.test(req.url())) paneFetched = true;
  });
  const page = await context.newPage();
  // The hidden runtime: the page in a frame without a size, as Excel keeps it until the pane opens.
  await page.setContent(
    `<iframe id="rt" src="${url}taskpane.html" style="width:0;height:0;border:0"></iframe>`
  );
  const ready = async () => {
    const frame = page.frames().find((f) => f.url().endsWith("/taskpane.html"));
    const ok = await frame
      ?.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const f = (window as unknown as { __fund?: FundProbe }).__fund;
        return Boolean(nav && nav.loadEventEnd > 0 && f && f.firstAt !== undefined);
      })
      .catch(() => false);
    return ok ? frame : null;
  };
  const started = Date.now();
  let frame = await ready();
  while (!frame) {
    if (Date.now() - started > 30000) throw new Error("the functions page did not load in 30 s");
    await page.waitForTimeout(20);
    frame = await ready();
  }
  await page.waitForTimeout(300); // anything the page fetches after load (it should be nothing)
  const r = await frame.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const f = (window as unknown as { __fund: FundProbe }).__fund;
    return {
      functionsAt: f.functionsAt,
      firstAt: f.firstAt as number,
      answer: JSON.stringify(f.answer),
      loadEnd: nav.loadEventEnd,
      functions: f.ids.length,
    };
  });
  await context.close();
  return { ...r, scriptBytes, paneFetched };
}

async function coldPane(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  await context.addInitScript(PAINT_PROBE);
  const page = await context.newPage();
  await page.goto(`${url}taskpane.html`);
  await page.waitForFunction(
    () => (window as unknown as { __paneAt?: number }).__paneAt,
    undefined,
    {
      timeout: 30000,
    }
  );
  const at = await page.evaluate(() => (window as unknown as { __paneAt: number }).__paneAt);
  await context.close();
  return at;
}

export async function run(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`startup: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fund-startup-"));
  try {
    const t0 = Date.now();
    const baseOut = await buildBaseline();
    const newOut = path.join(tmp, "new-out");
    await buildAddin(ROOT, newOut);
    console.log(
      `startup: built baseline ${BASE} and this worktree in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${RUNS} cold runs each, alternating`
    );
    // The floor: a page with only office.js (the same stub) and one script that associates one
    // function (answering "" to the first call) — what a hidden page costs in this browser and
    // machine before any of our code.
    const floorOut = path.join(tmp, "floor-out");
    fs.mkdirSync(floorOut);
    fs.writeFileSync(
      path.join(floorOut, "taskpane.html"),
      `<!doctype html><html><head><meta charset="utf-8"><script src="${OFFICE_URL}"></script><script defer src="f.js"></script></head><body></body></html>`
    );
    fs.writeFileSync(
      path.join(floorOut, "f.js"),
      'CustomFunctions.associate("PROHIBITED", function () { return ""; });'
    );
    const stub = officeStub(FIRST_CALL);
    const servers = {
      base: await serveAddin(baseOut, { stub }),
      new: await serveAddin(newOut, { stub }),
    };
    const floorServer = await serveAddin(floorOut, { stub });
    const floor: Sample[] = [];
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const hidden: Record<"base" | "new", Sample[]> = { base: [], new: [] };
    const pane: Record<"base" | "new", number[]> = { base: [], new: [] };
    try {
      // one warm-up of each, not counted
      for (const k of ["base", "new"] as const) {
        await coldHidden(browser, servers[k].url);
        await coldPane(browser, servers[k].url);
      }
      for (let i = 0; i < RUNS; i++) {
        for (const k of i % 2 ? (["new", "base"] as const) : (["base", "new"] as const)) {
          hidden[k].push(await coldHidden(browser, servers[k].url));
          pane[k].push(await coldPane(browser, servers[k].url));
        }
        floor.push(await coldHidden(browser, floorServer.url));
      }
    } finally {
      await browser.close();
      await servers.base.close();
      await servers.new.close();
      await floorServer.close();
    }
    const med = (k: "base" | "new", f: (s: Sample) => number) => median(hidden[k].map(f));
    // The ratio is the median of the paired runs' ratios (each pair ran back to back), which
    // holds up better than a ratio of medians when the machine's load drifts.
    const paired = (b: number[], n: number[]) => median(n.map((x, i) => x / b[i]));
    const line = (label: string, f: (s: Sample) => number, unit = "ms") => {
      const b = med("base", f);
      const n = med("new", f);
      const r = paired(hidden.base.map(f), hidden.new.map(f));
      console.log(
        `  ${label}: baseline ${b.toFixed(1)} ${unit}, this build ${n.toFixed(1)} ${unit}; ratio ${r.toFixed(2)}×`
      );
      return n;
    };
    console.log("  functions page, cold, hidden as the shared runtime loads it:");
    const fnAt = line("  every FUND function associated", (s) => s.functionsAt);
    line("  first call answered (FUND.PROHIBITED, Traditional text)", (s) => s.firstAt);
    line("  load event end", (s) => s.loadEnd);
    line("  script bytes fetched", (s) => s.scriptBytes / 1024, "KiB");
    console.log(
      `    functions associated: baseline ${hidden.base[0].functions}, this build ${hidden.new[0].functions}; pane chunk fetched while hidden: this build ${hidden.new.some((s) => s.paneFetched) ? "YES" : "no"}`
    );
    const answers = new Set([...hidden.base, ...hidden.new].map((s) => s.answer));
    console.log(
      `    first call's answer: ${answers.size === 1 ? `the same in every run of both builds, ${[...answers][0]}` : `DIFFERS: ${[...answers].join(" | ")}`}`
    );
    console.log(
      `    floor, an empty page (office.js stub + one associate): associated ${median(floor.map((s) => s.functionsAt)).toFixed(1)} ms, first call answered ${median(floor.map((s) => s.firstAt)).toFixed(1)} ms`
    );
    console.log(`    target ≤ 40 ms (functions associated): ${fnAt <= 40 ? "met" : "NOT met"}`);
    const pb = median(pane.base);
    const pn = median(pane.new);
    const pr = paired(pane.base, pane.new);
    console.log(
      `  task pane first paint, cold (tab list in the document): baseline ${pb.toFixed(1)} ms, this build ${pn.toFixed(1)} ms; ratio ${pr.toFixed(2)}× (not slower: ${pr <= 1.05 ? "met" : "NOT met"})`
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
