/**
 * Writes the table of finding kinds (src/core/review/kinds/table.ts) into docs/adding-a-rule.md,
 * between its markers. Run after adding or changing a kind: npm run docs:kinds
 */
import * as fs from "fs";
import * as path from "path";
import { KIND_MODULES } from "../src/core/review/kinds";
import { kindsTable } from "../src/core/review/kinds/table";

export const DOC = path.join(__dirname, "..", "docs", "adding-a-rule.md");
export const START = "<!-- kinds-table:start (npm run docs:kinds) -->";
export const END = "<!-- kinds-table:end -->";

const text = fs.readFileSync(DOC, "utf8");
const a = text.indexOf(START);
const b = text.indexOf(END);
if (a < 0 || b < a) {
  console.error(`${DOC}: markers not found`);
  process.exitCode = 1;
} else {
  fs.writeFileSync(
    DOC,
    `${text.slice(0, a + START.length)}\n${kindsTable(KIND_MODULES)}\n${text.slice(b)}`
  );
}
