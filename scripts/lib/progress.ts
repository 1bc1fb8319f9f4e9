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

/** How often a long wait prints a line on non-TTY output (CI logs), at most. */
export const HEARTBEAT_MS = 10_000;

/**
 * Prints `line()` plus the elapsed time every {@link HEARTBEAT_MS} until stopped, so a long wait (a Bulk job, a
 * deploy, a scratch org) never looks hung in a CI log.
 */
export function heartbeat(output: Output, line: () => string, everyMs = heartbeatInterval()): { stop(): void } {
    const started = Date.now();
    const timer = setInterval(() => {
        output.out(`${line()} (${Math.round((Date.now() - started) / 1000)} s)`);
    }, everyMs);
    timer.unref?.();
    return { stop: () => clearInterval(timer) };
}

/** ZAL_HEARTBEAT_MS shortens the interval (tests); never longer than 10 s. */
function heartbeatInterval(): number {
    const fromEnv = Number(process.env.ZAL_HEARTBEAT_MS);
    return Number.isFinite(fromEnv) && fromEnv > 0 ? Math.min(fromEnv, HEARTBEAT_MS) : HEARTBEAT_MS;
}
