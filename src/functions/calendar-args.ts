/** The calendar a function call uses: the official one, or with an office's own dates added. */
import { officialCalendar, WorkCalendar } from "../core/calendar";
import { parseDate } from "../core/dates";
import { cells } from "./args";
import { inputError } from "./errors";

const cache = new Map<string, WorkCalendar>();

/** Serials of an office-supplied list of dates (a range of dates or date text; blanks ignored). */
function dateList(range: unknown, what: [string, string]): number[] {
  return cells(range).map((c, i) => {
    const p = parseDate(c);
    if (!p.ok)
      throw inputError(
        "value",
        `${what[0]}第 ${i + 1} 项：${p.message.zh}`,
        `${what[1]} item ${i + 1}: ${p.message.en}`
      );
    return p.serial;
  });
}

/** The official calendar, with an office's own holidays and make-up working days when given. */
export function calendarFor(holidays: unknown, workdays: unknown): WorkCalendar {
  const h = dateList(holidays, ["节假日", "holidays"]);
  const w = dateList(workdays, ["调休上班日", "workdays"]);
  if (h.length === 0 && w.length === 0) return officialCalendar();
  const key = `${h.join(",")}|${w.join(",")}`;
  let cal = cache.get(key);
  if (!cal) {
    cal = officialCalendar().withOverrides({ holidays: h, workdays: w });
    if (cache.size >= 32) cache.delete(cache.keys().next().value as string);
    cache.set(key, cal);
  }
  return cal;
}
