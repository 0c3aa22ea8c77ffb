/**
 * An office's holiday arrangement as a table (节假日安排): columns 日期, 类型 and optional 说明,
 * one date per row — 放假 / 休息 make it a rest day, 上班 / 补班 / 调休上班 a working day. This
 * module reads already-read cell values (a sheet's values, a CSV's rows, a JSON file's lists);
 * the command line and the panes read the file or sheet and hand the cells here.
 *
 * A year that appears in the table becomes covered by the calendar (its other days are ordinary
 * Monday–Friday weeks) and a listed date overrides the bundled data for that day
 * (WorkCalendar.withOverrides). A row that cannot be read is a problem with its row number: the
 * table is then not used, because a half-read arrangement would judge deadlines silently wrong.
 */
import { Bilingual, bi } from "../i18n";
import { formatIso, parseDate, yearOf } from "../dates";
import { toHalfWidth } from "../text";

/** The sheet the panes read, and the name the template writes. */
export const CALENDAR_SHEET = "节假日安排";

/** Words of the 类型 column: a rest day, or a working day. */
export const REST_WORDS = ["放假", "休息", "休假", "假日", "节假日"] as const;
export const WORK_WORDS = ["上班", "补班", "调休上班", "调休上班日", "工作日"] as const;
/** The choices the template's validated 类型 column offers. */
export const CALENDAR_TYPE_CHOICES = ["放假", "休息", "上班", "补班", "调休上班"] as const;

export interface CalendarProblem {
  /** Row of the sheet or file (1-based), or the list entry for JSON. */
  row: number;
  message: Bilingual;
}

export interface CalendarTable {
  /** Rest days (serials), 放假 / 休息. */
  holidays: number[];
  /** Working days (serials), 上班 / 补班 / 调休上班. */
  workdays: number[];
  /** Years the table names, ascending. */
  years: number[];
  problems: CalendarProblem[];
}

const DATE_HEADER = /^(日期|日子|date)$/i;
const TYPE_HEADER = /^(类型|類型|安排|type)$/i;

function text(v: unknown): string {
  return v === null || v === undefined ? "" : toHalfWidth(String(v)).replace(/\s+/g, "");
}

function kindOf(t: string): "rest" | "work" | null {
  const s = t.replace(/日$/, "");
  if ((REST_WORDS as readonly string[]).some((w) => w.replace(/日$/, "") === s)) return "rest";
  if ((WORK_WORDS as readonly string[]).some((w) => w.replace(/日$/, "") === s)) return "work";
  return null;
}

function finish(
  holidays: number[],
  workdays: number[],
  problems: CalendarProblem[]
): CalendarTable {
  const years = [...new Set([...holidays, ...workdays].map(yearOf))].sort((a, b) => a - b);
  return { holidays, workdays, years, problems };
}

/**
 * Reads a 节假日安排 table from cell values. `firstRow` is the worksheet row of values[0]. The
 * header (日期, 类型) may be preceded by a title or instruction rows (up to 10 rows).
 */
export function parseCalendarTable(
  values: readonly (readonly unknown[])[],
  firstRow = 1
): CalendarTable {
  const holidays: number[] = [];
  const workdays: number[] = [];
  const problems: CalendarProblem[] = [];
  let header = -1;
  let dateCol = -1;
  let typeCol = -1;
  for (let i = 0; i < Math.min(values.length, 10) && header < 0; i++) {
    const row = values[i] ?? [];
    const dc = row.findIndex((v) => DATE_HEADER.test(text(v)));
    const tc = row.findIndex((v) => TYPE_HEADER.test(text(v)));
    if (dc >= 0 && tc >= 0) [header, dateCol, typeCol] = [i, dc, tc];
  }
  if (header < 0) {
    problems.push({
      row: firstRow,
      message: bi(
        "找不到表头：需要「日期」和「类型」两列（类型填 放假/休息 或 上班/补班/调休上班）",
        "no header: the table needs the columns 日期 (date) and 类型 (放假/休息 = rest day, 上班/补班/调休上班 = working day)"
      ),
    });
    return finish(holidays, workdays, problems);
  }
  const seen = new Map<number, { kind: "rest" | "work"; row: number }>();
  for (let i = header + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    const at = firstRow + i;
    const d = row[dateCol];
    const t = text(row[typeCol]);
    if (text(d) === "" && t === "") continue;
    const p = parseDate(typeof d === "string" ? d.trim() : d);
    if (!p.ok) {
      problems.push({
        row: at,
        message: bi(`日期无法读取：${p.message.zh}`, `the date cannot be read: ${p.message.en}`),
      });
      continue;
    }
    const kind = kindOf(t);
    if (kind === null) {
      problems.push({
        row: at,
        message: bi(
          `类型「${t}」无法识别：填 放假、休息（休息日）或 上班、补班、调休上班（工作日）`,
          `type "${t}" is not one of 放假/休息 (rest day) or 上班/补班/调休上班 (working day)`
        ),
      });
      continue;
    }
    const before = seen.get(p.serial);
    if (before) {
      if (before.kind !== kind)
        problems.push({
          row: at,
          message: bi(
            `${formatIso(p.serial)} 与第 ${before.row} 行矛盾（一个放假，一个上班）`,
            `${formatIso(p.serial)} contradicts row ${before.row} (one rest, one work)`
          ),
        });
      continue;
    }
    seen.set(p.serial, { kind, row: at });
    (kind === "rest" ? holidays : workdays).push(p.serial);
  }
  return finish(holidays, workdays, problems);
}

/** The JSON form: {"holidays": [dates…], "workdays": [dates…]} (dates as the project reads them). */
export function calendarTableFromJson(json: string): CalendarTable {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return finish(
      [],
      [],
      [{ row: 0, message: bi(`不是有效的 JSON：${String(e)}`, `not valid JSON: ${String(e)}`) }]
    );
  }
  const o = data as { holidays?: unknown; workdays?: unknown } | null;
  if (
    o === null ||
    typeof o !== "object" ||
    Array.isArray(o) ||
    (o.holidays !== undefined && !Array.isArray(o.holidays)) ||
    (o.workdays !== undefined && !Array.isArray(o.workdays)) ||
    (o.holidays === undefined && o.workdays === undefined)
  )
    return finish(
      [],
      [],
      [
        {
          row: 0,
          message: bi(
            '应为 {"holidays": [日期…], "workdays": [日期…]}',
            'expected {"holidays": [dates…], "workdays": [dates…]}'
          ),
        },
      ]
    );
  const rows: unknown[][] = [["日期", "类型"]];
  for (const h of (o.holidays as unknown[]) ?? []) rows.push([h, "放假"]);
  for (const w of (o.workdays as unknown[]) ?? []) rows.push([w, "上班"]);
  return parseCalendarTable(rows, 0);
}

/** "2027" / "2027、2028" for messages. */
export function yearsText(years: readonly number[]): string {
  return years.join("、");
}
