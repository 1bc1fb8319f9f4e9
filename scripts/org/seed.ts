/**
 * `npm run org:seed -- --target-org <alias> [--count N]`: upserts the demo data set (Accounts, Contacts,
 * Opportunities that exercise every duplicate-check path) and, with --count, volume data for performance checks.
 * Every record is upserted on Seed_Key__c, so re-running updates the same records and creates nothing new.
 */
import {
    isMain,
    JSON_FLAG,
    parseCommandLine,
    processOutput,
    runMain,
    type CommandSpec,
    type Output
} from '../lib/cli.ts';
import { UserError } from '../lib/errors.ts';
import { connectOrg, refuseProduction, type OrgSession, type SessionOptions } from '../lib/org.ts';
import { formatCount } from '../lib/progress.ts';
import {
    writeRecords,
    type RecordFailure,
    type SeedRecord,
    type WriteResult,
    type WriteStrategy
} from '../lib/record-writer.ts';
import {
    SEED_ACCOUNTS,
    SEED_CONTACTS,
    seedOpportunities,
    volumeAccounts,
    volumeContacts,
    type SeedChild
} from './seed-data.ts';
import { seedZuora360 } from './seed-zuora360.ts';

export const SEED_KEY = 'Seed_Key__c';
/** Placeholder column that carries a volume Contact's Account key until the Account Id is known. */
const ACCOUNT_KEY = '__accountKey';
export const DEFAULT_BULK_THRESHOLD = 2000;

export const seedCommand = {
    usage: 'npm run org:seed --',
    summary:
        'Upserts demo Accounts, Contacts and Opportunities (one per duplicate-check path) on Seed_Key__c, and Zuora 360 billing records where Zuora 360 is installed; re-running creates no duplicates.',
    options: {
        targetOrg: {
            type: 'string',
            char: 'o',
            valueName: 'alias',
            description: 'Org alias or username (default: the CLI default org, `npx sf config get target-org`).'
        },
        count: {
            type: 'integer',
            valueName: 'N',
            min: 1,
            max: 50000,
            description: 'Also upsert N volume Accounts with one Contact each (performance checks).'
        },
        api: {
            type: 'choice',
            choices: ['auto', 'collections', 'bulk'],
            default: 'auto',
            description: 'API for volume data: auto = sObject Collections below --bulk-threshold, Bulk API 2.0 from it.'
        },
        bulkThreshold: {
            type: 'integer',
            valueName: 'N',
            min: 1,
            max: 1_000_000,
            default: DEFAULT_BULK_THRESHOLD,
            description: 'Records per object from which --api auto switches to Bulk API 2.0.'
        },
        json: JSON_FLAG
    },
    examples: [
        'npm run org:seed -- --target-org zuora-link',
        'npm run org:seed -- --target-org zuora-link --count 5000   # 5,000 Accounts + 5,000 Contacts via Bulk API 2.0'
    ]
} as const satisfies CommandSpec;

export interface SeedOptions {
    count?: number;
    /** `single` (one request per record) only for the benchmark's baseline. */
    api?: 'auto' | WriteStrategy;
    /** Skip the demo data set (the benchmark seeds only volume data). */
    volumeOnly?: boolean;
    bulkThreshold?: number;
    bulkPollIntervalMs?: number;
    /** Parallel requests of the `single` strategy. */
    concurrency?: number;
    today?: Date;
}

export interface SeedSummary {
    results: WriteResult[];
    /** Seed key → Account Id for the demo data set. */
    accountIds: Map<string, string>;
    failed: number;
    written: number;
    requests: number;
    elapsedMs: number;
}

/** The API used for `records` volume records under the given options. */
export function chooseStrategy(records: number, options: Pick<SeedOptions, 'api' | 'bulkThreshold'>): WriteStrategy {
    const api = options.api ?? 'auto';
    if (api !== 'auto') {
        return api;
    }
    return records >= (options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD) ? 'bulk' : 'collections';
}

function withAccount(
    children: readonly SeedChild[],
    accountIds: Map<string, string>
): { ready: SeedRecord[]; skipped: RecordFailure[] } {
    const ready: SeedRecord[] = [];
    const skipped: RecordFailure[] = [];
    for (const child of children) {
        const accountId = accountIds.get(child.accountKey);
        if (accountId) {
            ready.push({ ...child.fields, [SEED_KEY]: child.key, AccountId: accountId });
        } else {
            skipped.push({ key: child.key, message: `skipped: its Account ${child.accountKey} was not saved` });
        }
    }
    return { ready, skipped };
}

/** Seeds the demo data (and volume data when `count` is set) into an open session. */
export async function seedOrg(session: OrgSession, output: Output, options: SeedOptions = {}): Promise<SeedSummary> {
    const started = Date.now();
    const requestsBefore = session.requests.total;
    const results: WriteResult[] = [];
    const upsert: Upsert = async (sobject, records, strategy, skipped = []) => {
        let result: WriteResult;
        try {
            result = await writeRecords(session, records, {
                sobject,
                externalIdField: SEED_KEY,
                strategy,
                output: records.length > 200 ? output : undefined,
                log: output,
                bulkPollIntervalMs: options.bulkPollIntervalMs,
                concurrency: options.concurrency
            });
        } catch (error) {
            throw withSeedKeyHint(error, session.alias);
        }
        // sent = saved + failed for every object: children held back because their parent failed count as sent
        result.failures.push(...skipped);
        result.total += skipped.length;
        results.push(result);
        output.out(`  ${describeResult(result)}`);
        return result;
    };

    let accountIds = new Map<string, string>();
    if (!options.volumeOnly) {
        output.out('Demo data (upsert on Seed_Key__c, sObject Collections):');
        const accounts = await upsert(
            'Account',
            SEED_ACCOUNTS.map((a) => ({ ...a.fields, [SEED_KEY]: a.key, Description: `Seed data: ${a.scenario}.` })),
            'collections'
        );
        accountIds = accounts.ids;
        const contacts = withAccount(SEED_CONTACTS, accounts.ids);
        await upsert('Contact', contacts.ready, 'collections', contacts.skipped);
        const opportunities = withAccount(seedOpportunities(options.today ?? new Date()), accounts.ids);
        await upsert('Opportunity', opportunities.ready, 'collections', opportunities.skipped);
    }

    if (options.count) {
        await seedVolume(upsert, output, options.count, chooseStrategy(options.count, options));
    }

    const written = results.reduce((n, r) => n + r.succeeded, 0);
    const failed = results.reduce((n, r) => n + r.failures.length, 0);
    return {
        results,
        accountIds,
        failed,
        written,
        requests: session.requests.total - requestsBefore,
        elapsedMs: Date.now() - started
    };
}

type Upsert = (
    sobject: string,
    records: SeedRecord[],
    strategy: WriteStrategy,
    skipped?: RecordFailure[]
) => Promise<WriteResult>;

/** The volume data: `count` Accounts, then one Contact each (children of refused Accounts are listed, not sent). */
async function seedVolume(upsert: Upsert, output: Output, count: number, strategy: WriteStrategy): Promise<void> {
    const api = { bulk: 'Bulk API 2.0', collections: 'sObject Collections', single: 'single-record REST' }[strategy];
    output.out(`Volume data: ${formatCount(count)} Accounts + ${formatCount(count)} Contacts via ${api}:`);
    const volume = await upsert('Account', volumeAccounts(count), strategy);
    if (strategy === 'bulk') {
        // the job resolves each Contact's Account by its seed key; a Contact whose Account failed fails in the
        // job and comes back in its failed results
        await upsert(
            'Contact',
            volumeContacts(count, (key) => ({ 'Account.Seed_Key__c': key })),
            strategy
        );
    } else {
        const children = volumeContacts(count, (key) => ({ [ACCOUNT_KEY]: key })).map((c) => {
            const { [ACCOUNT_KEY]: accountKey, ...fields } = c;
            return { key: String(c.Seed_Key__c), accountKey: String(accountKey), fields };
        });
        const contacts = withAccount(children, volume.ids);
        await upsert('Contact', contacts.ready, strategy, contacts.skipped);
    }
}

/** Adds the likely fix when the org does not know Seed_Key__c (force-app not deployed, or no field access). */
function withSeedKeyHint(error: unknown, alias: string): unknown {
    if (error instanceof UserError && !error.hint && /Seed_Key__c|INVALID_FIELD|NOT_FOUND/.test(error.message)) {
        return new UserError(error.message, {
            hint: `Seed_Key__c must be deployed and editable: run \`npm run org:setup -- --target-org ${alias}\` (deploys force-app and assigns Zuora_Account_Link_Admin).`,
            cause: error
        });
    }
    return error;
}

/** "Account: 12 upserted (0 new, 12 updated), 1 request, 0.1 s". */
export function describeResult(r: WriteResult): string {
    const split =
        r.created === undefined ? '' : ` (${formatCount(r.created)} new, ${formatCount(r.updated ?? 0)} updated)`;
    const failed = r.failures.length > 0 ? `, ${formatCount(r.failures.length)} FAILED` : '';
    const api =
        r.strategy === 'bulk'
            ? 'Bulk API 2.0'
            : r.strategy === 'collections'
              ? 'sObject Collections'
              : 'single-record REST';
    return `${r.sobject}: ${formatCount(r.succeeded)} upserted${split}${failed} — ${api}, ${r.requests} request${r.requests === 1 ? '' : 's'}, ${(r.elapsedMs / 1000).toFixed(1)} s`;
}

/** Prints the totals and the failures (at most 20); returns the exit code (1 when any record failed). */
export function reportSeed(summary: SeedSummary, output: Output): number {
    const seconds = Math.max(summary.elapsedMs / 1000, 0.001);
    output.out(
        `Seeded ${formatCount(summary.written)} records in ${seconds.toFixed(1)} s (${formatCount(Math.round(summary.written / seconds))} records/s) using ${summary.requests} API requests.`
    );
    if (summary.failed === 0) {
        return 0;
    }
    const failures = summary.results.flatMap((r) => r.failures.map((f) => ({ sobject: r.sobject, ...f })));
    output.err(`${formatCount(summary.failed)} records were not saved (the others were):`);
    for (const f of failures.slice(0, 20)) {
        output.err(`  ${f.sobject} ${f.key}: ${f.message}`);
    }
    if (failures.length > 20) {
        output.err(`  … and ${formatCount(failures.length - 20)} more`);
    }
    output.err('Fix the cause and re-run: records are upserted on Seed_Key__c, so nothing is created twice.');
    return 1;
}

export interface SeedDependencies {
    output: Output;
    /** Opens the org (tests pass a faster retry policy). */
    connect?: (targetOrg: string | undefined) => Promise<OrgSession>;
    retry?: SessionOptions['retry'];
    bulkPollIntervalMs?: number;
}

/** The per-object figures for --json and the closing lines: sent = saved + failed, with every failure named. */
export function seedResult(summary: SeedSummary): unknown {
    return {
        saved: summary.written,
        failed: summary.failed,
        requests: summary.requests,
        objects: summary.results.map((r) => ({
            sobject: r.sobject,
            api: r.strategy,
            sent: r.total,
            saved: r.succeeded,
            failed: r.failures.length,
            created: r.created,
            updated: r.updated,
            requests: r.requests,
            failures: r.failures
        }))
    };
}

/** Entry point behind `npm run org:seed`; returns the exit code. */
export async function runSeedCommand(argv: readonly string[], deps: SeedDependencies): Promise<number> {
    const parsed = parseCommandLine(seedCommand, argv);
    if (parsed.help) {
        deps.output.out(parsed.text);
        return 0;
    }
    const { options } = parsed;
    const connect = deps.connect ?? ((target) => connectOrg(target, { retry: deps.retry }));
    const session = await connect(options.targetOrg);
    const kind = await refuseProduction(session);
    deps.output.out(`Seeding ${session.username || session.alias} (${kind} org, ${session.instanceUrl})`);
    const summary = await seedOrg(session, deps.output, {
        count: options.count,
        api: options.api,
        bulkThreshold: options.bulkThreshold,
        bulkPollIntervalMs: deps.bulkPollIntervalMs
    });
    deps.output.out('Zuora 360 records (billing health and renewal demo; only where Zuora 360 is installed):');
    const zuora360 = await seedZuora360(session, deps.output, summary.accountIds);
    const failed = summary.failed + zuora360.notSaved;
    const code = Math.max(reportSeed(summary, deps.output), failed > 0 ? 1 : 0);
    deps.output.outcome = {
        result: seedResult(summary),
        ...(code === 0
            ? {}
            : {
                  failure: {
                      name: 'RecordsNotSavedError',
                      message: `${failed} records were not saved (the others were); re-running is safe.`
                  }
              })
    };
    return code;
}

if (isMain(import.meta.url)) {
    const output = processOutput({ json: process.argv.includes('--json') });
    await runMain(() => runSeedCommand(process.argv.slice(2), { output }), output);
}
