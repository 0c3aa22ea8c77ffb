#!/usr/bin/env node
// The command line: compiled by `npm run build:cli` (run by `npm ci` / `npm install` through "prepare").
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e) => {
    console.error(`fund-compliance: ${e && e.stack ? e.stack : e}`);
    process.exit(2);
  });
