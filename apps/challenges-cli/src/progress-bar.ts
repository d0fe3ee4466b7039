import type { WriteStream } from 'node:tty';

/**
 * A one-line progress bar on a terminal (redrawn in place), or one line per step when the output is a
 * file or a CI log, where carriage returns would only add noise.
 */
export class ProgressBar {
  private done = 0;
  private readonly interactive: boolean;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly total: number,
    private readonly width = 28,
  ) {
    this.interactive = (out as Partial<WriteStream>).isTTY === true;
  }

  /** Marks one more step done; `label` says what it was. */
  tick(label: string): void {
    this.done = Math.min(this.total, this.done + 1);
    const share = this.total === 0 ? 1 : this.done / this.total;
    const filled = Math.round(share * this.width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${String(this.done).padStart(String(this.total).length)}/${this.total}`;
    if (this.interactive) this.out.write(`\r\u001b[2K${bar} ${label.slice(0, 60)}`);
    else this.out.write(`${bar} ${label}\n`);
  }

  finish(): void {
    if (this.interactive) this.out.write('\n');
  }
}
