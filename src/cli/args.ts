/**
 * Command-line arguments: one parser for every command (node:util `parseArgs`, token by token,
 * so every refusal has a bilingual message), and the options of `fund-compliance review`.
 */
import { parseArgs } from "util";
import { Bilingual, Lang, bi } from "../core/i18n";
import { isValidYmd, serialFromYmd } from "../core/dates";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
}
export type OptionSpecs = Record<string, OptionSpec>;

export interface CommandLine {
  /** Option values by long name: a string for a value option, true for a flag. */
  values: Record<string, string | true>;
  positionals: string[];
}

/**
 * Parses `argv` against `specs`. Refused, with a bilingual message: an unknown option, a value
 * option without a value (`--out --county X` is "--out needs a value", never a file named
 * "--county"), a value given to a flag, an option given twice. A value that begins with "-" is
 * written `--out=-name`; a lone "-" (stdout) is a value. Everything after `--` is positional.
 */
export function parseCommandLine(argv: string[], specs: OptionSpecs): CommandLine | Bilingual {
  const { tokens } = parseArgs({
    args: argv,
    options: specs,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: CommandLine["values"] = {};
  const positionals: string[] = [];
  for (const t of tokens ?? []) {
    if (t.kind === "positional") {
      positionals.push(t.value);
      continue;
    }
    if (t.kind !== "option") continue;
    const spec = Object.prototype.hasOwnProperty.call(specs, t.name) ? specs[t.name] : undefined;
    const shown = spec ? `--${t.name}` : t.rawName;
    if (!spec) return bi(`未知选项 ${t.rawName}`, `unknown option ${t.rawName}`);
    if (values[t.name] !== undefined) {
      return bi(`选项 ${shown} 重复`, `option ${shown} given twice`);
    }
    if (spec.type === "boolean") {
      if (t.value !== undefined) {
        return bi(`选项 ${shown} 不带值`, `option ${shown} takes no value`);
      }
      values[t.name] = true;
      continue;
    }
    const v = t.value;
    if (v === undefined || v === "" || (!t.inlineValue && v.length > 1 && v.startsWith("-"))) {
      const next = v !== undefined && v !== "" ? `（其后是选项 ${v}）` : "";
      const nextEn = v !== undefined && v !== "" ? ` (it is followed by the option ${v})` : "";
      return bi(
        `选项 ${shown} 需要一个值${next}；以 - 开头的值写作 ${shown}=-值`,
        `option ${shown} needs a value${nextEn}; a value beginning with - is written ${shown}=-value`
      );
    }
    values[t.name] = v;
  }
  return { values, positionals };
}

export function isCommandLine(p: CommandLine | Bilingual): p is CommandLine {
  return "values" in p;
}

export interface ReviewOptions {
  inputs: string[];
  /** Review date as an Excel serial, and as written. */
  asOf: number;
  asOfText: string;
  packs?: string[];
  strict: boolean;
  /** Folder for the report workbooks; undefined = beside each input. */
  out?: string;
  /** JSON report: a file path, "-" for stdout, or undefined for none. */
  json?: string;
  lang: Lang;
  /** Files reviewed at once (child processes); default: the number of CPUs. */
  jobs?: number;
  /** Do not write report workbooks (JSON / summary only). */
  noReport: boolean;
  /** An office's own negative-list terms and exceptions: a JSON file. */
  terms?: string;
  /** Column mappings (sheet or "*" → field → header text or column letter): a JSON file. */
  map?: string;
  /** A workbook with the office's lists (黑名单, 管理费比例, 贷款基准利率, 整合目标 sheets). */
  lists?: string;
  /** Replace existing reports / JSON file instead of choosing a free name / refusing. */
  overwrite: boolean;
  /** Per-file time budget in milliseconds: a file still under review then is not reviewed. */
  timeoutMs: number;
  /** Files larger than this many bytes are not reviewed (said so, with the reason). */
  maxBytes: number;
  /** An office's holiday arrangement (节假日安排): .csv, .xlsx or .json. */
  calendar?: string;
  /** An office's fund-type names (资金类型对照): .csv, .xlsx or .json. */
  fundTypes?: string;
}

export type Parsed =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "options"; options: ReviewOptions }
  | { kind: "error"; message: string };

/** Default per-file time budget (seconds) and size limit (MiB); see --timeout, --max-size. */
export const DEFAULT_TIMEOUT_S = 300;
export const DEFAULT_MAX_MB = 512;

/** Today's date on this machine's own calendar (its local time zone), as an Excel serial. */
export function todaySerial(now: Date = new Date()): { serial: number; text: string } {
  const y = now.getFullYear();
  const m = now.getMonth() + 1;
  const d = now.getDate();
  const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return { serial: serialFromYmd(y, m, d), text };
}

/** "2026-11-23" → serial, or null when it is not a real calendar date in that exact form. */
export function parseAsOf(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  return isValidYmd(y, mo, d) ? serialFromYmd(y, mo, d) : null;
}

export const REVIEW_OPTIONS: OptionSpecs = {
  "as-of": { type: "string" },
  packs: { type: "string" },
  out: { type: "string" },
  json: { type: "string" },
  lang: { type: "string" },
  jobs: { type: "string" },
  terms: { type: "string" },
  map: { type: "string" },
  lists: { type: "string" },
  calendar: { type: "string" },
  "fund-types": { type: "string" },
  timeout: { type: "string" },
  "max-size": { type: "string" },
  strict: { type: "boolean" },
  overwrite: { type: "boolean" },
  "no-report": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
};

/** A whole number within [min, max] given to `option`, or a bilingual refusal. */
function wholeNumber(option: string, text: string, min: number, max: number): number | Parsed {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    return err(
      `${option} 应为 ${min} 到 ${max} 的整数，而不是 "${text}"`,
      `${option} must be a whole number from ${min} to ${max}, not "${text}"`
    );
  }
  return n;
}

/**
 * Parses the arguments after `review`. `knownPacks` are the engine's pack ids (an unknown pack
 * is refused, not ignored).
 */
export function parseReviewArgs(argv: string[], knownPacks: string[], now?: Date): Parsed {
  const line = parseCommandLine(argv, REVIEW_OPTIONS);
  if (!isCommandLine(line)) return { kind: "error", message: `${line.zh}\n${line.en}` };
  const flag = (name: string) => line.values[name] === true;
  const str = (name: string) => {
    const x = line.values[name];
    return typeof x === "string" ? x : undefined;
  };
  const inputs = line.positionals;
  if (flag("help")) return { kind: "help" };
  if (flag("version")) return { kind: "version" };
  if (inputs.length === 0) {
    return err("请给出要审查的文件或文件夹", "give the files or folders to review");
  }

  let asOf: number;
  let asOfText: string;
  const asOfArg = str("as-of");
  if (asOfArg !== undefined) {
    const s = parseAsOf(asOfArg);
    if (s === null) {
      return err(
        `--as-of 应为真实日期，格式 YYYY-MM-DD，而不是 "${asOfArg}"`,
        `--as-of must be a real date written YYYY-MM-DD, not "${asOfArg}"`
      );
    }
    asOf = s;
    asOfText = asOfArg;
  } else {
    const t = todaySerial(now);
    asOf = t.serial;
    asOfText = t.text;
  }

  let packs: string[] | undefined;
  const packsArg = str("packs");
  if (packsArg !== undefined) {
    packs = packsArg
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const unknown = packs.filter((p) => !knownPacks.includes(p));
    if (packs.length === 0 || unknown.length > 0) {
      return err(
        `未知的规则包 ${unknown.join(",") || packsArg}；可用：${knownPacks.join(",")}`,
        `unknown rule pack ${unknown.join(",") || packsArg}; available: ${knownPacks.join(",")}`
      );
    }
  }

  const lang = str("lang") ?? "zh";
  if (lang !== "zh" && lang !== "en") {
    return err(
      `--lang 只能是 zh 或 en，而不是 "${lang}"`,
      `--lang must be zh or en, not "${lang}"`
    );
  }

  let jobs: number | undefined;
  if (str("jobs") !== undefined) {
    const n = wholeNumber("--jobs", str("jobs")!, 1, 64);
    if (typeof n !== "number") return n;
    jobs = n;
  }
  const timeout = wholeNumber("--timeout", str("timeout") ?? String(DEFAULT_TIMEOUT_S), 1, 86400);
  if (typeof timeout !== "number") return timeout;
  const maxMb = wholeNumber("--max-size", str("max-size") ?? String(DEFAULT_MAX_MB), 1, 65536);
  if (typeof maxMb !== "number") return maxMb;

  return {
    kind: "options",
    options: {
      inputs,
      asOf,
      asOfText,
      packs,
      strict: flag("strict"),
      out: str("out"),
      json: str("json"),
      lang,
      jobs,
      noReport: flag("no-report"),
      terms: str("terms"),
      map: str("map"),
      overwrite: flag("overwrite"),
      timeoutMs: timeout * 1000,
      maxBytes: maxMb * 2 ** 20,
      lists: str("lists"),
      calendar: str("calendar"),
      fundTypes: str("fund-types"),
    },
  };
}

function err(zh: string, en: string): Parsed {
  return { kind: "error", message: `${zh}\n${en}` };
}

export const USAGE = `用法 Usage:
  fund-compliance review <文件或文件夹 files or folders…> [选项 options]
  fund-compliance template <kind> --out FILE   (kind: plan, publicity, assets, spotcheck, all,
                                               calendar, fund-types)

审查台账工作簿：对每个工作簿运行与审查窗格相同的规则，在其旁边写出 <名称>.review.xlsx。
Review ledger workbooks with the Review pane's rules; writes <name>.review.xlsx beside each.
文件夹会递归查找其中可读的工作簿；其余文件（其他格式、~$ 锁定文件、*.review.xlsx 报告、
符号链接、过大的文件、打不开的子文件夹）逐一列为“未审查”并说明原因。
A folder means every readable workbook inside it, recursively; every other entry (other
formats, ~$ lock files, *.review.xlsx reports, symbolic links, files over --max-size,
subfolders that cannot be opened) is listed as not reviewed, with the reason.
时限起算：中央提前下达、中央新增自“收到资金下达文件日期”；自治区本级预算、部门已细化/未细化自“人大批复部门预算日期”。
Deadlines run from the receipt date (central rules) or the budget-approval date (the others).

选项 Options:
  --as-of YYYY-MM-DD   审查日期，默认为本机当地日历的今天
                       review date; default: today on this machine's local calendar
  --packs a,b          只运行这些规则包 (run only these rule packs)
  --strict             严格顺延：只有法定节假日才顺延期限 (only public holidays extend a deadline)
  --out DIR            报告写到此文件夹 (write reports to DIR; default: beside each input)
  --json FILE|-        写出 JSON 报告，- 为标准输出 (write the JSON report; - for stdout)
  --overwrite          替换已有的报告和 JSON 文件；否则报告另取新名 x (2).review.xlsx，
                       已有的 JSON 文件不被替换 (replace existing reports and the JSON file;
                       otherwise a report gets a free name and an existing JSON file is refused)
  --lang zh|en         消息语言，默认 zh (language of messages; default zh)
  --jobs N             同时审查的文件数，默认 CPU 数 (files reviewed at once; default: CPUs)
  --timeout SEC        每个文件的审查时限（秒），默认 ${DEFAULT_TIMEOUT_S}；超时的文件列为未审查
                       time budget per file in seconds (default ${DEFAULT_TIMEOUT_S}); a file over it is not reviewed
  --max-size MB        大于此大小的文件不审查，默认 ${DEFAULT_MAX_MB} MB
                       files larger than this are not reviewed (default ${DEFAULT_MAX_MB} MB)
  --no-report          不写报告工作簿 (do not write report workbooks)
  --terms FILE         本单位负面清单词语和例外（JSON）
                       an office's own negative-list terms and exceptions (JSON)
  --map FILE           列映射（JSON：工作表名或 "*" → 字段 → 表头文字或列字母），
                       如 {"*": {"amount": "拨付金额（万元）", "place": "F"}}；
                       审查窗格中固定的列映射保存在工作簿中，命令行自动采用
                       column mappings (JSON: sheet or "*" → field → header text or
                       column letter); mappings fixed in the Review pane are stored
                       in the workbook and used automatically
  --lists FILE.xlsx    本单位清单工作簿（黑名单、管理费比例、贷款基准利率 工作表；
                       fund-compliance template lists 可生成）
                       a workbook with the office's lists (blacklist, fee share, benchmark rate)
  --calendar FILE      本单位提供的节假日安排（日期、类型 放假/上班、说明；.csv UTF-8 或 GB18030、.xlsx、
                       .json {"holidays":[…],"workdays":[…]}）：表中年份即视为已提供，其余日期按周一至周五；
                       内置日历只到 2026 年，期限落在其他年份的行报 DATA 并在汇总中计数
                       an office's holiday arrangement for years the bundled calendar (to 2026) lacks,
                       or corrections; \`template calendar\` writes the table
  --fund-types FILE    本单位资金类型对照（资金类型 → 中央提前下达/中央新增/自治区本级预算/部门已细化/
                       部门未细化/不适用；.csv、.xlsx 或 .json）
                       an office's fund-type names mapped to the 34号（十三） rules; \`template fund-types\`
  -h, --help           显示本帮助 (show this help)
  -v, --version        显示版本 (show the version)

退出码 Exit status:
  0  所有文件都已审查，没有“错误”级别的问题
     every file was reviewed; no error-severity finding
  1  所有文件都已审查，有“错误”级别的问题，或有行因缺少某年节假日安排无法判断时限（不算通过）
     every file was reviewed; some error-severity finding, or rows whose deadline could not
     be judged for want of a calendar year (not clean)
  2  参数不可用，没有审查任何文件 (unusable arguments; nothing was reviewed)
  3  有文件未能审查，或其报告未能写出（其余文件照常审查，问题照常列出；优先于 1）
     some file could not be reviewed or its report not written (the others were, and
     their findings are listed; takes precedence over 1); also when the run stops unexpectedly

输入文件从不被改写：--json 或报告指向任何输入文件时，拒绝或另取新名。
Input files are never written: a --json or report target that is an input is refused or renamed.
`;
