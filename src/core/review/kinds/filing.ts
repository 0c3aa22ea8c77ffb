/**
 * FILING — a filing sheet sent with a required field missing, unreadable, or off its list
 * (src/core/filing: the sheets as data, each field with the clause that asks for it). Its check
 * is the filing completeness check (core/filing/check), not a ledger row check: the rules are
 * registered here, one per field and fault, so its findings take their kind, severity and
 * citation from the one registry like every other.
 */
import { bi } from "../../i18n";
import type { KindModule } from "./types";
import { filingRules } from "../../filing/rules";

export const filingKind: KindModule = {
  id: "FILING",
  label: bi("备案缺项", "Filing field missing"),
  order: 140,
  hint: bi(
    "在备案表中补填该项，再次检查后报送。",
    "Fill in this item in the filing sheet, check again, then send it."
  ),
  sheetKinds: [],
  fields: [],
  rules: filingRules(),
};
