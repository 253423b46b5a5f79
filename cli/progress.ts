/** A one-line progress bar on stderr, only when stderr is a terminal (silent in pipes and CI). */
export class Progress {
  private done = 0;
  private errors = 0;
  private lastDraw = 0;
  private readonly active: boolean;

  constructor(
    private readonly total: number,
    stream: NodeJS.WriteStream = process.stderr,
    private readonly out = stream,
  ) {
    this.active = Boolean(stream.isTTY) && total > 1;
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.errors++;
    const now = Date.now();
    if (this.active && (now - this.lastDraw > 100 || this.done === this.total)) {
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round((this.done / this.total) * width);
      this.out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total}${this.errors ? `  ✖ ${this.errors}` : ''}`);
    }
  }

  end(): void {
    if (this.active) this.out.write('\n');
  }
}
