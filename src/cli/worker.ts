/**
 * A worker thread reviewing whole files for the command line (compiled to lib/cli/worker.js).
 * Messages in: {id, job}. Messages out: {id, type: "progress", fraction, rows} and
 * {id, type: "done", outcome}.
 */
import { parentPort } from "worker_threads";
import { internalError } from "../core/i18n";
import { coreEngine } from "./core-engine";
import { FileJob, reviewFile } from "./review-file";

if (parentPort) {
  const port = parentPort;
  port.on("message", async (msg: { id: number; job: FileJob }) => {
    const { id, job } = msg;
    let last = 0;
    try {
      const outcome = await reviewFile(job, coreEngine, (fraction, rows) => {
        const now = Date.now();
        if (now - last >= 100 || fraction === 1) {
          last = now;
          port.postMessage({ id, type: "progress", fraction, rows });
        }
      });
      port.postMessage({ id, type: "done", outcome });
    } catch (e) {
      const error = internalError(e);
      port.postMessage({
        id,
        type: "done",
        outcome: { path: job.path, sheets: [], findings: [], rows: 0, error },
      });
    }
  });
}
