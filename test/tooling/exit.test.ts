/**
 * No process.exit() in the code we run: it can cut stdout short when it is a pipe (the last
 * writes are still queued). Commands set process.exitCode and return, so Node ends once output
 * has drained. (test/cli/e2e.test.ts pipes a JSON report far above 64 KiB through a slow reader.)
 * Test fixtures that stand for a crashing child may still exit at once.
 */
import { read, sourceFiles } from "./imports";

test("src, bin, bench and scripts never call process.exit()", () => {
  const calls = ["src", "bin", "bench", "scripts"]
    .flatMap(sourceFiles)
    .flatMap((f) =>
      read(f)
        .split("\n")
        .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
        .filter(({ line }) => /\bprocess\.exit\s*\(/.test(line.replace(/\/\/.*$/, "")))
    )
    .map(({ where, line }) => `${where}: ${line.trim()}`);
  expect(calls).toEqual([]);
});
