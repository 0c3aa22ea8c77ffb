/** The rule packs are data with citations: every clause quoted as printed and cited as docs/rules.md says. */
import * as fs from "fs";
import * as path from "path";
import { citationLabel } from "../../../src/core/rules/citation";
import { serialFromYmd } from "../../../src/core/dates";
import {
  CATEGORIES,
  CLEARING,
  CODES,
  findRule,
  GROUPS,
  NEGATIVE_LIST_IDS,
  NEGATIVE_LISTS,
} from "../../../src/core/rules/prohibited";
import { sharedFile } from "./shared";

const EXCERPT = fs.readFileSync(path.join(__dirname, "seed-clauses.txt"), "utf8");

/** The team's full copy of the source text when present beside the checkout, else the clause lines copied in seed-clauses.txt. */
function seedText(seed: string): string {
  const p = sharedFile(`seeds/${seed}`);
  return p ? fs.readFileSync(p, "utf8") : EXCERPT;
}

const allRules = NEGATIVE_LIST_IDS.flatMap((p) => NEGATIVE_LISTS[p].rules);

describe("rule packs", () => {
  test("76号 一 has its nine items, the Hubei opinion 六（六） five, 财农〔2017〕8号 nine", () => {
    expect(NEGATIVE_LISTS.XJ2018.rules.map((r) => r.citation.clause)).toEqual(
      ["一", "二", "三", "四", "五", "六", "七", "八", "九"].map((n) => `一（${n}）`)
    );
    expect(NEGATIVE_LISTS.HB2015.rules.map((r) => r.category)).toEqual([
      "IMAGE",
      "URBAN",
      "BUILDING",
      "BONUS",
      "ADMIN",
    ]);
    expect(NEGATIVE_LISTS.CN2017.rules).toHaveLength(9);
  });

  test("citations read as docs/rules.md prints them", () => {
    expect(citationLabel(findRule("XJ76-1-5")!.citation)).toBe("新扶贫领字〔2018〕76号 一（五）");
    expect(citationLabel(findRule("HB15-6-6-BUILDING")!.citation)).toBe(
      "湖北省人民政府 2015-08-25 意见 六（六）"
    );
    expect(citationLabel(findRule("CN17-5")!.citation)).toBe("财农〔2017〕8号 （5）");
  });

  test("every quote from a seed is verbatim in it (pieces joined by ……)", () => {
    for (const r of allRules.filter((x) => x.checkedAgainst === "seed")) {
      const text = seedText(r.citation.seed!);
      for (const piece of r.citation.quote.split("……").filter(Boolean))
        expect({ rule: r.id, found: text.includes(piece) }).toEqual({ rule: r.id, found: true });
    }
  });

  test("the clause excerpt kept in test/ matches the seeds when they are at hand", () => {
    for (const seed of ["002_f03675b072b4c157.txt", "000_8634c4e30faddb74.txt"]) {
      const p = sharedFile(`seeds/${seed}`);
      const text = p ? fs.readFileSync(p, "utf8") : EXCERPT;
      for (const line of EXCERPT.split("\n").filter((l) =>
        l.includes(seed.startsWith("002") ? "九方面" : "严肃整合纪律")
      ))
        expect(text).toContain(line);
    }
  });

  test("财农〔2017〕8号 is marked as checked against the secondary summary only (checkedAgainst = rules.md); 2021 measures are not shipped", () => {
    expect(
      NEGATIVE_LISTS.CN2017.rules.every((r) => r.checkedAgainst === "rules.md" && !r.citation.seed)
    ).toBe(true);
    expect(JSON.stringify(NEGATIVE_LISTS)).not.toContain("2021");
  });

  test("effective dates: 76号 from 2018-11-28, Hubei from 2015-08-25, 财农 from 2017-03-31", () => {
    expect(findRule("XJ76-1-1")!.effective).toEqual({
      from: serialFromYmd(2018, 11, 28),
      to: null,
    });
    expect(findRule("HB15-6-6-IMAGE")!.effective.from).toBe(serialFromYmd(2015, 8, 25));
    expect(findRule("CN17-1")!.effective.from).toBe(serialFromYmd(2017, 3, 31));
  });

  test("rule ids are unique, messages bilingual, groups exist and match the rule's category", () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of allRules) {
      expect(r.message.zh).toMatch(/不得用于/);
      expect(r.message.en).toMatch(/must not pay for/);
      for (const g of r.groups) expect(GROUPS.find((x) => x.id === g)?.category).toBe(r.category);
    }
  });

  test("IMAGE is Hubei's alone; UNRELATED has no words (only an office's own list)", () => {
    expect(allRules.filter((r) => r.category === "IMAGE").map((r) => r.pack)).toEqual(["HB2015"]);
    for (const r of allRules.filter((x) => x.category === "UNRELATED"))
      expect(r.groups).toEqual([]);
    expect(GROUPS.some((g) => g.category === "UNRELATED")).toBe(false);
  });

  test("one encoding: no word is listed twice for the same purpose", () => {
    const seen = new Set<string>();
    for (const g of GROUPS)
      for (const w of [...g.terms, ...(g.contextual ?? [])]) {
        expect(seen.has(`${g.category}:${w}`)).toBe(false);
        seen.add(`${g.category}:${w}`);
      }
    for (const c of CLEARING) for (const w of c.terms) expect(w.length).toBeGreaterThanOrEqual(2);
    expect(new Set(CODES.map((c) => c.code)).size).toBe(CODES.length);
    for (const c of CODES)
      if (c.group) expect(CATEGORIES).toContain(GROUPS.find((g) => g.id === c.group)!.category);
  });
});
