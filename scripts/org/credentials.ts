/**
 * Points the Named Credential `Zuora` at the tenant's REST host and stores the OAuth client in the External
 * Credential principal `ZuoraPrincipal`, through the Connect REST named-credentials resources. Secrets come only
 * from the environment and are never printed.
 */
import type { Output } from '../lib/cli.ts';
import { UserError, registerSecret } from '../lib/errors.ts';
import { API_VERSION, explainOrgError, type OrgSession } from '../lib/org.ts';

export const NAMED_CREDENTIAL = 'Zuora';
export const EXTERNAL_CREDENTIAL = 'Zuora';
export const PRINCIPAL = 'ZuoraPrincipal';

export interface ZuoraEnvironment {
    ZUORA_BASE_URL?: string;
    ZUORA_CLIENT_ID?: string;
    ZUORA_CLIENT_SECRET?: string;
}

export interface CredentialOutcome {
    namedCredentialUrl: 'updated' | 'unchanged' | 'skipped';
    principal: 'created' | 'updated' | 'skipped';
}

/** `https://rest.apisandbox.zuora.com/` → `https://rest.apisandbox.zuora.com`; anything but an https URL is refused. */
export function normaliseBaseUrl(value: string): string {
    let url: URL;
    try {
        url = new URL(value.trim());
    } catch {
        throw new UserError(`ZUORA_BASE_URL "${value}" is not a URL.`, {
            hint: 'Use the REST host of your tenant, e.g. https://rest.apisandbox.zuora.com (no /v1).'
        });
    }
    if (url.protocol !== 'https:') {
        throw new UserError(`ZUORA_BASE_URL must use https (got ${url.protocol.replace(':', '')}).`);
    }
    const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
    return `${url.origin}${path}`;
}

/**
 * Checks the Zuora variables before setup does any work: an https URL (normalised), and the OAuth client id and
 * secret both or neither. Returns the URL to store, if any.
 */
export function checkZuoraEnvironment(env: ZuoraEnvironment): string | undefined {
    const url = env.ZUORA_BASE_URL ? normaliseBaseUrl(env.ZUORA_BASE_URL) : undefined;
    if (Boolean(env.ZUORA_CLIENT_ID) !== Boolean(env.ZUORA_CLIENT_SECRET)) {
        throw new UserError(
            `${env.ZUORA_CLIENT_ID ? 'ZUORA_CLIENT_SECRET' : 'ZUORA_CLIENT_ID'} is missing: set both ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET, or neither.`
        );
    }
    return url;
}

interface NamedCredentialSetup {
    developerName?: string;
    masterLabel?: string;
    type?: string;
    calloutUrl?: string;
    calloutOptions?: Record<string, unknown>;
    customHeaders?: Array<Record<string, unknown>>;
    externalCredentials?: Array<{ developerName: string }>;
    parameters?: Array<Record<string, unknown>>;
    networkConnection?: { developerName?: string } | null;
}

/** Setup step: returns what changed; `skipped` (with a notice) when the environment variables are absent. */
export async function configureZuoraCredentials(
    session: OrgSession,
    env: ZuoraEnvironment,
    output: Output
): Promise<CredentialOutcome> {
    registerSecret(env.ZUORA_CLIENT_SECRET);
    const base = `/services/data/v${API_VERSION}/named-credentials`;
    const outcome: CredentialOutcome = { namedCredentialUrl: 'skipped', principal: 'skipped' };
    try {
        if (env.ZUORA_BASE_URL) {
            const url = normaliseBaseUrl(env.ZUORA_BASE_URL);
            const current = await session.conn.request<NamedCredentialSetup>({
                method: 'GET',
                url: `${base}/named-credential-setup/${NAMED_CREDENTIAL}`
            });
            if (current.calloutUrl === url) {
                outcome.namedCredentialUrl = 'unchanged';
            } else {
                // PUT replaces the whole definition: send back everything we read, with only the URL changed.
                const input = {
                    developerName: current.developerName ?? NAMED_CREDENTIAL,
                    masterLabel: current.masterLabel ?? NAMED_CREDENTIAL,
                    type: current.type ?? 'SecuredEndpoint',
                    calloutUrl: url,
                    calloutOptions: current.calloutOptions,
                    customHeaders: (current.customHeaders ?? []).map((h) => ({
                        headerName: h.headerName,
                        headerValue: h.headerValue,
                        sequenceNumber: h.sequenceNumber
                    })),
                    externalCredentials: (current.externalCredentials ?? [{ developerName: EXTERNAL_CREDENTIAL }]).map(
                        (c) => ({ developerName: c.developerName })
                    ),
                    parameters: (current.parameters ?? []).map((p) => ({
                        parameterName: p.parameterName,
                        parameterType: p.parameterType,
                        parameterValue: p.parameterValue
                    })),
                    ...(current.networkConnection?.developerName
                        ? { networkConnection: { developerName: current.networkConnection.developerName } }
                        : {})
                };
                await session.conn.request({
                    method: 'PUT',
                    url: `${base}/named-credential-setup/${NAMED_CREDENTIAL}`,
                    body: JSON.stringify(input),
                    headers: { 'content-type': 'application/json' }
                });
                outcome.namedCredentialUrl = 'updated';
            }
            output.out(`  Named Credential ${NAMED_CREDENTIAL}: ${url} (${outcome.namedCredentialUrl})`);
            if (!/\/\/rest\.apisandbox\.zuora\.com$/.test(url)) {
                output.out(
                    `  Note: External Credential ${EXTERNAL_CREDENTIAL} ships with the token URL https://rest.apisandbox.zuora.com/oauth/token; ` +
                        `set it to ${url}/oauth/token in Setup → Named Credentials → External Credentials if your tenant is elsewhere.`
                );
            }
        } else {
            output.out(`  Named Credential URL: skipped (ZUORA_BASE_URL not set; the placeholder URL stays).`);
        }

        if (env.ZUORA_CLIENT_ID && env.ZUORA_CLIENT_SECRET) {
            const query = new URLSearchParams({
                externalCredential: EXTERNAL_CREDENTIAL,
                principalName: PRINCIPAL,
                principalType: 'NamedPrincipal'
            });
            const existing = await session.conn.request<{ credentials?: Record<string, unknown> }>({
                method: 'GET',
                url: `${base}/credential?${query.toString()}`
            });
            const exists = Object.keys(existing.credentials ?? {}).length > 0;
            const body = {
                externalCredential: EXTERNAL_CREDENTIAL,
                principalName: PRINCIPAL,
                principalType: 'NamedPrincipal',
                authenticationProtocol: 'OAuth',
                authenticationProtocolVariant: 'ClientCredentialsClientSecret',
                credentials: {
                    clientId: { value: env.ZUORA_CLIENT_ID, encrypted: false },
                    clientSecret: { value: env.ZUORA_CLIENT_SECRET, encrypted: true }
                }
            };
            await session.conn.request({
                method: exists ? 'PUT' : 'POST',
                url: `${base}/credential`,
                body: JSON.stringify(body),
                headers: { 'content-type': 'application/json' }
            });
            outcome.principal = exists ? 'updated' : 'created';
            output.out(
                `  External Credential ${EXTERNAL_CREDENTIAL} / principal ${PRINCIPAL}: client id and secret ${outcome.principal} (secret not shown)`
            );
        } else {
            output.out(
                '  Zuora OAuth client: skipped (set ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET to store it; callouts fail until then).'
            );
        }
    } catch (error) {
        explainOrgError(error, session, 'configuring the Zuora credentials');
    }
    return outcome;
}
