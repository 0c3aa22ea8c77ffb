/** Which files a `review` command line means: files as given, folders searched for .xlsx. */
import * as fs from "fs";
import * as path from "path";

/** Our own output: never reviewed again when a folder is searched. */
export const REPORT_SUFFIX = ".review.xlsx";

function isCandidate(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.endsWith(".xlsx") &&
    !name.startsWith("~$") &&
    !lower.endsWith(REPORT_SUFFIX.toLowerCase())
  );
}

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && isCandidate(e.name)) out.push(p);
  }
}

export interface Expanded {
  files: string[];
  /** Arguments that named nothing usable (missing path, empty folder). */
  problems: { arg: string; zh: string; en: string }[];
}

/**
 * Files given by name are kept whatever their extension (so a bad file is reported, not
 * ignored); folders contribute their .xlsx files, sorted, without duplicates.
 */
export function expandInputs(args: string[]): Expanded {
  const files: string[] = [];
  const problems: Expanded["problems"] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(p);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(p);
    }
  };
  for (const arg of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(arg);
    } catch {
      problems.push({ arg, zh: "找不到此文件或文件夹", en: "no such file or folder" });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(arg, found);
      if (found.length === 0) {
        problems.push({ arg, zh: "文件夹中没有 .xlsx 文件", en: "no .xlsx file in this folder" });
      }
      found.forEach(add);
    } else {
      add(arg);
    }
  }
  return { files, problems };
}

/** Where the report for `input` goes: `<out or input's folder>/<name>.review.xlsx`. */
export function reportPath(input: string, outDir?: string): string {
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  return path.join(outDir ?? path.dirname(input), base + REPORT_SUFFIX);
}
