/**
 * Bounded, safe retries and timeouts shared by every HTTP call the scripts make (Salesforce through jsforce, Zuora
 * through fetch). A request is retried only when repeating it cannot change the outcome (reads, upserts by external
 * id, Bulk API 2.0 uploads answered 429/5xx, Named/External Credential updates); every retry resends the same
 * complete body; `Retry-After` (seconds or an HTTP date) is honoured up to a cap; every attempt has a timeout.
 */

export interface RetryPolicy {
    /** Retries after the first attempt (default 4). */
    maxRetries: number;
    /** First back-off when the server gives no Retry-After (doubles each time, default 500 ms). */
    baseDelayMs: number;
    /** Longest wait we accept, from Retry-After or back-off (default 60 s); a longer Retry-After fails the call. */
    maxDelayMs: number;
    /** Per-attempt timeout (default 120 s). */
    timeoutMs: number;
    sleep: (ms: number) => Promise<void>;
    /** Told before each retry (progress lines). */
    onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
    attempt: number;
    delayMs: number;
    reason: string;
    method: string;
    url: string;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
    maxRetries: 4,
    baseDelayMs: 500,
    maxDelayMs: 60_000,
    timeoutMs: 120_000,
    sleep
};

/** Statuses worth another attempt: rate limits and transient server errors (501 Not Implemented is not transient). */
export function isRetryableStatus(status: number): boolean {
    return status === 429 || status === 420 || (status >= 500 && status !== 501);
}

/** Network failures where the request may not have reached the server or the answer was lost. */
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'REQUEST_TIMEOUT'
]);

/** The network error code of anything fetch / node-fetch / our timeout throws (undefined when it is not one). */
export function networkErrorCode(error: unknown): string | undefined {
    const e = error as { code?: string; cause?: { code?: string }; name?: string; errno?: string };
    const code = e?.code ?? e?.cause?.code ?? e?.errno;
    if (code && RETRYABLE_CODES.has(code)) {
        return code;
    }
    if (e?.name === 'AbortError' || e?.name === 'TimeoutError') {
        return 'REQUEST_TIMEOUT';
    }
    return undefined;
}

/**
 * Milliseconds to wait from a Retry-After header: delta-seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2026 07:28:00 GMT"), RFC 9110 §10.2.3. Undefined when absent or unreadable.
 */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
    if (value === null || value === undefined || value.trim() === '') {
        return undefined;
    }
    const text = value.trim();
    if (/^\d+$/.test(text)) {
        return Number(text) * 1000;
    }
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `attempt` (1-based): Retry-After when given, else exponential back-off. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfter: number | undefined): number {
    return retryAfter ?? policy.baseDelayMs * 2 ** (attempt - 1);
}

/** A call that failed after its retries, or whose Retry-After is beyond the cap. */
export class RetryLimitError extends Error {
    constructor(
        message: string,
        readonly status?: number,
        readonly code?: string
    ) {
        super(message);
        this.name = 'RetryLimitError';
    }
}

/** Rejects with a `REQUEST_TIMEOUT` error when the promise does not settle in time (and calls `onTimeout`). */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
            onTimeout?.();
            reject(
                Object.assign(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`), {
                    code: 'REQUEST_TIMEOUT'
                })
            );
        }, ms);
        timer.unref?.();
    });
    try {
        return await Promise.race([work, timeout]);
    } finally {
        clearTimeout(timer);
    }
}
