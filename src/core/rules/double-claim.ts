/**
 * Double claims: the same project funded through more than one channel or document. The Hubei
 * opinion 五（三） asks that "多渠道资金的重复交叉" be solved; 76号 二（一） asks that the ledger be
 * complete, true and timely. A project that appears under two funding channels (资金来源) or two
 * allocation documents (文号) may be honest pooling or a double claim: a person must look, so it is
 * a warning naming both rows, never an error.
 */
import { Citation, DOCS, SEEDS } from "./citation";

export const DOUBLE_CLAIM_CITATION: Citation = {
  document: DOCS.HB2015,
  clause: "五（三）",
  quote:
    "要从制度层面推动财政资金整合，切实解决多渠道资金的重复交叉和部门间难以协调配合的问题，最大限度发挥财政资金综合效应。",
  seed: SEEDS.HB2015,
};
