import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryOutput } from '../lib/cli.ts';
import { openSession } from '../lib/org.ts';
import { FakeSalesforce, FAKE_ACCESS_TOKEN, startFakeSalesforce } from '../fake/salesforce.ts';
import { seedZuora360, zuora360SeedRecords, ZUORA360_ABSENT_NOTICE } from './seed-zuora360.ts';

const TODAY = new Date(Date.UTC(2026, 11, 1));
const ACCOUNTS = new Map([
    ['ZAL-ACC-ACME', '001000000000001AAA'],
    ['ZAL-ACC-GLOBEX', '001000000000002AAA']
]);

let fake: FakeSalesforce;

beforeEach(async () => {
    fake = await startFakeSalesforce();
});

afterEach(async () => {
    await fake.stop();
});

function session() {
    return openSession({ alias: 'dev', instanceUrl: fake.url, accessToken: FAKE_ACCESS_TOKEN, username: 'a@zal.test' });
}

describe('Zuora 360 demo records', () => {
    test('give every demo Account one billing account, a renewal inside the window and an overdue invoice', () => {
        const seed = zuora360SeedRecords(ACCOUNTS, TODAY);
        assert.equal(seed.billingAccounts.length, 2);
        assert.equal(seed.subscriptions.length, 4);
        assert.equal(seed.invoices.length, 4);
        assert.deepEqual(
            seed.billingAccounts.map((b) => b.Zuora__Currency__c),
            ['USD', 'EUR'],
            'two currencies'
        );
        assert.equal(seed.subscriptions[0].Zuora__TermEndDate__c, '2027-01-01', 'ends 31 days after today');
        assert.equal(seed.invoices[0].Zuora__DueDate__c, '2026-11-14', 'overdue by 17 days');
        assert.ok(seed.subscriptions.every((s) => String(s.Zuora__External_Id__c).startsWith('zal-seed-')));
    });

    test('are skipped with one notice when Zuora 360 is not installed', async () => {
        const output = memoryOutput();
        const results = await seedZuora360(session(), output, ACCOUNTS, TODAY);
        assert.deepEqual(results, []);
        assert.match(output.text(), new RegExp(ZUORA360_ABSENT_NOTICE.slice(0, 40)));
        assert.deepEqual(
            fake.calls.map((c) => `${c.method} ${c.path}`),
            ['GET /tooling/query']
        );
    });

    test('are upserted on Zuora__External_Id__c, parents first, when Zuora 360 is installed', async () => {
        fake.addRecord(
            'InstalledSubscriberPackage',
            { SubscriberPackage: { NamespacePrefix: 'Zuora', Name: 'Zuora 360' } },
            { tooling: true }
        );
        const output = memoryOutput();
        const results = await seedZuora360(session(), output, ACCOUNTS, TODAY);
        assert.deepEqual(
            fake.calls.map((c) => `${c.method} ${c.path}`),
            [
                'GET /tooling/query',
                'PATCH /composite/sobjects/Zuora__CustomerAccount__c/Zuora__External_Id__c',
                'PATCH /composite/sobjects/Zuora__Subscription__c/Zuora__External_Id__c',
                'PATCH /composite/sobjects/Zuora__ZInvoice__c/Zuora__External_Id__c'
            ]
        );
        assert.deepEqual(
            results.map((r) => r.succeeded),
            [2, 4, 4]
        );
        const body = fake.calls[2].body as { records: Array<Record<string, unknown>> };
        assert.equal(body.records[0].Zuora__CustomerAccount__c, results[0].ids.get('zal-seed-ba-ZAL-ACC-ACME'));
    });
});
