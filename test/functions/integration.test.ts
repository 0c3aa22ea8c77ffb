/**
 * FUND.INTEGRATION (秭归 2015, one county's practice): 1万元 per household and +10 % a year,
 * 以上 including the figure — exactly at either is met, one yuan short is not.
 */
import { integration } from "../../src/functions/functions";
import { GROWTH_CITATION, HOUSEHOLD_CITATION } from "../../src/core/rules/integration-targets";
import * as fs from "fs";
import * as path from "path";

type Err = { code: string; message: string };

test("exactly 1万 per household and exactly +10 % are met", () => {
  expect(integration("836万", 836, "760万")).toBe("");
  expect(integration(8360000, 836, 7600000)).toBe("");
});

test("one yuan short of either is named, marked as one county's practice", () => {
  expect(integration(8359999, 836)).toBe(
    "低于每户目标：应不低于 836万元（836 户），实为 835.9999万元（秭归做法，非规定）"
  );
  expect(integration(8359999, null, 7600000)).toBe(
    "低于年增长目标：应不低于 836万元，实为 835.9999万元（秭归做法，非规定）"
  );
});

test("the office's own figures replace Zigui's; bad input is #VALUE!", () => {
  expect(integration(8000000, 1000, 7600000, 8000, "5%")).toBe("");
  expect(integration(7999999, 1000, null, 8000)).toContain("低于每户目标");
  expect((integration(100, "许多") as Err).code).toBe("#VALUE!");
  expect((integration(100, 1, null, null, "快") as Err).code).toBe("#VALUE!");
});

test("the targets are quoted as the seed prints them", () => {
  const excerpt = fs.readFileSync(
    path.resolve(__dirname, "../core/review/seed-clauses.txt"),
    "utf8"
  );
  expect(excerpt).toContain(HOUSEHOLD_CITATION.quote);
  expect(excerpt).toContain(GROWTH_CITATION.quote);
});
