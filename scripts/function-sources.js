// The files whose JSDoc @customfunction tags make functions.json. src/functions/functions.ts
// re-exports every one of them, so all functions are named exports of functions.ts.
module.exports.functionSources = [
  "./src/functions/calendar.ts",
  "./src/functions/money.ts",
  "./src/functions/prohibited.ts",
  "./src/functions/allocation.ts",
  "./src/functions/filing.ts",
  "./src/functions/office.ts",
  "./src/functions/spotcheck.ts",
  "./src/functions/assessment.ts",
  "./src/functions/competitive.ts",
  "./src/functions/plan.ts",
  "./src/functions/integration.ts",
  "./src/functions/interest.ts",
];
