/**
 * A child process reviewing whole files for the command line (compiled to lib/cli/worker.js,
 * started by pool.ts with an IPC channel). Messages in: {id, job}. Messages out:
 * {id, type: "progress", fraction, rows} and {id, type: "done", outcome}.
 */
import { bi } from "../core/i18n";
import { coreEngine } from "./core-engine";
import { FileJob, reviewFile } from "./review-file";

if (process.send) {
  const send = (m: unknown) => process.send!(m);
  // the command that started this process is gone: nothing is left to answer
  process.on("disconnect", () => process.exit(0));
  process.on("message", async (msg: { id: number; job: FileJob }) => {
    const { id, job } = msg;
    let last = 0;
    try {
      const outcome = await reviewFile(job, coreEngine, (fraction, rows) => {
        const now = Date.now();
        if (now - last >= 100 || fraction === 1) {
          last = now;
          send({ id, type: "progress", fraction, rows });
        }
      });
      send({ id, type: "done", outcome });
    } catch (e) {
      const error = bi(`审查时出错：${String(e)}`, `error while reviewing: ${String(e)}`);
      send({
        id,
        type: "done",
        outcome: { path: job.path, sheets: [], findings: [], rows: 0, error },
      });
    }
  });
}
