/**
 * A local fake of the Salesforce REST endpoints the org scripts call, for offline tests and the seed benchmark.
 * It listens on 127.0.0.1 with a random port, keeps records in memory, records every call and can inject the
 * failures the scripts must report clearly: 401 on any route, per-record failures in a collection response, and
 * Bulk API 2.0 jobs that end in state Failed.
 *
 * Login checks (what the pinned `sf org login access-token` and @salesforce/core's AuthInfo call, found by logging the
 * requests of the real binary): GET /services/oauth2/userinfo and GET /services/data/v51.0/sobjects/User/{id}.
 *
 * Faults ({@link FakeSalesforce.failRequests}): an error status with headers (429 + Retry-After, 503), a connection
 * dropped before or after the request was processed ("committed"), or no answer at all.
 *
 * Implemented (under /services/data/vNN.N): query, tooling/query (a small SOQL subset: SELECT fields FROM Type
 * [WHERE a = 'x' AND b IN ('y','z')] [LIMIT n], dotted relationship fields), sobjects create and external-id
 * upsert, composite/sobjects create and upsert, jobs/ingest (create, upload, close, poll, results, delete),
 * named-credentials/named-credential-setup/{name} (GET, PUT), named-credentials/credential (GET, POST, PUT),
 * tooling/executeAnonymous (GET ?anonymousBody=…, what jsforce 3.10's `conn.tooling.executeAnonymous` sends): it runs
 * nothing, records the body in {@link FakeSalesforce.anonymousApex} and answers Salesforce's documented
 * ExecuteAnonymousResult (line, column, compiled, success, compileProblem, exceptionStackTrace, exceptionMessage);
 * tests set {@link FakeSalesforce.anonymousApexResult} to answer a compile problem or an exception.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCsv, toCsv } from '../lib/csv.ts';

export interface RecordedCall {
    method: string;
    /** Path without the `/services/data/vNN.N` prefix, e.g. `/composite/sobjects/Account/Seed_Key__c`. */
    path: string;
    /** API version from the URL, e.g. `62.0` (empty for other URLs). */
    version: string;
    query: Record<string, string>;
    headers: http.IncomingHttpHeaders;
    /** Parsed JSON body, CSV text, or undefined. */
    body: unknown;
    /** When the request arrived (ms since the epoch). */
    at: number;
}

/** Salesforce's ExecuteAnonymousResult (Tooling REST `executeAnonymous`, SOAP `executeAnonymous`). */
export interface ExecuteAnonymousResult {
    line: number;
    column: number;
    compiled: boolean;
    success: boolean;
    compileProblem: string | null;
    exceptionStackTrace: string | null;
    exceptionMessage: string | null;
}

export type FakeRecord = Record<string, unknown> & { Id: string };

export interface RequestFailure {
    /** Status and body of the error answer (ignored for `drop` and `silent`). */
    status?: number;
    body?: unknown;
    /** Extra response headers, e.g. `{ 'Retry-After': '1' }`. */
    headers?: Record<string, string>;
    /**
     * `before`: close the socket without processing the request; `after`: process (commit) it, then close the socket
     * instead of answering — the client cannot know whether its write happened.
     */
    drop?: 'before' | 'after';
    /** Never answer (the client must time out). */
    silent?: boolean;
    /** Only calls for which this returns true fail (default: every call). */
    match?: (call: RecordedCall) => boolean;
    /** How many calls fail before the rule expires (default: unlimited). */
    times?: number;
}

interface IngestJob {
    id: string;
    object: string;
    operation: string;
    externalIdFieldName?: string;
    state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
    csv: string;
    errorMessage?: string;
    polls: number;
    closedAt?: number;
    rows?: number;
    processed: number;
    successful: Array<Record<string, string>>;
    failed: Array<Record<string, string>>;
}

const ID_PREFIX: Record<string, string> = {
    Account: '001',
    Contact: '003',
    Opportunity: '006',
    User: '005',
    PermissionSet: '0PS',
    PermissionSetAssignment: '0Pa',
    InstalledSubscriberPackage: '0A3',
    Organization: '00D',
    SubscriberPackage: '033'
};

/** External id fields the fake keeps unique (case-insensitive) and indexed. */
const UNIQUE_FIELDS = ['Seed_Key__c', 'Zuora_Account_Id__c'];

const REQUIRED_FIELDS: Record<string, string[]> = {
    Account: ['Name'],
    Contact: ['LastName'],
    Opportunity: ['Name', 'StageName', 'CloseDate'],
    PermissionSetAssignment: ['AssigneeId', 'PermissionSetId']
};

/** The fake org's id (the access token starts with it, as real Salesforce session ids do). */
export const FAKE_ORG_ID = '00DFK0000000001AAA';

/**
 * The fake's default session token; requests with any other bearer token get 401. It has the `<org id>!<token>`
 * shape that `sf org login access-token` insists on.
 */
export const FAKE_ACCESS_TOKEN = `${FAKE_ORG_ID}!AQ0Fake.Access.Token`;

/** The running user of the fake org. */
export const FAKE_USERNAME = 'admin@zal.test';

export class FakeSalesforce {
    readonly calls: RecordedCall[] = [];
    /** Records by sObject type (REST) and for the Tooling API. */
    readonly data = new Map<string, FakeRecord[]>();
    readonly tooling = new Map<string, FakeRecord[]>();
    /** Named credentials by developer name (Connect REST setup shape). */
    readonly namedCredentials = new Map<string, Record<string, unknown>>();
    /** Principal credentials keyed by `externalCredential/principalName`. */
    readonly credentials = new Map<string, Record<string, unknown>>();
    readonly jobs = new Map<string, IngestJob>();
    /** Number of GET polls a Bulk job answers InProgress before JobComplete (default 0). */
    bulkPollsBeforeComplete = 0;
    /**
     * Simulated Bulk processing speed (rows per second of wall time after UploadComplete); a job answers InProgress
     * until its rows would be done. Unset = only {@link bulkPollsBeforeComplete} counts.
     */
    bulkRowsPerSecond?: number;
    accessToken = FAKE_ACCESS_TOKEN;
    /** A Dev Hub answers ScratchOrgInfo queries; other orgs refuse them with INVALID_TYPE (what the CLI checks). */
    isDevHub = false;
    /** Bodies received by tooling/executeAnonymous, in order (the fake executes nothing). */
    readonly anonymousApex: string[] = [];
    /**
     * The answer to an anonymous Apex body (fields not returned keep the success values). Default: compiled and ran.
     * A compile problem is `{ compiled: false, success: false, line, column, compileProblem }`; an uncaught exception is
     * `{ compiled: true, success: false, line, column, exceptionMessage, exceptionStackTrace }`.
     */
    anonymousApexResult?: (body: string) => Partial<ExecuteAnonymousResult> | undefined;
    /** Called for every request (the `npm run fake -- --verbose` log). */
    onCall?: (call: RecordedCall) => void;

    private readonly uniqueIndex = new Map<string, Map<string, FakeRecord>>();
    /** Contacts by lower-case email (the duplicate-rule check stays O(1) for 10,000-row Bulk jobs). */
    private readonly contactsByEmail = new Map<string, Set<FakeRecord>>();
    private allowSave = false;
    private server?: http.Server;
    private counter = 0;
    private failures: RequestFailure[] = [];
    private recordRejecter?: (sobject: string, record: Record<string, unknown>) => string | undefined;
    private bulkFailure?: string;

    /** Base URL (instanceUrl) once started. */
    get url(): string {
        const address = this.server?.address() as AddressInfo | null;
        if (!address) {
            throw new Error('fake Salesforce is not started');
        }
        return `http://127.0.0.1:${address.port}`;
    }

    constructor() {
        this.addRecord('User', { Id: '005FK0000000001AAA', Username: FAKE_USERNAME });
        // a scratch org unless a test changes it
        this.addRecord('Organization', {
            Id: FAKE_ORG_ID,
            IsSandbox: false,
            TrialExpirationDate: '2026-12-31',
            OrganizationType: 'Developer Edition'
        });
    }

    /** The fake org's Organization record (tests turn it into a sandbox or production org). */
    get organization(): FakeRecord {
        return this.records('Organization')[0];
    }

    /** Requests that reached the server (faults, retries and login checks included). */
    received = 0;

    /** Starts on 127.0.0.1 (a random port unless given). */
    async start(port = 0): Promise<this> {
        this.server = http.createServer((req, res) => {
            const chunks: Buffer[] = [];
            req.on('data', (c: Buffer) => chunks.push(c));
            req.on('end', () => {
                try {
                    this.received += 1;
                    this.handle(req, Buffer.concat(chunks).toString('utf8'), res);
                } catch (error) {
                    send(res, 500, [{ errorCode: 'FAKE_ERROR', message: String(error) }]);
                }
            });
        });
        await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
        return this;
    }

    async stop(): Promise<void> {
        if (this.server) {
            this.server.closeAllConnections();
            await new Promise<void>((resolve) => this.server!.close(() => resolve()));
            this.server = undefined;
        }
    }

    /** Makes matching requests fail: an error answer (e.g. 401, 429 + Retry-After), a dropped connection, silence. */
    failRequests(rule: RequestFailure): void {
        this.failures.push({ ...rule });
    }

    /** Every following request gets 401 INVALID_SESSION_ID, as when a token expires. */
    expireSession(): void {
        this.failRequests({
            status: 401,
            body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]
        });
    }

    /** Rejects single records (collections, single and Bulk writes): return an error message to reject. */
    rejectRecords(fn: (sobject: string, record: Record<string, unknown>) => string | undefined): void {
        this.recordRejecter = fn;
    }

    /** Every following Bulk ingest job ends in state Failed with this message. */
    failBulkJobs(message: string): void {
        this.bulkFailure = message;
    }

    /** Calls whose path matches (string = exact path, RegExp = test), optionally of one method. */
    callsTo(path: string | RegExp, method?: string): RecordedCall[] {
        return this.calls.filter(
            (c) => (typeof path === 'string' ? c.path === path : path.test(c.path)) && (!method || c.method === method)
        );
    }

    /** Stored records of a type. */
    records(sobject: string): FakeRecord[] {
        return this.data.get(sobject) ?? [];
    }

    /** Adds a record directly (fixtures: users, permission sets, installed packages). */
    addRecord(sobject: string, fields: Record<string, unknown>, options: { tooling?: boolean } = {}): FakeRecord {
        const store = options.tooling ? this.tooling : this.data;
        const record: FakeRecord = { ...fields, Id: typeof fields.Id === 'string' ? fields.Id : this.newId(sobject) };
        const rows = store.get(sobject) ?? [];
        rows.push(record);
        store.set(sobject, rows);
        if (!options.tooling) {
            this.index(sobject, record);
        }
        return record;
    }

    /** The record of a type whose unique field (Seed_Key__c, Zuora_Account_Id__c) equals a value, ignoring case. */
    findUnique(sobject: string, field: string, value: unknown): FakeRecord | undefined {
        const index = this.uniqueIndex.get(`${sobject}.${field}`);
        if (index) {
            return index.get(String(value).toLowerCase());
        }
        return this.records(sobject).find((r) => equalsIgnoreCase(r[field], value));
    }

    private index(sobject: string, record: FakeRecord): void {
        for (const field of UNIQUE_FIELDS) {
            if (record[field]) {
                const key = `${sobject}.${field}`;
                const index = this.uniqueIndex.get(key) ?? new Map<string, FakeRecord>();
                index.set(String(record[field]).toLowerCase(), record);
                this.uniqueIndex.set(key, index);
            }
        }
        if (sobject === 'Contact' && record.Email) {
            const email = String(record.Email).toLowerCase();
            this.contactsByEmail.set(email, (this.contactsByEmail.get(email) ?? new Set()).add(record));
        }
    }

    private newId(sobject: string): string {
        this.counter += 1;
        const prefix = ID_PREFIX[sobject] ?? 'a00';
        return `${prefix}FK${String(this.counter).padStart(10, '0')}AAA`;
    }

    private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
        // an instance URL stored with a trailing slash (as `sf org login access-token` stores it) yields "//services/…"
        const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), 'http://127.0.0.1');
        const versionMatch = /^\/services\/data\/v(\d+\.\d+)(\/.*)?$/.exec(url.pathname);
        const path = versionMatch ? (versionMatch[2] ?? '/') : url.pathname;
        const contentType = String(req.headers['content-type'] ?? '');
        let body: unknown = undefined;
        if (raw) {
            body = contentType.includes('json') ? JSON.parse(raw) : raw;
        }
        const call: RecordedCall = {
            method: req.method ?? 'GET',
            path,
            version: versionMatch ? versionMatch[1] : '',
            query: Object.fromEntries(url.searchParams),
            headers: req.headers,
            body,
            at: Date.now()
        };
        this.calls.push(call);
        this.onCall?.(call);
        // like the standard duplicate rules of a new org (action "Allow" with an alert): API saves of a duplicate
        // fail with DUPLICATES_DETECTED unless the request says allowSave=true
        this.allowSave = /allowSave=true/i.test(String(req.headers['sforce-duplicate-rule-header'] ?? ''));

        for (const rule of this.failures) {
            if ((rule.times === undefined || rule.times > 0) && (!rule.match || rule.match(call))) {
                if (rule.times !== undefined) {
                    rule.times -= 1;
                }
                if (rule.silent) {
                    return;
                }
                if (rule.drop === 'before') {
                    req.socket.destroy();
                    return;
                }
                if (rule.drop === 'after') {
                    const discard = new http.ServerResponse(req);
                    this.route(call, body, discard);
                    req.socket.destroy();
                    return;
                }
                return send(res, rule.status ?? 500, rule.body, rule.headers);
            }
        }
        if (call.method === 'GET' && /^\/services\/data\/?$/.test(url.pathname)) {
            return send(res, 200, [{ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' }]);
        }
        if (url.pathname === '/services/oauth2/userinfo' || /^\/sobjects\/User\/\w+$/.test(path)) {
            return this.login(call, req, res);
        }
        if (req.headers.authorization !== `Bearer ${this.accessToken}`) {
            return send(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
        }
        return this.route(call, body, res);
    }

    /** What a login check asks: who the token belongs to (userinfo), then that User's Username. */
    private login(call: RecordedCall, req: http.IncomingMessage, res: http.ServerResponse): void {
        if (req.headers.authorization !== `Bearer ${this.accessToken}`) {
            return send(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
        }
        const user = this.records('User')[0];
        if (call.path === '/services/oauth2/userinfo') {
            return send(res, 200, {
                sub: `${this.url}/id/${FAKE_ORG_ID}/${user.Id}`,
                user_id: user.Id,
                organization_id: FAKE_ORG_ID,
                preferred_username: user.Username,
                email: user.Username,
                zoneinfo: 'America/Los_Angeles',
                locale: 'en_US'
            });
        }
        const id = call.path.split('/').pop();
        const found = this.records('User').find((u) => u.Id === id);
        return found
            ? send(res, 200, { attributes: { type: 'User' }, Id: found.Id, Username: found.Username })
            : send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    }

    private route(call: RecordedCall, body: unknown, res: http.ServerResponse): void {
        const path = call.path;
        const m = call.method;
        let match: RegExpExecArray | null;
        if (m === 'GET' && path === '/query') {
            if (!this.isDevHub && /\bFROM\s+ScratchOrgInfo\b/i.test(call.query.q ?? '')) {
                return send(res, 400, [
                    {
                        errorCode: 'INVALID_TYPE',
                        message:
                            "sObject type 'ScratchOrgInfo' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name."
                    }
                ]);
            }
            return send(res, 200, this.query(this.data, call.query.q ?? ''));
        }
        if (m === 'GET' && path === '/tooling/query') {
            return send(res, 200, this.query(this.tooling, call.query.q ?? ''));
        }
        if (m === 'POST' && (match = /^\/sobjects\/(\w+)$/.exec(path))) {
            const saved = this.save(match[1], body as Record<string, unknown>, undefined, false);
            return saved.success ? send(res, 201, saved) : send(res, 400, saved.errors);
        }
        if (m === 'PATCH' && (match = /^\/sobjects\/(\w+)\/(\w+)\/([^/]+)$/.exec(path))) {
            const record = { ...(body as Record<string, unknown>), [match[2]]: decodeURIComponent(match[3]) };
            const saved = this.save(match[1], record, match[2], false);
            return saved.success ? send(res, saved.created ? 201 : 200, saved) : send(res, 400, saved.errors);
        }
        if (m === 'POST' && path === '/composite/sobjects') {
            return send(res, 200, this.collection(body, undefined));
        }
        if (m === 'PATCH' && (match = /^\/composite\/sobjects\/(\w+)\/(\w+)$/.exec(path))) {
            return send(res, 200, this.collection(body, match[2], match[1]));
        }
        if (path.startsWith('/jobs/ingest')) {
            return this.ingest(m, path, body, res);
        }
        if ((match = /^\/named-credentials\/named-credential-setup\/(\w+)$/.exec(path))) {
            const existing = this.namedCredentials.get(match[1]);
            if (!existing) {
                return send(res, 404, [{ errorCode: 'NOT_FOUND', message: `Named credential ${match[1]} not found.` }]);
            }
            if (m === 'GET') {
                return send(res, 200, existing);
            }
            if (m === 'PUT') {
                const updated = { ...(body as Record<string, unknown>), developerName: match[1] };
                this.namedCredentials.set(match[1], updated);
                return send(res, 200, updated);
            }
        }
        if (path === '/named-credentials/credential') {
            return this.credential(m, call, res);
        }
        if (m === 'GET' && /^\/tooling\/executeAnonymous\/?$/.test(path)) {
            return this.executeAnonymous(call, res);
        }
        return send(res, 404, [{ errorCode: 'NOT_FOUND', message: `fake Salesforce: no route for ${m} ${path}` }]);
    }

    /**
     * Tooling REST executeAnonymous: 200 with an ExecuteAnonymousResult, also for compile problems and exceptions
     * (Salesforce reports those in the body, not with an HTTP error).
     */
    private executeAnonymous(call: RecordedCall, res: http.ServerResponse): void {
        const body = call.query.anonymousBody ?? '';
        this.anonymousApex.push(body);
        const ran: ExecuteAnonymousResult = {
            line: -1,
            column: -1,
            compiled: true,
            success: true,
            compileProblem: null,
            exceptionStackTrace: null,
            exceptionMessage: null
        };
        return send(res, 200, { ...ran, ...(this.anonymousApexResult?.(body) ?? {}) });
    }

    private credential(method: string, call: RecordedCall, res: http.ServerResponse): void {
        const source = method === 'GET' ? call.query : ((call.body ?? {}) as Record<string, string>);
        const key = `${source.externalCredential}/${source.principalName}`;
        if (method === 'GET') {
            const stored = this.credentials.get(key);
            const masked = stored
                ? Object.fromEntries(
                      Object.entries(stored.credentials as Record<string, { encrypted: boolean; value: string }>).map(
                          ([k, v]) => [k, { encrypted: v.encrypted, value: v.encrypted ? '****' : v.value }]
                      )
                  )
                : {};
            return send(res, 200, {
                externalCredential: source.externalCredential,
                principalName: source.principalName,
                principalType: source.principalType,
                authenticationStatus: stored ? 'Configured' : 'NotConfigured',
                credentials: masked
            });
        }
        if (method === 'POST' && this.credentials.has(key)) {
            return send(res, 400, [
                { errorCode: 'INVALID_INPUT', message: 'A credential already exists for this principal.' }
            ]);
        }
        if (method === 'PUT' && !this.credentials.has(key)) {
            return send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'No credential exists for this principal.' }]);
        }
        if (method === 'POST' || method === 'PUT') {
            this.credentials.set(key, call.body as Record<string, unknown>);
            return send(res, method === 'POST' ? 201 : 200, {
                externalCredential: source.externalCredential,
                principalName: source.principalName,
                authenticationStatus: 'Configured'
            });
        }
        return send(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: method }]);
    }

    private collection(body: unknown, extField: string | undefined, pathType?: string): unknown[] {
        const { records = [] } = (body ?? {}) as { allOrNone?: boolean; records?: Array<Record<string, unknown>> };
        return records.map((r) => {
            const { attributes, ...fields } = r as { attributes?: { type?: string } } & Record<string, unknown>;
            const sobject = attributes?.type ?? pathType ?? '';
            const saved = this.save(sobject, fields, extField, true);
            return saved.success ? saved : { success: false, errors: saved.errors };
        });
    }

    /** Validates and inserts or upserts one record; returns a Salesforce-shaped save result. */
    private save(
        sobject: string,
        fields: Record<string, unknown>,
        extField: string | undefined,
        inCollection: boolean
    ): { id?: string; success: boolean; created?: boolean; errors: Array<Record<string, unknown>> } {
        const fail = (statusCode: string, message: string, fieldNames: string[] = []) => ({
            success: false,
            errors: [
                inCollection
                    ? { statusCode, message, fields: fieldNames }
                    : { errorCode: statusCode, message, fields: fieldNames }
            ]
        });
        const rejected = this.recordRejecter?.(sobject, fields);
        if (rejected) {
            return fail('FIELD_CUSTOM_VALIDATION_EXCEPTION', rejected);
        }
        const existing =
            extField && fields[extField] ? this.findUnique(sobject, extField, fields[extField]) : undefined;
        const missing = (REQUIRED_FIELDS[sobject] ?? []).filter(
            (f) => !existing && (fields[f] === undefined || fields[f] === null || fields[f] === '')
        );
        if (missing.length > 0) {
            return fail('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
        }
        for (const field of UNIQUE_FIELDS) {
            const value = fields[field];
            const clash = value ? this.findUnique(sobject, field, value) : undefined;
            if (clash && clash !== existing) {
                return fail(
                    'DUPLICATE_VALUE',
                    `duplicate value found: ${field} duplicates value on record with id: ${clash.Id}`,
                    [field]
                );
            }
        }
        if (!this.allowSave && sobject === 'Contact' && fields.Email) {
            const sameEmail = this.contactsByEmail.get(String(fields.Email).toLowerCase()) ?? new Set<FakeRecord>();
            const twin = [...sameEmail].find((c) => c !== existing && equalsIgnoreCase(c.Email, fields.Email));
            if (twin) {
                return fail('DUPLICATES_DETECTED', 'Use one of these records?');
            }
        }
        if (sobject === 'PermissionSetAssignment') {
            const dup = this.records(sobject).find(
                (r) => r.AssigneeId === fields.AssigneeId && r.PermissionSetId === fields.PermissionSetId
            );
            if (dup) {
                return fail('DUPLICATE_VALUE', 'Duplicate PermissionSetAssignment');
            }
        }
        if (existing) {
            for (const field of UNIQUE_FIELDS) {
                if (field in fields && existing[field]) {
                    this.uniqueIndex.get(`${sobject}.${field}`)?.delete(String(existing[field]).toLowerCase());
                }
            }
            if (existing.Email) {
                this.contactsByEmail.get(String(existing.Email).toLowerCase())?.delete(existing);
            }
            Object.assign(existing, fields);
            this.index(sobject, existing);
            return { id: existing.Id, success: true, created: false, errors: [] };
        }
        const record = this.addRecord(sobject, fields);
        return { id: record.Id, success: true, created: true, errors: [] };
    }

    private ingest(method: string, path: string, body: unknown, res: http.ServerResponse): void {
        const m =
            /^\/jobs\/ingest(?:\/(\w+))?(?:\/(batches|successfulResults|failedResults|unprocessedrecords))?\/?$/.exec(
                path
            );
        if (!m) {
            return send(res, 404, [{ errorCode: 'NOT_FOUND', message: path }]);
        }
        const [, id, sub] = m;
        if (!id && method === 'POST') {
            const params = body as { object: string; operation: string; externalIdFieldName?: string };
            const job: IngestJob = {
                id: `750FK${String(++this.counter).padStart(10, '0')}AAA`,
                object: params.object,
                operation: params.operation,
                externalIdFieldName: params.externalIdFieldName,
                state: 'Open',
                csv: '',
                polls: 0,
                processed: 0,
                successful: [],
                failed: []
            };
            this.jobs.set(job.id, job);
            return send(res, 200, this.jobInfo(job));
        }
        const job = id ? this.jobs.get(id) : undefined;
        if (!job) {
            return send(res, 404, [{ errorCode: 'NOT_FOUND', message: `job ${id} not found` }]);
        }
        if (sub === 'batches' && method === 'PUT') {
            if (job.state !== 'Open') {
                return send(res, 400, [{ errorCode: 'INVALIDJOBSTATE', message: `Job is ${job.state}` }]);
            }
            job.csv += String(body ?? '');
            return send(res, 201, undefined);
        }
        if (!sub && method === 'PATCH') {
            const state = (body as { state: string }).state;
            if (state === 'UploadComplete') {
                job.state = 'UploadComplete';
                this.runJob(job);
                // the simulated processing time starts after the fake's own (synchronous) work on the rows
                job.closedAt = Date.now();
            } else if (state === 'Aborted') {
                job.state = 'Aborted';
            }
            return send(res, 200, this.jobInfo(job));
        }
        if (!sub && method === 'GET') {
            if (job.state === 'UploadComplete' || job.state === 'InProgress') {
                job.polls += 1;
                const busy =
                    this.bulkRowsPerSecond !== undefined &&
                    Date.now() - (job.closedAt ?? 0) < (job.processed / this.bulkRowsPerSecond) * 1000;
                job.state =
                    job.polls > this.bulkPollsBeforeComplete && !busy
                        ? job.errorMessage
                            ? 'Failed'
                            : 'JobComplete'
                        : 'InProgress';
            }
            return send(res, 200, this.jobInfo(job));
        }
        if (!sub && method === 'DELETE') {
            this.jobs.delete(job.id);
            return send(res, 204, undefined);
        }
        if (method === 'GET' && sub === 'successfulResults') {
            return sendCsv(res, ['sf__Id', 'sf__Created', ...csvColumns(job.csv)], job.successful);
        }
        if (method === 'GET' && sub === 'failedResults') {
            return sendCsv(res, ['sf__Id', 'sf__Error', ...csvColumns(job.csv)], job.failed);
        }
        if (method === 'GET' && sub === 'unprocessedrecords') {
            return sendCsv(res, csvColumns(job.csv), []);
        }
        return send(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `${method} ${path}` }]);
    }

    private runJob(job: IngestJob): void {
        if (this.bulkFailure) {
            job.errorMessage = this.bulkFailure;
            return;
        }
        for (const row of parseCsv(job.csv)) {
            const fields: Record<string, unknown> = {};
            let error: string | undefined;
            for (const [column, value] of Object.entries(row)) {
                if (value === '') {
                    continue;
                }
                const rel = /^(\w+)\.(\w+)$/.exec(column);
                if (rel) {
                    const parent = this.findUnique(rel[1], rel[2], value);
                    if (!parent) {
                        error = `INVALID_FIELD:Foreign key external ID: ${value} not found for field ${rel[2]} in entity ${rel[1]}:--`;
                    } else {
                        fields[`${rel[1]}Id`] = parent.Id;
                    }
                } else {
                    fields[column] = value;
                }
            }
            const saved = error
                ? { success: false, errors: [{ statusCode: '', message: error }] }
                : this.save(job.object, fields, job.operation === 'upsert' ? job.externalIdFieldName : undefined, true);
            job.processed += 1;
            if (saved.success) {
                job.successful.push({ sf__Id: String(saved.id), sf__Created: String(saved.created), ...row });
            } else {
                const e = saved.errors[0] as { statusCode?: string; message?: string };
                job.failed.push({
                    sf__Id: '',
                    sf__Error: `${e.statusCode ? `${e.statusCode}:` : ''}${e.message}`,
                    ...row
                });
            }
        }
    }

    private jobInfo(job: IngestJob): Record<string, unknown> {
        const finished = job.state === 'JobComplete';
        return {
            id: job.id,
            object: job.object,
            operation: job.operation,
            externalIdFieldName: job.externalIdFieldName,
            state: job.state,
            contentType: 'CSV',
            lineEnding: 'LF',
            columnDelimiter: 'COMMA',
            apiVersion: 62.0,
            numberRecordsProcessed: finished ? job.processed : 0,
            numberRecordsFailed: finished ? job.failed.length : 0,
            errorMessage: job.state === 'Failed' ? job.errorMessage : undefined
        };
    }

    /** A small SOQL subset; enough for the scripts' own queries. */
    private query(store: Map<string, FakeRecord[]>, soql: string): unknown {
        const m = /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+LIMIT\s+(\d+))?\s*$/is.exec(soql);
        if (!m) {
            return { totalSize: 0, done: true, records: [] };
        }
        const fields = m[1].split(',').map((f) => f.trim());
        const sobject = m[2];
        const conditions = m[3] ? m[3].split(/\s+AND\s+/i) : [];
        let rows = (store.get(sobject) ?? []).filter((r) =>
            conditions.every((c) => {
                const eq = /^(\w+(?:\.\w+)?)\s*=\s*'((?:[^'\\]|\\.)*)'$/.exec(c.trim());
                if (eq) {
                    return equalsIgnoreCase(this.resolve(r, eq[1]), eq[2].replace(/\\(.)/g, '$1'));
                }
                const inList = /^(\w+(?:\.\w+)?)\s+IN\s*\((.*)\)$/i.exec(c.trim());
                if (inList) {
                    const values = [...inList[2].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((v) => v[1]);
                    return values.some((v) => equalsIgnoreCase(this.resolve(r, inList[1]), v));
                }
                return true;
            })
        );
        if (m[4]) {
            rows = rows.slice(0, Number(m[4]));
        }
        const records = rows.map((r) => {
            const out: Record<string, unknown> = {
                attributes: { type: sobject, url: `/services/data/v62.0/sobjects/${sobject}/${r.Id}` }
            };
            for (const f of fields) {
                const [head, tail] = f.split('.');
                if (tail) {
                    out[head] = { ...((out[head] as object) ?? {}), [tail]: this.resolve(r, f) ?? null };
                } else {
                    out[head] = r[head] ?? null;
                }
            }
            return out;
        });
        return { totalSize: records.length, done: true, records };
    }

    /** Reads `Field` or `Parent.Field` (via a nested object or a `ParentId` lookup). */
    private resolve(record: FakeRecord, field: string): unknown {
        const [head, tail] = field.split('.');
        if (!tail) {
            return record[head];
        }
        const nested = record[head];
        if (nested && typeof nested === 'object') {
            return (nested as Record<string, unknown>)[tail];
        }
        const parentId = record[`${head}Id`];
        for (const store of [this.data, this.tooling]) {
            for (const rows of store.values()) {
                const parent = rows.find((p) => p.Id === parentId);
                if (parent) {
                    return parent[tail];
                }
            }
        }
        return undefined;
    }
}

function equalsIgnoreCase(a: unknown, b: unknown): boolean {
    return a !== undefined && a !== null && String(a).toLowerCase() === String(b).toLowerCase();
}

function csvColumns(csv: string): string[] {
    const header = csv.split('\n', 1)[0];
    return header ? header.split(',').map((h) => h.replace(/^"|"$/g, '')) : [];
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (body === undefined) {
        res.writeHead(status, headers);
        res.end();
        return;
    }
    res.writeHead(status, {
        'content-type': 'application/json;charset=UTF-8',
        'sforce-limit-info': 'api-usage=1/15000',
        ...headers
    });
    res.end(JSON.stringify(body));
}

function sendCsv(res: http.ServerResponse, columns: string[], rows: Array<Record<string, string>>): void {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end(toCsv(columns, rows));
}

/** Starts a fake on a random loopback port. */
export async function startFakeSalesforce(): Promise<FakeSalesforce> {
    return new FakeSalesforce().start();
}
