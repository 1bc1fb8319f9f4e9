/**
 * Fault tests on the local fakes: each injects a failure the real services produce (429 with Retry-After, a
 * connection dropped after the write was committed, 503 then success, a server that never answers, a refused
 * parent) and asserts the exact server-side state after the run and after a re-run — nothing lost, nothing
 * duplicated, nothing unreported, no hang.
 */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, memoryOutput } from '../lib/cli.ts';
import { UserError } from '../lib/errors.ts';
import { connectWithToken } from '../lib/org.ts';
import { writeRecords } from '../lib/record-writer.ts';
import { retryAfterMs } from '../lib/http.ts';
import { ZuoraClient } from '../lib/zuora-client.ts';
import { FakeSalesforce, FAKE_ACCESS_TOKEN, type RecordedCall } from '../fake/salesforce.ts';
import { FakeSfCli, startLoggedInFake } from '../fake/sf-cli.ts';
import { deployedPermissionSets } from '../fake/serve.ts';
import { SEED_ACCOUNTS, SEED_CONTACTS } from './seed-data.ts';
import { runSeedCommand } from './seed.ts';
import { runSetupCommand } from './setup.ts';
import { fetchCatalog } from './catalog.ts';

let fake: FakeSalesforce;
const waits: number[] = [];
const retry = { sleep: async (ms: number) => void waits.push(ms), timeoutMs: 1500 };

beforeEach(async () => {
    fake = await startLoggedInFake('dev');
    waits.length = 0;
});

afterEach(async () => {
    await fake.stop();
});

async function seed(args: string[], options: { json?: boolean } = {}) {
    const output = memoryOutput(options);
    const code = await execute(() => runSeedCommand(args, { output, bulkPollIntervalMs: 1, retry }), output);
    return { code, output };
}

const keysOf = (sobject: string): string[] =>
    fake
        .records(sobject)
        .map((r) => String(r.Seed_Key__c))
        .sort();
const idsOf = (sobject: string): string[] => fake.records(sobject).map((r) => r.Id);
const isAccountUpsert = (c: RecordedCall): boolean =>
    c.method === 'PATCH' && c.path === '/composite/sobjects/Account/Seed_Key__c';

describe('Retry-After and bounded retries', () => {
    test('Retry-After as seconds or as an HTTP date', () => {
        const now = Date.parse('2026-12-01T08:00:00Z');
        assert.equal(retryAfterMs('3', now), 3000);
        assert.equal(retryAfterMs('Tue, 01 Dec 2026 08:00:05 GMT', now), 5000);
        assert.equal(retryAfterMs('Tue, 01 Dec 2026 07:59:00 GMT', now), 0);
        assert.equal(retryAfterMs('soon', now), undefined);
        assert.equal(retryAfterMs(undefined, now), undefined);
    });

    test('429 + Retry-After on a Collections upsert: waits as told, resends the same body, nothing lost or doubled', async () => {
        fake.failRequests({
            status: 429,
            headers: { 'Retry-After': '2' },
            body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'ConcurrentPerOrgLongTxn Limit exceeded.' }],
            match: isAccountUpsert,
            times: 1
        });
        const { code, output } = await seed(['-o', 'dev']);

        assert.equal(code, 0, output.text());
        assert.deepEqual(waits, [2000], 'waited exactly the Retry-After');
        const attempts = fake.calls.filter(isAccountUpsert);
        assert.equal(attempts.length, 2);
        assert.deepEqual(attempts[1].body, attempts[0].body, 'the retry resends the complete body');
        assert.deepEqual(keysOf('Account'), SEED_ACCOUNTS.map((a) => a.key).sort());
        assert.equal(fake.records('Contact').length, SEED_CONTACTS.length);

        const ids = idsOf('Account');
        const again = await seed(['-o', 'dev']);
        assert.equal(again.code, 0);
        assert.deepEqual(idsOf('Account'), ids, 're-run: same records');
        assert.equal(fake.records('Contact').length, SEED_CONTACTS.length);
    });

    test('a Retry-After beyond the cap fails with one line instead of waiting for it', async () => {
        fake.failRequests({ status: 429, headers: { 'Retry-After': '3600' }, body: [], match: isAccountUpsert });
        const { code, output } = await seed(['-o', 'dev']);
        assert.equal(code, 1);
        assert.match(output.errors[0], /^✖ Salesforce rate-limited writing Account records: .*wait 3600 s/);
        assert.deepEqual(waits, []);
    });

    test('429 + Retry-After on a Bulk upload: the same complete CSV is uploaded again, every record saved once', async () => {
        fake.failRequests({
            status: 429,
            headers: { 'Retry-After': '1' },
            body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'Too many requests' }],
            match: (c) => c.method === 'PUT' && /\/batches$/.test(c.path),
            times: 1
        });
        const { code, output } = await seed(['-o', 'dev', '--count', '50', '--api', 'bulk']);

        assert.equal(code, 0, output.text());
        const uploads = fake.callsTo(/^\/jobs\/ingest\/\w+\/batches$/, 'PUT');
        assert.equal(uploads.length, 3, 'Accounts twice (429, then accepted), Contacts once');
        assert.equal(uploads[1].body, uploads[0].body, 'the retry is the same CSV');
        assert.equal(String(uploads[1].body).trim().split('\n').length, 51, 'header + 50 rows');
        assert.deepEqual(waits, [1000]);
        assert.equal(fake.records('Account').length, 12 + 50);
        assert.equal(fake.records('Contact').length, 12 + 50);
        assert.match(output.text(), /Account: 50 upserted — Bulk API 2\.0/);

        const again = await seed(['-o', 'dev', '--count', '50', '--api', 'bulk']);
        assert.equal(again.code, 0);
        assert.equal(fake.records('Account').length, 12 + 50);
        assert.equal(fake.records('Contact').length, 12 + 50);
    });

    test('a Bulk upload that arrives without its rows is reported record by record (counts add up), exit 1', async () => {
        // the server accepts the upload but keeps nothing: what jsforce's stream retry produced (an empty body)
        fake.failRequests({
            status: 201,
            match: (c) => c.method === 'PUT' && /\/batches$/.test(c.path),
            times: 1
        });
        const { code, output } = await seed(['-o', 'dev', '--count', '20', '--api', 'bulk', '--json'], {
            json: true
        });

        assert.equal(code, 1);
        const json = JSON.parse(output.stdout[0]);
        const accounts = json.data.objects.filter((o: { sobject: string }) => o.sobject === 'Account')[1];
        assert.deepEqual([accounts.sent, accounts.saved, accounts.failed], [20, 0, 20]);
        assert.match(accounts.failures[0].message, /not in the results of Bulk job 750\w+ \(0 processed of 20 sent\)/);
        for (const o of json.data.objects) {
            assert.equal(o.sent, o.saved + o.failed, `${o.sobject}: sent = saved + failed`);
        }
    });

    test('connection dropped after the org committed an upsert: retried, nothing duplicated, all counted', async () => {
        fake.failRequests({ drop: 'after', match: isAccountUpsert, times: 1 });
        const { code, output } = await seed(['-o', 'dev']);

        assert.equal(code, 0, output.text());
        assert.equal(fake.calls.filter(isAccountUpsert).length, 2);
        assert.deepEqual(keysOf('Account'), SEED_ACCOUNTS.map((a) => a.key).sort(), 'each Account once');
        assert.equal(fake.records('Contact').length, SEED_CONTACTS.length);
        assert.match(output.text(), /Account: 12 upserted/);

        const ids = idsOf('Account');
        await seed(['-o', 'dev']);
        assert.deepEqual(idsOf('Account'), ids);
    });

    test('a connection dropped during a Bulk upload: the job is aborted and the file goes into a new job', async () => {
        fake.failRequests({ drop: 'after', match: (c) => c.method === 'PUT' && /\/batches$/.test(c.path), times: 1 });
        const { code, output } = await seed(['-o', 'dev', '--count', '30', '--api', 'bulk']);

        assert.equal(code, 0, output.text());
        const jobs = [...fake.jobs.values()].filter((j) => j.object === 'Account');
        assert.deepEqual(
            jobs.map((j) => j.state),
            ['Aborted', 'JobComplete']
        );
        assert.equal(fake.records('Account').length, 12 + 30);
        assert.match(output.text(), /upload to Bulk job 750\w+ was interrupted; starting a new job/);
    });

    test('a silent org: every call has a timeout, one line, no hang', async () => {
        fake.failRequests({ silent: true, match: isAccountUpsert });
        const started = Date.now();
        const output = memoryOutput();
        const code = await execute(
            () =>
                runSeedCommand(['-o', 'dev'], {
                    output,
                    retry: { ...retry, timeoutMs: 300, maxRetries: 1 }
                }),
            output
        );
        assert.equal(code, 1);
        assert.match(
            output.errors[0],
            /^✖ The org at http:\/\/127\.0\.0\.1:\d+ did not answer while writing Account records \(timed out\)\.$/
        );
        assert.ok(Date.now() - started < 5000);
    });
});

describe('runs that stop half way', () => {
    test('a 401 in the middle of a Collections load says how many records were saved before it', async () => {
        let chunks = 0;
        fake.failRequests({
            status: 401,
            body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }],
            match: (c) => isAccountUpsert(c) && ++chunks > 2
        });
        const { code, output } = await seed(['-o', 'dev', '--count', '500', '--api', 'collections']);
        assert.equal(code, 1);
        assert.match(output.errors[0], /refused the session .* 200 of 500 Account records were saved before that\.$/);
        assert.equal(fake.records('Account').length, 12 + 200);
    });

    test('a Bulk job still running when the wait ends: exit 69 (as sf), with the job id', async () => {
        fake.bulkPollsBeforeComplete = 1_000;
        const session = connectWithToken(fake.url, FAKE_ACCESS_TOKEN, { retry });
        await assert.rejects(
            writeRecords(session, [{ Seed_Key__c: 'K1', Name: 'One' }], {
                sobject: 'Account',
                externalIdField: 'Seed_Key__c',
                strategy: 'bulk',
                bulkPollIntervalMs: 1,
                bulkTimeoutMs: 50
            }),
            (error: UserError) =>
                error.exitCode === 69 &&
                /^Bulk API 2\.0 job 750\w+ is still InProgress after the timeout\.$/.test(error.message)
        );
    });
});

describe('refused parents', () => {
    test('Collections: Contacts of a refused Account are listed as not saved, not sent; re-run completes', async () => {
        fake.rejectRecords((sobject, r) =>
            sobject === 'Account' && r.Seed_Key__c === 'ZAL-VOL-A-000003' ? 'Website is blocked' : undefined
        );
        const { code, output } = await seed(['-o', 'dev', '--count', '20', '--api', 'collections']);

        assert.equal(code, 1);
        const errors = output.errors.join('\n');
        assert.match(errors, /^2 records were not saved/);
        assert.match(errors, /Account ZAL-VOL-A-000003: FIELD_CUSTOM_VALIDATION_EXCEPTION: Website is blocked/);
        assert.match(errors, /Contact ZAL-VOL-C-000003: skipped: its Account ZAL-VOL-A-000003 was not saved/);
        const sent = fake
            .callsTo('/composite/sobjects/Contact/Seed_Key__c', 'PATCH')
            .flatMap((c) => (c.body as { records: Array<{ Seed_Key__c: string }> }).records.map((r) => r.Seed_Key__c));
        assert.ok(!sent.includes('ZAL-VOL-C-000003'));
        assert.equal(fake.records('Account').length, 12 + 19);
        assert.equal(fake.records('Contact').length, 12 + 19);

        fake.rejectRecords(() => undefined);
        const again = await seed(['-o', 'dev', '--count', '20', '--api', 'collections']);
        assert.equal(again.code, 0, again.output.text());
        assert.equal(fake.records('Account').length, 12 + 20);
        assert.equal(fake.records('Contact').length, 12 + 20);
    });
});

describe('Zuora and credential faults', () => {
    test('a silent Zuora server: the catalog call times out with one line', async () => {
        const silent = http.createServer(() => undefined);
        await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
        try {
            const client = new ZuoraClient({
                baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
                clientId: 'id',
                clientSecret: 'secret-value',
                timeoutMs: 300
            });
            const started = Date.now();
            await assert.rejects(fetchCatalog(client), (error: Error) => {
                assert.match(error.message, /^Zuora at http:\/\/127\.0\.0\.1:\d+ did not answer within 0\.3 s\.$/);
                assert.ok(!error.message.includes('\n'));
                return true;
            });
            assert.ok(Date.now() - started < 3000);
        } finally {
            silent.closeAllConnections();
            silent.close();
        }
    });

    test('503 then success on the Named Credential and principal updates: same full body resent, state exact', async () => {
        fake.namedCredentials.set('Zuora', {
            developerName: 'Zuora',
            masterLabel: 'Zuora',
            type: 'SecuredEndpoint',
            calloutUrl: 'https://rest.apisandbox.zuora.com',
            calloutOptions: { generateAuthorizationHeader: true },
            customHeaders: [],
            externalCredentials: [{ developerName: 'Zuora' }],
            parameters: []
        });
        fake.credentials.set('Zuora/ZuoraPrincipal', { credentials: { clientId: { value: 'old', encrypted: false } } });
        for (const path of [
            /^\/named-credentials\/named-credential-setup\/Zuora$/,
            /^\/named-credentials\/credential$/
        ]) {
            fake.failRequests({
                status: 503,
                body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Try again' }],
                match: (c) => c.method === 'PUT' && path.test(c.path),
                times: 1
            });
        }
        for (const name of deployedPermissionSets()) {
            fake.addRecord('PermissionSet', { Name: name });
        }
        const sf = new FakeSfCli();
        const output = memoryOutput();
        const code = await execute(
            () =>
                runSetupCommand(['-o', 'dev', '--skip-seed', '--no-open'], {
                    sf: sf.runner,
                    output,
                    nodeVersion: '20.20.2',
                    retry,
                    env: {
                        ZUORA_BASE_URL: 'https://rest.eu.zuora.com',
                        ZUORA_CLIENT_ID: 'client-1',
                        ZUORA_CLIENT_SECRET: 'secret-1'
                    }
                }),
            output
        );

        assert.equal(code, 0, output.text());
        const ncPuts = fake.callsTo('/named-credentials/named-credential-setup/Zuora', 'PUT');
        assert.equal(ncPuts.length, 2);
        assert.deepEqual(ncPuts[1].body, ncPuts[0].body);
        assert.equal(fake.namedCredentials.get('Zuora')?.calloutUrl, 'https://rest.eu.zuora.com');
        const credPuts = fake.callsTo('/named-credentials/credential', 'PUT');
        assert.equal(credPuts.length, 2);
        assert.deepEqual(credPuts[1].body, credPuts[0].body);
        assert.deepEqual((fake.credentials.get('Zuora/ZuoraPrincipal') as { credentials: unknown }).credentials, {
            clientId: { value: 'client-1', encrypted: false },
            clientSecret: { value: 'secret-1', encrypted: true }
        });
        assert.equal(fake.callsTo('/named-credentials/credential', 'POST').length, 0, 'never created twice');
        assert.ok(!output.text().includes('secret-1'));
    });

    test('ZUORA_BASE_URL over http is refused before the org is touched', async () => {
        const sf = new FakeSfCli();
        const output = memoryOutput();
        const code = await execute(
            () =>
                runSetupCommand(['-o', 'dev'], {
                    sf: sf.runner,
                    output,
                    nodeVersion: '20.20.2',
                    retry,
                    env: { ZUORA_BASE_URL: 'http://rest.zuora.com' }
                }),
            output
        );
        assert.equal(code, 1);
        assert.equal(output.errors[0], '✖ ZUORA_BASE_URL must use https (got http).');
        assert.equal(fake.calls.length, 0);
        assert.deepEqual(sf.commands, []);
    });
});
