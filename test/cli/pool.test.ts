import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PARALLEL_BYTES, canStart, runJobs } from "../../src/cli/pool";
import type { FileJob, FileOutcome } from "../../src/cli/review-file";
import { fakeEngine } from "./fake-engine";

test("files run side by side only while their sizes together fit the memory budget", () => {
  const MiB = 2 ** 20;
  expect(canStart(5 * MiB, 0, 0, PARALLEL_BYTES)).toBe(true);
  expect(canStart(5 * MiB, 1, 5 * MiB, PARALLEL_BYTES)).toBe(true);
  // a 1,000,000-row ledger (76 MiB) waits for the others, then runs alone
  expect(canStart(76 * MiB, 1, 5 * MiB, PARALLEL_BYTES)).toBe(false);
  expect(canStart(76 * MiB, 0, 0, PARALLEL_BYTES)).toBe(true);
  expect(canStart(1 * MiB, 1, 76 * MiB, PARALLEL_BYTES)).toBe(false);
});

describe("workers: a file over its time budget or whose worker dies fails alone", () => {
  const SCRIPT = path.join(__dirname, "fixtures", "pool-worker.js");
  const names = ["good1", "hang", "good2", "spin", "exit", "throw", "abort", "good3"];
  const job = (name: string): FileJob => ({
    path: `/nowhere/${name}.xlsx`,
    params: { asOf: 46349 },
    asOfText: "2026-11-23",
    lang: "zh",
  });

  test.each([1, 3])(
    "with %i worker(s): every file ends, in its own slot",
    async (n) => {
      const done: number[] = [];
      const started = Date.now();
      const outcomes = await runJobs(
        names.map(job),
        n,
        fakeEngine(),
        { progress: () => undefined, done: (i) => done.push(i) },
        { timeoutMs: 2500, script: SCRIPT }
      );
      const by = (name: string) => outcomes[names.indexOf(name)] as FileOutcome;
      for (const g of ["good1", "good2", "good3"]) {
        expect(by(g)).toEqual({ path: `/nowhere/${g}.xlsx`, sheets: [], findings: [], rows: 3 });
      }
      for (const t of ["hang", "spin"]) {
        expect(by(t).error?.en).toBe(
          "the review took longer than 2.5 s and was stopped; this file was not reviewed (see --timeout)"
        );
      }
      expect(by("exit").error?.en).toMatch(
        /stopped unexpectedly; it was not reviewed \(exit code 7\)/
      );
      expect(by("throw").error?.en).toMatch(
        /stopped unexpectedly; it was not reviewed \(exit code 1: Error: boom in the worker\)/
      );
      // a process-wide abort (as a V8 fatal error) fails its own file only
      expect(by("abort").error?.en).toMatch(
        /stopped unexpectedly; it was not reviewed \(signal SIGABRT/
      );
      expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      // two budgets at most in series with one worker, never a hang
      expect(Date.now() - started).toBeLessThan(20000);
    },
    30000
  );

  test("a worker stopped while writing a report leaves no temporary file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-pool-"));
    try {
      const jobs = ["spin", "good"].map((n) => ({
        ...job(n),
        report: path.join(dir, `${n}.review.xlsx`),
      }));
      const outcomes = await runJobs(
        jobs,
        1,
        fakeEngine(),
        { progress: () => undefined, done: () => undefined },
        { timeoutMs: 2500, script: SCRIPT }
      );
      expect(outcomes[0].error?.en).toMatch(/took longer than 2\.5 s/);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30000);
});
