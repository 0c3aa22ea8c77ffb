/**
 * `npm run build` as IT runs it: without ADDIN_URL, or with an address Office would not load, the
 * production build stops (non-zero exit, the reason printed) before writing anything to dist/.
 * The successful build with ADDIN_URL, and its check that no source map is published, is
 * test/addin/build.test.ts.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const webpackCli = require.resolve("webpack-cli/bin/cli.js");

/** Runs the build script's command into a fresh folder, with ADDIN_URL as given. */
function build(addinUrl: string | undefined, extra: string[] = []) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "fund-build-url-"));
  const env = { ...process.env };
  delete env.ADDIN_URL;
  if (addinUrl !== undefined) env.ADDIN_URL = addinUrl;
  const r = spawnSync(
    process.execPath,
    [webpackCli, "--mode", "production", "--output-path", out, ...extra],
    { cwd: root, env, encoding: "utf8", timeout: 120000 }
  );
  const written = fs.readdirSync(out);
  fs.rmSync(out, { recursive: true, force: true });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, written };
}

test("without ADDIN_URL the production build stops and writes nothing", () => {
  const r = build(undefined);
  expect(r.status).not.toBe(0);
  expect(r.output).toContain("the publishing address is not set; the production build stopped");
  expect(r.output).toContain("没有给出发布地址");
  expect(r.written).toEqual([]);
});

test("an http address, or one without the trailing slash, stops the build", () => {
  const http = build("http://intranet.example.gov.cn/fund/");
  expect(http.status).not.toBe(0);
  expect(http.output).toContain("must begin with https://");
  expect(http.written).toEqual([]);
  const slash = build("https://intranet.example.gov.cn/fund");
  expect(slash.status).not.toBe(0);
  expect(slash.output).toContain('must end with "/"');
  expect(slash.written).toEqual([]);
});

test("--env local configures the production build for the dev server's address", async () => {
  const configure = require(path.join(root, "webpack.config.js"));
  const saved = process.env.ADDIN_URL;
  delete process.env.ADDIN_URL;
  try {
    await expect(configure({}, { mode: "production" })).rejects.toThrow(/ADDIN_URL/);
    const config = await configure({ local: true }, { mode: "production" });
    const localize = config.plugins.find(
      (p: { constructor: { name: string } }) => p.constructor.name === "LocalizeFunctionsPlugin"
    );
    expect(localize.options.baseUrl).toBe("https://localhost:3000/");
    expect(config.devtool).toBe(false);
  } finally {
    if (saved !== undefined) process.env.ADDIN_URL = saved;
  }
});
