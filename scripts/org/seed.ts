/**
 * `npm run org:seed -- --target-org <alias> [--count N]`: upserts the demo data set (Accounts, Contacts,
 * Opportunities that exercise every duplicate-check path) and, with --count, volume data for performance checks.
 * Every record is upserted on Seed_Key__c, so re-running updates the same records and creates nothing new.
 */
import { isMain, parseCommandLine, processOutput, runMain, type CommandSpec, type Output } from '../lib/cli.ts';
import { UserError } from '../lib/errors.ts';
import { describeOrg, openSession, refuseProduction, type OrgSession } from '../lib/org.ts';
import { formatCount } from '../lib/progress.ts';
import {
    writeRecords,
    type RecordFailure,
    type SeedRecord,
    type WriteResult,
    type WriteStrategy
} from '../lib/record-writer.ts';
import { processRunner, runSf, type CommandRunner } from '../lib/sf.ts';
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
export const DEFAULT_BULK_THRESHOLD = 2000;

export const seedCommand = {
    usage: 'npm run org:seed --',
    summary:
        'Upserts demo Accounts, Contacts and Opportunities (one per duplicate-check path) on Seed_Key__c, and Zuora 360 billing records where Zuora 360 is installed; re-running creates no duplicates.',
    options: {
        targetOrg: {
            type: 'string',
            valueName: 'alias',
            description: 'Org alias or username (default: the CLI default org).'
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
        }
    },
    examples: [
        'npm run org:seed -- --target-org zuora-link',
        'npm run org:seed -- --target-org zuora-link --count 5000   # 5,000 Accounts + 5,000 Contacts via Bulk API 2.0'
    ]
} as const satisfies CommandSpec;

export interface SeedOptions {
    count?: number;
    api?: 'auto' | 'collections' | 'bulk';
    bulkThreshold?: number;
    bulkPollIntervalMs?: number;
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
    const upsert = async (
        sobject: string,
        records: SeedRecord[],
        strategy: WriteStrategy,
        skipped: RecordFailure[] = []
    ): Promise<WriteResult> => {
        let result: WriteResult;
        try {
            result = await writeRecords(session, records, {
                sobject,
                externalIdField: SEED_KEY,
                strategy,
                output: records.length > 200 ? output : undefined,
                bulkPollIntervalMs: options.bulkPollIntervalMs
            });
        } catch (error) {
            throw withSeedKeyHint(error, session.alias);
        }
        result.failures.push(...skipped);
        results.push(result);
        output.out(`  ${describeResult(result)}`);
        return result;
    };

    output.out('Demo data (upsert on Seed_Key__c, sObject Collections):');
    const accounts = await upsert(
        'Account',
        SEED_ACCOUNTS.map((a) => ({ ...a.fields, [SEED_KEY]: a.key, Description: `Seed data: ${a.scenario}.` })),
        'collections'
    );
    const contacts = withAccount(SEED_CONTACTS, accounts.ids);
    await upsert('Contact', contacts.ready, 'collections', contacts.skipped);
    const opportunities = withAccount(seedOpportunities(options.today ?? new Date()), accounts.ids);
    await upsert('Opportunity', opportunities.ready, 'collections', opportunities.skipped);

    if (options.count) {
        const strategy = chooseStrategy(options.count, options);
        output.out(
            `Volume data: ${formatCount(options.count)} Accounts + ${formatCount(options.count)} Contacts via ${strategy === 'bulk' ? 'Bulk API 2.0' : 'sObject Collections'}:`
        );
        const volume = await upsert('Account', volumeAccounts(options.count), strategy);
        const accountRef =
            strategy === 'bulk'
                ? (key: string): SeedRecord => ({ 'Account.Seed_Key__c': key })
                : (key: string): SeedRecord => ({ AccountId: volume.ids.get(key) ?? null });
        const volumeContactRecords = volumeContacts(options.count, accountRef).filter(
            (c) => strategy === 'bulk' || c.AccountId !== null
        );
        await upsert('Contact', volumeContactRecords, strategy);
    }

    const written = results.reduce((n, r) => n + r.succeeded, 0);
    const failed = results.reduce((n, r) => n + r.failures.length, 0);
    return {
        results,
        accountIds: accounts.ids,
        failed,
        written,
        requests: session.requests.total - requestsBefore,
        elapsedMs: Date.now() - started
    };
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

/** The org to use: --target-org, else the CLI's default org. */
export async function resolveTargetOrg(sf: CommandRunner, targetOrg: string | undefined): Promise<string> {
    if (targetOrg) {
        return targetOrg;
    }
    const config = await runSf<Array<{ value?: string }>>(sf, ['config', 'get', 'target-org']);
    const value = config[0]?.value;
    if (!value) {
        throw new UserError('No org given and no default org set.', {
            hint: 'Pass --target-org <alias>, or set a default: sf config set target-org <alias>'
        });
    }
    return value;
}

export interface SeedDependencies {
    sf: CommandRunner;
    output: Output;
    /** Opens the session (tests may count or wrap it). */
    open?: typeof openSession;
    bulkPollIntervalMs?: number;
}

/** Entry point behind `npm run org:seed`; returns the exit code. */
export async function runSeedCommand(argv: readonly string[], deps: SeedDependencies): Promise<number> {
    const parsed = parseCommandLine(seedCommand, argv);
    if (parsed.help) {
        deps.output.out(parsed.text);
        return 0;
    }
    const { options } = parsed;
    const alias = await resolveTargetOrg(deps.sf, options.targetOrg);
    const info = await describeOrg(deps.sf, alias);
    const session = (deps.open ?? openSession)(info);
    const kind = await refuseProduction(session);
    deps.output.out(`Seeding ${info.username || alias} (${kind} org, ${info.instanceUrl})`);
    const summary = await seedOrg(session, deps.output, {
        count: options.count,
        api: options.api,
        bulkThreshold: options.bulkThreshold,
        bulkPollIntervalMs: deps.bulkPollIntervalMs
    });
    deps.output.out('Zuora 360 records (billing health and renewal demo; only where Zuora 360 is installed):');
    await seedZuora360(session, deps.output, summary.accountIds);
    return reportSeed(summary, deps.output);
}

if (isMain(import.meta.url)) {
    const output = processOutput();
    await runMain(() => runSeedCommand(process.argv.slice(2), { sf: processRunner, output }), output);
}
