/** Arguments of `fund-compliance review`: parsed, checked, and refused with a bilingual message. */
import { Lang } from "../core/i18n";
import { isValidYmd, serialFromYmd } from "../core/dates";

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
  /** Files reviewed at once (worker threads); default: the number of CPUs. */
  jobs?: number;
  /** Do not write report workbooks (JSON / summary only). */
  noReport: boolean;
  /** An office's own negative-list terms and exceptions: a JSON file. */
  terms?: string;
  /** A workbook with the office's lists (黑名单, 管理费比例, 贷款基准利率 sheets). */
  lists?: string;
}

export type Parsed =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "options"; options: ReviewOptions }
  | { kind: "error"; message: string };

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

const WITH_VALUE = new Set([
  "--as-of",
  "--packs",
  "--out",
  "--json",
  "--lang",
  "--jobs",
  "--terms",
  "--lists",
]);
const FLAGS = new Set(["--strict", "--help", "-h", "--version", "-v", "--no-report"]);

/**
 * Parses the arguments after `review`. `knownPacks` are the engine's pack ids (an unknown pack
 * is refused, not ignored).
 */
export function parseReviewArgs(argv: string[], knownPacks: string[], now?: Date): Parsed {
  const inputs: string[] = [];
  const seen = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      inputs.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") || a === "-h" || a === "-v") {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (WITH_VALUE.has(name)) {
        let value: string | undefined;
        if (eq > 0) value = a.slice(eq + 1);
        else if (i + 1 < argv.length && (argv[i + 1] === "-" || !argv[i + 1].startsWith("--")))
          value = argv[++i];
        if (value === undefined || value === "") {
          return err(`选项 ${name} 需要一个值`, `option ${name} needs a value`);
        }
        if (seen.has(name)) return err(`选项 ${name} 重复`, `option ${name} given twice`);
        seen.set(name, value);
      } else if (FLAGS.has(name) && eq < 0) {
        flags.add(name);
      } else {
        return err(`未知选项 ${a}`, `unknown option ${a}`);
      }
    } else {
      inputs.push(a);
    }
  }
  if (flags.has("--help") || flags.has("-h")) return { kind: "help" };
  if (flags.has("--version") || flags.has("-v")) return { kind: "version" };
  if (inputs.length === 0) {
    return err("请给出要审查的 .xlsx 文件或文件夹", "give the .xlsx files or folders to review");
  }

  let asOf: number;
  let asOfText: string;
  const asOfArg = seen.get("--as-of");
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
  const packsArg = seen.get("--packs");
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

  const lang = seen.get("--lang") ?? "zh";
  if (lang !== "zh" && lang !== "en") {
    return err(
      `--lang 只能是 zh 或 en，而不是 "${lang}"`,
      `--lang must be zh or en, not "${lang}"`
    );
  }

  let jobs: number | undefined;
  const jobsArg = seen.get("--jobs");
  if (jobsArg !== undefined) {
    jobs = Number(jobsArg);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
      return err(
        `--jobs 应为 1 到 64 的整数，而不是 "${jobsArg}"`,
        `--jobs must be a whole number from 1 to 64, not "${jobsArg}"`
      );
    }
  }

  return {
    kind: "options",
    options: {
      inputs,
      asOf,
      asOfText,
      packs,
      strict: flags.has("--strict"),
      out: seen.get("--out"),
      json: seen.get("--json"),
      lang,
      jobs,
      noReport: flags.has("--no-report"),
      terms: seen.get("--terms"),
      lists: seen.get("--lists"),
    },
  };
}

function err(zh: string, en: string): Parsed {
  return { kind: "error", message: `${zh}\n${en}` };
}

export const USAGE = `用法 Usage:
  fund-compliance review <文件或文件夹 files or folders…> [选项 options]
  fund-compliance template <kind> --out FILE

审查 .xlsx 台账：对每个工作簿运行与审查窗格相同的规则，在其旁边写出 <名称>.review.xlsx。
Review .xlsx ledgers with the same rules as the Review pane; writes <name>.review.xlsx beside each.
文件夹会递归查找其中所有 .xlsx（跳过 ~$ 锁定文件和 *.review.xlsx 报告）。
A folder means every .xlsx inside it, recursively (skipping ~$ lock files and *.review.xlsx reports).

选项 Options:
  --as-of YYYY-MM-DD   审查日期，默认为本机当地日历的今天
                       review date; default: today on this machine's local calendar
  --packs a,b          只运行这些规则包 (run only these rule packs)
  --strict             严格顺延：只有法定节假日才顺延期限 (only public holidays extend a deadline)
  --out DIR            报告写到此文件夹 (write reports to DIR; default: beside each input)
  --json FILE|-        写出 JSON 报告，- 为标准输出 (write the JSON report; - for stdout)
  --lang zh|en         消息语言，默认 zh (language of messages; default zh)
  --jobs N             同时审查的文件数，默认 CPU 数 (files reviewed at once; default: CPUs)
  --no-report          不写报告工作簿 (do not write report workbooks)
  --terms FILE         本单位负面清单词语和例外（JSON）
                       an office's own negative-list terms and exceptions (JSON)
  --lists FILE.xlsx    本单位清单工作簿（黑名单、管理费比例、贷款基准利率 工作表；
                       fund-compliance template lists 可生成）
                       a workbook with the office's lists (blacklist, fee share, benchmark rate)
  -h, --help           显示本帮助 (show this help)
  -v, --version        显示版本 (show the version)

退出码 Exit status:
  0  没有“错误”级别的问题 (no error-severity finding)
  1  有“错误”级别的问题 (some error-severity finding)
  2  参数不可用，或有文件无法读取（其余文件照常审查）
     unusable arguments, or some file could not be read (the others are still reviewed)

输入文件从不被改写。Input files are never written.
`;
