/**
 * The completeness check before a filing sheet is sent: every required field filled, amounts
 * readable, dates valid, choices from the list. Findings use the Review engine's shape, with
 * the cell address, so the same list and jump-to-cell serve both.
 *
 * A sheet is recognised by its header row (any of the first rows), not by its name, so a
 * renamed sheet or one made by the command-line template is checked too.
 */
import { bi } from "../i18n";
import { compact } from "../text";
import { normalize } from "../normal-form";
import { parseAmount } from "../money";
import { formatIso, parseDate } from "../dates";
import type { Finding, SheetInput } from "../review/types";
import { columnLetters } from "../review/types";
import { FILING_KINDS, FieldSpec, SheetSpec, SPECS } from "./specs";
import { isDashZero, placeholderOf } from "../ledger/record";
import { fillMerged } from "../ledger/merge";
import { ruleById } from "../review/registry";
import { filingEmptyRuleId, filingRuleId } from "./rules";

/** How many rows from the top a header may sit (title and subtitle rows above it). */
export const HEADER_SEARCH_ROWS = 8;

/** Header text as compared: half-width, no spaces, no "*", no unit suffix, （）→(). */
export function normaliseHeader(v: unknown): string {
  if (typeof v !== "string") return "";
  return normalize(v)
    .replace(/\*/g, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/\((万元|元|亿元)\)$/, "");
}

export interface Recognised {
  spec: SheetSpec;
  /** 0-based index into `values` of the header row. */
  headerIndex: number;
  /** field key → 0-based index into the values row. */
  columns: Record<string, number>;
  /** Required fields whose column is missing. */
  missingColumns: FieldSpec[];
}

/**
 * Which filing sheet this is, if any: the spec whose headers match best in one of the first
 * rows, needing at least half of its required headers (so a ledger that happens to have a
 * 项目名称 column is not taken for a publicity notice).
 */
export function recogniseFilingSheet(values: unknown[][]): Recognised | null {
  let best: (Recognised & { score: number }) | null = null;
  const rows = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    // The header row's own texts, then those of up to two rows above it (a group row, or a name
    // merged down over the sub-header), for the columns the lower rows leave blank.
    const seen = new Map<string, number>();
    const taken = new Set<number>();
    for (let k = r; k >= Math.max(0, r - 2); k--)
      (values[k] ?? []).forEach((v, c) => {
        if (taken.has(c)) return;
        const h = normaliseHeader(v);
        if (!h) return;
        taken.add(c);
        if (!seen.has(h)) seen.set(h, c);
      });
    if (seen.size === 0) continue;
    for (const kind of FILING_KINDS) {
      const spec = SPECS[kind];
      const columns: Record<string, number> = {};
      let score = 0;
      for (const f of spec.fields) {
        const c = seen.get(normaliseHeader(f.header));
        if (c !== undefined) {
          columns[f.key] = c;
          score++;
        }
      }
      const required = spec.fields.filter((f) => f.required);
      const found = required.filter((f) => columns[f.key] !== undefined).length;
      if (found * 2 < required.length || found < 2) continue;
      if (!best || score > best.score || (score === best.score && r > best.headerIndex)) {
        best = {
          spec,
          headerIndex: r,
          columns,
          missingColumns: required.filter((f) => columns[f.key] === undefined),
          score,
        };
      }
    }
  }
  if (!best) return null;
  const { score: _score, ...rest } = best;
  return rest;
}

/** A cell that reads as an amount of zero (0, "0.00", "-"). */
function isZero(v: unknown): boolean {
  if (isBlank(v)) return false;
  if (isDashZero(v)) return true;
  const p = parseAmount(v);
  return p.ok && p.value.isZero();
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const ruleId = filingRuleId;

/**
 * A finding as the registry has its rule (core/filing/rules, registered by the FILING kind):
 * kind, severity and citation from there, like every other finding.
 */
function registered(f: Finding): Finding {
  const def = ruleById(f.rule);
  if (!def) return f;
  return { ...f, kind: def.kind, severity: def.severity, citation: def.citation };
}

/** Checks one sheet already recognised (or recognises it). Returns [] for a non-filing sheet. */
export function checkFilingSheet(input: SheetInput, recognised?: Recognised | null): Finding[] {
  const sheet = fillMerged(input); // a merged range's value counts in every cell it covers
  const rec = recognised === undefined ? recogniseFilingSheet(sheet.values) : recognised;
  if (!rec) return [];
  const { spec, headerIndex, columns } = rec;
  const originRow = sheet.origin?.row ?? 1;
  const originCol = sheet.origin?.column ?? 1;
  const findings: Finding[] = [];
  const headerRowNo = originRow + headerIndex;

  for (const f of rec.missingColumns) {
    findings.push({
      kind: "FILING",
      rule: ruleId(spec, f, "COLUMN"),
      severity: "error",
      sheet: sheet.name,
      row: headerRowNo,
      column: null,
      cell: null,
      message: bi(
        `「${spec.name.zh}」缺少必填列「${f.header}」`,
        `${spec.name.en}: required column "${f.header}" (${f.en}) is missing`
      ),
      evidence: `第 ${headerRowNo} 行表头 / header row ${headerRowNo}`,
      citation: f.citation ?? spec.citation,
    });
  }

  const present = spec.fields.filter((f) => columns[f.key] !== undefined);
  let dataRows = 0;
  const seenRows: { row: number; get: (key: string) => unknown }[] = [];
  for (let r = headerIndex + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (present.every((f) => isBlank(row[columns[f.key]]))) continue; // a blank row
    dataRows++;
    const rowNo = originRow + r;
    const valueOf = (key: string) => {
      const c = columns[key];
      return c === undefined ? undefined : row[c];
    };
    for (const f of present) {
      const c = columns[f.key];
      const v = row[c];
      const column = columnLetters(originCol - 1 + c);
      const at = { sheet: sheet.name, row: rowNo, column, cell: `${column}${rowNo}` };
      const when = f.requiredWhen;
      const required =
        f.required ||
        (when !== undefined &&
          when.values.includes(String(valueOf(when.key) ?? "").trim()) &&
          !(when.unlessZero !== undefined && isZero(valueOf(when.unlessZero))));
      const placeholder = f.type === "text" && required ? placeholderOf(v) : null;
      if (placeholder !== null) {
        findings.push({
          kind: "FILING",
          rule: ruleId(spec, f, ""),
          severity: "error",
          ...at,
          message: bi(
            `必填项「${f.header}」填写的是「${placeholder}」，不算填写`,
            `required field "${f.en}" says "${placeholder}", which fills nothing`
          ),
          evidence: placeholder,
          citation: f.citation ?? spec.citation,
        });
        continue;
      }
      if (isBlank(v)) {
        if (required)
          findings.push({
            kind: "FILING",
            rule: ruleId(spec, f, ""),
            severity: "error",
            ...at,
            message: bi(`必填项「${f.header}」为空`, `required field "${f.en}" is empty`),
            evidence: "",
            citation: f.citation ?? spec.citation,
          });
        continue;
      }
      const problem = cellProblem(f, v);
      if (problem) findings.push({ ...problem, ...at, rule: ruleId(spec, f, problem.rule) });
    }
    if (spec.sheetCheck) seenRows.push({ row: rowNo, get: valueOf });
    for (const p of spec.rowCheck?.(valueOf) ?? []) {
      const f = spec.fields.find((x) => x.key === p.key) as FieldSpec;
      const column = columnLetters(originCol - 1 + columns[p.key]);
      findings.push({
        kind: "FILING",
        rule: ruleId(spec, f, p.rule),
        severity: p.severity,
        sheet: sheet.name,
        row: rowNo,
        column,
        cell: `${column}${rowNo}`,
        message: p.message,
        evidence: p.evidence,
        citation: p.citation,
      });
    }
    for (const p of spec.periods ?? []) {
      const from = parseDate(valueOf(p.from));
      const to = parseDate(valueOf(p.to));
      if (!from.ok || !to.ok || to.serial >= from.serial) continue;
      const f = spec.fields.find((x) => x.key === p.to) as FieldSpec;
      const g = spec.fields.find((x) => x.key === p.from) as FieldSpec;
      const column = columnLetters(originCol - 1 + columns[p.to]);
      findings.push({
        kind: "FILING",
        rule: ruleId(spec, f, "ORDER"),
        severity: "error",
        sheet: sheet.name,
        row: rowNo,
        column,
        cell: `${column}${rowNo}`,
        message: bi(`「${f.header}」早于「${g.header}」`, `${f.en} is before ${g.en}`),
        evidence: `${formatIso(from.serial)} → ${formatIso(to.serial)}`,
        citation: f.citation ?? spec.citation,
      });
    }
  }
  for (const p of spec.sheetCheck?.(seenRows) ?? []) {
    const column =
      p.key !== null && p.row !== null && columns[p.key] !== undefined
        ? columnLetters(originCol - 1 + columns[p.key])
        : null;
    findings.push({
      kind: "FILING",
      rule: `FILING-${spec.kind.toUpperCase()}-${p.rule}`,
      severity: p.severity,
      sheet: sheet.name,
      row: p.row,
      column,
      cell: column && p.row !== null ? `${column}${p.row}` : null,
      message: p.message,
      evidence: p.evidence,
      citation: p.citation,
    });
  }
  if (dataRows === 0) {
    findings.push({
      kind: "FILING",
      rule: filingEmptyRuleId(spec),
      severity: "warning",
      sheet: sheet.name,
      row: null,
      column: null,
      cell: null,
      message: bi(`「${spec.name.zh}」还没有填写任何数据`, `${spec.name.en} has no data rows yet`),
      evidence: "",
      citation: spec.citation,
    });
  }
  return findings.map(registered);
}

type Problem = Pick<Finding, "kind" | "severity" | "message" | "evidence" | "citation" | "rule">;

function shown(v: unknown): string {
  return typeof v === "string" ? v.trim() : String(v);
}

/** What is wrong with a filled cell, or null. */
function cellProblem(f: FieldSpec, v: unknown): Problem | null {
  switch (f.type) {
    case "amount": {
      if (isDashZero(v)) return null; // "-" / "—": zero, as accounting sheets write it
      const p = parseAmount(v);
      if (!p.ok)
        return {
          kind: "DATA",
          rule: "AMOUNT",
          severity: "error",
          message: bi(`「${f.header}」${p.message.zh}`, `${f.en}: ${p.message.en}`),
          evidence: shown(v),
          citation: null,
        };
      if (p.value.isNegative())
        return {
          kind: "DATA",
          rule: "NEGATIVE",
          severity: "warning",
          message: bi(`「${f.header}」为负数`, `${f.en} is negative`),
          evidence: shown(v),
          citation: null,
        };
      return null;
    }
    case "date": {
      const p = parseDate(v);
      if (!p.ok)
        return {
          kind: "DATA",
          rule: "DATE",
          severity: "error",
          message: bi(`「${f.header}」${p.message.zh}`, `${f.en}: ${p.message.en}`),
          evidence: shown(v),
          citation: null,
        };
      return null;
    }
    case "year": {
      const n = typeof v === "number" ? v : Number(compact(String(v)).replace(/年度?$/, ""));
      if (!Number.isInteger(n) || n < 1949 || n > 2100)
        return {
          kind: "DATA",
          rule: "YEAR",
          severity: "error",
          message: bi(`「${f.header}」不是有效年份`, `${f.en} is not a valid year`),
          evidence: shown(v),
          citation: null,
        };
      return null;
    }
    case "choice": {
      const s = normalize(String(v));
      if ([...(f.choices ?? []), ...(f.accepted ?? [])].some((c) => normalize(c) === s))
        return null;
      return {
        kind: "FILING",
        rule: "CHOICE",
        severity: f.strict === false ? "info" : "warning",
        message: bi(
          `「${f.header}」不在下拉选项中：${(f.choices ?? []).join("、")}`,
          `${f.en} is not one of the listed choices`
        ),
        evidence: shown(v),
        citation: f.citation,
      };
    }
    default:
      return null;
  }
}

export interface FilingCheckResult {
  /** The sheets recognised as filing sheets, and as which kind. */
  sheets: { name: string; kind: SheetSpec["kind"] }[];
  findings: Finding[];
}

/** Checks every filing sheet among `sheets` (others are ignored). */
export function checkFilingWorkbook(sheets: readonly SheetInput[]): FilingCheckResult {
  const out: FilingCheckResult = { sheets: [], findings: [] };
  for (const s of sheets) {
    const rec = recogniseFilingSheet(s.values);
    if (!rec) continue;
    out.sheets.push({ name: s.name, kind: rec.spec.kind });
    out.findings.push(...checkFilingSheet(s, rec));
  }
  return out;
}
