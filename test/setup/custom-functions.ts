/**
 * The CustomFunctions global that Excel's runtime provides, as the runtime defines it
 * (@types/custom-functions-runtime): an Error class with `code` and `message`, and ErrorCode.
 * Lets tests call the functions exactly as Excel does and inspect the error they return.
 */
enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

class CustomFunctionsError {
  constructor(
    public code: ErrorCode,
    public message?: string
  ) {}
}

(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate: () => undefined,
};
