/**
 * Issue 18: every run of the command (a review of one small file too) paid ~100 ms to load
 * exceljs, which only the `template` command uses: it is loaded when a template is written.
 */
test("starting the command does not load exceljs", () => {
  let loaded = 0;
  jest.isolateModules(() => {
    jest.doMock("exceljs", () => {
      loaded++;
      return jest.requireActual("exceljs");
    });
    require("../../src/cli/main");
    require("../../src/cli/review-file");
    expect(loaded).toBe(0);
    // …and the mock does count a load, so the 0 above means something
    require("exceljs");
    expect(loaded).toBe(1);
  });
});
