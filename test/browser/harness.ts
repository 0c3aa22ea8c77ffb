/**
 * Browser-test plumbing, reusable by every pane's browser test: build the harness page with the
 * project's webpack config (`--env harness`, development), serve the build on 127.0.0.1 at a
 * random port, and drive Debian's /usr/bin/chromium with playwright-core (never a downloaded
 * browser). The page's console errors, uncaught errors and CSP violations are collected.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium, or the browser named by CHROMIUM_PATH (test/setup/chromium.js). */
export const CHROMIUM: string = require("../setup/chromium").CHROMIUM;
const ROOT = path.resolve(__dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the browser tests drive Debian's Chromium. ` +
        "Install it with: apt-get install -y chromium fonts-wqy-microhei"
    );
  }
}

/** Builds harness.html and its bundle into a fresh temporary folder; returns the folder. */
export async function buildHarness(): Promise<string> {
  const HtmlWebpackPlugin = require("html-webpack-plugin");

  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "fund-harness-"));
  const config = await makeConfig({ harness: true }, { mode: "development" });
  // Only the harness page: its entry and its HTML (with the CSP webpack.config.js gives it).
  config.mode = "development";
  config.context = ROOT;
  config.entry = { harness: path.join(ROOT, "src/taskpane/harness.tsx") };
  config.output = { ...config.output, path: out };
  config.plugins = config.plugins.filter(
    (p: unknown) =>
      p instanceof HtmlWebpackPlugin &&
      (p as { userOptions: { filename?: string } }).userOptions.filename === "harness.html"
  );
  for (const p of config.plugins) {
    const o = (p as { userOptions: { template: string } }).userOptions;
    o.template = path.join(ROOT, o.template);
  }
  config.infrastructureLogging = { level: "error" };
  await runWebpack(config);
  return out;
}

/** Runs webpack on `config`; rejects with its errors when the build has any. */
export function runWebpack(config: unknown): Promise<void> {
  const webpack = require("webpack");
  return new Promise<void>((resolve, reject) =>
    webpack(
      config,
      (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
        if (err) reject(err);
        else if (stats.hasErrors()) reject(new Error(stats.toString("errors-only")));
        else resolve();
      }
    )
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
};

/** Serves a folder on 127.0.0.1 at a random port. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, path.normalize(rel).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  problems: string[];
  close: () => Promise<void>;
}

export async function launch(viewport = { width: 420, height: 900 }): Promise<Browser> {
  requireChromium();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: "zh-CN",
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
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => {
    // Chromium asks every site for /favicon.ico by itself; the page does not.
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) {
      problems.push(`console: ${m.text()} (${m.location().url})`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
