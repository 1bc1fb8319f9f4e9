/**
 * Follows one provisioning attempt until Zuora has answered: asks for its status after `firstDelayMs`, then 1.5×
 * less often each time (never less often than every `maxDelayMs`), and gives up after `giveUpMs`. A failed status
 * read is not a failed attempt — the job keeps running — so it keeps the last status and asks again later.
 * Used by the Account panel and the provisioning flow; the owner calls `stop()` when it is disconnected.
 */
export const FINAL_ATTEMPT_STATUSES: ReadonlySet<string> = new Set(['Succeeded', 'Failed']);

export interface PollTiming {
    firstDelayMs: number;
    maxDelayMs: number;
    giveUpMs: number;
}

export interface PollHandlers {
    /** Every status read while the attempt is still open. */
    onStatus?(attempt: ProvisioningStatus): void;
    /** The attempt ended (Succeeded or Failed); polling has stopped. */
    onFinal(attempt: ProvisioningStatus): void;
    /** No final status within `giveUpMs`; polling has stopped. */
    onTimeout(): void;
}

export type StatusReader = (params: { attemptId: string }) => Promise<ProvisioningStatus>;

export class AttemptPoller {
    private timer?: ReturnType<typeof setTimeout>;
    private current?: string;
    private startedAt = 0;
    private delay = 0;
    private readonly readStatus: StatusReader;
    private readonly handlers: PollHandlers;
    private readonly timing: PollTiming;

    constructor(readStatus: StatusReader, handlers: PollHandlers, timing: PollTiming) {
        this.readStatus = readStatus;
        this.handlers = handlers;
        this.timing = timing;
    }

    /** Id of the attempt being followed, if any. */
    get attemptId(): string | undefined {
        return this.current;
    }

    /** Starts following `attemptId` (stopping any earlier one). */
    start(attemptId: string): void {
        this.stop();
        this.current = attemptId;
        this.startedAt = Date.now();
        this.delay = this.timing.firstDelayMs;
        this.schedule();
    }

    /** Stops polling; safe to call at any time. */
    stop(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = undefined;
        this.current = undefined;
    }

    private schedule(): void {
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- a modest, growing interval; the owner stops it when disconnected
        this.timer = setTimeout(() => {
            this.poll();
        }, this.delay);
    }

    private async poll(): Promise<void> {
        this.timer = undefined;
        const attemptId = this.current;
        if (!attemptId) return;
        try {
            const attempt = await this.readStatus({ attemptId });
            if (this.current !== attemptId) return;
            if (FINAL_ATTEMPT_STATUSES.has(attempt.status)) {
                this.current = undefined;
                this.handlers.onFinal(attempt);
                return;
            }
            this.handlers.onStatus?.(attempt);
        } catch {
            if (this.current !== attemptId) return;
        }
        if (Date.now() - this.startedAt >= this.timing.giveUpMs) {
            this.current = undefined;
            this.handlers.onTimeout();
            return;
        }
        this.delay = Math.min(Math.round(this.delay * 1.5), this.timing.maxDelayMs);
        this.schedule();
    }
}
