/**
 * .xls (BIFF8), WPS .et and .ods through SheetJS `xlsx` 0.18.5 — the only reader of these formats
 * on the npm registry, and one with known unpatched flaws on crafted input (prototype pollution,
 * CVE-2023-30533; regular-expression denial of service, CVE-2024-22363). So it never runs in the
 * command's own thread: each file is parsed in a worker thread with its own heap limit and a
 * deadline (terminated when passed), and only plain values — numbers, strings, booleans — are
 * copied out and checked again here. A polluted prototype dies with the worker.
 */
import { Worker } from "worker_threads";
import { bi } from "../../core/i18n";
import { RowSink, parseRef } from "./cells";
import { Budget, ENCRYPTED, UnreadableFile, damaged, tooLarge } from "./limits";
import type { CellValue, OnSheet } from "./types";

/** Heap for the parser's worker: SheetJS holds the whole workbook as objects. */
const WORKER_HEAP_MB = 1536;

interface PlainSheet {
  name: string;
  hidden: number;
  /** [row number (1-based), values from column A] for non-blank rows, ascending. */
  rows: [number, CellValue[]][];
  merges: string[];
  dateColumns: number[];
  widths: [number, number][];
}

type WorkerReply =
  | { ok: true; sheets: PlainSheet[] }
  | { ok: false; encrypted?: boolean; message: string; cells?: boolean };

/** Runs inside the worker: plain JavaScript, no access to anything but its message. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("worker_threads");
const XLSX = require(workerData.xlsx);
function run() {
  const buf = Buffer.from(workerData.bytes);
  if (buf[0] === 0xd0 && buf[1] === 0xcf) {
    const cfb = XLSX.CFB.read(buf, { type: "buffer" });
    if (XLSX.CFB.find(cfb, "EncryptionInfo") || XLSX.CFB.find(cfb, "EncryptedPackage")) {
      return { ok: false, encrypted: true, message: "encrypted package" };
    }
  }
  const wb = XLSX.read(buf, { type: "buffer", cellDates: false, cellNF: true, cellText: false, cellFormula: false, cellHTML: false, cellStyles: true, WTF: false });
  const date1904 = !!(wb.Workbook && wb.Workbook.WBProps && wb.Workbook.WBProps.date1904);
  const meta = (wb.Workbook && wb.Workbook.Sheets) || [];
  let cells = 0;
  const sheets = [];
  for (let s = 0; s < wb.SheetNames.length; s++) {
    const name = String(wb.SheetNames[s]);
    const ws = wb.Sheets[name];
    const byRow = new Map();
    const dates = new Set();
    if (ws && typeof ws === "object") {
      for (const key of Object.keys(ws)) {
        if (key[0] === "!") continue;
        const cell = ws[key];
        if (!cell || typeof cell !== "object") continue;
        const at = XLSX.utils.decode_cell(key);
        let v;
        switch (cell.t) {
          case "n": v = typeof cell.v === "number" && isFinite(cell.v) ? cell.v : "#NUM!"; break;
          case "s": case "str": v = cell.v == null ? "" : String(cell.v); break;
          case "b": v = !!cell.v; break;
          case "e": v = typeof cell.w === "string" ? cell.w : (XLSX.utils.BErr || {})[cell.v] || "#N/A"; break;
          case "d": v = cell.v instanceof Date ? cell.v.getTime() / 86400000 + 25569 : String(cell.v); break;
          default: continue;
        }
        if (v === "") continue;
        if (typeof v === "number" && cell.z && XLSX.SSF.is_date(cell.z)) {
          dates.add(at.c);
          if (date1904) v += 1462;
        }
        if (++cells > workerData.maxCells) return { ok: false, cells: true, message: "cells" };
        let row = byRow.get(at.r + 1);
        if (!row) byRow.set(at.r + 1, (row = []));
        while (row.length < at.c) row.push("");
        row[at.c] = v;
      }
    }
    const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]);
    const merges = ((ws && ws["!merges"]) || []).map((m) => XLSX.utils.encode_range(m));
    const widths = [];
    ((ws && ws["!cols"]) || []).forEach((c, i) => { if (c && typeof c.wch === "number") widths.push([i, c.wch]); });
    sheets.push({ name, hidden: Number((meta[s] && meta[s].Hidden) || 0), rows, merges, dateColumns: [...dates], widths });
  }
  return { ok: true, sheets };
}
let reply;
try { reply = run(); } catch (e) { reply = { ok: false, message: String(e && e.message || e).slice(0, 200) }; }
parentPort.postMessage(reply);
`;

function parseInWorker(buf: Buffer, budget: Budget): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const bytes = new Uint8Array(buf); // a copy, handed over to the worker
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, xlsx: require.resolve("xlsx"), maxCells: budget.limits.maxCells },
      transferList: [bytes.buffer],
      resourceLimits: {
        maxOldGenerationSizeMb: WORKER_HEAP_MB,
        maxYoungGenerationSizeMb: 64,
        stackSizeMb: 8,
      },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(budget.timeout())), budget.remaining());
    worker.once("message", (m: WorkerReply) => settle(() => resolve(m)));
    worker.once("error", (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? tooLarge(
                bi(
                  `读取所需内存超过 ${WORKER_HEAP_MB} MiB`,
                  `reading needs more than ${WORKER_HEAP_MB} MiB of memory`
                )
              )
            : damaged(bi(String(e.message).slice(0, 120), String(e.message).slice(0, 120)))
        )
      )
    );
    worker.once("exit", (code) =>
      settle(() =>
        reject(
          damaged(bi(`读取进程意外退出（${code}）`, `the reader stopped unexpectedly (${code})`))
        )
      )
    );
  });
}

const isCell = (v: unknown): v is CellValue =>
  typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

/** Reads a legacy or OpenDocument workbook sandboxed; rows reach `onSheet` as from any other reader. */
export async function readSandboxed(
  buf: Buffer,
  onSheet: OnSheet,
  budget: Budget
): Promise<number> {
  const reply = await parseInWorker(buf, budget);
  if (!reply.ok) {
    if (reply.encrypted || /password/i.test(reply.message)) throw new UnreadableFile(ENCRYPTED);
    if (reply.cells) budget.addCells(budget.limits.maxCells + 1);
    throw damaged(bi(reply.message, reply.message));
  }
  if (!Array.isArray(reply.sheets) || reply.sheets.length === 0) {
    throw damaged(bi("文件中没有工作表", "no worksheet in the file"));
  }
  reply.sheets.forEach((s, index) => {
    const name = String(s.name);
    const state = s.hidden === 2 ? "veryHidden" : s.hidden === 1 ? "hidden" : "visible";
    const handler = onSheet({ name, index, state });
    const sink = new RowSink(handler, budget, name);
    for (const [r, raw] of s.rows) {
      const values: CellValue[] = Array.from(raw, (v) => (isCell(v) ? v : ""));
      values.forEach((v, c) => typeof v === "string" && sink.text(v, `R${r}C${c + 1}`));
      sink.row(Number(r), values);
    }
    handler.end({
      merges: s.merges.map(String).filter((m) => m.split(":").every((a) => parseRef(a) !== null)),
      dateColumns: new Set(s.dateColumns.map(Number)),
      widths: new Map(s.widths.map(([c, w]) => [Number(c), Number(w)])),
    });
  });
  return reply.sheets.length;
}
