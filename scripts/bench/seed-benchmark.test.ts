import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryOutput } from '../lib/cli.ts';
import { connectWithToken } from '../lib/org.ts';
import { writeRecords } from '../lib/record-writer.ts';
import { FAKE_ACCESS_TOKEN, startFakeSalesforce } from '../fake/salesforce.ts';
import { volumeAccounts } from '../org/seed-data.ts';
import { benchStrategy, benchTable, runBenchCommand } from './seed-benchmark.ts';

const fast = { concurrency: 8, bulkRowsPerSecond: 1_000_000, bulkPollMs: 1 };

test('requests the fake received per strategy, Accounts and Contacts (not a timing test)', async () => {
    const single = await benchStrategy('single', { ...fast, count: 40 });
    const collections = await benchStrategy('collections', { ...fast, count: 300 });
    const bulk = await benchStrategy('bulk', { ...fast, count: 300 });

    assert.equal(single.received, 40 + 40);
    assert.equal(collections.received, 2 + 2);
    assert.equal(bulk.received, 2 * 4, 'per job: create, upload, close, one poll');
    assert.equal(bulk.saved, 600);
    const table = benchTable([single, collections, bulk]);
    assert.match(table, /\| Per-record REST \(PATCH \/sobjects\/T\/Seed_Key__c\/key\) \| 80 \| 80 \|/);
    assert.match(table, /\| Bulk API 2\.0 \(one job per object\) \| 600 \| 8 \|/);
});

test('Bulk jobs are polled on the writer schedule while the fake is still processing', async () => {
    // 300 rows at 1,000 rows/s = 0.3 s of simulated processing per job; polls after 50 ms, then +100, +200 …
    const bulk = await benchStrategy('bulk', { ...fast, count: 300, bulkRowsPerSecond: 1000, bulkPollMs: 50 });
    assert.equal(bulk.received, 2 * 3 + bulk.polls.length, 'create, upload, close per job, plus every poll');
    const jobs = new Set(bulk.polls.map((c) => c.path));
    assert.equal(jobs.size, 2);
    for (const job of jobs) {
        const jobPolls = bulk.polls.filter((c) => c.path === job);
        assert.ok(jobPolls.length >= 3, 'InProgress at least twice, then JobComplete');
        for (let i = 1; i < jobPolls.length; i++) {
            const gap = jobPolls[i].at - jobPolls[i - 1].at;
            assert.ok(gap >= 50 * 2 ** i - 5, `poll ${i + 1} came ${gap} ms after poll ${i}: the back-off doubles`);
        }
    }
});

test('per-record workers stop after a fatal error', async () => {
    const fake = await startFakeSalesforce();
    try {
        const session = connectWithToken(fake.url, FAKE_ACCESS_TOKEN, { retry: { maxRetries: 0 } });
        let writes = 0;
        fake.failRequests({
            status: 401,
            body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }],
            match: (c) => c.method === 'PATCH' && ++writes > 20
        });
        const before = fake.received;
        await assert.rejects(
            writeRecords(session, volumeAccounts(500), {
                sobject: 'Account',
                externalIdField: 'Seed_Key__c',
                strategy: 'single',
                concurrency: 8
            }),
            /refused the session/
        );
        const sent = fake.received - before;
        assert.ok(sent <= 20 + 8, `workers kept writing after the 401: ${sent} requests`);
    } finally {
        await fake.stop();
    }
});

test('the command prints the three strategies side by side', async () => {
    const output = memoryOutput();
    const code = await runBenchCommand(
        ['--count', '30', '--bulk-poll-ms', '1', '--bulk-rows-per-second', '100000'],
        output
    );
    assert.equal(code, 0);
    assert.match(output.text(), /Per-record REST.*\n.*sObject Collections.*\n.*Bulk API 2\.0/);
});
