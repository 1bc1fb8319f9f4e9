/**
 * A small Zuora REST client for the catalog tool: OAuth client credentials (form body), a pinned Zuora-Version,
 * a Zuora-Track-Id on every call, Retry-After honoured on 429/503, and both the HTTP status and `success` checked.
 * The access token and the client secret never appear in output or errors.
 */
import { randomUUID } from 'node:crypto';
import { UserError, registerSecret } from './errors.ts';
import { DEFAULT_RETRY_POLICY, networkErrorCode, retryAfterMs } from './http.ts';

/** Zuora-Version sent on every call (the package's default Api_Version__c). */
export const ZUORA_VERSION = '2025-08-12';

export type Fetch = typeof fetch;

export interface ZuoraClientOptions {
    baseUrl: string;
    clientId: string;
    clientSecret: string;
    fetch?: Fetch;
    /** Longest Retry-After we wait for (seconds); beyond it the call fails with the wait time. */
    maxRetryAfterSeconds?: number;
    sleep?: (ms: number) => Promise<void>;
    /** Per-request timeout (default: the scripts' shared HTTP timeout, 120 s). */
    timeoutMs?: number;
}

/** `https://rest.test.zuora.com/v1/` → `https://rest.test.zuora.com`; http only for loopback (tests). */
export function zuoraBaseUrl(value: string): string {
    let url: URL;
    try {
        url = new URL(value.trim());
    } catch {
        throw new UserError(`ZUORA_BASE_URL "${value}" is not a URL.`, {
            hint: 'Use the REST host of your tenant, e.g. https://rest.apisandbox.zuora.com'
        });
    }
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
        throw new UserError(`ZUORA_BASE_URL must use https (got ${url.protocol.replace(':', '')}).`);
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '')}`;
}

export class ZuoraClient {
    private token?: string;
    private readonly fetch: Fetch;
    private readonly sleep: (ms: number) => Promise<void>;
    readonly baseUrl: string;
    /** Requests sent (token included). */
    requests = 0;

    constructor(private readonly options: ZuoraClientOptions) {
        this.baseUrl = zuoraBaseUrl(options.baseUrl);
        this.fetch = options.fetch ?? fetch;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        registerSecret(options.clientSecret);
    }

    /** GET a path (`/v1/...`) or an absolute URL on the same host (Zuora's `nextPage`). */
    async get<T>(pathOrUrl: string): Promise<T> {
        const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
        if (new URL(url).origin !== new URL(this.baseUrl).origin) {
            throw new UserError(
                `Zuora returned a link to another host (${new URL(url).origin}); refusing to follow it.`
            );
        }
        const token = await this.accessToken();
        const res = await this.send(url, {
            method: 'GET',
            headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Zuora-Version': ZUORA_VERSION }
        });
        const body = (await res.json().catch(() => ({}))) as T & {
            success?: boolean;
            // `code` is a string in /v1 bodies and an integer in Object Query errors (Zuora's spec).
            reasons?: Array<{ code?: number | string; message?: string }>;
        };
        if (!res.ok || body.success === false) {
            const reason = body.reasons?.map((r) => `${r.code ?? ''} ${r.message ?? ''}`.trim()).join('; ');
            throw new UserError(
                `Zuora GET ${new URL(url).pathname} failed (HTTP ${res.status}${reason ? `: ${reason}` : ''}).`,
                {
                    hint: `Zuora-Track-Id for support: ${res.headers.get('Zuora-Track-Id') ?? 'n/a'}`
                }
            );
        }
        return body;
    }

    private async accessToken(): Promise<string> {
        if (this.token) {
            return this.token;
        }
        const form = new URLSearchParams({
            client_id: this.options.clientId,
            client_secret: this.options.clientSecret,
            grant_type: 'client_credentials'
        });
        const res = await this.send(`${this.baseUrl}/oauth/token`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body: form.toString()
        });
        const body = (await res.json().catch(() => ({}))) as { access_token?: string };
        if (!res.ok || !body.access_token) {
            throw new UserError(
                `Zuora refused the OAuth client (HTTP ${res.status} from ${this.baseUrl}/oauth/token).`,
                {
                    hint: 'Check ZUORA_CLIENT_ID / ZUORA_CLIENT_SECRET, and that ZUORA_BASE_URL is the REST host of the same tenant (sandbox and production clients differ).'
                }
            );
        }
        registerSecret(body.access_token);
        this.token = body.access_token;
        return this.token;
    }

    private async send(url: string, init: RequestInit): Promise<Response> {
        const headers = {
            ...(init.headers as Record<string, string>),
            'Zuora-Track-Id': `zal-catalog-${randomUUID()}`
        };
        for (let attempt = 1; ; attempt++) {
            this.requests += 1;
            let res: Response;
            const timeoutMs = this.options.timeoutMs ?? DEFAULT_RETRY_POLICY.timeoutMs;
            try {
                // the body is a string, so a retry sends it whole again; every attempt has its own timeout
                res = await this.fetch(url, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
            } catch (error) {
                const code = networkErrorCode(error);
                if (code === 'REQUEST_TIMEOUT') {
                    throw new UserError(
                        `Zuora at ${new URL(url).origin} did not answer within ${timeoutMs < 1000 ? (timeoutMs / 1000).toFixed(1) : Math.round(timeoutMs / 1000)} s.`,
                        { hint: 'Check ZUORA_BASE_URL (the REST host of your tenant) and https://trust.zuora.com.' }
                    );
                }
                const cause = code ?? (error as { cause?: { code?: string } }).cause?.code ?? 'network error';
                throw new UserError(`Cannot reach Zuora at ${new URL(url).origin} (${cause}).`, {
                    hint: 'Check ZUORA_BASE_URL and your network.'
                });
            }
            if ((res.status === 429 || res.status === 503) && attempt < 4) {
                const waitMs = retryAfterMs(res.headers.get('Retry-After')) ?? 1000;
                const max = this.options.maxRetryAfterSeconds ?? 60;
                if (waitMs > max * 1000) {
                    throw new UserError(
                        `Zuora is rate limiting this client (HTTP ${res.status}); retry after ${res.headers.get('Retry-After')}.`
                    );
                }
                await this.sleep(waitMs);
                continue;
            }
            return res;
        }
    }
}
