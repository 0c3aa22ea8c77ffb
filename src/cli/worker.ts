/**
 * A child process reviewing whole files for the command line (compiled to lib/cli/worker.js,
 * started by pool.ts with an IPC channel). Messages in: {id, job, engine}, where engine is the
 * module of the command's review engine (ReviewEngine.module). Messages out:
 * {id, type: "progress", fraction, rows} and {id, type: "done", packed (outcome-pack.ts), maxRss, cpuMs}.
 */
import { bi, internalError } from "../core/i18n";
import type { ReviewEngine } from "../workbook/review/engine";
import { FileJob, FileOutcome, reviewFile } from "./review-file";
import { listedOnly, packOutcome } from "./outcome-pack";

/** The engine the command reviews with: the `engine` export of its module. */
function engineOf(module: string | undefined): ReviewEngine {
  if (!module) throw new Error("the command named no review engine for this child");
  // a module named at run time
  const loaded = require(module) as { engine?: ReviewEngine };
  if (!loaded.engine) throw new Error(`${module} exports no review engine`);
  return loaded.engine;
}

/** Thrown from the progress callback once the command is gone, to stop the file under way. */
class Abandoned extends Error {}

if (process.send) {
  // nothing to say once the command that started this process is gone
  const send = (m: unknown) => {
    if (process.connected) process.send!(m);
  };
  let busy: { id: number; job: FileJob } | null = null;
  let abandoned = false;
  let cpuBefore = 0;
  const answer = (id: number, outcome: FileOutcome) => {
    const listed = busy?.job.listFindings;
    busy = null;
    // its own peak memory, for the benchmark (the command's own figure leaves children out)
    const u = process.resourceUsage();
    const cpu = (u.userCPUTime + u.systemCPUTime) / 1000;
    send({
      id,
      type: "done",
      packed: packOutcome(listed === undefined ? outcome : listedOnly(outcome, listed)),
      maxRss: u.maxRSS * 1024,
      cpuMs: cpu - cpuBefore,
    });
    process.channel?.ref(); // wait for the next file
  };
  // The command that started this process is gone: nothing is left to answer, and a report
  // written now would be for nobody. An idle child ends by itself (the channel was all that kept
  // it alive); a busy one stops its file at the next progress step. No process.exit(): the
  // process ends when nothing is left to do, with this status.
  process.on("disconnect", () => {
    abandoned = true;
    process.exitCode = 0;
  });
  // While a file is reviewed the channel does not keep this process alive, so a read that stops
  // with nothing left to wait for (a stream whose error was dropped: its promise never settles)
  // is seen at once, instead of at the end of the time budget.
  process.on("beforeExit", () => {
    if (!busy) return;
    const { id, job } = busy;
    const error = bi(
      "读取在中途停止而没有结果（文件可能已损坏），此文件未审查",
      "reading stopped half way without a result (the file may be damaged); it was not reviewed"
    );
    answer(id, { path: job.path, sheets: [], findings: [], rows: 0, error });
  });
  process.on("message", async (msg: { id: number; job: FileJob; engine?: string }) => {
    const { id, job } = msg;
    busy = msg;
    const u = process.resourceUsage();
    cpuBefore = (u.userCPUTime + u.systemCPUTime) / 1000;
    process.channel?.unref();
    let last = 0;
    let outcome: FileOutcome;
    try {
      outcome = await reviewFile(job, engineOf(msg.engine), (fraction, rows) => {
        if (abandoned) throw new Abandoned("the command is gone");
        const now = Date.now();
        if (now - last >= 100 || fraction === 1) {
          last = now;
          send({ id, type: "progress", fraction, rows });
        }
      });
    } catch (e) {
      if (abandoned) return;
      const error = internalError(e);
      outcome = { path: job.path, sheets: [], findings: [], rows: 0, error };
    }
    if (busy?.id === id) answer(id, outcome);
  });
}
