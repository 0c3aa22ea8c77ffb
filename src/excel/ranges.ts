/**
 * Chunked reads and writes of big ranges, with few and bounded `context.sync()` calls.
 *
 * Excel on the web limits each request and each response to 5 MB ("RichApi.Error: the request
 * payload size has exceeded the limit", resource-limits-and-performance-optimization#excel-add-ins);
 * one `context.sync()` is one request. So work is queued in chunks of rows (each under a cell cap),
 * and chunks are grouped into syncs whose estimated payload stays under a budget:
 * - Excel on the web: 4 MiB per sync, so a sheet of B estimated bytes takes ⌈B / 4 MiB⌉ syncs
 *   for its data — bounded by the data's size, never one sync per row or per chunk;
 * - desktop Excel (no payload limit): one sync for all the data, whatever the row count.
 */

/** Excel on the web rejects requests or responses above 5 MB; keep a margin. */
export const WEB_PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** Cells per range request: far below the 5 million cells a single get may touch. */
export const MAX_CELLS_PER_REQUEST = 200_000;
/** Rows read with the range's dimensions, to measure how heavy a row is. */
export const SAMPLE_ROWS = 100;
/** A cell costs at least this much in a payload (JSON punctuation and framing). */
const MIN_BYTES_PER_CELL = 8;
/** Estimates from a sample are stretched by this factor: later rows may be heavier. */
const SAFETY = 1.5;

/** The payload budget per sync on this platform: 4 MiB on the web (and when unknown), else none. */
export function payloadBudget(): number {
  const platform =
    typeof Office !== "undefined" ? Office.context?.diagnostics?.platform : undefined;
  const desktop: string[] = ["PC", "Mac", "iPad"];
  return platform !== undefined && desktop.includes(String(platform))
    ? Number.POSITIVE_INFINITY
    : WEB_PAYLOAD_BUDGET;
}

/**
 * Bytes a matrix of cell values takes in a request or response: its JSON, with every non-ASCII
 * character counted as a `\uXXXX` escape (6 bytes), the worst case.
 */
export function estimateBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of rows) {
    bytes += 3;
    for (const v of row) {
      if (typeof v === "string") {
        let extra = 0;
        for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 0x7e) extra += 5;
        bytes += v.length + extra + 3;
      } else if (typeof v === "number") bytes += 24;
      else bytes += 6;
    }
  }
  return bytes;
}

/**
 * Groups queued work into syncs that stay under a payload budget. `add` queues work (load or
 * write) and syncs first only when the work would push the pending payload over the budget.
 */
export class SyncBatcher {
  /** Syncs made by this batcher (for the caller's own accounting). */
  syncs = 0;
  private pending = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number = payloadBudget()
  ) {}

  async add(bytes: number, enqueue: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.sync();
    enqueue();
    this.pending += bytes;
  }

  /** Sync what is pending (nothing happens when nothing is). */
  async flush(): Promise<void> {
    if (this.pending > 0) await this.sync();
  }

  private async sync(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
  }
}

/** Rows per chunk for rows of `columns` cells weighing about `bytesPerRow` each. */
export function rowsPerChunk(columns: number, bytesPerRow: number, budget: number): number {
  const byCells = Math.floor(MAX_CELLS_PER_REQUEST / Math.max(1, columns));
  const byBytes = Number.isFinite(budget) ? Math.floor(budget / Math.max(1, bytesPerRow)) : byCells;
  return Math.max(1, Math.min(byCells, byBytes));
}

export interface UsedRangeRead {
  /** Row-major values from `origin`; [] for an empty sheet. */
  values: unknown[][];
  /** 1-based worksheet row and column of values[0][0]. */
  origin: { row: number; column: number };
  /** Merged areas within the used range, as A1 ranges without the sheet ("A1:H1"). */
  merges: string[];
  /**
   * Why merged areas could not be read, when they could not: the host lacks ExcelApi 1.13
   * ("api"), or refused them (more than 512 areas: "refused"). `merges` is then [].
   */
  mergesUnread?: "api" | "refused";
  /** context.sync() calls this read made. */
  syncs: number;
}

/** Range.getMergedAreasOrNullObject is ExcelApi 1.13; an older host has no such method. */
export function mergedAreasSupported(): boolean {
  if (typeof Office === "undefined") return true;
  const req = Office.context?.requirements;
  return !req || typeof req.isSetSupported !== "function" || req.isSetSupported("ExcelApi", "1.13");
}

/**
 * Reads a sheet's used range (cells with values): one sync for its dimensions, merged areas and
 * a sample of the first rows, then the remaining rows in chunks, grouped into syncs by payload.
 * Without ExcelApi 1.13 the merged areas are not asked for; when Excel refuses them (it does
 * above 512 areas) the first sync is made again without them; either way the read says so.
 */
export async function readUsedRange(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  budget: number = payloadBudget()
): Promise<UsedRangeRead> {
  let mergesUnread: UsedRangeRead["mergesUnread"] = mergedAreasSupported() ? undefined : "api";
  const firstPhase = (withMerges: boolean) => {
    // getUsedRange (not …OrNullObject): a blank sheet gives A1, so the calls chained on it
    // below are always on a real range.
    const used = sheet.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const sample = used.getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0);
    sample.load("values");
    let merged: Excel.RangeAreas | null = null;
    if (withMerges) {
      merged = used.getMergedAreasOrNullObject();
      merged.load("address");
    }
    return { used, sample, merged };
  };
  let phase = firstPhase(mergesUnread === undefined);
  let firstSyncs = 1;
  try {
    await context.sync();
  } catch (e) {
    if (phase.merged === null) throw e;
    mergesUnread = "refused";
    phase = firstPhase(false);
    await context.sync();
    firstSyncs = 2;
  }
  const { used, sample, merged } = phase;
  const first = (sample.values as unknown[][])[0];
  if (used.rowCount === 1 && used.columnCount === 1 && (first?.[0] ?? "") === "") {
    return { values: [], origin: { row: 1, column: 1 }, merges: [], syncs: firstSyncs };
  }

  const rows = used.rowCount;
  const columns = used.columnCount;
  const values: unknown[][] = (sample.values as unknown[][]).slice(0, Math.min(rows, SAMPLE_ROWS));
  const merges = !merged || merged.isNullObject ? [] : splitAddresses(merged.address);

  const batcher = new SyncBatcher(context, budget);
  if (rows > SAMPLE_ROWS) {
    const measured = estimateBytes(values) / Math.max(1, values.length);
    const bytesPerRow = SAFETY * Math.max(measured, columns * MIN_BYTES_PER_CELL);
    const step = rowsPerChunk(columns, bytesPerRow, budget);
    const chunks: Excel.Range[] = [];
    for (let r = SAMPLE_ROWS; r < rows; r += step) {
      const n = Math.min(step, rows - r);
      await batcher.add(n * bytesPerRow, () => {
        const chunk = sheet.getRangeByIndexes(used.rowIndex + r, used.columnIndex, n, columns);
        chunk.load("values");
        chunks.push(chunk);
      });
    }
    await batcher.flush();
    for (const chunk of chunks) for (const row of chunk.values as unknown[][]) values.push(row);
  }
  return {
    values,
    origin: { row: used.rowIndex + 1, column: used.columnIndex + 1 },
    merges,
    ...(mergesUnread ? { mergesUnread } : {}),
    syncs: firstSyncs + batcher.syncs,
  };
}

/**
 * Queues writes of `rows` to the sheet from (row0, col0) (0-based) in chunks; `apply` sets
 * the properties on each chunk's range (e.g. numberFormat, then values). The caller syncs the
 * last batch with `batcher.flush()`.
 */
export async function writeRows(
  batcher: SyncBatcher,
  sheet: Excel.Worksheet,
  row0: number,
  col0: number,
  rows: unknown[][],
  apply: (range: Excel.Range, chunk: unknown[][]) => void,
  /** Payload multiplier: 2 when each cell carries a value and a number format. */
  weight = 1
): Promise<void> {
  if (rows.length === 0) return;
  const columns = rows[0].length;
  const bytesPerRow =
    SAFETY *
    Math.max(
      estimateBytes(rows.slice(0, SAMPLE_ROWS)) / Math.min(rows.length, SAMPLE_ROWS),
      columns * MIN_BYTES_PER_CELL
    ) *
    weight;
  const step = rowsPerChunk(columns, bytesPerRow, batcher.budget);
  for (let r = 0; r < rows.length; r += step) {
    const chunk = rows.slice(r, r + step);
    await batcher.add(chunk.length * bytesPerRow, () => {
      apply(sheet.getRangeByIndexes(row0 + r, col0, chunk.length, columns), chunk);
    });
  }
}

/** "Sheet1!A1:H1, 'a,b'!A2:B2" → ["A1:H1", "A2:B2"]: commas inside quoted sheet names kept. */
export function splitAddresses(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => a.slice(a.lastIndexOf("!") + 1).replace(/\$/g, ""));
}
