/**
 * Traditional → Simplified for the characters ledger headers, statuses, total rows and unit
 * rows use (Guangxi offices write 資金類型, 項目名稱, 未開工, 單位：萬元). A small table keeps the
 * engine light and fast; it is not a general converter (the negative-list classifier has its
 * own). Characters not in the table pass through unchanged.
 */
const PAIRS =
  "項项稱称資资類类質质別别來来達达額额規规撥拨預预復复號号經经濟济狀状態态進进實实點点設设" +
  "單单責责負负監监舉举報报電电話话週周時时間间績绩標标總总結结轉转餘余當当萬万計计開开無无" +
  "驗验內内細细庫库劃划齊齐務务區区縣县鄉乡鎮镇個个與与專专門门對对為为產产業业費费補补貼贴" +
  "於于並并據据確确認认儲储備备據据證证錄录續续歲岁農农戶户撥拨錢钱銀银幫帮員员應应收收檔档" +
  "醫医療疗學学習习護护數数審审億亿圓圆貳贰參参陸陆終终啟启動动暫暂況况註注說说將将組组" +
  "貧贫財财廳厅辦办養养種种漁渔橋桥溝沟網网線线燈灯廣广場场樓楼館馆車车輛辆購购買买維维飲饮" +
  "鞏巩築筑蓋盖隊队獎奖勵励訓训練练衛卫廁厕園园環环編编碼码階阶層层級级縮缩竣竣";

const MAP: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < PAIRS.length; i += 2) m.set(PAIRS[i], PAIRS[i + 1]);
  return m;
})();

// Any character of the table, to skip the per-character walk for text that has none.
const ANY_TRADITIONAL = new RegExp(`[${[...MAP.keys()].join("")}]`);

/** Replaces the Traditional characters of the table by their Simplified forms. */
export function simplify(s: string): string {
  if (!ANY_TRADITIONAL.test(s)) return s;
  let out = "";
  for (const ch of s) out += MAP.get(ch) ?? ch;
  return out;
}
