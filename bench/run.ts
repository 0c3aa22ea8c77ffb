/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named: `npm run bench -- calendar`),
 * each printing its own figures and its ratio against a baseline measured in the same run.
 */
import * as fs from "fs";
import * as path from "path";

async function main() {
  const wanted = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
    .sort();
  for (const f of files) {
    console.log(`\n== ${f}`);

    const mod = require(path.join(__dirname, f)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
