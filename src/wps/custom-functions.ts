/**
 * The FUND.* custom functions in WPS 表格, registered from the same implementations as in Excel.
 *
 * WPS (since 12.1.0.20540) registers a JS function with wps.AddCustomFunction(namespace, name,
 * fn [, metadata]) and reads the help from functions.json named in manifest.xml (open.wps.cn
 * “加载项自定义函数”; addon.et.d.ts EtAddonRoot.AddCustomFunction; the wpsjs 2.2.3 et template and
 * its vite_plugins.js functionsScanner, which emits exactly these AddCustomFunction calls).
 *
 * Our build (custom-functions-metadata-plugin) appends `CustomFunctions.associate(id, fn)` to the
 * function files, as for Excel. In WPS there is no CustomFunctions runtime, so this module
 * installs one first: `associate` registers the function with WPS, and `Error` is a value WPS can
 * show. What WPS lacks, degraded visibly:
 * - errors: WPS documents no error type for add-in functions, so an error is returned as text,
 *   its code first ("#VALUE! 日期无效…"): the cell shows why, though ISERROR() sees text;
 * - asynchronous results: WPS calls functions synchronously only; a Promise becomes
 *   "#N/A 异步函数在 WPS 中不可用" (none of ours is asynchronous today — a test keeps it so).
 */

export const NAMESPACE = "FUND";

export enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

export class WpsFunctionError {
  constructor(
    public code: ErrorCode,
    public message?: string
  ) {}
}

type Fn = (...args: unknown[]) => unknown;
export interface WpsFunctionsHost {
  AddCustomFunction(namespace: string, name: string, callback: Fn): void;
}

/** What WPS gets back: values as they are; an error as its code and message, as text. */
export function toWps(result: unknown): unknown {
  if (result instanceof WpsFunctionError)
    return result.message ? `${result.code} ${result.message}` : result.code;
  if (result && typeof (result as { then?: unknown }).then === "function") {
    return `${ErrorCode.notAvailable} 异步函数在 WPS 中不可用 (asynchronous functions are not available in WPS)`;
  }
  if (Array.isArray(result))
    return result.map((row) => (Array.isArray(row) ? row.map(toWps) : toWps(row)));
  return result;
}

/** WPS may pass a missing optional argument as undefined; Excel passes null, which ours expect. */
export function wrap(fn: Fn): Fn {
  return (...args: unknown[]) => {
    try {
      return toWps(fn(...args.map((a) => (a === undefined ? null : a))));
    } catch (e) {
      // Our functions never throw (guard); should one, the cell still says why.
      return `${ErrorCode.invalidValue} 内部错误 (internal error): ${e instanceof Error ? e.message : String(e)}`;
    }
  };
}

/**
 * Installs the CustomFunctions global over WPS: every `associate(id, fn)` the build appended to
 * the function files registers FUND.<id> with WPS. Returns the ids registered (in order).
 */
export function installCustomFunctions(
  host: WpsFunctionsHost,
  target: object = globalThis
): string[] {
  const registered: string[] = [];
  (target as Record<string, unknown>).CustomFunctions = {
    Error: WpsFunctionError,
    ErrorCode,
    associate: (id: string, fn: Fn) => {
      host.AddCustomFunction(NAMESPACE, id, wrap(fn));
      registered.push(id);
    },
  };
  return registered;
}
