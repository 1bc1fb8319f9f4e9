import { UserError } from './errors.ts';
import type { Output } from './cli.ts';
import { toCsv, type CsvValue } from './csv.ts';
import { API_VERSION, explainOrgError, type OrgSession } from './org.ts';
import { heartbeat, Progress } from './progress.ts';
import { networkErrorCode, sleep } from './http.ts';

/** A record to write: field API name → value. Relationship columns for Bulk use the `Account.Seed_Key__c` form. */
export type SeedRecord = Record<string, string | number | boolean | null>;

/**
 * How records reach the org:
 * - `single`: one REST request per record (POST /sobjects/T or PATCH /sobjects/T/Ext/value) — baseline only;
 * - `collections`: sObject Collections, 200 records per request, allOrNone=false;
 * - `bulk`: one Bulk API 2.0 ingest job (create, upload CSV, close, poll) — for thousands of records.
 */
export type WriteStrategy = 'single' | 'collections' | 'bulk';

/**
 * The demo data is duplicate-like on purpose (same email in another case, same domain). A new org's standard
 * duplicate rules "Allow" such records with an alert, which the REST API turns into DUPLICATES_DETECTED unless the
 * request acknowledges the alert. Rules set to "Block" still block. Bulk API 2.0 has no such header: the volume data
 * is generated so that no two records match (unique name, website, postal code and email).
 */
export const DUPLICATE_RULE_HEADER = { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' };

/** sObject Collections accept at most 200 records per request. */
export const COLLECTION_SIZE = 200;

export interface WriteOptions {
    sobject: string;
    /** Upsert on this external id field; plain insert when absent. */
    externalIdField?: string;
    /** Field that names a record in failure reports (defaults to the external id field). */
    keyField?: string;
    strategy: WriteStrategy;
    /** Progress bar target; none when absent. */
    output?: Output;
    /** Where notices and heartbeat lines go (defaults to `output`). */
    log?: Output;
    /** Parallel requests for `single` (default 8). */
    concurrency?: number;
    /** Bulk job polling (defaults 2 s / 10 min). */
    bulkPollIntervalMs?: number;
    bulkTimeoutMs?: number;
    /** Wait between Bulk polls (tests and the benchmark may count it instead of sleeping). */
    sleep?: (ms: number) => Promise<void>;
}

/** A Bulk API 2.0 job that did not finish within the wait: it keeps running in the org (sf's exit code 69). */
export class BulkJobStillRunningError extends UserError {
    constructor(message: string, hint: string) {
        super(message, { hint, exitCode: 69 });
        this.name = 'BulkJobStillRunningError';
    }
}

export interface RecordFailure {
    key: string;
    message: string;
}

export interface WriteResult {
    sobject: string;
    strategy: WriteStrategy;
    total: number;
    succeeded: number;
    /** Known for `single` and `collections` (the API says whether an upsert created); unknown for `bulk`. */
    created?: number;
    updated?: number;
    failures: RecordFailure[];
    /** Record key → Salesforce Id (not returned by the Bulk path). */
    ids: Map<string, string>;
    requests: number;
    elapsedMs: number;
}

interface ApiSaveError {
    statusCode?: string;
    errorCode?: string;
    message?: string;
    fields?: string[];
}

interface ApiSaveResult {
    id?: string;
    success: boolean;
    created?: boolean;
    errors?: ApiSaveError[];
}

function describeErrors(errors: ApiSaveError[] | undefined): string {
    if (!errors || errors.length === 0) {
        return 'unknown error';
    }
    return errors
        .map((e) => {
            const fields = e.fields && e.fields.length > 0 ? ` [${e.fields.join(', ')}]` : '';
            return `${e.statusCode ?? e.errorCode ?? 'ERROR'}: ${e.message ?? ''}${fields}`.trim();
        })
        .join('; ');
}

/** Writes records with the chosen strategy; request-level errors throw, per-record failures are returned. */
export async function writeRecords(
    session: OrgSession,
    records: readonly SeedRecord[],
    options: WriteOptions
): Promise<WriteResult> {
    const started = Date.now();
    const requestsBefore = session.requests.total;
    const keyField = options.keyField ?? options.externalIdField ?? 'Name';
    const result: WriteResult = {
        sobject: options.sobject,
        strategy: options.strategy,
        total: records.length,
        succeeded: 0,
        created: options.strategy === 'bulk' ? undefined : 0,
        updated: options.strategy === 'bulk' ? undefined : 0,
        failures: [],
        ids: new Map(),
        requests: 0,
        elapsedMs: 0
    };
    const progress = options.output ? new Progress(options.output, options.sobject, records.length) : undefined;
    const doing = `writing ${options.sobject} records`;
    try {
        if (records.length > 0) {
            if (options.strategy === 'bulk') {
                await writeBulk(session, records, options, keyField, result, progress);
            } else {
                const record = (r: SeedRecord, saved: ApiSaveResult): void => {
                    const key = String(r[keyField] ?? '');
                    if (saved.success) {
                        result.succeeded += 1;
                        if (saved.id) {
                            result.ids.set(key, saved.id);
                        }
                        // an insert, or an upsert that says it created the record
                        if (saved.created === false) {
                            result.updated = (result.updated ?? 0) + 1;
                        } else {
                            result.created = (result.created ?? 0) + 1;
                        }
                    } else {
                        result.failures.push({ key, message: describeErrors(saved.errors) });
                    }
                };
                if (options.strategy === 'collections') {
                    await writeCollections(session, records, options, record, progress);
                } else {
                    await writeSingle(session, records, options, record, progress);
                }
            }
        }
    } catch (error) {
        try {
            explainOrgError(error, session, doing);
        } catch (explained) {
            // a run that stops half way says how far it got, so nobody has to guess what is in the org
            if (explained instanceof UserError && result.succeeded > 0) {
                throw new UserError(
                    `${explained.message} ${result.succeeded} of ${records.length} ${options.sobject} records were saved before that.`,
                    { hint: explained.hint, exitCode: explained.exitCode, name: explained.name, cause: error }
                );
            }
            throw explained;
        }
    }
    result.requests = session.requests.total - requestsBefore;
    result.elapsedMs = Date.now() - started;
    progress?.finish(result.failures.length > 0 ? `${result.failures.length} failed` : '');
    return result;
}

/**
 * Creates the records, or upserts them on the external id when one is configured, past duplicate rules that only
 * alert (the demo data is duplicate-like on purpose). One record or a collection of up to 200.
 */
async function save(
    session: OrgSession,
    options: WriteOptions,
    payload: SeedRecord | SeedRecord[],
    extra: { allOrNone?: boolean }
): Promise<unknown> {
    const callOptions = { ...extra, headers: DUPLICATE_RULE_HEADER };
    const records = payload as Parameters<OrgSession['conn']['create']>[1];
    return options.externalIdField
        ? session.conn.upsert(options.sobject, records, options.externalIdField, callOptions)
        : session.conn.create(options.sobject, records, callOptions);
}

async function writeCollections(
    session: OrgSession,
    records: readonly SeedRecord[],
    options: WriteOptions,
    onResult: (record: SeedRecord, saved: ApiSaveResult) => void,
    progress: Progress | undefined
): Promise<void> {
    for (let i = 0; i < records.length; i += COLLECTION_SIZE) {
        const chunk = records.slice(i, i + COLLECTION_SIZE);
        const saved = (await save(session, options, [...chunk], { allOrNone: false })) as ApiSaveResult[];
        chunk.forEach((r, j) =>
            onResult(r, saved[j] ?? { success: false, errors: [{ message: 'no result returned' }] })
        );
        progress?.update(i + chunk.length);
    }
}

async function writeSingle(
    session: OrgSession,
    records: readonly SeedRecord[],
    options: WriteOptions,
    onResult: (record: SeedRecord, saved: ApiSaveResult) => void,
    progress: Progress | undefined
): Promise<void> {
    let next = 0;
    let done = 0;
    // after a fatal error (session, network, rate limit after retries) no worker takes another record
    let stopped = false;
    const worker = async (): Promise<void> => {
        while (next < records.length && !stopped) {
            const r = records[next++];
            let saved: ApiSaveResult;
            try {
                saved = (await save(session, options, { ...r }, {})) as ApiSaveResult;
            } catch (error) {
                const e = error as { errorCode?: string; message?: string };
                // a per-record validation error: report it and carry on; session/network errors stop the run
                if (!e.errorCode || e.errorCode === 'INVALID_SESSION_ID' || /^ERROR_HTTP_/.test(e.errorCode)) {
                    stopped = true;
                    throw error;
                }
                saved = { success: false, errors: [{ statusCode: e.errorCode, message: e.message }] };
            }
            onResult(r, saved);
            progress?.update(++done);
        }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, records.length) }, () => worker()));
}

async function writeBulk(
    session: OrgSession,
    records: readonly SeedRecord[],
    options: WriteOptions,
    keyField: string,
    result: WriteResult,
    progress: Progress | undefined
): Promise<void> {
    const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
    const csv = toCsv(columns, records as ReadonlyArray<Record<string, CsvValue>>);
    for (let attempt = 1; ; attempt++) {
        try {
            return await runBulkJob(session, records, csv, options, keyField, result, progress);
        } catch (error) {
            // The upload's connection dropped: the job may or may not hold the data, so it is aborted and the same
            // file goes into a new job (an upsert on the external id, so records are never created twice). Once.
            if (error instanceof UploadLostError && attempt < 2) {
                (options.log ?? options.output)?.out(
                    `  ${options.sobject}: upload to Bulk job ${error.jobId} was interrupted; starting a new job`
                );
                continue;
            }
            throw error instanceof UploadLostError ? error.cause : error;
        }
    }
}

class UploadLostError extends Error {
    constructor(
        readonly jobId: string,
        cause: unknown
    ) {
        super(`upload to ${jobId} lost`, { cause });
    }
}

async function runBulkJob(
    session: OrgSession,
    records: readonly SeedRecord[],
    csv: string,
    options: WriteOptions,
    keyField: string,
    result: WriteResult,
    progress: Progress | undefined
): Promise<void> {
    const operation = options.externalIdField ? 'upsert' : 'insert';
    const wait = options.sleep ?? sleep;
    const job = session.conn.bulk2.createJob({
        object: options.sobject,
        operation,
        ...(options.externalIdField ? { externalIdFieldName: options.externalIdField } : {}),
        lineEnding: 'LF',
        columnDelimiter: 'COMMA'
    });
    // jsforce re-emits job errors as 'error' events; they are thrown to us as well, so only keep them quiet here
    job.on('error', () => undefined);
    await job.open();
    // Not job.uploadData(): jsforce pipes the CSV into the request stream, and its retry resends that consumed
    // stream — an empty body, so the job "completes" with 0 records. A string body is resent whole on every attempt.
    try {
        await session.conn.request({
            method: 'PUT',
            url: `/services/data/v${API_VERSION}/jobs/ingest/${job.id}/batches`,
            body: csv,
            headers: { 'Content-Type': 'text/csv' }
        });
    } catch (error) {
        if (networkErrorCode(error)) {
            await job.abort().catch(() => undefined);
            throw new UploadLostError(job.id ?? '?', error);
        }
        throw error;
    }
    await job.close();
    // Wait before each poll (a job that was just closed is never done yet), backing off: interval, 2×, 4× … capped
    // at 15 s. A job of a few thousand rows finishes within a handful of polls, which keeps the whole load near 5–10
    // API requests. A heartbeat line every 10 s keeps CI logs alive while waiting.
    let interval = options.bulkPollIntervalMs ?? 2000;
    const deadline = Date.now() + (options.bulkTimeoutMs ?? 10 * 60 * 1000);
    const log = options.log ?? options.output;
    const beat = log ? heartbeat(log, () => `  ${options.sobject}: Bulk job ${job.id} still processing…`) : undefined;
    try {
        for (;;) {
            await wait(interval);
            interval = Math.min(interval * 2, 15_000);
            const info = await job.check();
            progress?.update(info.numberRecordsProcessed ?? 0);
            if (info.state === 'JobComplete') {
                await collectBulkResults(
                    job,
                    info,
                    records.map((r) => String(r[keyField] ?? '')),
                    keyField,
                    result
                );
                return;
            }
            if (info.state === 'Failed' || info.state === 'Aborted') {
                throw new UserError(
                    `Bulk API 2.0 job ${job.id} (${operation} ${options.sobject}, ${records.length} records) ${info.state.toLowerCase()}: ${info.errorMessage ?? 'no reason given'}.`,
                    {
                        hint: `Details: Setup → Bulk Data Load Jobs → ${job.id}. Re-running is safe: records are upserted on their seed key.`
                    }
                );
            }
            if (Date.now() > deadline) {
                throw new BulkJobStillRunningError(
                    `Bulk API 2.0 job ${job.id} is still ${info.state} after the timeout.`,
                    `It keeps running in the org: watch Setup → Bulk Data Load Jobs → ${job.id}, then re-run to verify.`
                );
            }
        }
    } finally {
        beat?.stop();
    }
}

type IngestJob = ReturnType<OrgSession['conn']['bulk2']['createJob']>;

/**
 * Fills in the counts of a finished job so that they add up: saved (processed − failed) + every failed row +
 * every unprocessed row = the records sent. Anything the job does not account for is listed as well.
 */
async function collectBulkResults(
    job: IngestJob,
    info: { numberRecordsProcessed?: number; numberRecordsFailed?: number },
    keys: readonly string[],
    keyField: string,
    result: WriteResult
): Promise<void> {
    const sent = keys.length;
    const processed = info.numberRecordsProcessed ?? 0;
    const failed = info.numberRecordsFailed ?? 0;
    result.succeeded = processed - failed;
    if (failed > 0) {
        const rows = (await job.getFailedResults()) as unknown as Array<Record<string, string>>;
        for (const row of rows) {
            result.failures.push({
                key: row[keyField] ?? row.sf__Id ?? '?',
                message: row.sf__Error ?? 'unknown error'
            });
        }
    }
    if (processed < sent) {
        const rows = (await job.getUnprocessedRecords()) as unknown as Array<Record<string, string>>;
        for (const row of rows) {
            result.failures.push({ key: row[keyField] ?? '?', message: `not processed by Bulk job ${job.id}` });
        }
    }
    if (result.succeeded + result.failures.length < sent) {
        // the job's figures do not cover every row sent (e.g. an upload that arrived short): name the rows it lost
        const saved = (await job.getSuccessfulResults()) as unknown as Array<Record<string, string>>;
        const known = new Set([...saved.map((r) => r[keyField]), ...result.failures.map((f) => f.key)]);
        for (const key of keys) {
            if (!known.has(key)) {
                result.failures.push({
                    key,
                    message: `not in the results of Bulk job ${job.id} (${processed} processed of ${sent} sent)`
                });
            }
        }
    }
}
