/**
 * A bounded, seeded fuzz of the workbook reader (a few seconds): mutated and truncated copies of
 * the examples, parts reordered as Excel writes them, missing parts, lying dimensions, huge
 * addresses, bombs within caps. Every case must end with values or a named UnreadableFile within
 * its time budget, leave its input byte-identical, and write no file anywhere.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { UnreadableFile, readWorkbook } from "../../src/cli/read";
import { coreEngine } from "../../src/cli/core-engine";
import { reviewFile } from "../../src/cli/review-file";
import { spyOnWrites } from "./spy-writes";

const ROOT = path.join(__dirname, "..", "..");
const FIX = path.join(ROOT, "test", "fixtures", "readers");
const XLSX_SEEDS = [
  "county-ledger.xlsx",
  "publicity-list.xlsx",
  "carryover.xlsx",
  "allocation-factors.xlsx",
].map((f) => path.join(ROOT, "examples", f));
const OTHER_SEEDS = ["county-ledger.xls", "county-ledger.ods", "county-ledger.csv"].map((f) =>
  path.join(FIX, f)
);
const BUDGET_MS = 4000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-fuzz-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** mulberry32: a small seeded generator, so a failure names a case that can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)],
  };
}
type Rng = ReturnType<typeof rng>;

function flip(buf: Buffer, r: Rng, count: number, from = 0): Buffer {
  const b = Buffer.from(buf);
  for (let i = 0; i < count; i++) b[from + r.int(b.length - from)] ^= 1 + r.int(255);
  return b;
}

async function rezip(
  buf: Buffer,
  r: Rng,
  edit: (files: Map<string, Buffer>) => void,
  shuffle: boolean
) {
  const zin = await JSZip.loadAsync(buf);
  const files = new Map<string, Buffer>();
  for (const n of Object.keys(zin.files))
    if (!zin.files[n].dir) files.set(n, await zin.files[n].async("nodebuffer"));
  edit(files);
  const names = [...files.keys()];
  if (shuffle)
    for (let i = names.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [names[i], names[j]] = [names[j], names[i]];
    }
  const z = new JSZip();
  for (const n of names) z.file(n, files.get(n)!, { createFolders: false });
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const sheetNames = (files: Map<string, Buffer>) =>
  [...files.keys()].filter((n) => n.startsWith("xl/worksheets/sheet"));
const editSheet = (files: Map<string, Buffer>, r: Rng, f: (xml: string) => string) => {
  const n = r.pick(sheetNames(files));
  files.set(n, Buffer.from(f(files.get(n)!.toString("utf8"))));
};

const MUTATIONS: [string, (buf: Buffer, r: Rng) => Promise<Buffer>][] = [
  ["bytes flipped", async (b, r) => flip(b, r, 1 + r.int(16))],
  ["bytes flipped after the first part", async (b, r) => flip(b, r, 1 + r.int(4), 200)],
  ["truncated", async (b, r) => b.subarray(0, 1 + r.int(b.length - 1))],
  ["parts reordered (sheets first, as Excel)", (b, r) => rezip(b, r, () => {}, true)],
  ["a part missing", (b, r) => rezip(b, r, (fs) => fs.delete(r.pick([...fs.keys()])), true)],
  [
    "a lying dimension",
    (b, r) =>
      rezip(
        b,
        r,
        (fs) =>
          editSheet(fs, r, (x) =>
            x.replace(
              /<dimension ref="[^"]*"\/>/,
              `<dimension ref="${r.pick(["A1:XFD1048576", "A1", "B2:A1", "ZZZZ9:A1"])}"/>`
            )
          ),
        false
      ),
  ],
  [
    "a huge address",
    (b, r) =>
      rezip(
        b,
        r,
        (fs) =>
          editSheet(fs, r, (x) =>
            x.replace(/ r="[A-Z]+\d+"/, ` r="${r.pick(["ZZZZZZ5", "A99999999", "XFE1", "A0"])}"`)
          ),
        false
      ),
  ],
  [
    "sheet XML bytes flipped",
    (b, r) =>
      rezip(
        b,
        r,
        (fs) => {
          const n = r.pick(sheetNames(fs));
          fs.set(n, flip(fs.get(n)!, r, 1 + r.int(8)));
        },
        false
      ),
  ],
  [
    "shared strings cut",
    (b, r) =>
      rezip(
        b,
        r,
        (fs) => {
          const s = fs.get("xl/sharedStrings.xml");
          if (s) fs.set("xl/sharedStrings.xml", s.subarray(0, r.int(s.length)));
        },
        false
      ),
  ],
  [
    "a zip bomb (past the ratio cap)",
    (b, r) =>
      rezip(
        b,
        r,
        (fs) =>
          editSheet(fs, r, (x) =>
            x.replace("<sheetData>", "<sheetData>" + " ".repeat((2 + r.int(2)) * 2 ** 20))
          ),
        false
      ),
  ],
  [
    "many empty rows",
    (b, r) =>
      rezip(
        b,
        r,
        (fs) =>
          editSheet(fs, r, (x) =>
            x.replace(
              "</sheetData>",
              Array.from({ length: 20000 }, (_, i) => `<row r="${100 + i}"/>`).join("") +
                "</sheetData>"
            )
          ),
        false
      ),
  ],
];

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

async function check(
  label: string,
  file: string,
  viaReview: boolean
): Promise<"values" | "unreadable"> {
  const before = sha(fs.readFileSync(file));
  const t0 = Date.now();
  let outcome: "values" | "unreadable";
  if (viaReview) {
    const o = await reviewFile(
      { path: file, params: { asOf: 46349 }, asOfText: "2026-11-23", lang: "zh" },
      coreEngine
    );
    if (o.error) {
      expect(o.error.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(o.error.en).toMatch(/[a-z]/);
      outcome = "unreadable";
    } else outcome = "values";
  } else {
    try {
      let sheets = 0;
      await readWorkbook(file, () => ({ row() {}, end: () => sheets++ }), {
        limits: { timeBudgetMs: BUDGET_MS },
      });
      expect(sheets).toBeGreaterThan(0); // never "read" with nothing in it
      outcome = "values";
    } catch (e) {
      if (!(e instanceof UnreadableFile))
        throw new Error(`${label}: not an UnreadableFile: ${String(e)}`);
      expect(e.reason.zh.length).toBeGreaterThan(4);
      expect(e.reason.en.length).toBeGreaterThan(4);
      outcome = "unreadable";
    }
  }
  expect(Date.now() - t0).toBeLessThan(BUDGET_MS + 2000);
  expect(sha(fs.readFileSync(file))).toBe(before);
  return outcome;
}

test("the write spy sees a write (so the fuzz's 'no file written' can fail)", () => {
  const writes = spyOnWrites();
  fs.writeFileSync(path.join(dir, "probe"), "x");
  expect(writes()).toEqual([`write ${path.join(dir, "probe")}`]);
});

test("seeded mutations of the examples: values or a named unreadable file, in time, nothing written", async () => {
  const seed = Number(process.env.FC_FUZZ_SEED ?? 20261123);
  const r = rng(seed);
  const tally = new Map<string, { values: number; unreadable: number }>();
  const cases: { label: string; bytes: Buffer; ext: string; viaReview: boolean }[] = [];
  for (let i = 0; i < 100; i++) {
    const seedFile = r.pick(XLSX_SEEDS);
    const [name, mutate] = r.pick(MUTATIONS);
    cases.push({
      label: `#${i} ${name} of ${path.basename(seedFile)}`,
      bytes: await mutate(fs.readFileSync(seedFile), r),
      ext: ".xlsx",
      viaReview: i % 7 === 0,
    });
  }
  for (let i = 0; i < 5; i++) {
    const seedFile = r.pick(OTHER_SEEDS);
    const mutate =
      r.next() < 0.5
        ? (b: Buffer) => flip(b, r, 1 + r.int(12))
        : (b: Buffer) => b.subarray(0, 1 + r.int(b.length - 1));
    cases.push({
      label: `#x${i} damaged ${path.basename(seedFile)}`,
      bytes: mutate(fs.readFileSync(seedFile)),
      ext: path.extname(seedFile),
      viaReview: false,
    });
  }
  const writes = spyOnWrites();
  try {
    for (const [i, c] of cases.entries()) {
      const file = path.join(dir, `case-${i}${c.ext}`);
      fs.writeFileSync(file, c.bytes);
      const t1 = Date.now();
      const key = c.label.replace(/^#\S+ /, "").replace(/ of .*/, "");
      const outcome = await check(`${c.label} (seed ${seed})`, file, c.viaReview);
      const t = tally.get(key) ?? { values: 0, unreadable: 0 };
      t[outcome]++;
      tally.set(key, t);
      fs.rmSync(file);
      if (process.env.FC_FUZZ_DEBUG) console.log(c.label, outcome, Date.now() - t1);
    }
  } finally {
    const seen = writes().filter((w) => !w.includes(`${path.sep}case-`));
    expect(seen).toEqual([]);
  }
  // the fuzz reaches both outcomes (a fuzz that only ever fails to read proves little)
  const all = [...tally.values()];
  expect(all.some((t) => t.values > 0)).toBe(true);
  expect(all.some((t) => t.unreadable > 0)).toBe(true);
  expect(tally.get("parts reordered (sheets first, as Excel)")).toMatchObject({ unreadable: 0 });
  expect(tally.get("many empty rows")).toMatchObject({ unreadable: 0 });
  expect(tally.get("a zip bomb (past the ratio cap)")).toMatchObject({ values: 0 });
}, 120000);
