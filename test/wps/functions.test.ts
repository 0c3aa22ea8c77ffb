/**
 * FUND.* in WPS 表格: the build appends `CustomFunctions.associate(id, fn)` to the function files
 * (custom-functions-metadata-plugin); in WPS our runtime (src/wps/custom-functions.ts) turns each
 * into wps.AddCustomFunction("FUND", id, fn). Here the associations come from the same metadata
 * generator, against a recording `wps`, and the registered functions are called as WPS would.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { installCustomFunctions, toWps, NAMESPACE } from "../../src/wps/custom-functions";
import * as functions from "../../src/functions/functions";
import { serialFromYmd } from "../../src/core/dates";

const { functionSources } = require("../../scripts/function-sources");

type Fn = (...args: unknown[]) => unknown;
const registry = new Map<string, Fn>();
const calls: [string, string][] = [];
let associations: { id: string; functionName: string }[] = [];
const originalCustomFunctions = (globalThis as Record<string, unknown>).CustomFunctions;

beforeAll(async () => {
  const root = path.resolve(__dirname, "../..");
  const meta = await generateCustomFunctionsMetadata(
    functionSources.map((f: string) => path.resolve(root, f))
  );
  associations = meta.associate;
  installCustomFunctions({
    AddCustomFunction: (ns: string, name: string, fn: Fn) => {
      calls.push([ns, name]);
      registry.set(`${ns}.${name}`, fn);
    },
  });
  // What the build appends to each function file:
  const g = globalThis as unknown as {
    CustomFunctions: { associate(id: string, fn: unknown): void };
  };
  for (const a of associations)
    g.CustomFunctions.associate(a.id, (functions as Record<string, unknown>)[a.functionName]);
}, 60000);

afterAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = originalCustomFunctions;
});

const call = (name: string, ...args: unknown[]) => registry.get(`FUND.${name}`)!(...args);

test("every function of the Excel build is registered with WPS under FUND, from the same implementation", () => {
  expect(calls.map(([ns]) => ns).every((ns) => ns === NAMESPACE)).toBe(true);
  expect(calls.map(([, id]) => id)).toEqual(associations.map((a) => a.id));
  expect(calls.length).toBeGreaterThanOrEqual(12);
});

test("a value comes back as the Excel function computes it; a missing optional argument is fine", () => {
  const fri = serialFromYmd(2024, 9, 27);
  // 2024-09-29 (a Sunday) was a make-up working day before the National Day holiday.
  expect(call("WORKDAY", fri, 1)).toBe(serialFromYmd(2024, 9, 29));
  expect(call("WORKDAY", fri, 1, undefined, undefined)).toBe(serialFromYmd(2024, 9, 29));
  expect(call("ISWORKDAY", serialFromYmd(2024, 10, 1))).toBe(false);
});

test("an error is shown as its code and message, as text (WPS has no error type for add-ins)", () => {
  const r = call("ISWORKDAY", "not a date");
  expect(typeof r).toBe("string");
  expect(r).toMatch(/^#VALUE! .*[\u4e00-\u9fff]/);
});

test("no function is asynchronous (WPS calls them synchronously); a Promise would say so", () => {
  for (const [name, fn] of registry) {
    const r = fn(null, null, null, null, null, null);
    expect({
      name,
      thenable: Boolean(r && typeof (r as { then?: unknown }).then === "function"),
    }).toEqual({ name, thenable: false });
  }
  expect(toWps(Promise.resolve(1))).toMatch(/^#N\/A .*异步/);
});

test("the runtime installs even where WPS has no AddCustomFunction (older WPS): the page still loads", () => {
  const g = globalThis as Record<string, unknown>;
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  jest.isolateModules(() => {
    require("../../src/wps/functions-runtime");
  });
  const cf = g.CustomFunctions as {
    associate(id: string, fn: unknown): void;
    Error: new (c: string, m: string) => unknown;
  };
  expect(() => cf.associate("X", () => 1)).not.toThrow();
  expect(warn).toHaveBeenCalledWith(expect.stringContaining("12.1.0.20540"));
  warn.mockRestore();
});
