/**
 * The import graph of the repository's own code, read from the text of each file (no compiler):
 * static imports and re-exports, `import("x")`, `require("x")` and `jest.mock("x")`. Used by the
 * dependency, layer and cycle tests.
 */
import * as fs from "fs";
import * as path from "path";
import { builtinModules } from "module";

export const ROOT = path.resolve(__dirname, "../..");

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

/** Every source file under `dir` (relative to the repository), skipping node_modules. */
export function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(rel);
    return SOURCE.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** Comments removed (roughly: enough that a commented-out import is not read as one). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/(^|[^:\\"'`])\/\/.*$/gm, "$1");
}

export interface ImportRef {
  specifier: string;
  /** `import type …` / `export type … from`: erased when compiled. */
  typeOnly: boolean;
}

/** The module specifiers a file's text names, in order. */
export function importsOf(text: string): ImportRef[] {
  const src = withoutComments(text);
  const out: ImportRef[] = [];
  const staticRe =
    /(?:^|[;\s])(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']/g;
  for (const m of src.matchAll(staticRe)) out.push({ specifier: m[3], typeOnly: Boolean(m[2]) });
  const callRe = /(?:\brequire|\bimport|\bjest\.mock|\brequire\.resolve)\s*\(\s*["']([^"']+)["']/g;
  for (const m of src.matchAll(callRe)) out.push({ specifier: m[1], typeOnly: false });
  return out;
}

const BUILTIN = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The npm package a bare specifier names ("@scope/name/sub" → "@scope/name"), or null. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("/")) return null;
  if (BUILTIN.has(specifier) || BUILTIN.has(specifier.split("/")[0])) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The file a relative specifier of `from` resolves to (extension and /index tried), or null. */
export function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const tries = [
    base,
    ...[".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"].map((e) => base + e),
    ...["/index.ts", "/index.tsx", "/index.js"].map((e) => base + e),
  ];
  for (const t of tries) {
    const abs = path.join(ROOT, t);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return t;
  }
  return null;
}

export function read(rel: string): string {
  return fs.readFileSync(path.join(ROOT, rel), "utf8");
}
