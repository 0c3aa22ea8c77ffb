/** Reviewing several files at once: worker threads when there are CPUs for it, else in turn. */
import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import { internalError } from "../core/i18n";
import type { Engine } from "./engine";
import { FileJob, FileOutcome, reviewFile } from "./review-file";

export interface PoolEvents {
  /** `fraction` of file `index` read (0–1). */
  progress(index: number, fraction: number, rows: number): void;
  done(index: number, outcome: FileOutcome): void;
}

/** The compiled worker beside this module, when this module is itself compiled JavaScript. */
export function workerScript(): string | null {
  if (!__filename.endsWith(".js")) return null;
  const p = path.join(__dirname, "worker.js");
  return fs.existsSync(p) ? p : null;
}

/**
 * Compressed .xlsx bytes reviewed side by side at most: a 76 MiB file of 1,000,000 ledger rows
 * peaks at about 1.3 GB, so two such files at once would pass the 2 GB aimed at.
 */
export const PARALLEL_BYTES = 48 * 2 ** 20;

export async function runJobs(
  jobs: FileJob[],
  concurrency: number,
  engine: Engine,
  events: PoolEvents,
  parallelBytes = PARALLEL_BYTES
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(jobs.length);
  const script = workerScript();
  const n = Math.min(concurrency, jobs.length);
  if (n <= 1 || !script) {
    for (let i = 0; i < jobs.length; i++) {
      let o: FileOutcome;
      try {
        o = await reviewFile(jobs[i], engine, (f, rows) => events.progress(i, f, rows));
      } catch (e) {
        o = failed(jobs[i], e);
      }
      outcomes[i] = o;
      events.done(i, o);
    }
    return outcomes;
  }

  const sizes = jobs.map((j) => {
    try {
      return fs.statSync(j.path).size;
    } catch {
      return 0;
    }
  });
  return new Promise<FileOutcome[]>((resolve) => {
    const idle: Worker[] = [];
    const current = new Map<Worker, number>();
    let next = 0;
    let inFlight = 0;
    let finished = false;

    const complete = (i: number, o: FileOutcome) => {
      outcomes[i] = o;
      inFlight -= sizes[i];
      events.done(i, o);
    };
    let alive = 0;
    let respawns = 0;
    // no worker left (they could not start): the remaining files are reviewed here
    const inProcess = async () => {
      for (; next < jobs.length; next++) {
        let o: FileOutcome;
        try {
          o = await reviewFile(jobs[next], engine);
        } catch (e) {
          o = failed(jobs[next], e);
        }
        outcomes[next] = o;
        events.done(next, o);
      }
      finished = true;
      resolve(outcomes);
    };
    const spawn = () => {
      const w = new Worker(script);
      alive++;
      w.on("message", (m: WorkerMessage) => {
        if (m.type === "progress") events.progress(m.id, m.fraction!, m.rows!);
        else if (m.type === "done") {
          current.delete(w);
          complete(m.id, m.outcome!);
          idle.push(w);
          dispatch();
        }
      });
      let crash: unknown = "worker stopped";
      w.on("error", (e) => (crash = e));
      w.on("exit", () => {
        // a worker that dies fails its file; a fresh worker takes its place
        const i = current.get(w);
        current.delete(w);
        const at = idle.indexOf(w);
        if (at >= 0) idle.splice(at, 1);
        alive--;
        if (i !== undefined && !outcomes[i]) complete(i, failed(jobs[i], crash));
        if (finished) return;
        // replace a worker that died on a file; one that died idle is not retried
        if (i !== undefined && respawns++ < jobs.length) spawn();
        if (alive === 0) void inProcess();
        else dispatch();
      });
      idle.push(w);
    };
    const dispatch = () => {
      while (idle.length > 0 && next < jobs.length) {
        if (!canStart(sizes[next], current.size, inFlight, parallelBytes)) break;
        const w = idle.pop()!;
        current.set(w, next);
        inFlight += sizes[next];
        w.postMessage({ id: next, job: jobs[next] });
        next++;
      }
      if (next >= jobs.length && current.size === 0 && !finished) {
        finished = true;
        void Promise.all(idle.map((w) => w.terminate())).then(() => resolve(outcomes));
      }
    };
    for (let k = 0; k < n; k++) spawn();
    dispatch();
  });
}

interface WorkerMessage {
  id: number;
  type: string;
  fraction?: number;
  rows?: number;
  outcome?: FileOutcome;
}

/**
 * Whether the next file may start while `running` others are under way: large files take
 * memory in proportion to their size, so files run side by side only while their sizes together
 * stay within `budget` bytes; a file larger than that runs alone.
 */
export function canStart(size: number, running: number, inFlight: number, budget: number): boolean {
  return running === 0 || inFlight + size <= budget;
}

function failed(job: FileJob, e: unknown): FileOutcome {
  return {
    path: job.path,
    sheets: [],
    findings: [],
    rows: 0,
    error: internalError(e),
  };
}
