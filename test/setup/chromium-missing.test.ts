/**
 * Stands in for the browser group when Chromium is missing on a workstation (jest.config.js):
 * one skipped test and a notice, so the skip is seen, never a silent pass. On CI this file is
 * not run; the real browser tests run and fail without the browser.
 */
const { CHROMIUM } = require("./chromium") as { CHROMIUM: string };

const notice =
  `浏览器测试已跳过：找不到 ${CHROMIUM}。安装 apt-get install -y chromium fonts-wqy-microhei，` +
  `或用 CHROMIUM_PATH 指定浏览器。\n` +
  `Browser tests SKIPPED: ${CHROMIUM} is missing. Install chromium and fonts-wqy-microhei, or ` +
  `point CHROMIUM_PATH at a Chromium; with CI=true they run and fail instead.`;
process.stderr.write(`\n${notice}\n\n`);

test.skip(`browser tests (Chromium missing at ${CHROMIUM})`, () => undefined);
