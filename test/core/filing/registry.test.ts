/**
 * FILING findings go through the one rule registry (core/filing/rules, registered by the FILING
 * kind in core/review/kinds): every finding the completeness check makes — on every filing sheet,
 * for every kind of fault — names a registered rule, and takes its kind, severity and citation
 * from it.
 */
import { checkFilingSheet } from "../../../src/core/filing/check";
import { headerText, sheetLayout } from "../../../src/core/filing/layout";
import { FILING_KINDS, SPECS, FieldSpec, SheetSpec } from "../../../src/core/filing/specs";
import { FILING_RULES, ruleById } from "../../../src/core/review/registry";
import type { Finding } from "../../../src/core/review/types";

function sheet(spec: SheetSpec, fields: readonly FieldSpec[], rows: unknown[][]) {
  const l = sheetLayout(spec, { county: "某县", year: 2025, rows: rows.length });
  return {
    name: spec.sheetName,
    values: [[l.title], [l.subtitle], fields.map(headerText), ...rows],
  };
}

/** A value the check rejects, per field type (text: a placeholder). */
function bad(f: FieldSpec): unknown {
  switch (f.type) {
    case "amount":
      return "一百万";
    case "date":
      return "2025-02-30";
    case "year":
      return "来年";
    case "choice":
      return "不在列表中的选项";
    default:
      return "/";
  }
}

function faults(spec: SheetSpec): Finding[] {
  const all = spec.fields;
  const negative = all.map((f) => (f.type === "amount" ? -5 : f.type === "text" ? "有" : ""));
  const period = spec.periods?.[0];
  const order = all.map((f) =>
    period && f.key === period.from ? 45565 : period && f.key === period.to ? 45352 : "有"
  );
  const withoutFirstRequired = all.filter((f) => f !== all.find((x) => x.required));
  return [
    ...checkFilingSheet(sheet(spec, all, [all.map(bad), all.map(() => ""), negative, order])),
    ...checkFilingSheet(sheet(spec, withoutFirstRequired, [withoutFirstRequired.map(bad)])),
    ...checkFilingSheet(sheet(spec, all, [])),
  ];
}

describe.each(FILING_KINDS.map((k) => SPECS[k]))("$sheetName", (spec) => {
  const found = faults(spec);

  it("finds faults on the sheet and in its cells (the test reaches the check's branches)", () => {
    expect(found.some((f) => f.rule.endsWith("-EMPTY"))).toBe(true);
    expect(found.some((f) => f.cell !== null)).toBe(true);
  });

  it("finds a fault of every sort the fields allow, on the main sheets", () => {
    if (!["plan", "publicity", "assets"].includes(spec.kind)) return;
    const sorts = new Set(found.map((f) => f.rule.replace(/^FILING-[A-Z]+-[^-]+-?/, "")));
    const types = new Set(spec.fields.map((f) => f.type));
    const want = ["", "COLUMN"]; // (EMPTY: the test above)
    if (types.has("amount")) want.push("AMOUNT", "NEGATIVE");
    if (types.has("date")) want.push("DATE");
    if (types.has("year")) want.push("YEAR");
    if (types.has("choice")) want.push("CHOICE");
    if (spec.periods?.length) want.push("ORDER");
    expect([...sorts].sort()).toEqual(expect.arrayContaining(want));
  });

  it("makes every finding under a registered rule, with its kind, severity and citation", () => {
    for (const f of found) {
      const def = ruleById(f.rule);
      expect([f.rule, def?.pack]).toEqual([f.rule, "FILING"]);
      expect([f.rule, f.kind, f.severity, f.citation]).toEqual([
        f.rule,
        def!.kind,
        def!.severity,
        def!.citation,
      ]);
    }
  });
});

test("the FILING rules are listed apart from the review's (a review never reports them)", () => {
  expect(FILING_RULES.length).toBeGreaterThan(FILING_KINDS.length);
  expect(FILING_RULES.every((r) => r.kind === "FILING" || r.kind === "DATA")).toBe(true);
});
