/**
 * The custom functions' metadata as the build generates it (functions.en-us.json from JSDoc,
 * functions.json in Chinese from src/functions/help): every export present, every parameter
 * described in both languages, ids unique, no optional parameter before a required one.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";

const { localize, loadChineseHelp } = require("../../scripts/localize-functions");

const { functionSources } = require("../../scripts/function-sources");

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
  type?: string;
  dimensionality?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Param[];
  options?: { volatile?: boolean };
}

let english: { functions: Fn[] };
let associations: { id: string; functionName: string }[];

beforeAll(async () => {
  const root = path.resolve(__dirname, "../..");
  const result = await generateCustomFunctionsMetadata(
    functionSources.map((f: string) => path.resolve(root, f))
  );
  expect(result.errors).toEqual([]);
  english = JSON.parse(result.metadataJson || '{"functions":[]}');
  associations = result.associate;
}, 60000);

test("every function exported by functions.ts has metadata, and nothing else does", () => {
  const exported = Object.entries(functions)
    .filter(([, v]) => typeof v === "function")
    .map(([k]) => k)
    .sort();
  expect(associations.map((a) => a.functionName).sort()).toEqual(exported);
  expect(exported).toEqual(
    expect.arrayContaining([
      "isWorkday",
      "workday",
      "networkdays",
      "deadline",
      "daysLate",
      "amount",
    ])
  );
});

test("ids are unique, upper case and dotted at most once per level", () => {
  const ids = english.functions.map((f) => f.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9]*(\.[A-Z][A-Z0-9]*)*$/);
});

test("every function and parameter is described in English and in Chinese", () => {
  const [zh, problems] = localize(english, loadChineseHelp());
  expect(problems).toEqual([]);
  for (const f of english.functions) {
    expect(f.description && f.description.length).toBeGreaterThan(10);
    for (const p of f.parameters)
      expect({ fn: f.id, p: p.name, has: Boolean(p.description) }).toEqual({
        fn: f.id,
        p: p.name,
        has: true,
      });
  }
  for (const f of zh.functions as Fn[]) {
    expect(f.description).toMatch(/[\u4e00-\u9fff]/);
    for (const p of f.parameters)
      expect({ fn: f.id, p: p.name, zh: /[\u4e00-\u9fff]/.test(p.description ?? "") }).toEqual({
        fn: f.id,
        p: p.name,
        zh: true,
      });
  }
});

test("no optional parameter comes before a required one; none is volatile; each has help", () => {
  for (const f of english.functions) {
    let seenOptional = false;
    for (const p of f.parameters) {
      if (p.optional) seenOptional = true;
      else
        expect({ fn: f.id, requiredAfterOptional: seenOptional && p.name }).toEqual({
          fn: f.id,
          requiredAfterOptional: false,
        });
    }
    expect(f.options?.volatile ?? false).toBe(false);
    expect(f.helpUrl).toBe(`https://localhost:3000/help/functions.html#FUND.${f.id}`);
  }
});

test("holiday and workday ranges are matrices, so a range of dates can be passed", () => {
  for (const f of english.functions) {
    for (const p of f.parameters.filter((q) => q.name === "holidays" || q.name === "workdays")) {
      expect(p.dimensionality).toBe("matrix");
    }
  }
});
