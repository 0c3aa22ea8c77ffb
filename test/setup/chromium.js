/**
 * Whether the browser tests can run here. They drive Debian's Chromium (or the browser named by
 * CHROMIUM_PATH) through playwright-core, never a downloaded browser. On a workstation without
 * it the browser group is skipped with a notice; on CI (CI set, not "false"/"0") it runs and
 * fails, so a CI machine that lost its browser cannot pass by skipping.
 */
const fs = require("fs");

function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH || "/usr/bin/chromium";
}

function onCi(env = process.env) {
  const ci = (env.CI || "").trim().toLowerCase();
  return ci !== "" && ci !== "false" && ci !== "0";
}

function browserTestsRunnable(env = process.env, exists = fs.existsSync) {
  return exists(chromiumPath(env)) || onCi(env);
}

module.exports = { chromiumPath, onCi, browserTestsRunnable, CHROMIUM: chromiumPath() };
