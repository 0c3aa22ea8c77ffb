/** The command line's Io for tests: output captured, no terminal progress, a fixed version and day. */
import type { Io } from "../../src/cli/review-command";
import { Progress } from "../../src/cli/progress";

export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    progress: (names) => new Progress(names, null),
    version: "9.9.9",
    now: new Date(2026, 10, 23),
  };
  return { io: value, out: () => out.join(""), err: () => err.join("") };
}
