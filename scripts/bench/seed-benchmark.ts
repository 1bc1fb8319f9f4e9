/**
 * `npm run bench:seed`: seeds the same N Accounts (default 10,000) into a fresh local Salesforce fake three ways —
 * one REST request per record, sObject Collections (200 per request) and one Bulk API 2.0 job — and prints API
 * requests and wall time for each. The fake answers instantly, so the figures measure the client side and the
 * request count, which is what the org's API limits charge; a real org adds network and processing time.
 */
import { isMain, parseCommandLine, processOutput, runMain, type CommandSpec, type Output } from '../lib/cli.ts';
import { UserError } from '../lib/errors.ts';
import { openSession } from '../lib/org.ts';
import { formatCount } from '../lib/progress.ts';
import { writeRecords, type WriteResult, type WriteStrategy } from '../lib/record-writer.ts';
import { FAKE_ACCESS_TOKEN, startFakeSalesforce } from '../fake/salesforce.ts';
import { volumeAccounts } from '../org/seed-data.ts';

/** The Bulk path must stay within this many requests for 10,000 records. */
export const BULK_REQUEST_BUDGET = 10;

export const benchCommand = {
    usage: 'npm run bench:seed --',
    summary:
        'Compares per-record REST, sObject Collections and Bulk API 2.0 for seeding N Accounts into a local fake org.',
    options: {
        count: {
            type: 'integer',
            valueName: 'N',
            min: 1,
            max: 100_000,
            default: 10_000,
            description: 'Accounts to seed per strategy.'
        },
        concurrency: {
            type: 'integer',
            valueName: 'N',
            min: 1,
            max: 25,
            default: 8,
            description: 'Parallel requests for the per-record strategy.'
        }
    }
} as const satisfies CommandSpec;

export interface BenchRow {
    strategy: WriteStrategy;
    result: WriteResult;
    wallMs: number;
}

/** Runs one strategy against its own fresh fake. */
export async function benchStrategy(
    strategy: WriteStrategy,
    count: number,
    concurrency: number,
    output?: Output,
    bulkPollIntervalMs = 50
): Promise<BenchRow> {
    const fake = await startFakeSalesforce();
    // like a short real job, the Bulk job reports InProgress on the first two polls
    fake.bulkPollsBeforeComplete = 2;
    try {
        const session = openSession({
            alias: 'bench',
            instanceUrl: fake.url,
            accessToken: FAKE_ACCESS_TOKEN,
            username: 'bench@zal.test'
        });
        const records = volumeAccounts(count);
        const started = performance.now();
        const result = await writeRecords(session, records, {
            sobject: 'Account',
            strategy,
            keyField: 'Seed_Key__c',
            concurrency,
            bulkPollIntervalMs,
            output
        });
        const wallMs = performance.now() - started;
        if (fake.records('Account').length !== count || result.failures.length > 0) {
            throw new UserError(
                `${strategy}: expected ${count} Accounts in the fake, found ${fake.records('Account').length}.`
            );
        }
        return { strategy, result, wallMs };
    } finally {
        await fake.stop();
    }
}

const LABEL: Record<WriteStrategy, string> = {
    single: 'Per-record REST (POST /sobjects/Account)',
    collections: 'sObject Collections (200/request)',
    bulk: 'Bulk API 2.0 (one ingest job)'
};

/** Markdown table of the rows (pasted into docs/scripts.md). */
export function benchTable(rows: BenchRow[]): string {
    const lines = [
        '| Strategy | Records | API requests | Wall time | Records/s |',
        '| --- | ---: | ---: | ---: | ---: |'
    ];
    for (const r of rows) {
        const seconds = r.wallMs / 1000;
        lines.push(
            `| ${LABEL[r.strategy]} | ${formatCount(r.result.succeeded)} | ${formatCount(r.result.requests)} | ${seconds.toFixed(2)} s | ${formatCount(Math.round(r.result.succeeded / seconds))} |`
        );
    }
    return lines.join('\n');
}

export async function runBenchCommand(argv: readonly string[], output: Output): Promise<number> {
    const parsed = parseCommandLine(benchCommand, argv);
    if (parsed.help) {
        output.out(parsed.text);
        return 0;
    }
    const { count, concurrency } = parsed.options;
    output.out(
        `Seeding ${formatCount(count)} Accounts into a local Salesforce fake (Node ${process.versions.node}, ${process.platform}/${process.arch}):`
    );
    const rows: BenchRow[] = [];
    for (const strategy of ['single', 'collections', 'bulk'] as const) {
        output.out(`${LABEL[strategy]}:`);
        rows.push(await benchStrategy(strategy, count, concurrency, output));
    }
    output.out('');
    output.out(benchTable(rows));
    const bulk = rows.find((r) => r.strategy === 'bulk');
    const withinBudget = count > 10_000 || (bulk?.result.requests ?? Infinity) <= BULK_REQUEST_BUDGET;
    output.out('');
    output.out(
        `Bulk API 2.0 used ${bulk?.result.requests} requests (budget ≤ ${BULK_REQUEST_BUDGET} for 10,000 records): ${withinBudget ? 'OK' : 'OVER BUDGET'}`
    );
    return withinBudget ? 0 : 1;
}

if (isMain(import.meta.url)) {
    const output = processOutput();
    await runMain(() => runBenchCommand(process.argv.slice(2), output), output);
}
