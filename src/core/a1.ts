/**
 * Sheet addresses and sheet names, in one place for every layer: column letters and A1
 * references, a sheet name quoted for a formula, and the first free sheet / table name.
 * Excel compares sheet names without regard to case and allows at most 31 characters, none
 * of : \ / ? * [ ].
 */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B3" for 0-based row 2, column 1; "$B$3" when absolute. */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
}

/** A sheet name as a formula reference: quoted when needed, quotes doubled. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const s = name.replace(/[:\\/?*[\]]/g, "_").trim();
  return s.slice(0, 31) || "Sheet";
}

/**
 * The first free name: the wanted one, else "名称 (2)", "名称 (3)"… (compared without regard
 * to case, as Excel compares sheet names; cut to keep within 31 characters). Never an
 * existing name.
 */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = safeSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Table names are workbook-wide: FilingPublicity, FilingPublicity2, … */
export function uniqueTableName(stem: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(stem.toLowerCase())) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}${i}`.toLowerCase())) return `${stem}${i}`;
}
