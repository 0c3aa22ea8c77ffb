/**
 * Reviewing several files at once, each in a child process (lib/cli/worker.js) with a time
 * budget. A child that runs over its budget is killed; one that crashes, exits or aborts (a
 * V8 fatal error ends a whole process, worker threads and all — hence processes, not threads)
 * fails only its own file; either way a fresh child takes its place and the other files go on.
 * Without a compiled worker (unit tests under ts-jest) the files are reviewed in this process,
 * in turn, with the same budget.
 */
import { PackedOutcome, listedOnly, unpackOutcome } from "./outcome-pack";
import * as fs from "fs";
import * as path from "path";
import { ChildProcess, fork } from "child_process";
import { Bilingual, bi } from "../core/i18n";
import type { ReviewEngine } from "../workbook/review/engine";
import { RUN_ID_ENV, removeTemporaries } from "./report";
import { FileJob, FileOutcome, reviewFile } from "./review-file";

export interface PoolEvents {
  /** `fraction` of file `index` read (0–1). */
  progress(index: number, fraction: number, rows: number): void;
  done(index: number, outcome: FileOutcome): void;
}

export interface PoolOptions {
  /** Per-file time budget in milliseconds. */
  timeoutMs: number;
  /**
   * Child script; null: in this process. Default: the compiled worker beside this module when the
   * engine names its module (ReviewEngine.module), else in this process — a child reviews with
   * the engine it was given, never another.
   */
  script?: string | null;
  /** See PARALLEL_BYTES. */
  parallelBytes?: number;
}

/**
 * Peak resident memory (bytes) of the child processes so far, as they report it: the command's
 * own `maxRSS` does not include them (bench/cli.bench.ts adds the two).
 */
export const poolStats = { childMaxRss: 0, childCpuMs: 0 };

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

/** The outcome of a file that was not reviewed. */
export function notReviewed(job: FileJob, reason: Bilingual): FileOutcome {
  return { path: job.path, sheets: [], findings: [], rows: 0, error: reason };
}

export function timedOut(job: FileJob, ms: number): FileOutcome {
  const s = Math.round(ms / 100) / 10;
  return notReviewed(
    job,
    bi(
      `审查超过时限 ${s} 秒，已停止，此文件未审查（可用 --timeout 放宽时限）`,
      `the review took longer than ${s} s and was stopped; this file was not reviewed (see --timeout)`
    )
  );
}

/** The outcome of a file whose reviewing process ended without an answer. */
function crashed(
  job: FileJob,
  code: number | null,
  signal: string | null,
  stderr: string
): FileOutcome {
  if (/heap out of memory|Allocation failed|ERR_WORKER_OUT_OF_MEMORY/.test(stderr)) {
    return notReviewed(
      job,
      bi(
        "审查此文件时内存不足，已停止；此文件未审查",
        "ran out of memory reviewing this file; it was not reviewed"
      )
    );
  }
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  // the message a crash prints ("Error: …", "# Fatal JavaScript …"), not its stack
  const lines = stderr.split("\n").map((l) => l.replace(/^#\s*/, "").trim());
  const said =
    lines.find((l) => /^([A-Za-z]*Error\b|Fatal JavaScript|FATAL ERROR)/.test(l)) ??
    lines.filter((l) => /error|fatal/i.test(l)).pop();
  const detail = said ? `${how}: ${said.slice(0, 300)}` : how;
  return notReviewed(
    job,
    bi(
      `审查此文件的进程意外停止，此文件未审查（${detail}）`,
      `the process reviewing this file stopped unexpectedly; it was not reviewed (${detail})`
    )
  );
}

/** `p`, or `onTimeout()` when it has not settled within `ms`. */
async function within<T>(p: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function inProcess(
  job: FileJob,
  i: number,
  engine: ReviewEngine,
  events: PoolEvents,
  timeoutMs: number
): Promise<FileOutcome> {
  const review = reviewFile(job, engine, (f, rows) => events.progress(i, f, rows)).catch((e) => {
    const detail = e instanceof Error ? e.message : String(e);
    return notReviewed(
      job,
      bi(`审查时出错，此文件未审查：${detail}`, `error while reviewing; not reviewed: ${detail}`)
    );
  });
  const listed = job.listFindings;
  return within(
    listed === undefined ? review : review.then((o) => listedOnly(o, listed)),
    timeoutMs,
    () => timedOut(job, timeoutMs)
  );
}

export async function runJobs(
  jobs: FileJob[],
  concurrency: number,
  engine: ReviewEngine,
  events: PoolEvents,
  opts: PoolOptions
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(jobs.length);
  const script = opts.script !== undefined ? opts.script : engine.module ? workerScript() : null;
  const budget = opts.parallelBytes ?? PARALLEL_BYTES;
  const n = Math.max(1, Math.min(concurrency, jobs.length));
  if (!script || jobs.length === 0) {
    for (let i = 0; i < jobs.length; i++) {
      outcomes[i] = await inProcess(jobs[i], i, engine, events, opts.timeoutMs);
      events.done(i, outcomes[i]);
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
    const idle: ChildProcess[] = [];
    const current = new Map<ChildProcess, number>();
    const timers = new Map<ChildProcess, NodeJS.Timeout>();
    /** Settles when a child has ended and its stderr is read. */
    const closed = new Map<ChildProcess, Promise<void>>();
    /** Children stopped for running over their budget (replaced when they have ended). */
    const stopped = new Set<ChildProcess>();
    let next = 0;
    let inFlight = 0;
    let alive = 0;
    let settled = false;
    // a child stopped while writing a report leaves its temporary file: removed at the end
    const cleanUp = () =>
      jobs.forEach((j, i) => {
        if (j.report && outcomes[i]?.error) removeTemporaries(j.report);
      });
    const end = async (children: ChildProcess[]) => {
      await Promise.all([
        ...children.map((w) => closed.get(w)),
        ...[...stopped].map((w) => closed.get(w)),
      ]);
      cleanUp();
      resolve(outcomes);
    };

    /** Records file i's outcome once (a late message after a timeout is ignored). */
    const finish = (w: ChildProcess, i: number, o: FileOutcome) => {
      clearTimeout(timers.get(w));
      timers.delete(w);
      current.delete(w);
      if (outcomes[i]) return;
      outcomes[i] = o;
      inFlight -= sizes[i];
      events.done(i, o);
    };

    // no child could start: the remaining files are reviewed here, in turn
    const fallBack = async () => {
      for (; next < jobs.length; next++) {
        outcomes[next] = await inProcess(jobs[next], next, engine, events, opts.timeoutMs);
        events.done(next, outcomes[next]);
      }
      settled = true;
      await end([]);
    };

    const spawn = (): void => {
      let w: ChildProcess;
      try {
        w = fork(script, [], {
          execArgv: [],
          env: { ...process.env, [RUN_ID_ENV]: String(process.pid) },
          serialization: "advanced",
          stdio: ["ignore", "ignore", "pipe", "ipc"],
        });
      } catch {
        return;
      }
      alive++;
      let stderr = "";
      w.stderr?.setEncoding("utf8");
      w.stderr?.on("data", (d: string) => (stderr = (stderr + d).slice(-8000)));
      let ended = false;
      let onClosed: () => void = () => undefined;
      closed.set(w, new Promise<void>((r) => (onClosed = r)));
      const ending = (code: number | null, signal: string | null) => {
        if (ended) return;
        ended = true;
        onClosed();
        alive--;
        const at = idle.indexOf(w);
        if (at >= 0) idle.splice(at, 1);
        const i = current.get(w);
        const replaced = i !== undefined || stopped.has(w);
        if (i !== undefined) finish(w, i, crashed(jobs[i], code, signal, stderr));
        if (settled) return;
        // a child that died on a file is replaced; one that died idle (cannot start) is not
        if (replaced && next < jobs.length) spawn();
        if (alive === 0) void fallBack();
        else dispatch();
      };
      w.on("message", (m: WorkerMessage) => {
        const i = current.get(w);
        if (i === undefined || m.id !== i) return;
        if (m.type === "progress") events.progress(i, m.fraction ?? 0, m.rows ?? 0);
        else if (m.type === "done") {
          poolStats.childMaxRss = Math.max(poolStats.childMaxRss, m.maxRss ?? 0);
          poolStats.childCpuMs += m.cpuMs ?? 0;
          finish(w, i, m.packed ? unpackOutcome(m.packed) : m.outcome!);
          idle.push(w);
          dispatch();
        }
      });
      w.on("error", (e) => {
        stderr += `\n${e.message}`;
        if (w.pid === undefined) ending(null, null); // it never started
      });
      w.on("close", ending);
      idle.push(w);
    };

    const dispatch = () => {
      while (idle.length > 0 && next < jobs.length) {
        if (!canStart(sizes[next], current.size, inFlight, budget)) break;
        const w = idle.pop()!;
        const i = next++;
        current.set(w, i);
        inFlight += sizes[i];
        timers.set(
          w,
          setTimeout(() => {
            finish(w, i, timedOut(jobs[i], opts.timeoutMs));
            stopped.add(w);
            w.kill("SIGKILL");
          }, opts.timeoutMs)
        );
        w.send({ id: i, job: jobs[i], engine: engine.module });
      }
      if (next >= jobs.length && current.size === 0 && !settled) {
        settled = true;
        const rest = idle.splice(0);
        for (const w of rest) w.kill();
        void end(rest);
      }
    };
    for (let k = 0; k < n; k++) spawn();
    if (alive === 0) void fallBack();
    else dispatch();
  });
}

interface WorkerMessage {
  id: number;
  type: string;
  fraction?: number;
  rows?: number;
  outcome?: FileOutcome;
  packed?: PackedOutcome;
  maxRss?: number;
  /** CPU time (user + system) the child spent on this file, ms (for the benchmark). */
  cpuMs?: number;
}

/**
 * Whether the next file may start while `running` others are under way: large files take
 * memory in proportion to their size, so files run side by side only while their sizes together
 * stay within `budget` bytes; a file larger than that runs alone.
 */
export function canStart(size: number, running: number, inFlight: number, budget: number): boolean {
  return running === 0 || inFlight + size <= budget;
}
