/**
 * 桂政发〔2014〕34号 第（七）条1–2: adjusting a pooled project. 1. A partial change of a project's
 * scale or content is applied for by the county's competent department with the poverty office,
 * approved by the county government, and the change and its use are filed with the higher
 * competent department (备案). 2. Moving a project outside the pooling platform needs the higher
 * competent department's consent.
 *
 * What is checkable, and our reading (pack ADJUST, off unless the office ticks it):
 * - the plan is the county's 年度统筹整合资金方案 (sheet of that name, 资金额度 per project, summed
 *   over the plan's rows of one project); the log is the 项目调整备案表 filing sheet;
 * - a project's SCALE changed when the amounts a sheet arranges for it differ from the plan: on a
 *   project list (项目库…) any difference; on a disbursement ledger only a total ABOVE the plan (a
 *   total below may be money still to be paid, so it is not called a change);
 * - such a project needs a log entry with an approval date and 批准文号 (the approval of 1 or the
 *   consent of 2), and for a 局部调整 (or an entry that does not say which) a 备案日期 as well;
 * - content and place are not compared: the plan has no 实施地点 column (使用平台 is the platform,
 *   not a place) and wording differs between sheets, so a text comparison would only guess.
 */
import { Decimal } from "../money";
import { Citation, DOCS, SEEDS } from "./citation";

export const ADJUSTMENT_CITATION: Citation = {
  document: DOCS.GX34,
  clause: "第（七）条1–2",
  quote:
    "1.需要對項目實施規?;蚓唧w實施內容進行局部調整的,由縣相關主管部門會同扶貧部門向當地人民政府提出申請,經批準后項目資金可在相關項目平臺區內繼續統籌使用,調整和使用情況報上級有關主管部門備案。\n2.需要將項目調整到整合平臺以外地點實施的,由縣相關主管部門會同扶貧部門按照項目資金性質不變和繼續用于扶貧的原則,向上級有關主管部門提出申請,經同意后可調整實施地點。",
  seed: SEEDS.GX34,
};

/** The filing sheets the check reads (their names as `fund-compliance template` writes them). */
export const PLAN_SHEET = "年度统筹整合资金方案";
export const ADJUSTMENT_SHEET = "项目调整备案表";

/** One row of the adjustment log as read. `kind`: 1 = 局部调整, 2 = 调整实施地点, null = not said. */
export interface AdjustmentEntry {
  row: number;
  project: string;
  kind: 1 | 2 | null;
  /** Approval (or consent) date, serial; null when blank or unreadable. */
  approved: number | null;
  docNumber: string;
  /** Filing date, serial; null when blank or unreadable. */
  filed: number | null;
}

export function adjustmentKindOf(text: string): 1 | 2 | null {
  if (/地点|地點|平台|平臺/.test(text)) return 2;
  if (/局部|规模|規模|内容|內容/.test(text)) return 1;
  return null;
}

/** What a log entry lacks for the clause ([] when it is approved and, for 1, filed). */
export function entryLacks(e: AdjustmentEntry): string[] {
  const out: string[] = [];
  if (e.approved === null) out.push("批准日期");
  if (!e.docNumber.trim()) out.push("批准文号");
  if (e.kind !== 2 && e.filed === null) out.push("备案日期");
  return out;
}

export type ScaleChange = "above" | "below" | null;

/**
 * Whether the amounts arranged differ from the plan in a way that is a change of scale: any
 * difference on a project list; only above the plan on a disbursement ledger.
 */
export function scaleChange(
  arranged: Decimal,
  planned: Decimal,
  projectList: boolean
): ScaleChange {
  if (arranged.greaterThan(planned)) return "above";
  if (projectList && arranged.lessThan(planned)) return "below";
  return null;
}

/**
 * The verdict on a changed project: null when one log entry satisfies the clause, else what is
 * missing (no entry at all, or the fields the best entry lacks, with its row).
 */
export function adjustmentProblem(
  entries: readonly AdjustmentEntry[]
): { none: true } | { none: false; row: number; lacks: string[] } | null {
  if (entries.length === 0) return { none: true };
  let best: { row: number; lacks: string[] } | null = null;
  for (const e of entries) {
    const lacks = entryLacks(e);
    if (lacks.length === 0) return null;
    if (!best || lacks.length < best.lacks.length) best = { row: e.row, lacks };
  }
  return { none: false, ...best! };
}
