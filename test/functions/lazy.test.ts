/**
 * Issue 18: Excel's start-up script associates a wrapper per function and fetches the functions'
 * code after (src/functions/lazy.ts, src/functions/startup.ts). A call made before the code is
 * there must still get the right answer (a Promise of it), a call after must run synchronously
 * with exactly the answer of the function itself, and a fetch that fails must answer #N/A with
 * a message — never throw, never reject.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import { lazyFunctions, type Implementations } from "../../src/functions/lazy";

const { functionSources } = require("../../scripts/function-sources");

/** The function itself, called as Excel calls it (null for an omitted argument). */
const direct = (name: string, ...args: unknown[]): unknown =>
  (functions as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args);

type CfError = { code: string; message: string };
const isError = (v: unknown): v is CfError =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "code" in v && "message" in v;
const isPromise = (v: unknown): v is Promise<unknown> =>
  typeof (v as { then?: unknown } | null)?.then === "function";

/** A fetch the test completes (or fails) when it wants, counting how often it was asked. */
function controlledFetch() {
  const asked: Array<{ resolve: (m: Implementations) => void; reject: (e: Error) => void }> = [];
  const fetch = () =>
    new Promise<Implementations>((resolve, reject) => asked.push({ resolve, reject }));
  return { fetch, asked };
}

// Traditional text whose negative-list term matches only once folded to Simplified.
const TRADITIONAL = "購置鄉鎮幹部公務用車";
const SIMPLIFIED = "购置乡镇干部公务用车";

test("a call before the code has arrived answers a Promise of the same result, Traditional text folded", async () => {
  const { fetch, asked } = controlledFetch();
  const lazy = lazyFunctions(fetch);
  const prohibited = lazy.wrapper("prohibited");
  const early = prohibited(TRADITIONAL, null, null, null);
  expect(isPromise(early)).toBe(true);
  expect(asked).toHaveLength(1);
  // a second early call waits for the same fetch
  const early2 = prohibited(SIMPLIFIED, null, null, null);
  expect(asked).toHaveLength(1);
  asked[0].resolve(functions);
  const expected = direct("prohibited", SIMPLIFIED, null, null, null);
  expect(expected).toContain("交通工具");
  expect(await early).toBe(expected);
  expect(await early2).toBe(expected);
  expect(lazy.loaded()).toBe(true);
});

test("once the code is there a call runs synchronously and gives exactly the function's answer", async () => {
  const lazy = lazyFunctions(() => Promise.resolve(functions));
  await lazy.load();
  const deadline = lazy.wrapper("deadline");
  expect(deadline(46000, "中央提前下達", null, null, null)).toBe(
    direct("deadline", 46000, "中央提前下达", null, null, null)
  );
  expect(lazy.wrapper("prohibited")(TRADITIONAL, null, null, null)).toBe(
    direct("prohibited", SIMPLIFIED, null, null, null)
  );
  // errors pass through as the function returns them: #VALUE! with its message
  const bad = deadline("not a date", "CENTRAL_ADVANCE", null, null, null);
  expect(isPromise(bad)).toBe(false);
  expect(bad).toEqual(direct("deadline", "not a date", "CENTRAL_ADVANCE", null, null, null));
  expect(isError(bad) && bad.code).toBe("#VALUE!");
  expect(isError(bad) && bad.message).toMatch(/开始日期/);
  // a matrix result too
  const matrix = lazy.wrapper("prohibitedDetail")(TRADITIONAL, null, null, null);
  expect(matrix).toEqual(direct("prohibitedDetail", SIMPLIFIED, null, null, null));
});

test("a fetch that fails answers #N/A with a message (no throw, no rejection); the next call fetches again", async () => {
  const { fetch, asked } = controlledFetch();
  const lazy = lazyFunctions(fetch);
  const amount = lazy.wrapper("amount");
  const first = amount("1,234.50", null);
  asked[0].reject(new Error("ChunkLoadError: Loading chunk failed"));
  const answer = await first;
  expect(isError(answer) && answer.code).toBe("#N/A");
  expect(isError(answer) && answer.message).toMatch(/函数代码未能加载.*did not load/);
  expect(lazy.loaded()).toBe(false);
  const second = amount("1,234.50", null);
  expect(asked).toHaveLength(2);
  asked[1].resolve(functions);
  expect(await second).toEqual(direct("amount", "1,234.50", null));
});

test("a name the code lacks, or code that throws, is #VALUE! saying so, before and after loading", async () => {
  const throwing = {
    boom: () => {
      throw new Error("kaput");
    },
  };
  const lazy = lazyFunctions(() => Promise.resolve(throwing));
  const early = await lazy.wrapper("missing")(1);
  expect(isError(early) && early.code).toBe("#VALUE!");
  expect(isError(early) && early.message).toContain("missing");
  const boom = lazy.wrapper("boom")();
  expect(isError(boom) && boom.code).toBe("#VALUE!");
  expect(isError(boom) && boom.message).toContain("kaput");
  const late = lazy.wrapper("missing")(1);
  expect(isError(late) && late.code).toBe("#VALUE!");
});

test("start-up associates every function of the metadata once, with a wrapper over its export", async () => {
  const root = path.resolve(__dirname, "../..");
  const result = await generateCustomFunctionsMetadata(
    functionSources.map((f: string) => path.resolve(root, f))
  );
  expect(result.errors).toEqual([]);
  // what scripts/lazy-functions.js appends to the start-up module
  const table = result.associate.map((a) => [a.id, a.functionName] as const);
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const associate = jest.spyOn(CustomFunctions, "associate").mockImplementation(((
    id: string,
    fn: (...args: unknown[]) => unknown
  ) => {
    associated.set(id, fn);
  }) as typeof CustomFunctions.associate);
  try {
    await jest.isolateModulesAsync(async () => {
      const startup = await import("../../src/functions/startup");
      startup.register(table as never);
      expect(associate).toHaveBeenCalledTimes(table.length);
      expect([...associated.keys()]).toEqual(table.map(([id]) => id));
      await startup.functions.load();
    });
  } finally {
    associate.mockRestore();
  }
  const exported = functions as unknown as Record<string, unknown>;
  for (const [id, name] of table)
    expect({ id, fn: typeof exported[name] }).toEqual({ id, fn: "function" });
  expect(associated.get("PROHIBITED")!(TRADITIONAL, null, null, null)).toBe(
    direct("prohibited", SIMPLIFIED, null, null, null)
  );
  expect(associated.get("AMOUNT")!("12.5万", null)).toEqual(direct("amount", "12.5万", null));
});
