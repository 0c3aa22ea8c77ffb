/**
 * Jest: three groups (docs/development.md), each run alone or all together (`npm test`):
 * - unit     no browser, no webpack: runs on any workstation (`npm run test:unit`);
 * - browser  the panes in Debian's Chromium through playwright-core (`npm run test:browser`);
 * - build    the production webpack builds and their checks (`npm run test:build`).
 * ts-jest, node by default; React tests opt into jsdom with a docblock.
 */
const { browserTestsRunnable } = require("./test/setup/chromium");

/** Test files of the browser and build groups; the unit group is every other test. */
const BROWSER = ["<rootDir>/test/browser/**/*.test.ts"];
const BROWSER_MISSING = ["<rootDir>/test/setup/chromium-missing.test.ts"];
const BUILD = ["<rootDir>/test/build/**/*.test.ts", "<rootDir>/test/**/build.test.ts"];

const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    // office-addin-mock → office-addin-manifest pulls an ESM-only dependency under Node 20; map it to its CommonJS entry.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  setupFiles: ["<rootDir>/test/setup/custom-functions.ts"],
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: [
        "/node_modules/",
        "<rootDir>/test/browser/",
        "<rootDir>/test/build/",
        "/build\\.test\\.ts$",
        "<rootDir>/test/setup/",
      ],
    },
    {
      ...shared,
      displayName: "browser",
      // Without Chromium on a workstation the group is one skipped test that says so; on CI
      // (CI=true) the real tests run and fail for want of the browser.
      testMatch: browserTestsRunnable() ? BROWSER : BROWSER_MISSING,
    },
    {
      ...shared,
      displayName: "build",
      testMatch: BUILD,
    },
  ],
};
