import { Connection, type HttpRequestOptions } from 'jsforce';
import { UserError, messageOf } from './errors.ts';
import { runSf, SfCommandError, type CommandRunner } from './sf.ts';

/** REST API version the scripts speak (the project's sourceApiVersion). */
export const API_VERSION = '62.0';

/** What `sf org display --json` tells us about an authorised org. */
export interface OrgInfo {
    alias: string;
    username: string;
    orgId: string;
    instanceUrl: string;
    accessToken: string;
    /** `Active`, `Expired`, … for scratch orgs; absent for other orgs. */
    status?: string;
    expirationDate?: string;
}

interface SfOrgDisplayResult {
    id?: string;
    username?: string;
    alias?: string;
    instanceUrl?: string;
    accessToken?: string;
    status?: string;
    expirationDate?: string;
    connectedStatus?: string;
}

/**
 * Reads an org's session from the Salesforce CLI. An unknown alias, an expired scratch org or a dead login is a
 * {@link UserError} that tells the user what to run.
 */
export async function describeOrg(sf: CommandRunner, alias: string): Promise<OrgInfo> {
    let res: SfOrgDisplayResult;
    try {
        res = await runSf<SfOrgDisplayResult>(sf, ['org', 'display', '--target-org', alias]);
    } catch (error) {
        if (
            error instanceof SfCommandError &&
            /NamedOrgNotFound|NoAuthInfoFound|No authorization/i.test(error.errorName + error.message)
        ) {
            throw new UserError(`Unknown org alias "${alias}": the Salesforce CLI has no login for it.`, {
                hint: 'List the orgs you can use with `sf org list`, or log in with `sf org login web --alias <alias>`.'
            });
        }
        if (error instanceof SfCommandError) {
            throw new UserError(`Cannot use org "${alias}": ${error.message.replace(/^sf [^:]+ failed: /, '')}`, {
                hint: `Check it with \`sf org display --target-org ${alias}\`; log in again with \`sf org login web --alias ${alias}\`.`
            });
        }
        throw error;
    }
    if (res.status && /expired|deleted/i.test(res.status)) {
        throw new UserError(
            `Org "${alias}" is ${res.status.toLowerCase()}${res.expirationDate ? ` (since ${res.expirationDate})` : ''}.`,
            {
                hint: 'Create a new scratch org: npm run org:setup -- --alias <new-alias>'
            }
        );
    }
    if (!res.instanceUrl || !res.accessToken) {
        throw new UserError(`Org "${alias}" has no usable session (${res.connectedStatus ?? 'no access token'}).`, {
            hint: `Log in again: sf org login web --alias ${alias}`
        });
    }
    return {
        alias,
        username: res.username ?? '',
        orgId: res.id ?? '',
        instanceUrl: res.instanceUrl,
        accessToken: res.accessToken,
        status: res.status,
        expirationDate: res.expirationDate
    };
}

/** Counts every HTTP request a connection sends (REST, Tooling, Bulk 2.0), for the "API requests used" figures. */
export interface RequestCounter {
    readonly total: number;
    /** Requests per "METHOD /path" with ids and the API version masked. */
    readonly byRoute: ReadonlyMap<string, number>;
    reset(): void;
}

/** A jsforce connection plus its request counter. */
export interface OrgSession {
    alias: string;
    instanceUrl: string;
    username: string;
    conn: Connection;
    requests: RequestCounter;
}

/** Connection tuning: jsforce retries network errors and 429/5xx with back-off (5 times from 0.5 s by default). */
export interface SessionOptions {
    retry?: HttpRequestOptions['retry'];
}

/** Opens a jsforce connection from a CLI session (no login call, no refresh: an expired token is reported as such). */
export function openSession(
    info: Pick<OrgInfo, 'alias' | 'instanceUrl' | 'accessToken' | 'username'>,
    options: SessionOptions = {}
): OrgSession {
    const conn = new Connection({ instanceUrl: info.instanceUrl, accessToken: info.accessToken, version: API_VERSION });
    return {
        alias: info.alias,
        instanceUrl: info.instanceUrl,
        username: info.username,
        conn,
        requests: countRequests(conn, options.retry)
    };
}

/**
 * Wraps the connection's transport so that each HTTP request is counted once (jsforce's own retries of it
 * included), optionally overriding jsforce's retry policy.
 */
export function countRequests(conn: Connection, retry?: HttpRequestOptions['retry']): RequestCounter {
    const transport = conn._transport;
    const send = transport.httpRequest.bind(transport);
    const byRoute = new Map<string, number>();
    const counter = {
        total: 0,
        byRoute,
        reset() {
            counter.total = 0;
            byRoute.clear();
        }
    };
    transport.httpRequest = (req, options) => {
        counter.total += 1;
        const route = `${req.method} ${routeOf(req.url)}`;
        byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
        return send(req, retry ? { ...options, retry: { ...options?.retry, ...retry } } : options);
    };
    return counter;
}

function routeOf(url: string): string {
    const { pathname } = new URL(url, 'http://localhost');
    return pathname
        .replace(/\/v\d+\.\d+\//, '/vXX.X/')
        .replace(/\/[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?(?=\/|$)/g, '/{id}');
}

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * Turns what jsforce throws into a one-line {@link UserError} for the cases a user can act on (expired session,
 * unreachable org, an API error code); anything else is rethrown unchanged.
 */
export function explainOrgError(
    error: unknown,
    session: Pick<OrgSession, 'alias' | 'instanceUrl'>,
    doing: string
): never {
    if (error instanceof UserError) {
        throw error;
    }
    const e = error as { errorCode?: string; code?: string; name?: string; message?: string };
    const code = e.errorCode ?? e.name ?? '';
    if (code === 'INVALID_SESSION_ID' || /\b401\b/.test(code)) {
        throw new UserError(
            `The org refused the session while ${doing} (401 INVALID_SESSION_ID: the access token expired or was revoked).`,
            {
                hint: `Log in again with \`sf org login web --alias ${session.alias}\` and re-run; finished steps are skipped or repeated safely.`,
                cause: error
            }
        );
    }
    if (e.code && networkCodes.has(e.code)) {
        throw new UserError(`Cannot reach the org at ${session.instanceUrl} while ${doing} (${e.code}).`, {
            hint: 'Check your network or VPN, and that the org still exists (`sf org list`).',
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
