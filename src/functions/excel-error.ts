/**
 * The Excel error value a custom function returns. Only #VALUE! and #N/A carry a message Excel
 * shows (CustomFunctionsRuntime 1.3; a message on #NUM!, #DIV/0! or #REF! is dropped), so those
 * are the only two kinds. Imports nothing: the start-up script (./lazy) uses it too.
 */
export type ExcelErrorKind = "value" | "na";

/** The runtime's error codes (CustomFunctions.ErrorCode member names). */
const CODE: Record<ExcelErrorKind, keyof typeof CustomFunctions.ErrorCode> = {
  value: "invalidValue",
  na: "notAvailable",
};

/** The Excel error value for an error kind: CustomFunctions.Error in Excel. */
export function excelError(kind: ExcelErrorKind, message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[CODE[kind]], message);
}
