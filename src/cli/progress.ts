/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export class Progress {
  private readonly fractions: number[];
  private readonly rows: number[];
  private finished = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly names: string[],
    private readonly out: NodeJS.WriteStream | null
  ) {
    this.fractions = names.map(() => 0);
    this.rows = names.map(() => 0);
  }

  static forStderr(names: string[]): Progress {
    return new Progress(names, process.stderr.isTTY ? process.stderr : null);
  }

  update(index: number, fraction: number, rows = 0): void {
    this.fractions[index] = Math.max(0, Math.min(1, fraction));
    this.rows[index] = rows;
    this.draw(index, false);
  }

  done(index: number): void {
    this.fractions[index] = 1;
    this.finished++;
    this.draw(index, true);
  }

  private draw(index: number, force: boolean): void {
    if (!this.out) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const all = this.fractions.reduce((a, b) => a + b, 0) / Math.max(1, this.fractions.length);
    const width = 24;
    const filled = Math.round(all * width);
    const name = this.names[index] ?? "";
    const cols = this.out.columns || 80;
    const line = `审查 Reviewing [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(
      all * 100
    )}% ${this.finished}/${this.names.length} · ${this.rows
      .reduce((a, b) => a + b, 0)
      .toLocaleString("en")} 行 rows · ${name}`;
    this.out.write(`\r${line.slice(0, cols - 1)}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.out && this.drawn) this.out.write("\r\x1b[K");
    this.drawn = false;
  }
}
