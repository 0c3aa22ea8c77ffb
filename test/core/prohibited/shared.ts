/**
 * Finding the team's shared files (../shared next to the repository) for tests, with the copies
 * kept in test/ as a fallback so the tests still run from a fresh clone without shared/.
 */
import * as fs from "fs";
import * as path from "path";

export const repoRoot = path.resolve(__dirname, "../../..");

/** The first existing of ../shared/<rel> and ../../shared/<rel> (a worktree one level down). */
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
