/**
 * Every error a FUND function returns with a message uses #VALUE! or #N/A — the only codes whose
 * message Excel shows (CustomFunctionsRuntime 1.3). The test walks every error path: each
 * `inputError(…)` call site in src/functions must be reached by the calls below (a fuzz of every
 * function with hostile arguments, plus a few shaped cases), and every CustomFunctions.Error
 * made along the way is checked. A new error path without a case here fails the test.
 */
import * as fs from "fs";
import * as path from "path";
import * as errors from "../../src/functions/errors";
import * as fns from "../../src/functions/functions";

const SRC = path.join(__dirname, "..", "..", "src", "functions");
const FILES = fs.readdirSync(SRC).filter((f) => f.endsWith(".ts"));

/** "calendar.ts:41" for every line of src/functions that calls inputError( (errors.ts aside). */
function callSites(): Set<string> {
  const sites = new Set<string>();
  for (const f of FILES) {
    if (f === "errors.ts") continue;
    fs.readFileSync(path.join(SRC, f), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (/\binputError\(/.test(line) && !/^\s*(\/\/|\*|import)/.test(line))
          sites.add(`${f}:${i + 1}`);
      });
  }
  return sites;
}

type Made = { code: string; message?: string };
const made: Made[] = [];
const hit = new Set<string>();

beforeAll(() => {
  const G = globalThis as unknown as {
    CustomFunctions: { Error: new (c: string, m?: string) => Made };
  };
  const Base = G.CustomFunctions.Error;
  G.CustomFunctions.Error = class extends Base {
    constructor(code: string, message?: string) {
      super(code, message);
      made.push({ code, message });
    }
  } as typeof Base;
  const original = errors.inputError;
  jest.spyOn(errors, "inputError").mockImplementation((kind, zh, en) => {
    const frame = (new Error().stack ?? "")
      .split("\n")
      .slice(2)
      .find((l) => /src[\\/]functions[\\/]\w[\w-]*\.ts:\d+/.test(l));
    const m = frame && /src[\\/]functions[\\/]([\w-]+\.ts):(\d+)/.exec(frame);
    if (m) hit.add(`${m[1]}:${m[2]}`);
    return original(kind, zh, en);
  });
});

// ── the calls ──

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PALETTE: unknown[] = [
  undefined,
  null,
  "",
  " ",
  "abc",
  "#N/A",
  true,
  false,
  -1,
  0,
  0.5,
  1,
  3,
  60,
  1e17,
  Number.NaN,
  Infinity,
  2958466,
  20240305,
  2020211,
  "2024-02-30",
  "2025-04-30",
  "2027-03-01",
  "2026-12-20",
  "4个月",
  "60个工作日",
  "中央新增",
  "市级提前下达资金",
  "CENTRAL_ADVANCE",
  "30%",
  "150%",
  "1.5",
  "元",
  "万元",
  "12.5万",
  "待定",
  "XJ2018",
  "NOPE",
  [[]],
  [[""]],
  [
    [1, 2],
    [3, 4],
  ],
  [[1], [2], [3]],
  [[1, 2, 3]],
  [[-1], [2]],
  [[0], [0]],
  [["x"], [2]],
  [[1, "x"]],
  [["+", "-"]],
  [["+"], ["?"]],
  [["2027-01-01"]],
  [["2024-02-30"]],
  [
    ["类别", "词语", "类型"],
    ["ADMIN", "招待", "禁止"],
  ],
  [
    ["类别", "词语", "类型"],
    ["NOPE", "", "半"],
  ],
  [["a", "b"]],
  [["甲", 1, "x"]],
];

const FUNCTIONS = Object.entries(fns).filter(([, f]) => typeof f === "function") as [
  string,
  (...a: unknown[]) => unknown,
][];

/** Shaped cases the fuzz is unlikely to hit by chance (each reaches a named error path). */
const SHAPED: [string, unknown[]][] = [
  [
    "allocate",
    [
      100,
      [
        [1, 2],
        [3, 4],
      ],
      [[1, 1]],
      [["+", "-"]],
      0.01,
      [[1], [2], [3]],
    ],
  ],
  ["allocate", [100, [[1], [2]], [[1]], undefined, undefined, undefined, [[1], [2], [3]]]],
  ["allocate", [100, [[1], [2]], [[1]], undefined, undefined, [[200], [200]]]],
  ["allocate", [100.005, [[1], [2]], [[1]], undefined, 0.01]],
  ["allocate", [100, [[1], [2]], [[1]], [["+"], ["-"]]]],
  ["allocate", [100, [[1], [2]], [[1]], undefined, -1]],
  [
    "allocateExplain",
    [
      100,
      [
        [1, 0],
        [2, 0],
      ],
      [[1, 1]],
      [["+", "-"]],
    ],
  ],
  ["carryoverDeduction", [1, 0]],
  ["carryoverDeduction", [1, 10, 2]],
  ["carryoverDeduction", ["x", 10]],
  ["daysLate", ["2025-01-01", "中央新增"]],
  ["daysLate", ["2026-11-01", "中央新增", "2027-02-01"]],
  ["workday", ["2025-01-01", 1.5]],
  ["workday", [2958465, 5]],
  ["workday", [1, -5]],
  ["deadline", ["2025-01-01", "市级提前下达资金"]],
  ["deadline", ["2025-01-01", "4个月", "maybe"]],
  ["deadline", [2958400, "4个月"]],
  ["isWorkday", ["2025-01-01", [["2024-02-30"]]]],
  ["sample", [[["a"], ["b"]], 0.5, "x"]],
  ["sample", [[["a"], ["b"]], 0.5, 1, "x"]],
  ["sample", [[["a"], ["b"]], "x", 1]],
  ["sample", [[["a"], ["a"]], 0.5, 1]],
  ["sample", [[[""], ["b"]], 0.5, 1]],
  ["sample", [[], 0.5, 1]],
  ["daxie", [1e17]],
  ["daxie", [1.234]],
  ["daxie", ["abc"]],
  ["daxie", [1, "x"]],
  ["amount", ["12.5", "亿"]],
  ["amount", ["待定"]],
  ["prohibited", ["购买公务用车", "", "NOPE"]],
  [
    "prohibited",
    [
      "购买公务用车",
      "",
      "",
      [
        ["类别", "词语", "类型"],
        ["NOPE", "x", "禁止"],
      ],
    ],
  ],
  ["prohibitedDetail", ["购买公务用车", "", "", [["x"]]]],
  [
    "interest",
    [
      "4%",
      [
        ["起始日期", "基准利率"],
        ["2015-10-24", "4.35%"],
      ],
      "很久",
    ],
  ],
];

function call(name: string, args: unknown[]): unknown {
  const f = (fns as Record<string, (...a: unknown[]) => unknown>)[name];
  return f(...args);
}

test("every error with a message is #VALUE! or #N/A, over every error path of every function", () => {
  const random = rng(20261129);
  for (const [, f] of FUNCTIONS) {
    const arity = Math.max(f.length, 1);
    for (let k = 0; k < 800; k++) {
      const args = Array.from(
        { length: arity },
        () => PALETTE[Math.floor(random() * PALETTE.length)]
      );
      let r: unknown;
      expect(() => (r = f(...args))).not.toThrow();
      void r;
    }
  }
  for (const [name, args] of SHAPED) expect(() => call(name, args)).not.toThrow();

  const wrong = made.filter((e) => e.message && e.code !== "#VALUE!" && e.code !== "#N/A");
  expect(wrong).toEqual([]);
  // #N/A is the calendar's "year not supplied", naming the year.
  expect(made.some((e) => e.code === "#N/A" && /2027/.test(e.message ?? ""))).toBe(true);

  const missing = [...callSites()].filter((s) => !hit.has(s));
  expect(missing).toEqual([]);
});

test("no function builds an Excel error except through errors.ts (excel-error.ts)", () => {
  for (const f of FILES) {
    if (f === "errors.ts" || f === "excel-error.ts") continue;
    const text = fs.readFileSync(path.join(SRC, f), "utf8");
    expect(`${f}: ${/new CustomFunctions\.Error|ErrorCode\./.test(text)}`).toBe(`${f}: false`);
  }
});
