/**
 * Finding the team's own copies of the source texts and samples, kept beside the checkout on the
 * team's machines (not in the repository), with the copies kept in test/ as the fallback so the
 * tests run the same from a fresh clone.
 */
import * as fs from "fs";
import * as path from "path";

export const repoRoot = path.resolve(__dirname, "../../..");

/** The team's copy of <rel> beside the checkout (or beside its parent, for a worktree), if any. */
export function sharedFile(rel: string): string | null {
  for (const base of [
    path.resolve(repoRoot, "../shared"),
    path.resolve(repoRoot, "../../shared"),
  ]) {
    const p = path.join(base, rel);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

export interface Labelled {
  line: number;
  text: string;
  code: string | null;
  expected: string;
}

/** text<TAB>code<TAB>expected, '#' lines are comments. */
export function readTsv(file: string): Labelled[] {
  const out: Labelled[] = [];
  fs.readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === "" || raw.startsWith("#")) return;
      const [text, code, expected] = raw.split("\t");
      out.push({ line: i + 1, text, code: code ? code : null, expected: (expected ?? "").trim() });
    });
  return out;
}
