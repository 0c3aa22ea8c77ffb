/** The calendar a function call uses: the official one, or with an office's own dates added. */
import { officialCalendar, WorkCalendar } from "../core/calendar";
import { isValidSerial, parseDate } from "../core/dates";
import { inputError } from "./errors";

const cache = new Map<string, WorkCalendar>();

/** Serials of an office-supplied list of dates (a range of dates or date text; blanks ignored). */
function dateList(range: unknown, what: [string, string]): number[] {
  if (range === null || range === undefined) return [];
  const out: number[] = [];
  let i = 0;
  for (const row of Array.isArray(range) ? range : [[range]]) {
    for (const c of Array.isArray(row) ? row : [row]) {
      if (c === null || c === undefined || c === "") continue;
      i++;
      // Fast path: a date cell arrives as a whole serial (1…99999, never the fictional 60).
      if (typeof c === "number" && c < 100000 && isValidSerial(c)) {
        out.push(c);
        continue;
      }
      const p = parseDate(c);
      if (!p.ok)
        throw inputError(
          "value",
          `${what[0]}第 ${i} 项：${p.message.zh}`,
          `${what[1]} item ${i}: ${p.message.en}`
        );
      out.push(p.serial);
    }
  }
  return out;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The last lists seen and their calendar: a column of cells passes the same range each time. */
let last: { h: number[]; w: number[]; cal: WorkCalendar } | null = null;

/** The official calendar, with an office's own holidays and make-up working days when given. */
export function calendarFor(holidays: unknown, workdays: unknown): WorkCalendar {
  const h = dateList(holidays, ["节假日", "holidays"]);
  const w = dateList(workdays, ["调休上班日", "workdays"]);
  if (h.length === 0 && w.length === 0) return officialCalendar();
  if (last && sameList(last.h, h) && sameList(last.w, w)) return last.cal;
  const key = `${h.join(",")}|${w.join(",")}`;
  let cal = cache.get(key);
  if (!cal) {
    cal = officialCalendar().withOverrides({ holidays: h, workdays: w });
    if (cache.size >= 32) cache.delete(cache.keys().next().value as string);
    cache.set(key, cal);
  }
  last = { h, w, cal };
  return cal;
}
