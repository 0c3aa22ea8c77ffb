/**
 * In this process (no compiled worker), a read that never settles — as exceljs's stream reader
 * can on a damaged sheet — ends at the per-file time budget: the file is named as not
 * reviewed, the others' findings are printed, exit 3.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { reviewCommand } from "../../src/cli/review-command";
import { captureIo } from "./capture-io";
import { fakeEngine } from "./fake-engine";

jest.mock("../../src/cli/read", () => {
  const actual = jest.requireActual("../../src/cli/read");
  return {
    ...actual,
    readWorkbook: (p: string, ...rest: unknown[]) =>
      path.basename(p).startsWith("hang")
        ? new Promise(() => undefined)
        : actual.readWorkbook(p, ...rest),
  };
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fc-hang-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a hanging read: not reviewed after --timeout, the other file still reported", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRow(["项目名称", "金额"]);
  ws.addRow(["BAD late", 1]);
  await wb.xlsx.writeFile(path.join(dir, "good.xlsx"));
  fs.copyFileSync(path.join(dir, "good.xlsx"), path.join(dir, "hang.xlsx"));
  const t = captureIo();
  const code = await reviewCommand(
    [
      path.join(dir, "good.xlsx"),
      path.join(dir, "hang.xlsx"),
      "--timeout",
      "1",
      "--json",
      "-",
      "--no-report",
    ],
    fakeEngine(),
    { ...t.io, workerScript: null }
  );
  expect(code).toBe(3);
  const json = JSON.parse(t.out());
  expect(json.files[0].findings.map((f: { message: string }) => f.message)).toEqual([
    "=BAD late 中文",
  ]);
  expect(json.files[1].error).toMatch(/审查超过时限 1 秒.*took longer than 1 s/);
  expect(json.notReviewed.map((n: { path: string }) => path.basename(n.path))).toEqual([
    "hang.xlsx",
  ]);
  expect(t.err()).toMatch(/hang\.xlsx\n {2}✗ 未审查 not reviewed: 审查超过时限 1 秒/);
  expect(t.err()).toMatch(/合计 Total: 已审查 1 个文件 files reviewed，未审查 1 个 not reviewed/);
});
