/**
 * Task pane entry of the WPS build (webpack.wps.config.js): taskpane.html is its own page in WPS,
 * opened by Application.CreateTaskPane with ?pane=… (src/wps/ribbon.ts). At start-up it looks for
 * WPS's object model (./detect) and renders the same panes over the WPS adapters; opened anywhere
 * else it says so instead of failing on a missing object model.
 */
import { wpsApplication } from "./detect";
import { mountWps } from "./mount";

const root = document.getElementById("root") as HTMLElement;
const app = wpsApplication();
if (app) mountWps(root, app, window.location.search);
else {
  root.textContent =
    "请在 WPS 表格中通过「资金合规」选项卡打开此面板。 Open this pane from the Fund Compliance tab in WPS 表格.";
}
