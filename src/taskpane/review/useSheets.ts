/**
 * The Review pane's two loading hooks (their state lives in the pane that calls them): the
 * workbook's sheets with the active one chosen, and the chosen sheet as recognised with the
 * user's remembered column mapping (changed or reset from the pane, saved in the workbook).
 */
import * as React from "react";
import { configSheetOf, configSheetReason } from "../../core/review/config-sheets";
import type {
  ColumnMapping,
  Field as LedgerField,
  SheetInput,
  SheetResult,
} from "../../core/review/types";
import type { ReviewEngine, ReviewWorkbook, SheetList } from "../../workbook/review/port";
import type { NoticeState } from "./ReviewActions";
import { ALL } from "./workflow";

/** The sheets offered for review, the chosen one, and every visible sheet's name. */
export function useSheetList(
  workbook: ReviewWorkbook,
  fail: (e: unknown) => void,
  setNotice: (n: NoticeState) => void
) {
  const [sheets, setSheets] = React.useState<SheetList | null>(null);
  /** Every visible sheet, configuration sheets included (the picker offers the others). */
  const allNames = React.useRef<string[]>([]);
  const [target, setTarget] = React.useState<string>("");

  // The sheets, with the active one chosen.
  React.useEffect(() => {
    let live = true;
    workbook
      .listSheets()
      .then((list) => {
        if (!live) return;
        // Configuration sheets are read by the review, not reviewed: not offered.
        allNames.current = list.names;
        const names = list.names.filter((n) => configSheetOf(n) === null);
        const active = list.active !== null && names.includes(list.active) ? list.active : null;
        setSheets({ names, active });
        setTarget(active ?? names[0] ?? "");
        const why = list.active !== null ? configSheetReason(list.active) : null;
        if (why) setNotice({ intent: "info", message: why });
      })
      .catch(fail);
    return () => {
      live = false;
    };
  }, [workbook, fail, setNotice]);

  /** The sheet list again after the pane added a sheet (the chosen sheet stays chosen). */
  const refreshSheets = async () => {
    const list = await workbook.listSheets();
    setSheets({ ...list, active: list.names.includes(target) ? target : list.active });
  };

  return { sheets, allNames, target, setTarget, refreshSheets };
}

/** The chosen sheet as read and recognised, and the user's saved mapping for it. */
export function useRecognition(
  workbook: ReviewWorkbook,
  engine: ReviewEngine,
  target: string,
  fail: (e: unknown) => void
) {
  const [input, setInput] = React.useState<SheetInput | null>(null);
  const [recognised, setRecognised] = React.useState<SheetResult | null>(null);
  const [saved, setSaved] = React.useState<ColumnMapping | null>(null);

  // The chosen sheet, as recognised with the user's remembered mapping.
  React.useEffect(() => {
    let live = true;
    setInput(null);
    setRecognised(null);
    setSaved(null);
    if (!target || target === ALL) return;
    Promise.all([workbook.readSheet(target), workbook.loadMapping(target)])
      .then(([sheet, mapping]) => {
        if (!live) return;
        setInput(sheet);
        setSaved(mapping);
        setRecognised(engine.recogniseSheet(sheet, mapping ?? undefined));
      })
      .catch(fail);
    return () => {
      live = false;
    };
  }, [target, workbook, engine, fail]);

  const changeMapping = async (field: LedgerField, value: string) => {
    if (!input || !recognised) return;
    const next: ColumnMapping = { ...(saved ?? recognised.mapping ?? {}) };
    if (value === "") delete next[field];
    else next[field] = Number(value);
    try {
      await workbook.saveMapping(input.name, next);
      setSaved(next);
      setRecognised(engine.recogniseSheet(input, next));
    } catch (e) {
      fail(e);
    }
  };

  const resetMapping = async () => {
    if (!input) return;
    try {
      await workbook.saveMapping(input.name, null);
      setSaved(null);
      setRecognised(engine.recogniseSheet(input));
    } catch (e) {
      fail(e);
    }
  };

  return { input, setInput, recognised, setRecognised, saved, changeMapping, resetMapping };
}
