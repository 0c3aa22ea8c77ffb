/** Which files a command line means, what it skips and why, and where output may go. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  checkJsonTarget,
  describeFsError,
  expandInputs,
  InputSet,
  outputKey,
  planReport,
  reportPath,
} from "../../src/cli/files";
import { printable } from "../../src/cli/printable";

let dir: string;
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "fc-files-")));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (rel: string, bytes = 1) => {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, Buffer.alloc(bytes, 120));
  return p;
};
const reasons = (skipped: { path: string; reason: { en: string } }[]) =>
  skipped.map((s) => [path.relative(dir, s.path) || s.path, s.reason.en]);

describe("a folder run", () => {
  test("reviews its workbooks and lists every other entry with its reason", () => {
    for (const f of [
      "a.xlsx",
      "~$a.xlsx",
      "a.review.xlsx",
      "notes.txt",
      "县/b.XLSX",
      "县/乙/c.xlsm",
    ])
      write(f);
    write("big.xlsx", 3 * 2 ** 20);
    fs.symlinkSync(path.join(dir, "a.xlsx"), path.join(dir, "link.xlsx"));
    fs.symlinkSync(path.join(dir, "县"), path.join(dir, "linked-folder"));
    fs.mkdirSync(path.join(dir, "empty"));
    const r = expandInputs(
      [dir, path.join(dir, "a.xlsx"), path.join(dir, "missing.xlsx"), path.join(dir, "empty")],
      { maxBytes: 2 * 2 ** 20 }
    );
    expect(r.files.map((f) => path.relative(dir, f))).toEqual([
      "a.xlsx",
      "县/b.XLSX",
      "县/乙/c.xlsm",
    ]);
    expect(reasons(r.skipped)).toEqual([
      ["a.review.xlsx", "a report written by this tool"],
      ["big.xlsx", "too large (3 MB; the limit is 2 MB, see --max-size)"],
      ["link.xlsx", "a symbolic link, not followed (name it on the command line to review it)"],
      ["linked-folder", "a symbolic link, not followed (name it on the command line to review it)"],
      ["notes.txt", "a format not reviewed (.txt); reviewed: .xlsx .xlsm .xls .et .ods .csv"],
      ["~$a.xlsx", "an Excel/WPS lock file (the workbook is open)"],
      ["missing.xlsx", "no such file or folder"],
      ["empty", "the folder is empty"],
    ]);
  });

  test("a subfolder that cannot be opened is listed, and the search goes on", () => {
    write("1-before.xlsx");
    write("2-locked/x.xlsx");
    write("3-after/y.xlsx");
    // (as root, permissions would not stop the read: the failure is injected)
    const nodeFs: typeof fs = jest.requireActual("fs");
    const real = nodeFs.readdirSync;
    jest.spyOn(nodeFs, "readdirSync").mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (String(p).endsWith("2-locked")) {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      }
      return (real as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    const r = expandInputs([dir]);
    expect(r.files.map((f) => path.relative(dir, f))).toEqual(["1-before.xlsx", "3-after/y.xlsx"]);
    expect(reasons(r.skipped)).toEqual([
      ["2-locked", "this folder cannot be opened: permission denied (EACCES)"],
    ]);
  });

  test("a file named on the command line is kept whatever it is called, links followed", () => {
    const notes = write("notes.txt");
    fs.symlinkSync(notes, path.join(dir, "named-link.xlsx"));
    const r = expandInputs([notes, path.join(dir, "named-link.xlsx")]);
    expect(r.files).toHaveLength(2);
    expect(r.skipped).toEqual([]);
    // unless it is larger than the limit
    expect(
      reasons(expandInputs([write("huge.xlsx", 2 ** 20 + 1)], { maxBytes: 2 ** 20 }).skipped)
    ).toEqual([["huge.xlsx", "too large (1 MB; the limit is 1 MB, see --max-size)"]]);
  });
});

describe("outputs never land on an input", () => {
  test("report path: beside the input, or in --out, whatever the input's extension", () => {
    expect(reportPath("x/县台账.xlsx")).toBe(path.join("x", "县台账.review.xlsx"));
    expect(reportPath("x/a.XLSX", "out")).toBe(path.join("out", "a.review.xlsx"));
    expect(reportPath("x/a.xlsm")).toBe(path.join("x", "a.review.xlsx"));
  });

  test("`review a.xlsx a.review.xlsx`: a's report does not go onto the second input", () => {
    const a = write("a.xlsx");
    const second = write("a.review.xlsx");
    const inputs = new InputSet([a, second]);
    const plan = planReport(a, undefined, inputs, new Set(), true);
    expect(plan.path).toBe(path.join(dir, "a (2).review.xlsx"));
    expect(plan.note?.en).toMatch(/not written to .*a\.review\.xlsx \(it is one of the inputs\)/);
  });

  test("an existing report: a new free name and why; replaced only with --overwrite", () => {
    const a = write("a.xlsx");
    write("a.review.xlsx");
    write("a (2).review.xlsx");
    const inputs = new InputSet([a]);
    const kept = planReport(a, undefined, inputs, new Set(), false);
    expect(kept).toMatchObject({ path: path.join(dir, "a (3).review.xlsx"), replace: false });
    expect(kept.note?.en).toMatch(/it exists \(--overwrite replaces it\)/);
    const replaced = planReport(a, undefined, inputs, new Set(), true);
    expect(replaced).toEqual({ path: path.join(dir, "a.review.xlsx"), replace: true });
  });

  test("a target that resolves to an input through a link, '..' or a hard link is refused", () => {
    const a = write("a.xlsx");
    fs.mkdirSync(path.join(dir, "out"));
    fs.symlinkSync(a, path.join(dir, "out", "a.review.xlsx"));
    const inputs = new InputSet([a]);
    expect(planReport(a, path.join(dir, "out"), inputs, new Set(), true).path).toBe(
      path.join(dir, "out", "a (2).review.xlsx")
    );
    fs.linkSync(a, path.join(dir, "hard.json"));
    fs.symlinkSync(a, path.join(dir, "soft.json"));
    for (const target of ["a.xlsx", "out/../a.xlsx", "hard.json", "soft.json"]) {
      expect(checkJsonTarget(path.join(dir, target), inputs, true)?.en).toMatch(
        /is one of the inputs and is never written/
      );
    }
  });

  test("--json: an existing file only with --overwrite; never a folder", () => {
    const inputs = new InputSet([write("a.xlsx")]);
    const old = write("old.json");
    expect(checkJsonTarget(old, inputs, false)?.en).toMatch(/exists and is not replaced/);
    expect(checkJsonTarget(old, inputs, true)).toBeNull();
    expect(checkJsonTarget(path.join(dir, "new.json"), inputs, false)).toBeNull();
    expect(checkJsonTarget(dir, inputs, true)?.en).toMatch(/is a folder/);
  });

  test("two reports of one run never share a name, nor the JSON file's", () => {
    const a = write("甲/台账.xlsx");
    const b = write("乙/台账.xlsx");
    const out = path.join(dir, "reports");
    fs.mkdirSync(out);
    const taken = new Set([outputKey(path.join(out, "台账.review.xlsx"))]); // the --json target
    const inputs = new InputSet([a, b]);
    expect(planReport(a, out, inputs, taken, true).path).toBe(
      path.join(out, "台账 (2).review.xlsx")
    );
    expect(planReport(b, out, inputs, taken, true).path).toBe(
      path.join(out, "台账 (3).review.xlsx")
    );
  });
});

test("file-system failures are said in words, with the code kept", () => {
  const e = (code: string) => Object.assign(new Error(`${code}: raw text`), { code });
  expect(describeFsError(e("ENOSPC"))).toEqual({
    zh: "磁盘已满（ENOSPC）",
    en: "the disk is full (ENOSPC)",
  });
  expect(describeFsError(e("EACCES")).en).toBe("permission denied (EACCES)");
  expect(describeFsError(new Error("odd")).en).toBe("an unexpected error: odd");
});

test("control characters in names are printed as escapes", () => {
  expect(printable("a\nb\x1b[31mc\u202ed\x7f\te")).toBe("a\\nb\\x1b[31mc\\u202ed\\x7f\\te");
  expect(printable("C:\\报表\\县.xlsx")).toBe("C:\\报表\\县.xlsx");
});
