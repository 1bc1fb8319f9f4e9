import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryOutput } from '../lib/cli.ts';
import { connectWithToken } from '../lib/org.ts';
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
    return connectWithToken(fake.url, FAKE_ACCESS_TOKEN, { alias: 'dev', username: 'a@zal.test' });
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
        const outcome = await seedZuora360(session(), output, ACCOUNTS, TODAY);
        assert.deepEqual(outcome, { results: [], skipped: [], notSaved: 0 });
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
        const { results, notSaved } = await seedZuora360(session(), output, ACCOUNTS, TODAY);
        assert.equal(notSaved, 0);
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

    test('a refused billing account is listed, and its subscriptions and invoices are listed as skipped, not sent', async () => {
        fake.addRecord(
            'InstalledSubscriberPackage',
            { SubscriberPackage: { NamespacePrefix: 'Zuora', Name: 'Zuora 360' } },
            { tooling: true }
        );
        fake.rejectRecords((sobject, r) =>
            sobject === 'Zuora__CustomerAccount__c' && r.Zuora__External_Id__c === 'zal-seed-ba-ZAL-ACC-GLOBEX'
                ? 'Currency is not enabled'
                : undefined
        );
        const output = memoryOutput();
        const { results, skipped, notSaved } = await seedZuora360(session(), output, ACCOUNTS, TODAY);
        assert.deepEqual(
            results.map((r) => [r.total, r.succeeded, r.failures.length]),
            [
                [2, 1, 1],
                [2, 2, 0],
                [2, 2, 0]
            ],
            'the Globex children are never sent'
        );
        assert.equal(skipped.length, 4, '2 subscriptions + 2 invoices of the refused billing account');
        assert.equal(notSaved, 5, 'sent = saved + not saved: 10 = 5 + 5');
        assert.match(output.text(), /Zuora__CustomerAccount__c zal-seed-ba-ZAL-ACC-GLOBEX: .*Currency is not enabled/);
        assert.match(output.text(), /Zuora__ZInvoice__c zal-seed-inv-ZAL-ACC-GLOBEX-1: skipped: billing account/);
        assert.equal(fake.records('Zuora__Subscription__c').length, 2);
    });
});
