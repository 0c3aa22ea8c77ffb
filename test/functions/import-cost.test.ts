/**
 * Issue 18: the custom functions load with the hidden runtime page at every Excel start, so
 * importing them must not build OpenCC's Traditional → Simplified tables (≈20 ms in Chromium);
 * the tables are built when a function first folds text.
 */
describe("loading the custom functions", () => {
  it("does not build the OpenCC converter until a text is folded", () => {
    jest.isolateModules(() => {
      const opencc = require("opencc-js/t2cn") as { Converter: (o: unknown) => unknown };
      const spy = jest.spyOn(opencc, "Converter");
      require("../../src/functions/functions");
      expect(spy).not.toHaveBeenCalled();
      // …and it is built on first use, so the import above is what was measured.
      const { normalize } = require("../../src/core/normal-form") as {
        normalize: (s: string) => string;
      };
      expect(normalize("資金")).toBe("资金");
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockRestore();
    });
  });
});
