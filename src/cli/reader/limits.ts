/**
 * What one input file may cost to read: Excel's own sheet limits, and caps that keep a hostile
 * or broken file (a zip bomb, a lying size, a cell address far outside any sheet) from taking
 * the machine's memory or time. Every breach is an UnreadableFile with a bilingual reason that
 * says what happened and what the user can do — never a crash, a hang or a silently short sheet.
 */
import { Bilingual, bi } from "../../core/i18n";

/** Excel's limits (Excel specifications and limits): rows, columns (XFD), characters a cell. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;
export const EXCEL_MAX_CELL_CHARS = 32_767;

export interface ReadLimits {
  /** Bytes of the file itself (it is read into memory once). */
  maxFileBytes: number;
  /** Uncompressed bytes of all the parts read from one archive. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size of one part, checked once a part passes 1 MiB. */
  maxCompressionRatio: number;
  /** Cells held for one file, counted as the width of each row read (blank cells inside a row count). */
  maxCells: number;
  /** Characters of all shared strings (the workbook's text table) together. */
  maxSharedStringChars: number;
  /** Milliseconds for reading one file. */
  timeBudgetMs: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 1024 * 2 ** 20,
  maxUncompressedBytes: 4 * 2 ** 30,
  maxCompressionRatio: 200,
  maxCells: 60_000_000,
  maxSharedStringChars: 200_000_000,
  timeBudgetMs: 10 * 60_000,
};

/** Thrown for any file that cannot be read; `reason` says why and what to do, in both languages. */
export class UnreadableFile extends Error {
  constructor(public readonly reason: Bilingual) {
    super(`${reason.zh} (${reason.en})`);
  }
}

const SPLIT_HINT = bi(
  "可将其拆分为较小的工作簿，或另存为 .xlsx 后再审查",
  "split it into smaller workbooks, or save it again as .xlsx, and review it again"
);

/** A breach of a cap: what was exceeded, and what the user can do. */
export function tooLarge(what: Bilingual, hint: Bilingual = SPLIT_HINT): UnreadableFile {
  return new UnreadableFile(
    bi(
      `文件超出可读取的范围：${what.zh}；${hint.zh}`,
      `the file is too large to read: ${what.en}; ${hint.en}`
    )
  );
}

/** A file that is not what it claims to be, or is cut or corrupted. */
export function damaged(what: Bilingual): UnreadableFile {
  return new UnreadableFile(
    bi(
      `文件已损坏，无法读取（${what.zh}）：请在 Excel 或 WPS 中打开并另存后再审查`,
      `the file is damaged and cannot be read (${what.en}): open it in Excel or WPS, save it again, and review it again`
    )
  );
}

export const ENCRYPTED = bi(
  "文件设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码并重新保存后再审查",
  "the file is password-protected (encrypted) and cannot be read: remove the password and save again in Excel or WPS, then review it again"
);

/** Time and cell accounting for one file. */
export class Budget {
  readonly limits: ReadLimits;
  private readonly deadline: number;
  cells = 0;
  uncompressed = 0;

  constructor(limits: Partial<ReadLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.deadline = Date.now() + this.limits.timeBudgetMs;
  }

  /** Milliseconds left (never below 1). */
  remaining(): number {
    return Math.max(1, this.deadline - Date.now());
  }

  checkTime(): void {
    if (Date.now() > this.deadline) throw this.timeout();
  }

  timeout(): UnreadableFile {
    const s = Math.round(this.limits.timeBudgetMs / 1000);
    return tooLarge(bi(`读取超过 ${s} 秒仍未完成`, `reading took longer than ${s} s`));
  }

  addCells(n: number): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells) {
      const cap = this.limits.maxCells.toLocaleString("en");
      throw tooLarge(bi(`单元格超过 ${cap} 个`, `more than ${cap} cells`));
    }
  }

  addUncompressed(n: number): void {
    this.uncompressed += n;
    if (this.uncompressed > this.limits.maxUncompressedBytes) throw this.uncompressedBreach();
  }

  uncompressedBreach(): UnreadableFile {
    const mib = Math.round(this.limits.maxUncompressedBytes / 2 ** 20).toLocaleString("en");
    return tooLarge(bi(`解压后超过 ${mib} MiB`, `more than ${mib} MiB once uncompressed`));
  }
}

/** Runs `work` against the budget's deadline: a read that stalls is rejected, never awaited forever. */
export async function withinTime<T>(
  budget: Budget,
  work: (signal: { stopped: boolean }) => Promise<T>
): Promise<T> {
  const signal = { stopped: false };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      signal.stopped = true;
      reject(budget.timeout());
    }, budget.remaining());
  });
  try {
    return await Promise.race([work(signal), late]);
  } finally {
    clearTimeout(timer);
    signal.stopped = true;
  }
}
