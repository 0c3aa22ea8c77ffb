/**
 * The Review pane's findings list in headless Chromium at 30,000 findings (`npm run bench --
 * findings-list`), against two baselines measured in the same run: the same list at 300
 * findings, and a plain DOM list of the same 30,000 findings (every finding an element, search
 * by hiding — what a list without virtualisation costs). Page: bench/findings-list.page.tsx,
 * built here (production) with the project's loaders; Debian's /usr/bin/chromium.
 *
 * Per case, in a fresh page: render (mount → the list painted), scroll (top to bottom in 20
 * jumps, ms per jump until painted), search keystroke (one character typed: until the box
 * shows it, and until the list shows the filtered result — for the pane's list that includes
 * its designed pause of SEARCH_DELAY_MS after typing). Cases alternate; medians of BENCH_RUNS
 * (default 5); ratios are medians of the paired runs' ratios.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM, runWebpack, serve } from "../test/browser/harness";
import { SEARCH_DELAY_MS } from "../src/taskpane/review/FindingsList";
import { median } from "./util";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STEPS = 20;

async function buildPage(out: string): Promise<void> {
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const base = await makeConfig({ local: true }, { mode: "production" });
  const config = {
    mode: "production",
    context: ROOT,
    entry: { bench: path.join(__dirname, "findings-list.page.tsx") },
    output: { path: out, filename: "[name].js", publicPath: "" },
    resolve: base.resolve,
    module: base.module,
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
  };
  await runWebpack(config);
  fs.writeFileSync(
    path.join(out, "index.html"),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><div id="root"></div><script src="bench.js"></script></body></html>`
  );
}

interface Sample {
  render: number;
  scroll: number;
  typed: number;
  filtered: number;
  shown: number;
}

type Bench = {
  mount(): Promise<number>;
  scroll(steps: number): Promise<number>;
  search(ch: string): Promise<{ ms: number; typed: number; shown: number }>;
};

async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction("Boolean(window.bench)");
  // Expressions as text: nothing of this module's (transpiled) code runs in the page.
  const render = (await page.evaluate("window.bench.mount()")) as number;
  const scroll = (await page.evaluate(`window.bench.scroll(${STEPS})`)) as number;
  // "村" appears in many findings' text (the sample's project names): a real narrowing.
  const s = (await page.evaluate('window.bench.search("村")')) as Awaited<
    ReturnType<Bench["search"]>
  >;
  await context.close();
  return { render, scroll, typed: s.typed, filtered: s.ms, shown: s.shown };
}

export async function run(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`findings-list: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);
    return;
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "fund-findings-bench-"));
  const server = { close: async () => undefined } as { url?: string; close: () => Promise<void> };
  try {
    await buildPage(out);
    const s = await serve(out);
    Object.assign(server, s);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    const cases = {
      "list 30,000": `${s.url}index.html?n=30000&mode=list`,
      "list 300": `${s.url}index.html?n=300&mode=list`,
      "plain DOM 30,000": `${s.url}index.html?n=30000&mode=plain`,
    } as const;
    type Case = keyof typeof cases;
    const names = Object.keys(cases) as Case[];
    const samples = Object.fromEntries(names.map((k) => [k, [] as Sample[]])) as Record<
      Case,
      Sample[]
    >;
    try {
      for (const k of names) await measure(browser, cases[k]); // warm-up, not counted
      for (let i = 0; i < RUNS; i++) {
        const order = i % 2 ? [...names].reverse() : names;
        for (const k of order) samples[k].push(await measure(browser, cases[k]));
      }
    } finally {
      await browser.close();
    }
    const med = (k: Case, f: (x: Sample) => number) => median(samples[k].map(f));
    const ratio = (a: Case, b: Case, f: (x: Sample) => number) =>
      median(samples[a].map((x, i) => f(x) / f(samples[b][i])));
    console.log(
      `findings-list: ${RUNS} runs per case, alternating; load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`
    );
    const metrics: [string, (x: Sample) => number][] = [
      ["render (mount → painted)", (x) => x.render],
      [`scroll (per jump of ${STEPS}, until painted)`, (x) => x.scroll],
      ["search keystroke shown in the box", (x) => x.typed],
      [
        `search keystroke → filtered list (pane: incl. ${SEARCH_DELAY_MS} ms pause)`,
        (x) => x.filtered,
      ],
    ];
    for (const [label, f] of metrics) {
      console.log(`  ${label}:`);
      for (const k of names) console.log(`    ${k.padEnd(17)} ${med(k, f).toFixed(1)} ms`);
      console.log(
        `    ratio list 30,000 / list 300: ${ratio("list 30,000", "list 300", f).toFixed(2)}×; list 30,000 / plain DOM 30,000: ${ratio("list 30,000", "plain DOM 30,000", f).toFixed(2)}×`
      );
    }
    const pause = (k: Case) => med(k, (x) => x.filtered) - SEARCH_DELAY_MS;
    console.log(
      `  filtering after the pause: list 30,000 ${pause("list 30,000").toFixed(1)} ms, list 300 ${pause("list 300").toFixed(1)} ms; shown after the search: ${samples["list 30,000"][0].shown} of 30,000 (plain: ${samples["plain DOM 30,000"][0].shown})`
    );
  } finally {
    await server.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
