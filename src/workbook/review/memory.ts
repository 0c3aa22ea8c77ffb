/**
 * In-memory implementation of the Review pane's workbook interface, for tests and the browser
 * harness. It starts with a sample county workbook — a disbursement ledger, a carry-over table and
 * a publicity list — with planted faults, so that a review shows findings of every kind.
 */
import type { Lang } from "../../core/i18n";
import { serialFromYmd } from "../../core/dates";
import type { ColumnMapping, Finding, SheetInput } from "../../core/review/types";
import { columnIndex } from "../../core/review/types";
import type { FindingsPrintInfo, HighlightReport, ReviewWorkbook, SheetList } from "./port";
import { FINDINGS_SHEET, findingsTable } from "./findings-table";
import { uniqueSheetName } from "../../core/a1";
import type { ReviewTrail } from "../../core/review/trail";
import { HIGHLIGHT_FILL, SEVERITY_ORDER } from "./labels";

export interface MemorySheet {
  name: string;
  /** Cells from A1, row-major; "" for blank. */
  values: unknown[][];
  merges?: string[];
  hidden?: boolean;
  /** Fills by A1 address; absent = no fill. */
  fills: Map<string, string>;
  /** For a findings sheet: what its printed header was given. */
  print?: FindingsPrintInfo;
}

const d = serialFromYmd;

// prettier-ignore
/** 资金拨付台账: title and unit rows, merged title, dates as Excel serials, amounts in 万元. */
function sampleLedger(): unknown[][] {
  const header = [
    "序号",
    "项目名称",
    "建设内容",
    "资金类型",
    "资金来源",
    "下达金额\n（万元）",
    "收到文件日期",
    "资金下达日期",
    "下达文号",
    "经济分类",
    "项目批复日期",
    "实施状态",
    "实施单位",
    "绩效目标",
    "人大批复部门预算日期",
  ];
  const ny = "某县农业农村局";
  const zy = "中央财政衔接资金";
  const zq = "自治区财政衔接资金";
  const doc1 = "桂财农〔2023〕112号";
  const doc2 = "桂财农〔2024〕21号";
  const doc3 = "桂财农〔2024〕5号";
  // [project, content, fund type, source, amount, received, passed down, doc, econ code,
  //  approved, status, implementer, performance target]
  const rows: unknown[][] = [
    // Clean rows.
    ["东风村产业路硬化", "硬化村道3.2公里，宽4.5米", "中央提前下达", zy, 96.5,
      d(2024, 1, 10), d(2024, 3, 1), doc1, "31005", d(2023, 12, 20), "已完工",
      "某县交通运输局", "受益脱贫人口320人"],
    ["红旗村饮水安全巩固提升", "新建蓄水池2座，铺设管网5公里", "中央新增", zy, 48,
      d(2024, 4, 8), d(2024, 5, 20), doc2, "31005", d(2024, 3, 15), "在建",
      "某县水利局", "解决1200人饮水安全"],
    ["新民村扶贫车间建设", "建设标准化厂房800平方米", "自治区本级", zq, 120,
      d(2024, 1, 22), d(2024, 3, 18), doc3, "31001", d(2023, 11, 30), "已验收", ny, "带动就业60人"],
    ["脱贫户产业奖补", "对发展种养业的脱贫户以奖代补", "中央提前下达", zy, 35.6,
      d(2024, 1, 10), d(2024, 2, 26), doc1, "30305", d(2023, 12, 20), "已完工", ny, "户均增收2000元"],
    // OVERDUE: received 2024-01-10, passed down 2024-06-20 — past 4 months (34号 （十三）).
    ["永安村危房改造补助", "补助危房改造42户", "中央提前下达", zy, 84,
      d(2024, 1, 10), d(2024, 6, 20), doc1, "30305", d(2023, 12, 20), "已完工",
      "某县住房和城乡建设局", "改造危房42户"],
    // OVERDUE: new central money received 2024-03-01, never passed down.
    ["光明村灌溉水渠修复", "修复灌溉水渠2.4公里", "中央新增", zy, 30,
      d(2024, 3, 1), "", "桂财农〔2024〕9号", "31005", d(2024, 2, 20), "在建",
      "某县水利局", "新增灌溉面积600亩"],
    // IDLE: approved 2021-05-10 and still not started (34号 （七）3).
    ["团结村冷库建设", "建设500吨冷库1座", "自治区本级", zq, 150,
      d(2021, 4, 2), d(2021, 6, 1), "桂财农〔2021〕33号", "31001", d(2021, 5, 10), "未开工",
      ny, "年储存果蔬3000吨"],
    // PROHIBITED: vehicles (76号 一（二）), with the economic code for official cars.
    ["乡镇扶贫工作站用车", "购买公务用车2辆", "自治区本级", zq, 36,
      d(2024, 1, 22), d(2024, 3, 18), doc3, "31013", d(2024, 1, 5), "已完工",
      "某县乡村振兴局", "保障工作用车"],
    // PROHIBITED, in Traditional characters: office building (76号 一（五）).
    ["鄉政府辦公樓維修", "修建鄉政府辦公樓及會議室", "部门已细化", "部门整合资金", 210,
      d(2024, 2, 26), d(2024, 3, 20), "桂财农〔2024〕12号", "31006", d(2024, 2, 1), "在建",
      "某县城关镇人民政府", "改善办公条件"],
    // PERFORMANCE: no performance target (76号 二（六）).
    ["和平村文化室建设", "新建村级文化活动室1座", "中央新增", zy, 25,
      d(2024, 4, 8), d(2024, 5, 10), doc2, "31005", d(2024, 3, 30), "在建", ny, ""],
    // DUPLICATE of the first row: same project, same amount.
    ["东风村产业路硬化", "硬化村道3.2公里，宽4.5米", "中央提前下达", zy, 96.5,
      d(2024, 1, 10), d(2024, 3, 1), doc1, "31005", d(2023, 12, 20), "已完工",
      "某县交通运输局", "受益脱贫人口320人"],
    // DATA: an amount that cannot be read, and an ambiguous date typed as text (2020211).
    ["富民村光伏电站运维", "光伏电站运维补助", "中央新增", zy, "待定",
      d(2024, 4, 8), "2020211", doc2, "30305", d(2024, 3, 30), "在建", ny, "电站年收益20万元"],
  ];
  // 34号（十三）: region-budget and department rows run from the budget approval (last column),
  // the central rows from receipt of the document.
  for (const r of rows) {
    const budget = /自治区本级|部门/.test(String(r[2]));
    r.push(budget ? r[5] : "");
    if (budget) r[5] = "";
  }
  return [
    ["某县2024年财政衔接推进乡村振兴补助资金拨付台账"],
    ["单位：万元"],
    header,
    ...rows.map((r, i) => [i + 1, ...r]),
  ];
}

/** 结转结余: one year above the 10 % carry-over line (34号 （十三）). */
function sampleCarryover(): unknown[][] {
  return [
    ["某县财政衔接资金结转结余情况表"],
    ["年度", "资金总额（万元）", "结转结余（万元）"],
    [2022, 1200, 80],
    [2023, 1500, 210],
    [2024, 1680, 96],
  ];
}

/** 项目公示: the nine fields of 76号 二（四）; one row lacks its hotline. */
function samplePublicity(): unknown[][] {
  return [
    ["某县2024年衔接资金项目公告公示"],
    [
      "项目名称",
      "资金来源",
      "资金规模（万元）",
      "实施地点",
      "建设内容",
      "建设周期",
      "绩效目标",
      "实施单位",
      "责任人",
      "监督举报电话",
    ],
    [
      "东风村产业路硬化",
      "中央财政衔接资金",
      96.5,
      "东风村",
      "硬化村道3.2公里",
      "2024年3月—2024年8月",
      "受益脱贫人口320人",
      "某县交通运输局",
      "李明",
      "0771-12317",
    ],
    [
      "红旗村饮水安全巩固提升",
      "中央财政衔接资金",
      48,
      "红旗村",
      "新建蓄水池2座",
      "2024年5月—2024年10月",
      "解决1200人饮水安全",
      "某县水利局",
      "王芳",
      "",
    ],
  ];
}

export function sampleSheets(): MemorySheet[] {
  return [
    { name: "资金拨付台账", values: sampleLedger(), merges: ["A1:N1", "A2:N2"], fills: new Map() },
    { name: "结转结余", values: sampleCarryover(), merges: ["A1:C1"], fills: new Map() },
    { name: "项目公示", values: samplePublicity(), merges: ["A1:J1"], fills: new Map() },
  ];
}

function parseA1(cell: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) throw new Error(`bad cell ${cell}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export class MemoryReviewWorkbook implements ReviewWorkbook {
  sheets: MemorySheet[];
  active: string;
  /** The selected cell, as Excel would show it (the browser test reads it). */
  selected: { sheet: string; cell: string } | null = null;
  /** Column mappings the user saved, by sheet name. */
  mappings = new Map<string, ColumnMapping>();
  /** Original fills of highlighted cells ("sheet!cell" → fill or null for none). */
  private originals = new Map<string, { sheet: string; cell: string; fill: string | null }>();

  constructor(sheets: MemorySheet[] = sampleSheets(), active?: string) {
    this.sheets = sheets;
    this.active = active ?? sheets[0]?.name ?? "";
  }

  sheet(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`工作表不存在 (no sheet named) ${name}`);
    return s;
  }

  async listSheets(): Promise<SheetList> {
    const names = this.sheets.filter((s) => !s.hidden).map((s) => s.name);
    return { names, active: names.includes(this.active) ? this.active : null };
  }

  async readSheet(name: string): Promise<SheetInput> {
    const s = this.sheet(name);
    return {
      name,
      values: s.values.map((r) => [...r]),
      origin: { row: 1, column: 1 },
      merges: [...(s.merges ?? [])],
    };
  }

  async loadMapping(sheet: string): Promise<ColumnMapping | null> {
    const m = this.mappings.get(sheet);
    return m ? { ...m } : null;
  }

  async saveMapping(sheet: string, mapping: ColumnMapping | null): Promise<void> {
    if (mapping) this.mappings.set(sheet, { ...mapping });
    else this.mappings.delete(sheet);
  }

  async writeFindings(findings: Finding[], lang: Lang, print?: FindingsPrintInfo): Promise<string> {
    const name = uniqueSheetName(
      FINDINGS_SHEET,
      this.sheets.map((s) => s.name)
    );
    this.sheets.push({
      name,
      values: (() => {
        const t = findingsTable(findings, lang, print?.marks);
        return [t.header, ...t.rows];
      })(),
      fills: new Map(),
      print,
    });
    this.active = name;
    return name;
  }

  async highlight(findings: Finding[]): Promise<HighlightReport> {
    const best = new Map<string, { sheet: string; cell: string; rank: number }>();
    for (const f of findings) {
      if (!f.cell) continue;
      const key = `${f.sheet}!${f.cell}`;
      const rank = SEVERITY_ORDER.indexOf(f.severity);
      const had = best.get(key);
      if (!had || rank < had.rank) best.set(key, { sheet: f.sheet, cell: f.cell, rank });
    }
    for (const [key, t] of best) {
      const s = this.sheet(t.sheet);
      parseA1(t.cell);
      if (!this.originals.has(key)) {
        this.originals.set(key, {
          sheet: t.sheet,
          cell: t.cell,
          fill: s.fills.get(t.cell) ?? null,
        });
      }
      s.fills.set(t.cell, HIGHLIGHT_FILL[SEVERITY_ORDER[t.rank]]);
    }
    return { cells: best.size };
  }

  async clearHighlights(): Promise<HighlightReport> {
    let n = 0;
    for (const o of this.originals.values()) {
      const s = this.sheets.find((x) => x.name === o.sheet);
      if (!s) continue;
      if (o.fill === null) s.fills.delete(o.cell);
      else s.fills.set(o.cell, o.fill);
      n++;
    }
    this.originals.clear();
    return { cells: n };
  }

  /** The review trail, as the workbook keeps it (tests read it). */
  trail: ReviewTrail | null = null;

  async loadTrail(): Promise<ReviewTrail | null> {
    return this.trail ? (JSON.parse(JSON.stringify(this.trail)) as ReviewTrail) : null;
  }

  async saveTrail(trail: ReviewTrail): Promise<void> {
    this.trail = JSON.parse(JSON.stringify(trail)) as ReviewTrail;
  }

  async selectCell(sheet: string, cell: string | null): Promise<void> {
    this.sheet(sheet);
    this.active = sheet;
    this.selected = { sheet, cell: cell ?? "A1" };
  }
}
