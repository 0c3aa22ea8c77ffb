/**
 * Every package the code imports is declared in package.json, so that `npm ci` on a clean clone
 * installs it (an undeclared package works only while some other package happens to pull it in).
 * What ships in the add-in and the command line (src/, bin/) is a runtime dependency.
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT, importsOf, packageOf, read, sourceFiles } from "./imports";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
const declared = new Set([...runtime, ...Object.keys(pkg.devDependencies ?? {})]);

const rootConfigs = fs
  .readdirSync(ROOT)
  .filter((f) => /\.(js|mjs|cjs)$/.test(f) && fs.statSync(path.join(ROOT, f)).isFile());

/** Packages imported by `files` (type-only imports too when `withTypes`), each with its first file. */
function imported(files: string[], withTypes: boolean): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of files)
    for (const ref of importsOf(read(f))) {
      const p = packageOf(ref.specifier);
      if (p && (withTypes || !ref.typeOnly) && !found.has(p)) found.set(p, f);
    }
  return found;
}

/** This file's own samples of imports are not imports. */
const SELF = "test/tooling/dependencies.test.ts";
const everything = [
  ...["src", "test", "bench", "scripts", "bin"].flatMap(sourceFiles),
  ...rootConfigs,
].filter((f) => f !== SELF);

test("the scan reads every kind of import, and an undeclared package is caught", () => {
  const text = [
    'import a from "alpha";',
    'import type { B } from "@beta/pkg/sub";',
    'export { c } from "gamma/x";',
    'const d = require("delta");',
    'jest.mock("epsilon");',
    'const f = await import("zeta");',
    'import "./local";',
    'import * as fs from "node:fs";',
    '// import x from "commented";',
  ].join("\n");
  const refs = importsOf(text).map((r) => packageOf(r.specifier));
  expect(refs.filter(Boolean).sort()).toEqual(
    ["@beta/pkg", "alpha", "delta", "epsilon", "gamma", "zeta"].sort()
  );
  expect(importsOf(text).find((r) => r.specifier === "@beta/pkg/sub")?.typeOnly).toBe(true);
  expect(declared.has("alpha")).toBe(false);
});

test("the scan sees the repository's files (src, test, bench, scripts, bin, root configs)", () => {
  for (const dir of ["src/", "test/", "bench/", "scripts/", "bin/"])
    expect(everything.some((f) => f.startsWith(dir))).toBe(true);
  expect(everything).toContain("webpack.config.js");
  expect(everything).toContain("eslint.config.mjs");
  expect(imported(everything, true).size).toBeGreaterThan(20);
});

test("every package imported anywhere is declared in package.json", () => {
  const undeclared = [...imported(everything, true)]
    .filter(([p]) => !declared.has(p))
    .map(([p, f]) => `${p} (${f})`);
  expect(undeclared).toEqual([]);
});

test("what src/ and bin/ load at run time is a runtime dependency, not a devDependency", () => {
  const shipped = [...sourceFiles("src"), ...sourceFiles("bin")].filter(
    // the browser-test harness page is built only for tests
    (f) => !/^src\/taskpane\/harness/.test(f)
  );
  const devOnly = [...imported(shipped, false)]
    .filter(([p]) => !runtime.has(p))
    .map(([p, f]) => `${p} (${f})`);
  expect(devOnly).toEqual([]);
});

test("the shared configs package.json names (prettier's) are declared too", () => {
  expect(typeof pkg.prettier).toBe("string");
  expect(declared.has(pkg.prettier)).toBe(true);
  // eslint-plugin-prettier runs prettier, a peer it does not install itself
  expect(declared.has("prettier")).toBe(true);
});
