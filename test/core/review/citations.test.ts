/** The review rules' citations quote the seeds as printed (001 in Traditional characters). */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../../../src/core/review";
import { Citation, citationLabel } from "../../../src/core/rules/citation";
import { FILING_CITATIONS } from "../../../src/core/filing/specs";
import { ALLOCATION_CITATIONS } from "../../../src/core/allocation/citations";
import { NEGATIVE_LISTS } from "../../../src/core/prohibited";

const EXCERPT = fs.readFileSync(path.join(__dirname, "seed-clauses.txt"), "utf8");

/** The team's full copy of the source text when it sits beside the checkout (not in the repository), else the excerpt in seed-clauses.txt. */
function seedText(seed: string): string {
  const root = path.resolve(__dirname, "../../..");
  for (const base of [path.resolve(root, "../shared"), path.resolve(root, "../../shared")]) {
    const p = path.join(base, "seeds", seed);
    if (fs.existsSync(p)) return fs.readFileSync(p, "utf8");
  }
  return EXCERPT;
}

describe("citations of the review rules", () => {
  // PROHIBITED quotes come from src/core/rules/prohibited;
  // their own tests check them. These are the engine's own.
  const cited = RULES.filter((r) => r.citation?.seed && r.kind !== "PROHIBITED");

  it("every quote is verbatim in its seed", () => {
    expect(cited.length).toBeGreaterThan(10);
    for (const r of cited) {
      const text = seedText(r.citation!.seed!);
      expect({ rule: r.rule, found: text.includes(r.citation!.quote) }).toEqual({
        rule: r.rule,
        found: true,
      });
    }
  });

  it("the excerpt kept in test/ is verbatim in the seeds when they are at hand", () => {
    const lines = EXCERPT.split("\n").filter(Boolean);
    const seeds = [
      "000_8634c4e30faddb74.txt",
      "001_e0b659f410d86e49.txt",
      "002_f03675b072b4c157.txt",
      "003_c6fdd472154e6e51.txt",
      "004_c06148aca6f24e89.txt",
    ];
    for (const line of lines)
      expect({ line, found: seeds.some((s) => seedText(s).includes(line)) }).toEqual({
        line,
        found: true,
      });
  });

  it("labels read as docs/rules.md prints them", () => {
    const label = (id: string) => citationLabel(RULES.find((r) => r.rule === id)!.citation!);
    expect(label("GX34-13-CENTRAL_ADVANCE")).toBe("桂政发〔2014〕34号 第（十三）条");
    expect(label("GX34-13-CARRYOVER")).toBe("桂政发〔2014〕34号 第（十三）条");
    expect(label("GX34-7-3-NOT_STARTED")).toBe("桂政发〔2014〕34号 第（七）条3");
    expect(label("XJ76-2-4-HOTLINE")).toBe("新扶贫领字〔2018〕76号 二（四）");
    expect(label("XJ76-2-6")).toBe("新扶贫领字〔2018〕76号 二（六）");
    expect(label("XJ76-2-1-DUPLICATE")).toBe("新扶贫领字〔2018〕76号 二（一）");
  });
});

describe("one clause, one encoding", () => {
  it("a clause quoted by several parts (review, filing, allocation, negative lists) is one object", () => {
    const all: Citation[] = [
      ...RULES.map((r) => r.citation).filter((c): c is Citation => !!c),
      ...Object.values(FILING_CITATIONS),
      ...ALLOCATION_CITATIONS,
      ...Object.values(NEGATIVE_LISTS).flatMap((p) => p.rules.map((r) => r.citation)),
    ];
    const byText = new Map<string, Set<Citation>>();
    for (const c of all) {
      const key = `${c.document}|${c.clause}|${c.quote}`;
      byText.set(key, (byText.get(key) ?? new Set()).add(c));
    }
    const twice = [...byText].filter(([, s]) => s.size > 1).map(([k]) => k);
    expect(twice).toEqual([]);
    const ruleCitation = (id: string) => RULES.find((r) => r.rule === id)?.citation;
    expect(FILING_CITATIONS.publicity).toBe(ruleCitation("XJ76-2-4-HOTLINE"));
    expect(FILING_CITATIONS.performance).toBe(ruleCitation("XJ76-2-6"));
  });
});
