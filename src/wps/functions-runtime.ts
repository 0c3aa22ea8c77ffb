/** Installs the CustomFunctions runtime over WPS (see ./custom-functions) before the functions load. */
import { installCustomFunctions, type WpsFunctionsHost } from "./custom-functions";

const g = globalThis as {
  wps?: Partial<WpsFunctionsHost>;
  Application?: Partial<WpsFunctionsHost>;
};
const host = [g.wps, g.Application].find((h) => h && typeof h.AddCustomFunction === "function") as
  WpsFunctionsHost | undefined;
if (!host) {
  console.warn(
    "[fund-compliance] 此 WPS 不支持加载项自定义函数（需 12.1.0.20540 或更高版本），FUND.* 函数不可用；面板不受影响。" +
      " This WPS has no add-in custom functions (12.1.0.20540 or later): FUND.* is unavailable; the panes work."
  );
}
// Without AddCustomFunction the associate calls are no-ops, so the page still loads.
installCustomFunctions(host ?? { AddCustomFunction: () => undefined });
