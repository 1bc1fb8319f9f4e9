import { AttemptPoller, FINAL_ATTEMPT_STATUSES } from 'c/zuoraAttemptPoller';

const TIMING = { firstDelayMs: 1000, maxDelayMs: 3000, giveUpMs: 10000 };

function attempt(status: ZuoraAttemptStatus): ProvisioningStatus {
    return { attemptId: 'a01', accountId: '001', status, idempotencyKey: 'k', reusedExistingAttempt: false };
}

/** Lets the awaited status read and its continuation run. */
async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
}

/** Advances the fake clock `times` times by `stepMs`, letting each poll finish. */
async function tick(times: number, stepMs: number): Promise<void> {
    if (times === 0) return;
    jest.advanceTimersByTime(stepMs);
    await flush();
    await tick(times - 1, stepMs);
}

function setup(read: jest.Mock) {
    const handlers = { onStatus: jest.fn(), onFinal: jest.fn(), onTimeout: jest.fn() };
    return { poller: new AttemptPoller(read, handlers, TIMING), handlers };
}

describe('c/zuoraAttemptPoller', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => {
        jest.useRealTimers();
        jest.clearAllMocks();
    });

    it('knows which statuses are final', () => {
        expect([...FINAL_ATTEMPT_STATUSES].sort()).toEqual(['Failed', 'Succeeded']);
    });

    it('asks after the first delay, reports open statuses, stops at the final one', async () => {
        const read = jest.fn().mockResolvedValueOnce(attempt('Running')).mockResolvedValueOnce(attempt('Succeeded'));
        const { poller, handlers } = setup(read);
        poller.start('a01');
        expect(poller.attemptId).toBe('a01');
        jest.advanceTimersByTime(999);
        expect(read).not.toHaveBeenCalled();
        jest.advanceTimersByTime(1);
        await flush();
        expect(read).toHaveBeenCalledWith({ attemptId: 'a01' });
        expect(handlers.onStatus).toHaveBeenCalledWith(attempt('Running'));
        jest.advanceTimersByTime(1500); // 1.5× slower
        await flush();
        expect(handlers.onFinal).toHaveBeenCalledWith(attempt('Succeeded'));
        expect(poller.attemptId).toBeUndefined();
        jest.advanceTimersByTime(60000);
        expect(read).toHaveBeenCalledTimes(2);
    });

    it('keeps asking after a failed read, never slower than the maximum, and gives up in time', async () => {
        const read = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(attempt('Retrying'));
        const { poller, handlers } = setup(read);
        poller.start('a01');
        await tick(10, 3000);
        expect(handlers.onFinal).not.toHaveBeenCalled();
        expect(handlers.onTimeout).toHaveBeenCalledTimes(1);
        expect(poller.attemptId).toBeUndefined();
        expect(read.mock.calls.length).toBeGreaterThanOrEqual(4);
    });

    it('ignores an answer for an attempt it no longer follows', async () => {
        let answer: (value: ProvisioningStatus) => void = () => undefined;
        const read = jest.fn(() => new Promise<ProvisioningStatus>((resolve) => (answer = resolve)));
        const { poller, handlers } = setup(read as unknown as jest.Mock);
        poller.start('a01');
        jest.advanceTimersByTime(1000);
        poller.stop();
        answer(attempt('Succeeded'));
        await flush();
        expect(handlers.onFinal).not.toHaveBeenCalled();
        poller.stop(); // stopping twice is harmless
    });
});
