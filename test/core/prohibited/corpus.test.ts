/**
 * The classifier against labelled descriptions: the public samples must all be right; our own
 * corpus (≥ 250 lines, every category, allowed look-alikes, Traditional script, codes) ≥ 95 %.
 * Prints per-category precision and recall.
 */
import * as fs from "fs";
import * as path from "path";
import {
  CATEGORIES,
  createClassifier,
  customTermsFromJson,
  toSimplified,
} from "../../../src/core/prohibited";
import { Labelled, readTsv, repoRoot, sharedFile } from "./shared";

const FIXTURES = path.join(repoRoot, "test/fixtures");
const SAMPLES_REL = "domain/prohibited_samples.tsv";
const sharedSamples = sharedFile(SAMPLES_REL);
const samplesFile = sharedSamples ?? path.join(FIXTURES, "prohibited_samples.tsv");

/** The office list the corpus's UNRELATED lines assume (keywords alone never decide UNRELATED). */
const OFFICE_LIST = customTermsFromJson(
  ["招商引资", "旅游节", "马拉松", "文艺汇演", "论坛", "庆典"].map((term) => ({
    category: "UNRELATED",
    term,
  }))
);

interface Score {
  accuracy: number;
  wrong: string[];
  table: Record<string, { precision: string; recall: string; n: number }>;
}

function score(rows: Labelled[], classify: (t: string, c: string | null) => string): Score {
  const labels = [...CATEGORIES, "NONE"];
  const tp: Record<string, number> = {};
  const fp: Record<string, number> = {};
  const fn: Record<string, number> = {};
  const n: Record<string, number> = {};
  for (const l of labels) tp[l] = fp[l] = fn[l] = n[l] = 0;
  const wrong: string[] = [];
  for (const r of rows) {
    const got = classify(r.text, r.code);
    n[r.expected] = (n[r.expected] ?? 0) + 1;
    if (got === r.expected) tp[got]++;
    else {
      fp[got] = (fp[got] ?? 0) + 1;
      fn[r.expected] = (fn[r.expected] ?? 0) + 1;
      wrong.push(`line ${r.line}: ${r.text} ${r.code ?? ""} → ${got}, expected ${r.expected}`);
    }
  }
  const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)} %`);
  const table: Score["table"] = {};
  for (const l of labels)
    if (n[l] || fp[l])
      table[l] = {
        precision: pct(tp[l], tp[l] + fp[l]),
        recall: pct(tp[l], tp[l] + fn[l]),
        n: n[l],
      };
  return { accuracy: (rows.length - wrong.length) / rows.length, wrong, table };
}

describe("public samples (test/fixtures/prohibited_samples.tsv)", () => {
  const rows = readTsv(samplesFile);
  const classifier = createClassifier();

  test("are read (the team's copy beside the checkout when present, else the copy in test/fixtures)", () => {
    expect(rows.length).toBeGreaterThanOrEqual(31);
  });

  test("are all classified right", () => {
    const s = score(rows, (t, c) => classifier.classify(t, c)[0]?.category ?? "NONE");
    console.log(`shared samples (${path.relative(repoRoot, samplesFile)}): ${rows.length} lines`);
    console.table(s.table);
    expect(s.wrong).toEqual([]);
  });

  test("the copy in test/fixtures is the shared file", () => {
    const copy = fs.readFileSync(path.join(FIXTURES, "prohibited_samples.tsv"), "utf8");
    expect(copy).toBe(fs.readFileSync(samplesFile, "utf8"));
  });
});

describe("our labelled corpus (test/fixtures/prohibited-corpus.tsv)", () => {
  const rows = readTsv(path.join(FIXTURES, "prohibited-corpus.tsv"));
  const classifier = createClassifier({ custom: OFFICE_LIST });

  test("has ≥ 250 lines covering every category, allowed look-alikes, Traditional and codes", () => {
    expect(rows.length).toBeGreaterThanOrEqual(250);
    for (const c of [...CATEGORIES, "NONE"])
      expect(rows.filter((r) => r.expected === c).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.expected === "NONE").length).toBeGreaterThanOrEqual(100);
    expect(rows.filter((r) => toSimplified(r.text) !== r.text).length).toBeGreaterThanOrEqual(25);
    expect(rows.filter((r) => r.code !== null).length).toBeGreaterThanOrEqual(30);
    for (const r of rows) expect([...CATEGORIES, "NONE"]).toContain(r.expected);
  });

  test("is classified ≥ 95 % right (per-category precision and recall printed)", () => {
    const s = score(rows, (t, c) => classifier.classify(t, c)[0]?.category ?? "NONE");
    console.log(
      `own corpus: ${rows.length} lines, accuracy ${(100 * s.accuracy).toFixed(1)} %` +
        (s.wrong.length ? `\n${s.wrong.join("\n")}` : "")
    );
    console.table(s.table);
    expect(s.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  test("UNRELATED lines are flagged only with the office's list", () => {
    const plain = createClassifier();
    const unrelated = rows.filter((r) => r.expected === "UNRELATED");
    for (const r of unrelated)
      expect(plain.classify(r.text, r.code).map((h) => h.category)).not.toContain("UNRELATED");
  });
});
