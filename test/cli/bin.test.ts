/**
 * bin/fund-compliance.js sets the exit status and lets output drain: never process.exit(), and
 * never a silent 0 when the command did not finish.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const BIN = path.join(__dirname, "..", "..", "bin", "fund-compliance.js");
const STUB = path.join(__dirname, "fixtures", "main-stub.js");

function run(how: string) {
  return spawnSync(process.execPath, ["-r", STUB, BIN], {
    encoding: "utf8",
    env: { ...process.env, FC_STUB: how },
    maxBuffer: 1 << 24,
  });
}

test.each([
  ["0", 0],
  ["1", 1],
  ["3", 3],
])("the command's status %s is the exit status, its output whole", (how, code) => {
  const r = run(how);
  expect(r.status).toBe(code);
  expect(r.stdout).toHaveLength(200000);
  expect(r.stderr).toBe("");
});

test("a run that stops before it finishes exits 3 and says so", () => {
  const r = run("never");
  expect(r.status).toBe(3);
  expect(r.stdout).toHaveLength(200000);
  expect(r.stderr).toMatch(/审查未完成就停止了 \(the run stopped before it finished\)/);
});

test("an unexpected error exits 3 with its trace", () => {
  const r = run("throw");
  expect(r.status).toBe(3);
  expect(r.stderr).toMatch(/fund-compliance: Error: boom/);
});
