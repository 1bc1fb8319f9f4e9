import { PassThrough } from 'node:stream';
import { Connection as JsforceConnection } from '@jsforce/jsforce-node';
import { AuthInfo, ConfigAggregator, Connection, StateAggregator } from '@salesforce/core';
import { UserError, messageOf } from './errors.ts';
import {
    DEFAULT_RETRY_POLICY,
    isRetryableStatus,
    networkErrorCode,
    retryAfterMs,
    retryDelayMs,
    RetryLimitError,
    withTimeout,
    type RetryPolicy
} from './http.ts';

/** REST API version the scripts speak (the project's sourceApiVersion). */
export const API_VERSION = '62.0';

/** The hint that works from the repository (the pinned CLI, without a global install). */
export const loginHint = (alias: string): string => `npx sf org login web --alias ${alias}`;

/** Counts every HTTP request a connection sends (REST, Tooling, Bulk 2.0), retries included. */
export interface RequestCounter {
    readonly total: number;
    /** Requests per "METHOD /path" with ids and the API version masked. */
    readonly byRoute: ReadonlyMap<string, number>;
    /** Attempts that were retries. */
    readonly retries: number;
    reset(): void;
}

/** An authorised org: a @salesforce/core connection (token refresh included) plus its request counter. */
export interface OrgSession {
    alias: string;
    instanceUrl: string;
    username: string;
    orgId: string;
    /** A @salesforce/core Connection for CLI orgs (it extends jsforce's); a plain jsforce one for owned tokens. */
    conn: JsforceConnection;
    requests: RequestCounter;
    /** Scratch org expiration date (YYYY-MM-DD) when the auth file knows it. */
    expirationDate?: string;
}

export interface SessionOptions {
    retry?: Partial<RetryPolicy>;
}

/** Is this an org the local auth store knows? (alias or username; no network call.) */
export async function orgExists(aliasOrUsername: string): Promise<boolean> {
    try {
        await AuthInfo.create({ username: await resolveUsername(aliasOrUsername) });
        return true;
    } catch {
        return false;
    }
}

async function resolveUsername(aliasOrUsername: string): Promise<string> {
    const state = await StateAggregator.getInstance();
    return state.aliases.resolveUsername(aliasOrUsername);
}

/** The CLI's default org (`target-org` config), if any. */
export async function defaultOrg(key: 'target-org' | 'target-dev-hub' = 'target-org'): Promise<string | undefined> {
    const config = await ConfigAggregator.create();
    const value = config.getPropertyValue(key);
    return typeof value === 'string' && value ? value : undefined;
}

/**
 * Opens an org the Salesforce CLI is logged into (alias, username, or the default `target-org`) with
 * @salesforce/core (AuthInfo, Connection): the same auth files, aliases and token refresh as `sf`. The access token stays inside the
 * connection: it is never read, printed or written by the scripts.
 */
export async function connectOrg(targetOrg: string | undefined, options: SessionOptions = {}): Promise<OrgSession> {
    const alias = targetOrg ?? (await defaultOrg());
    if (!alias) {
        throw new UserError('No org given and no default org set.', {
            hint: 'Pass --target-org <alias>, or set a default: npx sf config set target-org <alias>',
            name: 'NoDefaultEnvError'
        });
    }
    let conn: Connection;
    try {
        // AuthInfo + Connection rather than Org.create: Org asks the org for its API versions first (an extra
        // request, retried by jsforce before our transport is in place); the version here is the project's
        const authInfo = await AuthInfo.create({ username: await resolveUsername(alias) });
        conn = await Connection.create({ authInfo, connectionOptions: { version: API_VERSION } });
    } catch (error) {
        const name = (error as { name?: string }).name ?? '';
        if (/NamedOrgNotFound|NoAuthInfoFound|NoUsernameFound|AuthInfoNotFound/i.test(name)) {
            throw new UserError(`Unknown org "${alias}": the Salesforce CLI has no login for it.`, {
                hint: `List the orgs you can use with \`npx sf org list\`, or log in with \`${loginHint(alias)}\`.`,
                name: 'NamedOrgNotFoundError'
            });
        }
        throw new UserError(`Cannot use org "${alias}": ${messageOf(error).split('\n')[0]}`, {
            hint: `Log in again with \`${loginHint(alias)}\`.`
        });
    }
    const fields = conn.getAuthInfoFields();
    const expirationDate = fields.expirationDate;
    if (expirationDate && expirationDate < new Date().toISOString().slice(0, 10)) {
        throw new UserError(`Org "${alias}" is an expired scratch org (since ${expirationDate}).`, {
            hint: 'Create a new scratch org: npm run org:setup -- --alias <new-alias>'
        });
    }
    return {
        alias,
        instanceUrl: conn.instanceUrl,
        username: fields.username ?? alias,
        orgId: fields.orgId ?? '',
        conn,
        expirationDate,
        requests: resilientTransport(conn, options.retry)
    };
}

/**
 * A session from an access token you own (the local fake, the benchmark): a plain jsforce connection, so nothing
 * is read from or written to the CLI's auth store (no refresh either: a 401 is final).
 */
export function connectWithToken(
    instanceUrl: string,
    accessToken: string,
    options: SessionOptions & { alias?: string; username?: string } = {}
): OrgSession {
    const conn = new JsforceConnection({ instanceUrl, accessToken, version: API_VERSION });
    return {
        alias: options.alias ?? 'org',
        instanceUrl,
        username: options.username ?? '',
        orgId: '',
        conn,
        requests: resilientTransport(conn, options.retry)
    };
}

/**
 * When may a request be sent again?
 * - `always` (on 429/5xx and on a lost connection): repeating it cannot change the outcome — reads; upserts by
 *   external id (PATCH /composite/sobjects/T/Field, PATCH /sobjects/T/Field/value); Bulk job state changes (setting
 *   the same state twice is a no-op); Named Credential / principal credential updates (PUT replaces the whole
 *   definition with the same body).
 * - `status`: only when the server answered 429/5xx (it did not take the request). A Bulk API 2.0 data upload
 *   (PUT …/batches) whose connection dropped may already be stored in the job, so the writer starts a new job
 *   instead of uploading into the same one twice.
 * - `refused`: only on 429 (the request was refused before any processing): inserts and job creation (POST), which
 *   could otherwise create a second record or job.
 */
export function retryKindOf(method: string, url: string): 'always' | 'status' | 'refused' {
    const path = new URL(url, 'http://localhost').pathname.replace(/^\/services\/data\/v\d+\.\d+/, '');
    switch (method.toUpperCase()) {
        case 'GET':
        case 'HEAD':
            return 'always';
        case 'PATCH':
            return /^\/composite\/sobjects\/\w+\/\w+$/.test(path) ||
                /^\/sobjects\/\w+\/\w+\/[^/]+$/.test(path) ||
                /^\/jobs\/ingest\/\w+$/.test(path)
                ? 'always'
                : 'refused';
        case 'PUT':
            if (/^\/jobs\/ingest\/\w+\/batches$/.test(path)) {
                return 'status';
            }
            return /^\/named-credentials\//.test(path) ? 'always' : 'refused';
        default:
            return 'refused';
    }
}

interface TransportRequest {
    method: string;
    url: string;
    body?: unknown;
    headers?: Record<string, string>;
}

interface TransportResponse {
    statusCode: number;
    headers: Record<string, string>;
    body?: string;
}

type SendFn = (req: TransportRequest, options?: Record<string, unknown>) => Promise<TransportResponse>;

/**
 * Replaces jsforce's retry for this connection. Hand-written because jsforce 3.10's retry (request.js) resends the
 * request body *stream* it already consumed: a retried Bulk CSV upload arrives empty and a retried PUT announces its
 * Content-Length but sends nothing (the server waits for the body, the call hangs); it also ignores Retry-After and
 * never retries a PATCH upsert. Here every attempt is a fresh jsforce request (its own retry switched off) built from
 * the same string body; what is retried follows {@link retryKindOf}; each attempt has a timeout.
 */
export function resilientTransport(conn: JsforceConnection, overrides: Partial<RetryPolicy> = {}): RequestCounter {
    const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...overrides };
    const transport = conn._transport as unknown as { httpRequest: SendFn };
    const send = transport.httpRequest.bind(transport);
    const byRoute = new Map<string, number>();
    const counter = {
        total: 0,
        retries: 0,
        byRoute,
        reset() {
            counter.total = 0;
            counter.retries = 0;
            byRoute.clear();
        }
    };
    const noJsforceRetry = (options?: Record<string, unknown>) => ({
        ...options,
        retry: { maxRetries: 0 },
        timeout: policy.timeoutMs
    });
    const count = (req: TransportRequest): void => {
        counter.total += 1;
        const route = `${req.method} ${routeOf(req.url)}`;
        byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
    };
    transport.httpRequest = (req, options) => {
        const replayable = req.body === undefined || typeof req.body === 'string' || Buffer.isBuffer(req.body);
        if (!replayable) {
            // a streamed body cannot be replayed: one attempt, with a timeout
            count(req);
            return send(req, noJsforceRetry(options));
        }
        const kind = retryKindOf(req.method, req.url);
        const attempt = async (): Promise<TransportResponse> => {
            for (let n = 0; ; n++) {
                count(req);
                if (n > 0) {
                    counter.retries += 1;
                }
                let reason: string;
                let wait: number | undefined;
                try {
                    const res = await withTimeout(
                        send({ ...req, headers: { ...req.headers } }, noJsforceRetry(options)),
                        policy.timeoutMs + 1000,
                        `${req.method} ${routeOf(req.url)}`
                    );
                    if (!isRetryableStatus(res.statusCode) || (kind === 'refused' && res.statusCode !== 429)) {
                        return res;
                    }
                    reason = `HTTP ${res.statusCode}`;
                    wait = retryAfterMs(res.headers['retry-after']);
                    if (n >= policy.maxRetries) {
                        return res;
                    }
                    if (wait !== undefined && wait > policy.maxDelayMs) {
                        throw new RetryLimitError(
                            `The org asked to wait ${Math.ceil(wait / 1000)} s (Retry-After) before ${req.method} ${routeOf(req.url)}; the limit is ${policy.maxDelayMs / 1000} s.`,
                            res.statusCode
                        );
                    }
                } catch (error) {
                    const code = networkErrorCode(error);
                    if (!code || kind !== 'always' || n >= policy.maxRetries) {
                        throw error;
                    }
                    reason = code;
                }
                const delay = Math.min(retryDelayMs(policy, n + 1, wait), policy.maxDelayMs);
                policy.onRetry?.({ attempt: n + 1, delayMs: delay, reason, method: req.method, url: req.url });
                await policy.sleep(delay);
            }
        };
        const promise = attempt();
        // jsforce's HttpApi asks for the request stream; the body is already a string, so nothing is written to it
        return Object.assign(promise, { stream: () => new PassThrough() }) as unknown as ReturnType<SendFn>;
    };
    return counter;
}

function routeOf(url: string): string {
    const { pathname } = new URL(url, 'http://localhost');
    return pathname
        .replace(/\/v\d+\.\d+\//, '/vXX.X/')
        .replace(/\/[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?(?=\/|$)/g, '/{id}');
}

/**
 * Turns what jsforce throws into a one-line {@link UserError} for the cases a user can act on (expired session,
 * unreachable or silent org, rate limit, an API error code); anything else is rethrown unchanged.
 */
export function explainOrgError(
    error: unknown,
    session: Pick<OrgSession, 'alias' | 'instanceUrl'>,
    doing: string
): never {
    if (error instanceof UserError) {
        throw error;
    }
    if (error instanceof RetryLimitError) {
        throw new UserError(`Salesforce rate-limited ${doing}: ${error.message}`, {
            hint: 'Wait a few minutes and re-run: every write is an upsert on its seed key, so nothing is created twice.',
            cause: error
        });
    }
    const e = error as { errorCode?: string; code?: string; name?: string; message?: string };
    const code = e.errorCode ?? e.name ?? '';
    if (code === 'INVALID_SESSION_ID' || /\b401\b/.test(code)) {
        throw new UserError(
            `The org refused the session while ${doing} (401 INVALID_SESSION_ID: the access token expired or was revoked).`,
            {
                hint: `Log in again with \`${loginHint(session.alias)}\` and re-run; finished steps are skipped or repeated safely.`,
                cause: error
            }
        );
    }
    const network = networkErrorCode(error) ?? (e.code === 'ENOTFOUND' ? 'ENOTFOUND' : undefined);
    if (network === 'REQUEST_TIMEOUT') {
        throw new UserError(`The org at ${session.instanceUrl} did not answer while ${doing} (timed out).`, {
            hint: 'Check https://status.salesforce.com and your network, then re-run: finished writes are upserts and are not repeated twice.',
            cause: error
        });
    }
    if (network) {
        throw new UserError(`Cannot reach the org at ${session.instanceUrl} while ${doing} (${network}).`, {
            hint: 'Check your network or VPN, and that the org still exists (`npx sf org list`).',
            cause: error
        });
    }
    if (/^ERROR_HTTP_(429|5\d\d)$/.test(code)) {
        throw new UserError(`Salesforce kept failing while ${doing} (${code.replace('ERROR_', '')} after retries).`, {
            hint: 'Re-run in a few minutes: every write is an upsert on its seed key, so nothing is created twice.',
            cause: error
        });
    }
    if (e.errorCode || /^[A-Z_]{5,}$/.test(code)) {
        throw new UserError(`Salesforce refused ${doing}: ${code}: ${messageOf(error)}`, { cause: error });
    }
    throw error;
}

/** What an org is, from the Organization record: demo data and dev setup never go to production. */
export type OrgKind = 'scratch' | 'sandbox' | 'developer' | 'production';

/** Reads the org's kind (one SOQL query). */
export async function orgKind(session: OrgSession): Promise<OrgKind> {
    try {
        const res = await session.conn.query<{
            IsSandbox?: boolean;
            TrialExpirationDate?: string | null;
            OrganizationType?: string;
        }>('SELECT IsSandbox, TrialExpirationDate, OrganizationType FROM Organization LIMIT 1');
        const org = res.records[0];
        if (org?.IsSandbox) {
            return 'sandbox';
        }
        if (org?.TrialExpirationDate) {
            return 'scratch';
        }
        if (/developer edition/i.test(org?.OrganizationType ?? '')) {
            return 'developer';
        }
        return 'production';
    } catch (error) {
        explainOrgError(error, session, 'checking what kind of org this is');
    }
}

/** Refuses production orgs: the org scripts create demo data and dev settings. */
export async function refuseProduction(session: OrgSession): Promise<OrgKind> {
    const kind = await orgKind(session);
    if (kind === 'production') {
        throw new UserError(
            `Org "${session.alias}" is a production org: the org scripts only set up scratch orgs, sandboxes and Developer Edition orgs.`,
            {
                hint: 'Install the package in production through its package version, not with these scripts.'
            }
        );
    }
    return kind;
}
