/**
 * Excel errors for custom functions. A function never throws: bad input becomes an Excel error
 * whose message says, in Chinese with English beside it, what was wrong. Only #VALUE! and #N/A
 * carry a message Excel shows (CustomFunctionsRuntime 1.3; a message on #NUM!, #DIV/0! or #REF!
 * is dropped), so those are the only two kinds: #N/A when data the function needs is not
 * available (a calendar year), #VALUE! for everything else — out of range included.
 */
import { Bilingual, both } from "../core/i18n";
import { excelError, type ExcelErrorKind } from "./excel-error";

export { excelError, type ExcelErrorKind };

/** Thrown inside a function body and turned into an Excel error by `guard`. */
export class FunctionInputError extends Error {
  constructor(
    public readonly kind: ExcelErrorKind,
    public readonly text: Bilingual
  ) {
    super(both(text));
  }
}

export function inputError(kind: ExcelErrorKind, zh: string, en: string): FunctionInputError {
  return new FunctionInputError(kind, { zh, en });
}

/**
 * Runs a function body; input problems become Excel errors with their message, and anything
 * unexpected becomes #VALUE! saying so — a custom function must never throw.
 */
export function guard<T>(body: () => T): T | CustomFunctions.Error {
  try {
    return body();
  } catch (e) {
    if (e instanceof FunctionInputError) return excelError(e.kind, e.message);
    const detail = e instanceof Error ? e.message : String(e);
    return excelError("value", `内部错误：${detail} (internal error: ${detail})`);
  }
}
