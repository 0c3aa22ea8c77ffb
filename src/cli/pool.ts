/** Reviewing several files at once: worker threads when there are CPUs for it, else in turn. */
import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import { bi } from "../core/i18n";
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

export async function runJobs(
  jobs: FileJob[],
  concurrency: number,
  engine: Engine,
  events: PoolEvents
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

  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const w = new Worker(script);
      let current = -1;
      const feed = () => {
        if (next >= jobs.length) {
          void w.terminate().then(() => resolve());
          return;
        }
        current = next++;
        w.postMessage({ id: current, job: jobs[current] });
      };
      w.on(
        "message",
        (m: {
          id: number;
          type: string;
          fraction?: number;
          rows?: number;
          outcome?: FileOutcome;
        }) => {
          if (m.type === "progress") events.progress(m.id, m.fraction!, m.rows!);
          else if (m.type === "done") {
            outcomes[m.id] = m.outcome!;
            events.done(m.id, m.outcome!);
            feed();
          }
        }
      );
      w.on("error", (e) => {
        // a worker that dies fails its file; the others go on
        if (current >= 0 && !outcomes[current]) {
          outcomes[current] = failed(jobs[current], e);
          events.done(current, outcomes[current]);
        }
        resolve();
      });
      feed();
    });
  await Promise.all(Array.from({ length: n }, runWorker));
  // files a dead worker never reached
  for (let i = 0; i < jobs.length; i++) {
    if (!outcomes[i]) {
      try {
        outcomes[i] = await reviewFile(jobs[i], engine);
      } catch (e) {
        outcomes[i] = failed(jobs[i], e);
      }
      events.done(i, outcomes[i]);
    }
  }
  return outcomes;
}

function failed(job: FileJob, e: unknown): FileOutcome {
  return {
    path: job.path,
    sheets: [],
    findings: [],
    rows: 0,
    error: bi(`审查时出错：${String(e)}`, `error while reviewing: ${String(e)}`),
  };
}
