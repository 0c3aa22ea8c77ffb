/** FUND.PLANCHECK (Hubei 2015 四（四）、五（一）): the third quarter's last day is in time. */
import { planCheck } from "../../src/functions/functions";
import { PLAN_FILING_CITATION, PLAN_TIMING_CITATION } from "../../src/core/rules/pooling-plan";
import * as fs from "fs";
import * as path from "path";

type Err = { code: string; message: string };

test("drafting started on 30 September of the year before is in time; 1 October is late", () => {
  expect(planCheck(2026, "2025-09-30", "秭政发〔2025〕12号", "2026-01-10")).toBe("");
  expect(planCheck(2026, "2025-10-01", "秭政发〔2025〕12号", "2026-01-10")).toBe(
    "2025-10-01 才着手编制，晚于上一年第三季度（2025-09-30 前）"
  );
});

test("a missing document number or filing, and a filing before drafting, are named", () => {
  expect(planCheck(2026, "2025-08-01", "", null)).toBe(
    "缺少县级政府印发文号；缺少报省财政厅备案日期"
  );
  expect(planCheck(2026, "2025-08-01", "x号", "2025-07-01")).toBe(
    "备案日期 2025-07-01 早于编制日期 2025-08-01"
  );
  expect((planCheck("明年", "2025-08-01", "x") as Err).code).toBe("#VALUE!");
});

test("the clauses are quoted as the seed prints them", () => {
  const excerpt = fs.readFileSync(
    path.resolve(__dirname, "../core/review/seed-clauses.txt"),
    "utf8"
  );
  for (const c of [PLAN_TIMING_CITATION, PLAN_FILING_CITATION]) expect(excerpt).toContain(c.quote);
});
