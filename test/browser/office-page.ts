/**
 * The add-in's production page in Chromium without Office: a production build (the project's own
 * webpack config, or a baseline commit's), served on 127.0.0.1 with office.js replaced by a small
 * stand-in. Used by the start-up browser test (test/browser/startup.test.ts) and the start-up
 * bench (bench/startup.bench.ts).
 *
 * The stand-in: Office.onReady resolves at once (host Excel); CustomFunctions.associate records
 * each function in `window.__fund` ({ ids, fns, functionsAt }); Excel.run never settles (a pane
 * asking the workbook for something just waits).
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { runWebpack } from "./harness";

export const OFFICE_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** What `window.__fund` holds in a page served with the stand-in. */
export interface FundProbe {
  ids: string[];
  fns: Record<string, (...args: unknown[]) => unknown>;
  functionsAt: number;
  /** With `firstCall`: when its answer was there, and the answer. */
  firstAt?: number;
  answer?: unknown;
}

/**
 * The office.js stand-in. `firstCall`: as Excel's first recalculation would, call this function
 * once the script that associated the functions has run (a task after the first `associate`),
 * and record when its answer is there (awaited when it is a Promise).
 */
export function officeStub(firstCall?: { id: string; args: unknown[] }): string {
  return `
(function () {
  var ready = Promise.resolve({ host: "Excel", platform: "PC" });
  window.Office = {
    onReady: function (cb) { return ready.then(function (i) { if (cb) cb(i); return i; }); },
    context: { displayLanguage: "zh-CN" },
    actions: { associate: function () {} },
    addin: {
      showAsTaskpane: function () { return Promise.resolve(); },
      onVisibilityModeChanged: function () { return Promise.resolve(function () {}); }
    }
  };
  function CFError(code, message) { this.code = code; this.message = message; }
  var FIRST = ${JSON.stringify(firstCall ?? null)};
  window.CustomFunctions = {
    Error: CFError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", invalidReference: "#REF!" },
    associate: function (id, fn) {
      var f = window.__fund;
      if (!f) {
        f = window.__fund = { ids: [], fns: {} };
        if (FIRST) setTimeout(function () {
          Promise.resolve(f.fns[FIRST.id].apply(null, FIRST.args)).then(function (v) {
            f.firstAt = performance.now();
            f.answer = v;
          });
        }, 0);
      }
      f.ids.push(id);
      f.fns[id] = fn;
      f.functionsAt = performance.now();
    }
  };
  window.Excel = { run: function () { return new Promise(function () {}); } };
})();
`;
}

/**
 * A production build of the webpack config in `configDir` (this worktree, or a baseline's
 * sources) into `out`, for this machine (`--env local`: no publishing address needed).
 */
export async function buildAddin(configDir: string, out: string): Promise<void> {
  const makeConfig = require(path.join(configDir, "webpack.config.js"));
  const config = await makeConfig({ local: true }, { mode: "production" });
  config.mode = "production";
  config.context = configDir;
  config.output = { ...config.output, path: out };
  config.infrastructureLogging = { level: "error" };
  // The custom-functions metadata plugin finds its sources relative to the working directory.
  const cwd = process.cwd();
  process.chdir(configDir);
  try {
    await runWebpack(config);
  } finally {
    process.chdir(cwd);
  }
}

export interface AddinServer {
  url: string;
  /** Files asked for, in order (path without the leading /). */
  requests: string[];
  /** Answers held back (`hold`) are sent now, and later ones at once. */
  release: () => void;
  /** While set, files matching it answer 404 (a failed download). */
  failing: RegExp | null;
  close: () => Promise<void>;
}

/**
 * Serves a build on 127.0.0.1, its pages' office.js pointed at the stand-in. `hold`: files whose
 * answer waits for `release()` (a slow network for them).
 */
export async function serveAddin(
  dir: string,
  options: { stub: string; hold?: RegExp }
): Promise<AddinServer> {
  let released = !options.hold;
  const waiting: Array<() => void> = [];
  const s: AddinServer = {
    url: "",
    requests: [],
    release: () => {
      released = true;
      waiting.splice(0).forEach((send) => send());
    },
    failing: null,
    close: async () => {
      s.release();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // the browser may keep its connections open
      await closed;
    },
  };
  const server = http.createServer((req, res) => {
    const rel = new URL(req.url ?? "/", "http://x").pathname.replace(/^\/+/, "");
    s.requests.push(rel);
    if (rel === "office-stub.js") {
      res.writeHead(200, { "Content-Type": "text/javascript" }).end(options.stub);
      return;
    }
    const file = path.join(dir, path.normalize(rel));
    if (
      !file.startsWith(dir) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory() ||
      s.failing?.test(rel)
    ) {
      res.writeHead(404).end();
      return;
    }
    const send = () => {
      if (file.endsWith(".html")) {
        const html = fs.readFileSync(file, "utf8").replace(OFFICE_URL, "/office-stub.js");
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
        return;
      }
      res.writeHead(200, {
        "Content-Type": file.endsWith(".js") ? "text/javascript" : "application/octet-stream",
      });
      fs.createReadStream(file).pipe(res);
    };
    if (!released && options.hold?.test(rel)) waiting.push(send);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return s;
}
