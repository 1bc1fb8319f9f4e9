/**
 * `npm run bench:seed`: runs the real volume-seeding path of `org:seed` (N Accounts, then one Contact each, upserted
 * on Seed_Key__c) into a fresh local Salesforce fake three ways — one REST request per record, sObject Collections
 * (200 per request) and Bulk API 2.0 (one job per object) — and prints, side by side, the requests the fake actually
 * received while seeding (retries included) and records/s.
 *
 * Bulk jobs are simulated honestly: the fake keeps a job InProgress for rows ÷ --bulk-rows-per-second of wall time,
 * and the writer polls on its real schedule (first after 2 s, then doubling, capped at 15 s), so the figures include the wait a
 * real org imposes. The REST paths hit a fake that answers instantly: their figures measure the client side and the
 * request count (what the org's API limits charge); a real org adds network latency and processing time per request.
 */
import { isMain, parseCommandLine, processOutput, runMain, type CommandSpec, type Output } from '../lib/cli.ts';
import { UserError } from '../lib/errors.ts';
import { connectWithToken } from '../lib/org.ts';
import { formatCount } from '../lib/progress.ts';
import type { WriteStrategy } from '../lib/record-writer.ts';
import { FAKE_ACCESS_TOKEN, startFakeSalesforce, type RecordedCall } from '../fake/salesforce.ts';
import { seedOrg, type SeedSummary } from '../org/seed.ts';

export const benchCommand = {
    usage: 'npm run bench:seed --',
    summary:
        'Compares per-record REST, sObject Collections and Bulk API 2.0 on the real seeding path (N Accounts + N Contacts) against a local fake org.',
    options: {
        count: {
            type: 'integer',
            valueName: 'N',
            min: 1,
            max: 50_000,
            default: 10_000,
            description: 'Accounts (and as many Contacts) per strategy.'
        },
        concurrency: {
            type: 'integer',
            valueName: 'N',
            min: 1,
            max: 25,
            default: 8,
            description: 'Parallel requests for the per-record strategy.'
        },
        bulkRowsPerSecond: {
            type: 'integer',
            valueName: 'N',
            min: 1,
            max: 1_000_000,
            default: 2000,
            description: 'Simulated Bulk API 2.0 processing speed of the fake org (rows per second).'
        },
        bulkPollMs: {
            type: 'integer',
            valueName: 'ms',
            min: 1,
            max: 60_000,
            default: 2000,
            description: "First Bulk poll interval (the script's real default)."
        }
    }
} as const satisfies CommandSpec;

export interface BenchRow {
    strategy: WriteStrategy;
    summary: SeedSummary;
    /** Requests the fake received while seeding (server side, retries included). */
    received: number;
    wallMs: number;
    saved: number;
    /** The Bulk job status polls the fake received, in order (with their arrival times). */
    polls: RecordedCall[];
}

export interface BenchOptions {
    count: number;
    concurrency: number;
    bulkRowsPerSecond: number;
    bulkPollMs: number;
    output?: Output;
}

/** Runs one strategy against its own fresh fake and checks that every record arrived exactly once. */
export async function benchStrategy(strategy: WriteStrategy, options: BenchOptions): Promise<BenchRow> {
    const fake = await startFakeSalesforce();
    fake.bulkRowsPerSecond = options.bulkRowsPerSecond;
    try {
        const session = connectWithToken(fake.url, FAKE_ACCESS_TOKEN, { alias: 'bench' });
        // from here on: only the seeding path (the session's login check above is not part of any strategy)
        const before = fake.received;
        const started = performance.now();
        const quiet: Output = { out: () => undefined, err: () => undefined, status: () => undefined };
        const summary = await seedOrg(session, options.output ?? quiet, {
            count: options.count,
            api: strategy,
            volumeOnly: true,
            concurrency: options.concurrency,
            bulkPollIntervalMs: options.bulkPollMs
        });
        const wallMs = performance.now() - started;
        const accounts = fake.records('Account').length;
        const contacts = fake.records('Contact').filter((c) => typeof c.AccountId === 'string').length;
        if (accounts !== options.count || contacts !== options.count || summary.failed > 0) {
            throw new UserError(
                `${strategy}: expected ${options.count} Accounts and Contacts in the fake, found ${accounts} and ${contacts} (${summary.failed} failed).`
            );
        }
        const polls = fake.calls.filter((c) => c.method === 'GET' && /^\/jobs\/ingest\/\w+$/.test(c.path));
        return { strategy, summary, received: fake.received - before, wallMs, saved: summary.written, polls };
    } finally {
        await fake.stop();
    }
}

const LABEL: Record<WriteStrategy, string> = {
    single: 'Per-record REST (PATCH /sobjects/T/Seed_Key__c/key)',
    collections: 'sObject Collections (200/request)',
    bulk: 'Bulk API 2.0 (one job per object)'
};

/** Markdown table of the rows (pasted into docs/scripts.md). */
export function benchTable(rows: BenchRow[]): string {
    const lines = [
        '| Strategy | Records saved | Requests received | Wall time | Records/s |',
        '| --- | ---: | ---: | ---: | ---: |'
    ];
    for (const r of rows) {
        const seconds = r.wallMs / 1000;
        lines.push(
            `| ${LABEL[r.strategy]} | ${formatCount(r.saved)} | ${formatCount(r.received)} | ${seconds.toFixed(2)} s | ${formatCount(Math.round(r.saved / seconds))} |`
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
    const options = parsed.options;
    output.out(
        `Seeding ${formatCount(options.count)} Accounts + ${formatCount(options.count)} Contacts into a local Salesforce fake (Node ${process.versions.node}, ${process.platform}/${process.arch}; Bulk simulated at ${formatCount(options.bulkRowsPerSecond)} rows/s, first poll after ${options.bulkPollMs} ms):`
    );
    const rows: BenchRow[] = [];
    for (const strategy of ['single', 'collections', 'bulk'] as const) {
        output.out(`${LABEL[strategy]}…`);
        rows.push(await benchStrategy(strategy, { ...options, output }));
    }
    output.out('');
    output.out(benchTable(rows));
    return 0;
}

if (isMain(import.meta.url)) {
    const output = processOutput();
    await runMain(() => runBenchCommand(process.argv.slice(2), output), output);
}
