/**
 * Which files a `review` command line means (files as given, folders searched), which it does
 * not review and why, and where its output may go without ever landing on an input.
 */
import * as fs from "fs";
import * as path from "path";
import { Bilingual, bi } from "../core/i18n";
import { READABLE_EXTENSIONS } from "./read";

/** Our own output: never reviewed again when a folder is searched. */
export const REPORT_SUFFIX = ".review.xlsx";

/**
 * Extensions a folder search hands to the reader: the reader's own list (read.ts). A file named
 * on the command line is handed over whatever its extension, so that it is reported, not ignored.
 */
export { READABLE_EXTENSIONS };

/** A file or folder of the command line that was not reviewed, with the reason. */
export interface NotReviewed {
  path: string;
  reason: Bilingual;
}

export interface Expanded {
  files: string[];
  /** Everything met and not reviewed: missing arguments, other formats, links, folders… */
  skipped: NotReviewed[];
}

export interface ExpandOptions {
  /** Files larger than this are not reviewed. */
  maxBytes: number;
}

/** A reason a file-system call failed, said in words (the code kept for whoever supports it). */
export function describeFsError(e: unknown): Bilingual {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? "";
  const why: Record<string, [string, string]> = {
    EACCES: ["没有权限", "permission denied"],
    EPERM: ["没有权限或文件被占用", "not permitted, or the file is in use"],
    ENOENT: ["不存在（可能已被移走）", "does not exist (it may have been moved)"],
    ENOTDIR: ["路径中有一段不是文件夹", "part of the path is not a folder"],
    EISDIR: ["这是一个文件夹", "this is a folder"],
    ENOSPC: ["磁盘已满", "the disk is full"],
    EDQUOT: ["超出磁盘配额", "the disk quota is used up"],
    EROFS: ["磁盘为只读", "the disk is read-only"],
    EBUSY: [
      "文件被占用（可能正在 Excel 或 WPS 中打开）",
      "the file is in use (open in Excel or WPS?)",
    ],
    ENAMETOOLONG: ["文件名太长", "the file name is too long"],
    EMFILE: ["同时打开的文件太多", "too many files open at once"],
    ELOOP: ["符号链接循环", "a loop of symbolic links"],
    EIO: ["磁盘读写错误", "a disk input/output error"],
    EEXIST: ["文件已存在", "the file already exists"],
  };
  const known = why[code];
  if (known) return bi(`${known[0]}（${code}）`, `${known[1]} (${code})`);
  const detail = e instanceof Error ? e.message : String(e);
  return bi(`意外错误：${detail}`, `an unexpected error: ${detail}`);
}

function kindOf(name: string): "report" | "lock" | "readable" | "other" {
  const lower = name.toLowerCase();
  if (lower.endsWith(REPORT_SUFFIX)) return "report";
  if (name.startsWith("~$")) return "lock";
  return READABLE_EXTENSIONS.includes(path.extname(lower)) ? "readable" : "other";
}

const mib = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10}`;

function tooLarge(size: number, max: number): Bilingual {
  return bi(
    `文件过大（${mib(size)} MB，上限 ${mib(max)} MB，可用 --max-size 调整）`,
    `too large (${mib(size)} MB; the limit is ${mib(max)} MB, see --max-size)`
  );
}

function walk(dir: string, o: ExpandOptions, files: string[], skipped: NotReviewed[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const r = describeFsError(e);
    skipped.push({
      path: dir,
      reason: bi(`无法打开此文件夹：${r.zh}`, `this folder cannot be opened: ${r.en}`),
    });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    const skip = (zh: string, en: string) => skipped.push({ path: p, reason: bi(zh, en) });
    if (e.isSymbolicLink()) {
      skip(
        "符号链接，不跟随（要审查它，请在命令行上直接写出其路径）",
        "a symbolic link, not followed (name it on the command line to review it)"
      );
    } else if (e.isDirectory()) {
      walk(p, o, files, skipped);
    } else if (!e.isFile()) {
      skip("不是普通文件", "not a regular file");
    } else {
      const kind = kindOf(e.name);
      if (kind === "report") skip("本工具写出的审查报告", "a report written by this tool");
      else if (kind === "lock")
        skip(
          "Excel/WPS 的临时锁定文件（工作簿正被打开）",
          "an Excel/WPS lock file (the workbook is open)"
        );
      else if (kind === "other")
        skip(
          `不审查此格式（${path.extname(e.name) || "无扩展名"}）；可审查：${READABLE_EXTENSIONS.join(" ")}`,
          `a format not reviewed (${path.extname(e.name) || "no extension"}); reviewed: ${READABLE_EXTENSIONS.join(" ")}`
        );
      else {
        let size = 0;
        try {
          size = fs.statSync(p).size;
        } catch (err) {
          const r = describeFsError(err);
          skip(`无法访问：${r.zh}`, `cannot be accessed: ${r.en}`);
          continue;
        }
        if (size > o.maxBytes) skipped.push({ path: p, reason: tooLarge(size, o.maxBytes) });
        else files.push(p);
      }
    }
  }
}

/**
 * Files given by name are kept whatever their extension (the reader says what it cannot read);
 * folders contribute their readable files, sorted, without duplicates; everything else met is
 * listed in `skipped` with its reason. A folder that cannot be opened is listed, and the rest
 * of the search goes on.
 */
export function expandInputs(args: string[], o: ExpandOptions = { maxBytes: Infinity }): Expanded {
  const files: string[] = [];
  const skipped: NotReviewed[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(p);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(p);
    }
  };
  for (const arg of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      skipped.push({
        path: arg,
        reason:
          code === "ENOENT" || code === "ENOTDIR"
            ? bi("找不到此文件或文件夹", "no such file or folder")
            : bi(
                `无法访问：${describeFsError(e).zh}`,
                `cannot be accessed: ${describeFsError(e).en}`
              ),
      });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      const before = skipped.length;
      walk(arg, o, found, skipped);
      if (found.length === 0 && skipped.length === before) {
        skipped.push({ path: arg, reason: bi("文件夹是空的", "the folder is empty") });
      }
      found.forEach(add);
    } else if (st.size > o.maxBytes) {
      skipped.push({ path: arg, reason: tooLarge(st.size, o.maxBytes) });
    } else {
      add(arg);
    }
  }
  return { files, skipped };
}

/** Where the report for `input` goes by default: `<out or input's folder>/<name>.review.xlsx`. */
export function reportPath(input: string, outDir?: string): string {
  const ext = path.extname(input);
  const base = path.basename(input, ext && ext !== path.basename(input) ? ext : "");
  return path.join(outDir ?? path.dirname(input), base + REPORT_SUFFIX);
}

/** The n-th free name for a report: `台账 (2).review.xlsx` (still ends .review.xlsx). */
export function numbered(report: string, n: number): string {
  return n < 2 ? report : report.slice(0, -REPORT_SUFFIX.length) + ` (${n})` + REPORT_SUFFIX;
}

/** What a path is on disk: its real path, and device+inode when it exists (hard links too). */
function identity(p: string): { real: string; inode?: string } {
  try {
    const st = fs.statSync(p);
    return { real: fs.realpathSync(p), inode: `${st.dev}:${st.ino}` };
  } catch {
    // not there (yet): its folder's real path and its own name
    let dir: string;
    try {
      dir = fs.realpathSync(path.dirname(path.resolve(p)));
    } catch {
      dir = path.dirname(path.resolve(p));
    }
    return { real: path.join(dir, path.basename(p)) };
  }
}

/** The inputs of a run, recognised however a target names them (link, `..`, hard link). */
export class InputSet {
  private readonly reals = new Set<string>();
  private readonly inodes = new Set<string>();

  constructor(paths: string[]) {
    for (const p of paths) {
      const id = identity(p);
      this.reals.add(id.real);
      if (id.inode) this.inodes.add(id.inode);
    }
  }

  has(p: string): boolean {
    const id = identity(p);
    return this.reals.has(id.real) || (id.inode !== undefined && this.inodes.has(id.inode));
  }
}

export interface PlannedReport {
  path: string;
  /** Replace an existing file there (--overwrite). */
  replace: boolean;
  /** Said to the user when the report does not go where they would look first. */
  note?: Bilingual;
}

/**
 * Where `input`'s report goes: its default name, unless that is an input, taken by another
 * output of this run, or an existing file (replaced only when `overwrite`); then the first free
 * numbered name, with a note saying why.
 */
export function planReport(
  input: string,
  outDir: string | undefined,
  inputs: InputSet,
  taken: Set<string>,
  overwrite: boolean
): PlannedReport {
  const first = reportPath(input, outDir);
  let why: Bilingual | undefined;
  for (let n = 1; ; n++) {
    const p = numbered(first, n);
    const key = identity(p).real;
    let reason: Bilingual | undefined;
    let exists = false;
    try {
      exists = fs.lstatSync(p) !== undefined;
    } catch {
      exists = false;
    }
    if (taken.has(key))
      reason = bi("已被本次运行的另一份输出占用", "taken by another output of this run");
    else if (inputs.has(p)) reason = bi("是本次审查的输入文件", "it is one of the inputs");
    else if (exists && (!overwrite || isDirectory(p)))
      reason = bi("已存在（加 --overwrite 以替换）", "it exists (--overwrite replaces it)");
    if (!reason) {
      taken.add(key);
      const note =
        why &&
        bi(
          `报告未写到 ${first}（${why.zh}），改写到 ${p}`,
          `the report is not written to ${first} (${why.en}) but to ${p}`
        );
      return { path: p, replace: exists, note };
    }
    why ??= reason;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Checks a `--json FILE` target: never an input, never a folder, an existing file only with
 * `overwrite`. Returns the refusal, or null when the file may be written.
 */
export function checkJsonTarget(
  file: string,
  inputs: InputSet,
  overwrite: boolean
): Bilingual | null {
  if (inputs.has(file)) {
    return bi(
      `--json ${file} 是本次审查的输入文件，不会写入`,
      `--json ${file} is one of the inputs and is never written`
    );
  }
  if (isDirectory(file)) return bi(`--json ${file} 是文件夹`, `--json ${file} is a folder`);
  if (fs.existsSync(file) && !overwrite) {
    return bi(
      `--json ${file} 已存在，不会替换（加 --overwrite 以替换）`,
      `--json ${file} exists and is not replaced (--overwrite replaces it)`
    );
  }
  return null;
}

/** Key under which an output path is held in the `taken` set of planReport. */
export function outputKey(p: string): string {
  return identity(p).real;
}
