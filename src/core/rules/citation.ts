/**
 * Where a rule comes from: the document number and clause as printed, the clause's words, and
 * the seed file it was read from. Every finding carries its rule's citation.
 */
export interface Citation {
  /** Document as printed (Simplified), e.g. "桂政发〔2014〕34号", "新扶贫领字〔2018〕76号". */
  document: string;
  /** Clause as printed, e.g. "第（十三）条", "一（五）", "二（四）". */
  clause: string;
  /** The clause's words, quoted from the source (the seed's script, Traditional where it is). */
  quote: string;
  /** Our copy of the source text the quote was checked against (docs/rules.md「依据的文件」), when there is one. */
  seed?: string;
}

/** "桂政发〔2014〕34号 第（十三）条": the short form findings and cells show. */
export function citationLabel(c: Citation): string {
  return `${c.document} ${c.clause}`;
}

/** Documents cited by more than one rule pack, spelled once. */
export const DOCS = {
  GX34: "桂政发〔2014〕34号",
  XJ76: "新扶贫领字〔2018〕76号",
  HB2015: "湖北省人民政府 2015-08-25 意见",
  CN2017: "财农〔2017〕8号",
  GX2014_INNOVATE: "广西 2014 创新扶贫开发工作意见",
  CIVIL_CODE: "民法典",
} as const;

/** Our copies of the source texts the quotes were checked against (not in the repository; the documents are listed in docs/rules.md「依据的文件」), named once. */
export const SEEDS = {
  HB2015: "000_8634c4e30faddb74.txt",
  GX34: "001_e0b659f410d86e49.txt",
  XJ76: "002_f03675b072b4c157.txt",
  GX2014_INNOVATE: "004_c06148aca6f24e89.txt",
  ZG2015: "003_c6fdd472154e6e51.txt",
} as const;
