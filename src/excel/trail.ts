/**
 * The review trail (src/core/review/trail) kept in the workbook's own settings — saved inside
 * the file with it, never in a cell of the user's data.
 */
import { parseTrail, serialiseTrail, type ReviewTrail } from "../core/review/trail";
import { TRAIL_SETTING } from "../workbook/review/highlights";

export { TRAIL_SETTING };

export function loadTrail(): Promise<ReviewTrail | null> {
  return Excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(TRAIL_SETTING);
    setting.load("value");
    await context.sync();
    return setting.isNullObject ? null : parseTrail(String(setting.value));
  });
}

export function saveTrail(trail: ReviewTrail): Promise<void> {
  return Excel.run(async (context) => {
    context.workbook.settings.add(TRAIL_SETTING, serialiseTrail(trail));
    await context.sync();
  });
}
