#!/usr/bin/env node
// The command line: compiled by `npm run build:cli` (run by `npm ci` / `npm install` through "prepare").
//
// No process.exit(): the exit status is set and Node ends when stdout and stderr have drained,
// so a long JSON report through a pipe arrives whole.
let finished = false;
// Until the command has finished, an exit means it stopped half way: never a silent 0.
process.exitCode = 3;
process.on("beforeExit", () => {
  if (finished) return;
  finished = true;
  process.stderr.write(
    "fund-compliance: 审查未完成就停止了 (the run stopped before it finished)\n"
  );
});
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    finished = true;
    process.exitCode = code;
  })
  .catch((e) => {
    finished = true;
    process.stderr.write(`fund-compliance: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 3;
  });
