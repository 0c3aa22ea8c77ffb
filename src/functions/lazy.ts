/**
 * The custom functions registered before their code has arrived (issue 18). Excel's hidden
 * runtime loads the add-in's page at every start, and a function can be called only once it is
 * associated; the functions' code (core: calendars, deadlines, negative lists, OpenCC's tables,
 * decimal.js…) is most of the page's script. So the start-up script associates a small wrapper
 * per function and fetches the code right after:
 * - a call that comes once the code is there runs it at once, synchronously (no Promise);
 * - a call that comes before answers with a Promise of the same result (Excel accepts a Promise
 *   from a custom function), after the code has arrived;
 * - if the code cannot be fetched, the call answers #N/A saying so (never throws), and the next
 *   call tries again.
 * It imports only ./excel-error (which imports nothing): it is what the start-up script holds
 * (src/functions/startup.ts).
 */
import { excelError } from "./excel-error";

/** A custom function as Excel's runtime calls it. */
export type CustomFunction = (...args: any[]) => unknown;

/** The functions' module: every function a named export (src/functions/functions.ts). */
export type Implementations = Readonly<Record<string, unknown>>;

export interface LazyFunctions {
  /** What Excel calls for the export `name`. */
  wrapper(name: string): CustomFunction;
  /** Fetches the functions' code (once; again after a failure). */
  load(): Promise<Implementations>;
  /** Whether the code is there (calls then run synchronously). */
  loaded(): boolean;
}

const NOT_LOADED =
  "函数代码未能加载，请重新计算（会再次加载）或重新打开加载项 (the functions' code did not load: recalculate to load it again, or reopen the add-in)";

/** The export `name` of the loaded module; what is not a function answers #VALUE! saying so. */
function exported(m: Implementations, name: string): CustomFunction {
  const fn = m[name];
  if (typeof fn === "function") return fn as CustomFunction;
  return () =>
    excelError("value", `内部错误：没有函数 ${name} (internal error: no function ${name})`);
}

/** Runs a function; should one throw (they never do: src/functions/errors.ts guard), the cell says why. */
function run(fn: CustomFunction, args: unknown[]): unknown {
  try {
    return fn(...args);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return excelError("value", `内部错误：${detail} (internal error: ${detail})`);
  }
}

/** Wrappers over the module `fetch` brings (a webpack `import()` of the functions' chunk). */
export function lazyFunctions(fetch: () => Promise<Implementations>): LazyFunctions {
  let code: Implementations | undefined;
  let pending: Promise<Implementations> | undefined;
  const load = (): Promise<Implementations> =>
    (pending ??= fetch().then(
      (m) => (code = m),
      (e: unknown) => {
        pending = undefined; // the next call fetches again
        throw e;
      }
    ));
  return {
    load,
    loaded: () => code !== undefined,
    wrapper(name: string): CustomFunction {
      let fn: CustomFunction | undefined;
      return (...args: unknown[]) => {
        if (fn === undefined) {
          if (code === undefined) {
            return load().then(
              (m) => run(exported(m, name), args),
              () => excelError("na", NOT_LOADED)
            );
          }
          fn = exported(code, name);
        }
        return run(fn, args);
      };
    },
  };
}
