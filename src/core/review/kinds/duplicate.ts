/**
 * DUPLICATE — 新扶贫领字〔2018〕76号 二（一）: the ledger must be complete, true and timely; an entry
 * made twice overstates the money. The same project entered twice: the same project number where
 * the sheet has that column; otherwise the same name, place and amount (and document number where
 * there is one), names compared in the normal form and amounts as numbers, whatever their unit or
 * spelling. What a sheet keeps is each key's characters once, hashed (../dup-key.ts).
 */
import { bi } from "../../i18n";
import { amountKey, yuanOf } from "../../ledger/record";
import { foldText } from "../../normal-form";
import { DUPLICATE_CITATION } from "../../rules/review";
import type { RuleDef } from "../rule-def";
import { DuplicateKeys } from "../dup-key";
import { ROW_SHEETS, type Emit, type KindModule, type RowView } from "./types";
import { yuan } from "./format";

export const DUPLICATE_RULE = "XJ76-2-1-DUPLICATE";

const rules: RuleDef[] = [
  {
    kind: "DUPLICATE",
    rule: DUPLICATE_RULE,
    severity: "warning",
    pack: "DATA",
    params: {},
    citation: DUPLICATE_CITATION,
    message: bi(
      "与第 {first} 行重复：同一项目「{project}」、同一金额 {amount} 录入两次",
      'same as row {first}: project "{project}" with amount {amount} entered twice'
    ),
  },
];

// White space and punctuation, half- and full-width, ignored when comparing names.
const NAME_NOISE = /[\s\u3000"'“”‘’「」『』《》<>()（）[\]【】,，.。、;；:：!！?？·\-—_＿－]/g;
const HAS_NOISE = new RegExp(NAME_NOISE.source); // (a test: no new string for a clean name)
const UPPER_ASCII = /[A-Z]/;

/** A name as compared: the normal form, once — folded, then noise out, ASCII lower case. */
export function duplicateName(s: string): string {
  let t = foldText(s);
  if (HAS_NOISE.test(t)) t = t.replace(NAME_NOISE, "");
  return UPPER_ASCII.test(t) ? t.toLowerCase() : t;
}

// Places and document numbers repeat down a ledger: their keys are cached (bounded).
const KEY_CACHE = new Map<string, string>();
function cachedKey(s: string): string {
  let k = KEY_CACHE.get(s);
  if (k === undefined) {
    k = duplicateName(s);
    if (KEY_CACHE.size < 4096) KEY_CACHE.set(s, k);
  }
  return k;
}

export const duplicateKind: KindModule = {
  id: "DUPLICATE",
  label: bi("重复录入", "Duplicate entry"),
  order: 70,
  hint: bi(
    "核对两行是否为同一笔资金；重复录入的，删除其中一行；确为两笔的，在备注中说明。",
    "Check whether the two rows are the same money; delete one if it was entered twice, or note why there are two."
  ),
  sheetKinds: ROW_SHEETS,
  fields: ["projectNo", "project", "content", "place", "amount", "docNumber"],
  rules,
  start(_params, packs) {
    if (!packs.has("DATA")) return null;
    const seen = new DuplicateKeys();
    return {
      row: (v, emit) => checkDuplicate(v, seen, emit),
      finish() {},
    };
  },
};

const NO_KEY = ["#", ""];
const NAME_KEY = ["", "", "", ""];

/** The same project entered twice (see above); `seen`: key → the first row that had it. */
function checkDuplicate(
  { rec, mapping: m, units }: RowView,
  seen: DuplicateKeys,
  emit: Emit
): void {
  const nameField = m.project !== undefined ? "project" : "content";
  const name = rec.text[nameField];
  const cell = rec.amounts.amount;
  const unit = units.amount ?? "元";
  const no = rec.text.projectNo ? duplicateName(rec.text.projectNo) : "";
  let key: string[];
  if (m.projectNo !== undefined) {
    if (!no) return;
    key = NO_KEY;
    key[1] = no;
  } else {
    if (!name || cell === undefined) return;
    key = NAME_KEY;
    key[0] = duplicateName(name);
    key[1] = rec.text.place ? cachedKey(rec.text.place) : "";
    key[2] = amountKey(cell, unit);
    key[3] = rec.text.docNumber ? cachedKey(rec.text.docNumber) : "";
  }
  // (the keys' characters are copied by firstOrAdd: one array of parts per kind of key serves)
  const first = seen.firstOrAdd(rec.row, key);
  if (first === undefined) return;
  const amount = cell === undefined ? "" : yuan(yuanOf(cell), unit);
  emit(
    DUPLICATE_RULE,
    rec.row,
    no ? m.projectNo! : m[nameField]!,
    { first, project: name || rec.text.projectNo || "", amount },
    `与第 ${first} 行相同：` +
      [
        no ? `项目编号 ${rec.text.projectNo}` : "",
        name ?? "",
        rec.text.place ?? "",
        amount,
        rec.text.docNumber ?? "",
      ]
        .filter(Boolean)
        .join("；")
  );
}
