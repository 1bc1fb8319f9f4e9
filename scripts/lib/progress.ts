import type { Output } from './cli.ts';

/**
 * A one-line progress bar ("Account  [########------------]  40%  800/2,000  1,234 rec/s") redrawn in place on a
 * terminal and printed once, when finished, elsewhere (CI logs stay short).
 */
export class Progress {
    private readonly started: number;
    private lastDraw = 0;
    private done = 0;

    constructor(
        private readonly output: Output,
        private readonly label: string,
        private readonly total: number,
        private readonly clock: () => number = Date.now
    ) {
        this.started = clock();
    }

    /** Sets the number of finished items and redraws (at most every 100 ms). */
    update(done: number): void {
        this.done = Math.min(done, this.total);
        const now = this.clock();
        if (now - this.lastDraw >= 100 || this.done === this.total) {
            this.lastDraw = now;
            this.output.status(this.line());
        }
    }

    /** Prints the final line with an optional suffix (e.g. "3 failed"). */
    finish(suffix = ''): void {
        this.output.status(`${this.line()}${suffix ? `  ${suffix}` : ''}`, true);
    }

    /** Records per second since the start. */
    rate(): number {
        const seconds = Math.max((this.clock() - this.started) / 1000, 0.001);
        return this.done / seconds;
    }

    private line(): string {
        const width = 20;
        const ratio = this.total === 0 ? 1 : this.done / this.total;
        const filled = Math.round(ratio * width);
        const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
        const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
        return `${this.label.padEnd(12)} [${bar}] ${pct}  ${formatCount(this.done)}/${formatCount(this.total)}  ${formatCount(Math.round(this.rate()))} rec/s`;
    }
}

/** 12345 → "12,345". */
export function formatCount(n: number): string {
    return n.toLocaleString('en-US');
}
