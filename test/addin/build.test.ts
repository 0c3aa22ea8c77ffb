/**
 * The production build: it succeeds, every URL in the built manifest names a built file, the
 * metadata exists in Chinese and English, every function has a section on the help page, and
 * the pages carry a Content-Security-Policy and load no remote code but Office's own script.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

const root = path.resolve(__dirname, "../..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "fund-build-"));
const PROD = "https://fund-compliance.example.gov.cn/";
/** Each module of the build and the chunks (by name) it is in. */
let moduleChunks: { name: string; chunks: string[] }[] = [];

beforeAll(async () => {
  // as IT builds it: `ADDIN_URL=https://…/ npm run build`
  process.env.ADDIN_URL = PROD;
  const configure = require(path.join(root, "webpack.config.js"));
  const config = await configure({}, { mode: "production" });
  config.mode = "production";
  config.context = root;
  config.output.path = out;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s)))
  );
  // the default (every field) but for what this test does not read
  const info = stats.toJson({ assets: false, source: false, reasons: false, ids: true });
  expect(info.errors).toEqual([]);
  const names = new Map((info.chunks ?? []).map((c) => [c.id, (c.names ?? []).join(",")]));
  // A module concatenated into another is listed inside it (nestedModules), in its chunks.
  const inChunks = new Map<string, string[]>();
  for (const m of info.modules ?? []) {
    const chunks = (m.chunks ?? []).map((c) => names.get(c) ?? String(c));
    for (const inner of m.modules ?? [m]) {
      if (chunks.length === 0) continue; // listed again inside the module it was concatenated into
      inChunks.set(inner.name ?? "", [...(inChunks.get(inner.name ?? "") ?? []), ...chunks]);
    }
  }
  moduleChunks = [...inChunks].map(([name, chunks]) => ({ name, chunks: chunks.sort() }));
}, 180000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]
    );

test("no source maps in the folder IT publishes: no .map file, no sourceMappingURL", () => {
  const files = filesUnder(out);
  expect(files.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(3);
  expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
  for (const f of files.filter((x) => /\.(js|html|css)$/.test(x))) {
    expect({
      f,
      map: fs.readFileSync(path.join(out, f), "utf8").includes("sourceMappingURL"),
    }).toEqual({
      f,
      map: false,
    });
  }
});

const read = (f: string) => fs.readFileSync(path.join(out, f), "utf8");

test("every URL in the built manifest points at the production host and a built file", () => {
  const manifest = read("manifest.xml");
  expect(manifest).not.toContain("localhost");
  const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) {
    expect(u.startsWith(PROD)).toBe(true);
    const file = u.slice(PROD.length).split(/[?#]/)[0];
    expect({ url: u, exists: fs.existsSync(path.join(out, file)) }).toEqual({
      url: u,
      exists: true,
    });
  }
});

test("metadata in Chinese (default) and English, with production help URLs and a help section each", () => {
  const zh = JSON.parse(read("functions.json"));
  const en = JSON.parse(read("functions.en-us.json"));
  expect(zh.functions.map((f: { id: string }) => f.id)).toEqual(
    en.functions.map((f: { id: string }) => f.id)
  );
  const help = read("help/functions.html");
  for (const f of zh.functions) {
    expect(f.description).toMatch(/[\u4e00-\u9fff]/);
    expect(f.helpUrl).toBe(`${PROD}help/functions.html#FUND.${f.id}`);
    expect(help).toMatch(new RegExp(`<section id="?FUND\\.${f.id.replace(".", "\\.")}"?>`));
  }
  expect(help).toContain("Content-Security-Policy");
});

test("the task pane page: CSP, our bundles, Office's script and nothing else remote; no eval", () => {
  const html = read("taskpane.html");
  const csp =
    /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
  // The policy comes before any script, so it governs all of them.
  expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(csp).not.toContain("unsafe-eval");
  const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]);
  expect(scripts.filter((s) => /^https?:/.test(s))).toEqual([
    "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  ]);
  // The functions first, in one script with the page's one webpack runtime (the hidden runtime
  // associates them as soon as it has run; issue 18); the pane UI (pane.js) and the functions'
  // code (fund-functions.js, fund-core.js) are not on the page: they are chunks fetched later.
  expect(scripts.filter((s) => !/^https?:/.test(s))).toEqual([
    "functions.js",
    "commands.js",
    "taskpane.js",
  ]);
  for (const b of ["pane.js", "fund-core.js", "fund-functions.js"])
    expect({ b, built: fs.existsSync(path.join(out, b)) }).toEqual({ b, built: true });
  // (the production page is minified: attribute quotes may be dropped)
  const preloads = new Map(
    [...html.matchAll(/<link[^>]*\brel="?preload"?[^>]*>/g)].map((m) => [
      /\bhref="?([^"\s>]+)/.exec(m[0])?.[1] ?? "",
      m[0],
    ])
  );
  // A page shown with a size fetches the pane's UI and the core alongside its scripts (no serial
  // waterfall before the first paint); the hidden runtime, a frame without a size, does not
  // match the media query: there the start-up script asks for the functions' code itself, once
  // the functions are associated.
  expect([...preloads.keys()].sort()).toEqual(["fund-core.js", "pane.js"]);
  for (const p of preloads.values()) {
    expect(p).toMatch(/\bas="?script[\s">]/);
    expect(p).toMatch(/\bmedia="\(min-width:\s*1px\)\s*and\s*\(min-height:\s*1px\)"/);
  }
  const bundles = [
    ...scripts.filter((s) => !/^https?:/.test(s)),
    "fund-functions.js",
    "fund-core.js",
    "pane.js",
  ];
  for (const b of bundles) expect(read(b)).not.toMatch(/\beval\(/);
  // Every function is associated at start-up, in functions.js, and nowhere else.
  const zh = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
  for (const { id } of zh.functions)
    expect({ id, at: read("functions.js").includes(`["${id}","`) }).toEqual({ id, at: true });
  for (const b of bundles.filter((x) => x !== "functions.js"))
    expect({ b, associates: /CustomFunctions\.associate\(/.test(read(b)) }).toEqual({
      b,
      associates: false,
    });
  // The core is in fund-core.js once: not in the start-up script, not copied into the pane's chunk.
  const marker = "GX34-13-CENTRAL_ADVANCE"; // a rule id from src/core/deadlines
  expect(bundles.filter((b) => read(b).includes(marker))).toEqual(["fund-core.js"]);
  const core = moduleChunks.filter((m) =>
    /src\/core\/|node_modules\/(decimal\.js|chinese-days|opencc-js)\//.test(m.name)
  );
  expect(core.length).toBeGreaterThan(10);
  // Each core module in one chunk — the shared core, or the chunk of the only side that uses
  // it (functions or pane) — and none in the scripts the page runs at start-up.
  for (const m of core) {
    expect({ name: m.name, copies: m.chunks.length }).toEqual({ name: m.name, copies: 1 });
    expect(["fund-core", "fund-functions", "pane"]).toContain(m.chunks[0]);
  }
  expect(core.filter((m) => m.chunks[0] === "fund-core").length).toBeGreaterThan(10);
  expect(fs.existsSync(path.join(out, "shared.js"))).toBe(false);
  // What the hidden runtime runs before the functions are associated is tiny.
  const size = (b: string) => fs.statSync(path.join(out, b)).size;
  expect(size("functions.js")).toBeLessThan(8 * 1024); // with the webpack runtime
  expect(size("taskpane.js")).toBeLessThan(4 * 1024);
  const sizes = bundles.map((b) => `${b} ${(size(b) / 1024).toFixed(1)} KiB`);
  console.log(`production bundles (minified): ${sizes.join(", ")}`);
});

test("help pages: the committed functions.html is the built one, one stylesheet, links resolve in source and build", () => {
  const src = path.join(root, "src/help");
  // `npm run help` refreshes the source copy after the function docs change.
  expect(fs.readFileSync(path.join(src, "functions.html"), "utf8")).toBe(
    read("help/functions.html")
  );
  for (const dir of [src, path.join(out, "help")]) {
    const pages = fs.readdirSync(dir).filter((f) => f.endsWith(".html"));
    expect(pages.sort()).toEqual(["functions.html", "index.html"]);
    for (const page of pages) {
      const html = fs.readFileSync(path.join(dir, page), "utf8");
      expect({ page, style: /<link rel="?stylesheet"? href="?help\.css"?>/.test(html) }).toEqual({
        page,
        style: true,
      });
      expect(html).not.toContain("<style");
      const links = [...html.matchAll(/(?:href|src)="?([^"#\s>]*)/g)]
        .map((m) => m[1])
        .filter((l) => l !== "");
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) {
        expect({ dir, page, link: l, exists: fs.existsSync(path.join(dir, l)) }).toEqual({
          dir,
          page,
          link: l,
          exists: true,
        });
      }
    }
  }
});
