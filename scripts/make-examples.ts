/**
 * Writes the example workbooks in examples/ (run: `npx tsx scripts/make-examples.ts`).
 *
 * They look like what a county office keeps — a title row, a 「单位：万元」 row, merged cells,
 * dates typed several ways — with a few planted faults of every finding kind, each marked in
 * the comments below with the kind it should raise. Output is byte-stable: fixed dates, no
 * randomness, and the zip entries re-stamped with a fixed time.
 *
 *   examples/county-ledger.xlsx        资金拨付台账 + 结转结余 + 项目公示 + 填表说明
 *   examples/publicity-list.xlsx       a township's publicity list (in 元, some Traditional text)
 *   examples/carryover.xlsx            a county's carry-over table over five years
 *   examples/allocation-factors.xlsx   a factor-method allocation table (not a ledger: skipped)
 *
 * Reviewed as of 2026-11-23 (the date the README uses).
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
// exceljs's own zip library (a dependency of exceljs), used to fix the entries' timestamps.
import JSZip from "jszip";

const FIXED = new Date(Date.UTC(2026, 10, 1, 0, 0, 0));
const OUT = path.join(__dirname, "..", "examples");

/** A date cell: exceljs takes a JS Date at UTC midnight (read back with getUTC*; a local-time Date in Asia/Shanghai would land on the previous day). */
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function titleRows(ws: ExcelJS.Worksheet, title: string, unitLine: string, width: number) {
  const last = String.fromCharCode(64 + width);
  ws.getCell("A1").value = title;
  ws.mergeCells(`A1:${last}1`);
  ws.getCell("A1").font = { bold: true, size: 16, name: "宋体" };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.getRow(1).height = 28;
  ws.getCell("A2").value = unitLine;
  ws.mergeCells(`A2:${last}2`);
  ws.getCell("A2").alignment = { horizontal: "right" };
}

function header(ws: ExcelJS.Worksheet, rowNumber: number, names: string[], widths: number[]) {
  const row = ws.getRow(rowNumber);
  names.forEach((n, i) => {
    const c = row.getCell(i + 1);
    c.value = n;
    c.font = { bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = THIN;
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  row.height = 32;
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function body(ws: ExcelJS.Worksheet, first: number, rows: unknown[][], dateCols: number[]) {
  rows.forEach((values, i) => {
    const row = ws.getRow(first + i);
    values.forEach((v, j) => {
      const c = row.getCell(j + 1);
      c.value = v as ExcelJS.CellValue;
      c.border = THIN;
      if (dateCols.includes(j + 1) && v instanceof Date) c.numFmt = "yyyy-mm-dd";
    });
  });
}

// ── county-ledger.xlsx ──

function ledgerSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet("资金拨付台账", {
    views: [{ state: "frozen", ySplit: 3 }],
    pageSetup: { orientation: "landscape", paperSize: 9 },
  });
  const cols = [
    "序号",
    "项目名称",
    "建设内容",
    "资金类型",
    "资金来源",
    "金额\n（万元）",
    "收到文件日期",
    "资金下达日期",
    "下达文号",
    "经济分类",
    "项目批复日期",
    "实施状态",
    "实施地点",
    "实施单位",
    "人大批复部门预算日期",
  ];
  titleRows(
    ws,
    "某县2026年财政衔接推进乡村振兴补助资金拨付台账",
    "填报单位：某县财政局（盖章）　　　　单位：万元",
    cols.length
  );
  header(ws, 3, cols, [6, 24, 30, 14, 12, 10, 13, 13, 20, 10, 13, 10, 14, 16, 14]);
  const C = "中央财政衔接资金";
  const R = "自治区本级衔接资金";
  const rows: unknown[][] = [
    // clean rows
    [
      1,
      "岩口村道路硬化",
      "硬化村道3.2公里",
      "中央提前下达",
      C,
      120,
      d(2026, 1, 8),
      d(2026, 3, 2),
      "桂财农〔2026〕3号",
      "31005",
      d(2026, 1, 20),
      "在建",
      "岩口村",
      "某县交通运输局",
    ],
    [
      2,
      "坡脚村人饮工程",
      "新建蓄水池2座、铺设管网4.5公里",
      "中央提前下达",
      C,
      85.5,
      d(2026, 1, 8),
      d(2026, 3, 2),
      "桂财农〔2026〕3号",
      "31005",
      d(2026, 1, 22),
      "已完工",
      "坡脚村",
      "某县水利局",
    ],
    [
      3,
      "那怀村百香果产业奖补",
      "对脱贫户种植百香果以奖代补",
      "中央新增",
      C,
      60,
      d(2026, 4, 10),
      d(2026, 5, 20),
      "桂财农〔2026〕41号",
      "30305",
      d(2026, 4, 28),
      "在建",
      "那怀村",
      "某县农业农村局",
    ],
    [
      4,
      "扶贫车间建设",
      "新建标准化扶贫车间1栋",
      "本级预算",
      R,
      150,
      d(2026, 2, 3),
      d(2026, 4, 13),
      "桂财农〔2026〕18号",
      "31001",
      d(2026, 2, 25),
      "在建",
      "工业园",
      "某县乡村振兴局",
    ],
    [
      5,
      "脱贫劳动力技能培训",
      "电商、家政技能培训补贴",
      "部门已细化",
      R,
      32,
      d(2026, 2, 3),
      d(2026, 2, 27),
      "桂财农〔2026〕19号",
      "30305",
      d(2026, 2, 10),
      "已完工",
      "全县",
      "某县人社局",
    ],
    [
      6,
      "小额信贷贴息",
      "脱贫户小额信贷贴息",
      "中央提前下达",
      C,
      48.2,
      d(2026, 1, 8),
      d(2026, 4, 30),
      "桂财农〔2026〕3号",
      "31203",
      d(2026, 1, 15),
      "已完工",
      "全县",
      "某县乡村振兴局",
    ],
    // OVERDUE: 中央提前下达, received 2026-01-08, 4 months → due 2026-05-08; passed down 2026-06-15
    [
      7,
      "六合村灌溉渠修复",
      "修复灌溉渠2.1公里",
      "中央提前下达",
      C,
      76,
      d(2026, 1, 8),
      d(2026, 6, 15),
      "桂财农〔2026〕3号",
      "31005",
      d(2026, 1, 18),
      "在建",
      "六合村",
      "某县水利局",
    ],
    // OVERDUE: 中央新增, received 2026-03-16, 2 months → due 2026-05-18 (16th + roll); not passed down by the as-of date
    [
      8,
      "弄立村特色养殖",
      "肉牛养殖产业奖补",
      "中央新增",
      C,
      90,
      d(2026, 3, 16),
      "",
      "",
      "30305",
      d(2026, 3, 30),
      "在建",
      "弄立村",
      "某县农业农村局",
    ],
    // OVERDUE: 本级预算, approved 2026-02-03, 60 working days → 2026-05-06; passed down 2026-07-01
    [
      9,
      "古楼村文化室",
      "新建村级综合文化室",
      "本级预算",
      R,
      40,
      d(2026, 2, 3),
      d(2026, 7, 1),
      "桂财农〔2026〕77号",
      "31001",
      d(2026, 2, 15),
      "已完工",
      "古楼村",
      "某县文旅局",
    ],
    // IDLE: approved 2023-05-10, still not started on 2026-11-23 (more than 2 years)
    [
      10,
      "平安村农贸市场",
      "新建农贸市场1处",
      "中央提前下达",
      C,
      200,
      d(2023, 1, 6),
      d(2023, 3, 1),
      "桂财农〔2023〕2号",
      "31005",
      d(2023, 5, 10),
      "未开工",
      "平安村",
      "某县商务局",
    ],
    // IDLE: terminated
    [
      11,
      "板烈村光伏电站",
      "村级光伏电站",
      "中央提前下达",
      C,
      95,
      d(2024, 1, 5),
      d(2024, 3, 1),
      "桂财农〔2024〕5号",
      "31005",
      d(2024, 2, 1),
      "终止",
      "板烈村",
      "某县发改局",
    ],
    // PROHIBITED: vehicles (31013 公务用车购置)
    [
      12,
      "乡镇扶贫工作用车",
      "购买公务用车2辆",
      "本级预算",
      R,
      36,
      d(2026, 2, 3),
      d(2026, 3, 20),
      "桂财农〔2026〕18号",
      "31013",
      d(2026, 2, 20),
      "已完工",
      "县城",
      "某县乡村振兴局",
    ],
    // PROHIBITED: allowances for staff
    [
      13,
      "驻村干部补助",
      "发放乡镇干部津贴补贴",
      "部门已细化",
      R,
      18,
      d(2026, 2, 3),
      d(2026, 2, 26),
      "桂财农〔2026〕19号",
      "30102",
      d(2026, 2, 10),
      "已完工",
      "全县",
      "某县乡村振兴局",
    ],
    // PROHIBITED: repaying debt
    [
      14,
      "乡镇债务化解",
      "偿还乡镇政府债务",
      "部门已细化",
      R,
      50,
      d(2026, 2, 3),
      d(2026, 2, 26),
      "桂财农〔2026〕19号",
      "30701",
      d(2026, 2, 10),
      "已完工",
      "某镇",
      "某镇人民政府",
    ],
    // DUPLICATE: rows 15 and 16 are the same project and amount
    [
      15,
      "那坡村产业路",
      "硬化产业路1.8公里",
      "中央新增",
      C,
      64.8,
      d(2026, 4, 10),
      d(2026, 5, 20),
      "桂财农〔2026〕41号",
      "31005",
      d(2026, 4, 25),
      "在建",
      "那坡村",
      "某县交通运输局",
    ],
    [
      16,
      "那坡村产业路",
      "硬化产业路1.8公里",
      "中央新增",
      C,
      64.8,
      d(2026, 4, 10),
      d(2026, 5, 20),
      "桂财农〔2026〕41号",
      "31005",
      d(2026, 4, 25),
      "在建",
      "那坡村",
      "某县交通运输局",
    ],
    // DATA: an amount that is not a number
    [
      17,
      "弄怀村饮水安全巩固",
      "更换供水管网",
      "中央新增",
      C,
      "待定",
      d(2026, 4, 10),
      d(2026, 5, 20),
      "桂财农〔2026〕41号",
      "31005",
      d(2026, 4, 26),
      "在建",
      "弄怀村",
      "某县水利局",
    ],
    // DATA: a date that does not exist (typed as text)
    [
      18,
      "那桃村危房改造",
      "脱贫户危房改造补助",
      "中央提前下达",
      C,
      28,
      "2026-02-30",
      d(2026, 3, 2),
      "桂财农〔2026〕3号",
      "30305",
      d(2026, 1, 25),
      "已完工",
      "那桃村",
      "某县住建局",
    ],
    // DATA: an Excel error value left by a broken lookup
    [
      19,
      "岜赖村果园灌溉",
      "建设滴灌设施",
      "中央新增",
      C,
      { error: "#N/A" },
      d(2026, 4, 10),
      d(2026, 5, 20),
      "桂财农〔2026〕41号",
      "31005",
      d(2026, 4, 26),
      "在建",
      "岜赖村",
      "某县农业农村局",
    ],
    // dates as offices also type them (text): readable, no finding
    [
      20,
      "陇雷村排水沟",
      "新建排水沟1.2公里",
      "中央提前下达",
      C,
      "35.00",
      "2026年1月8日",
      "2026.3.2",
      "桂财农〔2026〕3号",
      "31005",
      "2026/1/25",
      "已完工",
      "陇雷村",
      "某县水利局",
    ],
    [
      21,
      "合计",
      "",
      "",
      "",
      { formula: "SUM(F4:F23)", result: 1333.3 },
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ],
  ];
  // 34号（十三）: the region-budget and department rows run from the people's congress approving
  // the budget (column O), the central rows from receipt of the document (G).
  for (const row of rows) {
    if (row[3] === "本级预算") row[3] = "自治区本级预算";
    const budget = /自治区本级|部门/.test(String(row[3]));
    if (row[0] !== 21) row[14] = budget ? row[6] : "";
    if (budget) row[6] = "";
  }
  body(ws, 4, rows, [7, 8, 11, 15]);
  ws.getRow(24).font = { bold: true };
  ws.getCell("A24").value = "合计";
  ws.getCell("B24").value = "";
  ws.mergeCells("A24:B24");
  ws.getCell("F24").numFmt = "0.00";
}

function carryoverSheet(wb: ExcelJS.Workbook, name: string, county: string) {
  const ws = wb.addWorksheet(name);
  titleRows(ws, `${county}财政衔接资金结转结余情况表`, "单位：万元", 5);
  header(
    ws,
    3,
    ["年度", "资金总额（万元）", "已支出", "结转结余（万元）", "备注"],
    [8, 16, 14, 16, 30]
  );
  body(
    ws,
    4,
    [
      [2022, 1180, 1100.6, 79.4, ""],
      [2023, 1260, 1155, 105, ""],
      // CARRYOVER: 210 / 1500 = 14 % > 10 %
      [2024, 1500, 1290, 210, "部分项目因用地审批延后"],
      // exactly 10 %: not above the threshold, no finding
      [2025, 1800, 1620, 180, ""],
    ],
    []
  );
}

function publicitySheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet("项目公示");
  const cols = [
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
  ];
  titleRows(ws, "某县2026年衔接资金项目公告公示", "单位：万元", cols.length);
  header(ws, 3, cols, [22, 16, 12, 12, 26, 18, 30, 16, 10, 16]);
  body(
    ws,
    4,
    [
      [
        "岩口村道路硬化",
        "中央财政衔接资金",
        120,
        "岩口村",
        "硬化村道3.2公里",
        "2026年3月—2026年10月",
        "受益脱贫户86户，通行时间缩短一半",
        "某县交通运输局",
        "韦某某",
        "0771-1234567",
      ],
      // PUBLICITY: no complaints hotline
      [
        "坡脚村人饮工程",
        "中央财政衔接资金",
        85.5,
        "坡脚村",
        "新建蓄水池2座",
        "2026年3月—2026年8月",
        "解决312人饮水安全",
        "某县水利局",
        "黄某某",
        "",
      ],
      // PERFORMANCE (and PUBLICITY for the same column): no performance target
      [
        "扶贫车间建设",
        "自治区本级衔接资金",
        150,
        "工业园",
        "新建标准化扶贫车间1栋",
        "2026年4月—2026年12月",
        "",
        "某县乡村振兴局",
        "蒙某某",
        "0771-1234567",
      ],
      // PUBLICITY: no person responsible
      [
        "古楼村文化室",
        "自治区本级衔接资金",
        40,
        "古楼村",
        "新建村级综合文化室",
        "2026年7月—2026年10月",
        "满足全村文化活动需要",
        "某县文旅局",
        "",
        "0771-1234567",
      ],
    ],
    []
  );
}

function notesSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet("填表说明");
  ws.getColumn(1).width = 90;
  [
    "填表说明",
    "1. 金额单位为万元，保留两位小数。",
    "2. 日期请填写为日期格式，如 2026-03-02。",
    "3. 资金类型：中央提前下达、中央新增（自收到资金下达文件日期起算）；自治区本级预算、部门已细化、部门未细化（自人大批复部门预算日期起算）。",
    "4. 本表每月5日前报县财政局。",
  ].forEach((t, i) => (ws.getCell(`A${i + 1}`).value = t));
}

// ── publicity-list.xlsx (元; Traditional text as some Guangxi offices type it) ──

function townshipPublicity(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet("公告公示");
  const cols = [
    "序号",
    "扶贫项目名称",
    "资金来源",
    "资金规模（元）",
    "实施地点",
    "建设内容及规模",
    "建设周期",
    "绩效目标",
    "项目实施单位",
    "项目负责人",
    "监督举报电话",
  ];
  titleRows(ws, "某镇2026年财政衔接资金项目公示表", "单位：元", cols.length);
  header(ws, 3, cols, [6, 22, 18, 14, 12, 26, 18, 30, 16, 10, 16]);
  body(
    ws,
    4,
    [
      [
        1,
        "那蒙屯道路硬化",
        "中央財政銜接資金",
        356000,
        "那蒙屯",
        "硬化道路1.1公里",
        "2026.4—2026.9",
        "受益群眾210人",
        "某鎮人民政府",
        "陸某某",
        "0771-7654321",
      ],
      [
        2,
        "弄谷屯人飲工程",
        "中央財政銜接資金",
        128500,
        "弄谷屯",
        "新建水柜3座",
        "2026.5—2026.8",
        "解決96人飲水",
        "某鎮人民政府",
        "陸某某",
        "0771-7654321",
      ],
      // PERFORMANCE + PUBLICITY: no performance target
      [
        3,
        "村級光伏維護",
        "自治區本級銜接資金",
        42000,
        "全鎮",
        "光伏設施維護",
        "2026.6—2026.12",
        "",
        "某鎮人民政府",
        "陸某某",
        "0771-7654321",
      ],
      // PUBLICITY: no place and no period
      [
        4,
        "脫貧戶產業獎補",
        "中央財政銜接資金",
        88000,
        "",
        "對種植沃柑脫貧戶以獎代補",
        "",
        "帶動45戶增收",
        "某鎮農業站",
        "梁某某",
        "0771-7654321",
      ],
    ],
    []
  );
}

// ── allocation-factors.xlsx: a factor-method allocation table (not a ledger) ──

function allocationSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet("因素法分配表");
  const cols = [
    "县（市、区）",
    "扶持对象规模（人）",
    "农民人均纯收入（元）",
    "贫困发生率（%）",
    "绩效考评得分",
    "分配系数",
    "分配结果（万元）",
  ];
  titleRows(ws, "2026年财政衔接资金因素法分配测算表", "单位：万元", cols.length);
  header(ws, 3, cols, [14, 16, 18, 14, 14, 10, 16]);
  body(
    ws,
    4,
    [
      ["甲县", 18200, 11850, 4.2, 92, 1.2, 1620.35],
      ["乙县", 9600, 13240, 2.8, 88, 1, 842.17],
      ["丙县", 25400, 10910, 5.6, 95, 1.2, 2310.48],
      ["丁县", 7300, 14020, 2.1, 90, 1, 627],
    ],
    []
  );
  ws.getCell("A9").value = "权重：扶持对象规模40%，农民人均纯收入20%，贫困发生率10%，绩效30%";
}

async function save(wb: ExcelJS.Workbook, file: string, out: string) {
  wb.creator = "某县财政局";
  wb.lastModifiedBy = "某县财政局";
  wb.created = FIXED;
  wb.modified = FIXED;
  const raw = await wb.xlsx.writeBuffer();
  // Re-stamp every zip entry with one fixed time so that regenerating is byte-stable.
  const src = await JSZip.loadAsync(raw as ArrayBuffer);
  const dst = new JSZip();
  for (const name of Object.keys(src.files).sort()) {
    const entry = src.files[name];
    if (entry.dir) continue;
    dst.file(name, await entry.async("nodebuffer"), { date: FIXED, createFolders: false });
  }
  const buf = await dst.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  fs.writeFileSync(path.join(out, file), buf);
  if (out === OUT) process.stdout.write(`examples/${file} (${buf.length} bytes)\n`);
}

/** Writes the examples into `out` (default: the repository's examples/). */
export async function makeExamples(out: string = OUT): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  let wb = new ExcelJS.Workbook();
  ledgerSheet(wb);
  carryoverSheet(wb, "结转结余情况", "某县");
  publicitySheet(wb);
  notesSheet(wb);
  await save(wb, "county-ledger.xlsx", out);

  wb = new ExcelJS.Workbook();
  townshipPublicity(wb);
  await save(wb, "publicity-list.xlsx", out);

  wb = new ExcelJS.Workbook();
  carryoverSheet(wb, "结转结余", "某市各县");
  await save(wb, "carryover.xlsx", out);

  wb = new ExcelJS.Workbook();
  allocationSheet(wb);
  await save(wb, "allocation-factors.xlsx", out);
}

if (require.main === module) {
  makeExamples().catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
    process.exitCode = 1;
  });
}
