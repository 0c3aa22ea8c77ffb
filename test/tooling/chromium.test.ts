/**
 * When the browser group runs (test/setup/chromium.js, read by jest.config.js): with a Chromium,
 * always; without one, it is skipped with a notice on a workstation but runs — and fails — on CI.
 */
const { browserTestsRunnable, chromiumPath, onCi } = require("../setup/chromium") as {
  browserTestsRunnable(env: Record<string, string>, exists: (p: string) => boolean): boolean;
  chromiumPath(env: Record<string, string>): string;
  onCi(env: Record<string, string>): boolean;
};

const present = (p: string) => p === "/usr/bin/chromium";
const absent = () => false;

test("Debian's Chromium by default; CHROMIUM_PATH names another", () => {
  expect(chromiumPath({})).toBe("/usr/bin/chromium");
  expect(chromiumPath({ CHROMIUM_PATH: "/opt/chrome/chrome" })).toBe("/opt/chrome/chrome");
});

test("CI is on when CI is set to anything but false/0", () => {
  expect(onCi({})).toBe(false);
  expect(onCi({ CI: "" })).toBe(false);
  expect(onCi({ CI: "false" })).toBe(false);
  expect(onCi({ CI: "0" })).toBe(false);
  expect(onCi({ CI: "true" })).toBe(true);
  expect(onCi({ CI: "1" })).toBe(true);
});

test("the browser tests run with a Chromium, or on CI; skipped only on a workstation without one", () => {
  expect(browserTestsRunnable({}, present)).toBe(true);
  expect(browserTestsRunnable({}, absent)).toBe(false);
  expect(browserTestsRunnable({ CI: "true" }, absent)).toBe(true);
  expect(browserTestsRunnable({ CHROMIUM_PATH: "/elsewhere" }, present)).toBe(false);
});

test("jest.config.js: the browser group is the real tests, or the notice when skipped", () => {
  const config = require("../../jest.config.js");
  const names = config.projects.map((p: { displayName: string }) => p.displayName);
  expect(names).toEqual(["unit", "browser", "build"]);
  const browser = config.projects[1];
  const runnable = browserTestsRunnable(
    process.env as Record<string, string>,
    require("fs").existsSync
  );
  expect(browser.testMatch).toEqual(
    runnable
      ? ["<rootDir>/test/browser/**/*.test.ts"]
      : ["<rootDir>/test/setup/chromium-missing.test.ts"]
  );
});
