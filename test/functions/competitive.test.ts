/** FUND.RISING (34号（四）): a share equal to the year before is not a rise. */
import { rising } from "../../src/functions/functions";
import { COMPETITIVE_CITATION } from "../../src/core/rules/competitive";
import * as fs from "fs";
import * as path from "path";

const col = (xs: unknown[]) => xs.map((x) => [x]);
type Err = { code: string; message: string };

test("rising every year is ''; an equal year and a fall are named", () => {
  expect(rising(col(["20%", 0.25, 30]))).toBe("");
  expect(rising(col([0.2, 0.25, 0.25]), col([2024, 2025, 2026]))).toBe("2026 25% 未高于 2025 25%");
  expect(rising(col([0.2, 0.19, 0.3]))).toBe("第2年 19% 未高于 第1年 20%");
});

test("an unreadable share or a single year is #VALUE!", () => {
  expect((rising(col([0.2, ""])) as Err).code).toBe("#VALUE!");
  expect((rising(col([0.2])) as Err).code).toBe("#VALUE!");
});

test("the clause is quoted as the seed prints it", () => {
  const excerpt = fs.readFileSync(
    path.resolve(__dirname, "../core/review/seed-clauses.txt"),
    "utf8"
  );
  expect(excerpt).toContain(COMPETITIVE_CITATION.quote);
});
