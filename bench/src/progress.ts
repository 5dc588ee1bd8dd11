// A progress line on stderr with rows/s: redrawn in place on a terminal, one line every few
// seconds otherwise (CI logs).

const fmt = new Intl.NumberFormat("en-US");
export const n = (value: number) => fmt.format(Math.round(value));

export class Progress {
  private done = 0;
  private readonly started = performance.now();
  private lastDraw = 0;
  private readonly tty = process.stderr.isTTY === true;

  private readonly label: string;
  private readonly total: number;

  constructor(label: string, total: number) {
    this.label = label;
    this.total = total;
  }

  add(rows: number): void {
    this.done += rows;
    const now = performance.now();
    if (now - this.lastDraw > (this.tty ? 100 : 5000)) {
      this.lastDraw = now;
      this.draw(false);
    }
  }

  finish(): { rows: number; seconds: number } {
    this.draw(true);
    return { rows: this.done, seconds: (performance.now() - this.started) / 1000 };
  }

  private draw(final: boolean): void {
    const seconds = (performance.now() - this.started) / 1000;
    const ratio = final ? 1 : Math.min(1, this.done / Math.max(1, this.total));
    const width = 24;
    const filled = Math.round(ratio * width);
    const bar = `${"#".repeat(filled)}${".".repeat(width - filled)}`;
    const rate = this.done / Math.max(seconds, 0.001);
    const line = `  ${this.label.padEnd(16)} [${bar}] ${n(this.done).padStart(10)} rows  ${n(rate).padStart(9)} rows/s  ${seconds.toFixed(1)} s`;
    if (this.tty) process.stderr.write(`\r${line}${final ? "\n" : ""}`);
    else process.stderr.write(`${line}\n`);
  }
}

export const log = (message: string) => process.stderr.write(`${message}\n`);
