import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execute, memoryOutput } from '../lib/cli.ts';
import { parseCsv } from '../lib/csv.ts';
import { FakeSalesforce, FAKE_ACCESS_TOKEN, startFakeSalesforce } from '../fake/salesforce.ts';
import { saveLogin, startLoggedInFake } from '../fake/sf-cli.ts';
import { SEED_ACCOUNTS, SEED_CONTACTS } from './seed-data.ts';
import { chooseStrategy, runSeedCommand } from './seed.ts';

interface UpsertBody {
    allOrNone: boolean;
    records: Array<Record<string, unknown> & { attributes: { type: string } }>;
}

let fake: FakeSalesforce;
/** Retries without real waiting; the waits asked for are recorded. */
const waits: number[] = [];
const fastRetry = { sleep: async (ms: number) => void waits.push(ms), timeoutMs: 2000 };

beforeEach(async () => {
    // the org is logged in through @salesforce/core's auth store, as `sf org login access-token` does
    fake = await startLoggedInFake('dev');
    waits.length = 0;
});

afterEach(async () => {
    await fake.stop();
});

async function seed(args: string[]) {
    const output = memoryOutput();
    const code = await execute(() => runSeedCommand(args, { output, bulkPollIntervalMs: 1, retry: fastRetry }), output);
    return { code, output };
}

describe('org:seed demo data', () => {
    test('upserts Accounts, Contacts and Opportunities on Seed_Key__c with one collection request each', async () => {
        const { code, output } = await seed(['--target-org', 'dev']);

        assert.equal(code, 0, output.text());
        assert.deepEqual(
            fake.calls.map((c) => `${c.method} ${c.path}`),
            [
                'GET /query',
                'PATCH /composite/sobjects/Account/Seed_Key__c',
                'PATCH /composite/sobjects/Contact/Seed_Key__c',
                'PATCH /composite/sobjects/Opportunity/Seed_Key__c',
                'GET /tooling/query'
            ]
        );
        assert.match(fake.calls[0].query.q, /FROM Organization/);
        assert.match(
            output.text(),
            /Zuora 360 records skipped: the Zuora 360 package \(namespace Zuora\) is not installed/
        );
        const writes = fake.calls.slice(1, 4);
        for (const call of writes) {
            assert.equal(call.version, '62.0');
            assert.equal(call.headers.authorization, `Bearer ${FAKE_ACCESS_TOKEN}`);
            const body = call.body as UpsertBody;
            assert.equal(body.allOrNone, false, 'one bad record must not roll back the others');
            assert.equal(
                call.headers['sforce-duplicate-rule-header'],
                'allowSave=true',
                'the demo duplicates must pass the standard duplicate rules'
            );
            assert.ok(body.records.every((r) => typeof r.Seed_Key__c === 'string' && r.attributes.type));
        }
        const accountBody = writes[0].body as UpsertBody;
        assert.deepEqual(
            accountBody.records.map((r) => r.Seed_Key__c),
            SEED_ACCOUNTS.map((a) => a.key)
        );
        const contactBody = writes[1].body as UpsertBody;
        const acme = fake.records('Account').find((a) => a.Seed_Key__c === 'ZAL-ACC-ACME');
        assert.equal(contactBody.records.find((c) => c.Seed_Key__c === 'ZAL-CON-ACME-DANA')?.AccountId, acme?.Id);
        assert.equal(fake.records('Account').length, SEED_ACCOUNTS.length);
        assert.equal(fake.records('Contact').length, SEED_CONTACTS.length);
        assert.equal(fake.records('Opportunity').length, 3);
        assert.match(output.text(), /Account: 12 upserted \(12 new, 0 updated\)/);
        assert.match(output.text(), /using 3 API requests/);
    });

    test('covers every duplicate-check path', async () => {
        await seed(['--target-org', 'dev']);
        const accounts = fake.records('Account');
        const contacts = fake.records('Contact');
        const byKey = (key: string) => accounts.find((a) => a.Seed_Key__c === key);
        // same domain with and without www.
        assert.equal(byKey('ZAL-ACC-ACME')?.Website, 'https://www.acmerobotics.com');
        assert.equal(byKey('ZAL-ACC-ACME-WEST')?.Website, 'acmerobotics.com');
        // same email in another case, on another Account
        const janes = contacts.filter((c) => String(c.Email).toLowerCase() === 'jane.doe@globex.io');
        assert.equal(janes.length, 2);
        assert.notEqual(janes[0].Email, janes[1].Email);
        assert.notEqual(janes[0].AccountId, janes[1].AccountId);
        // free-mail contacts on different Accounts
        const gmail = contacts.filter((c) => String(c.Email).endsWith('@gmail.com'));
        assert.equal(new Set(gmail.map((c) => c.AccountId)).size, 2);
        // linked account
        const initech = byKey('ZAL-ACC-INITECH');
        assert.equal(initech?.Zuora_Link_Status__c, 'Linked');
        assert.equal(String(initech?.Zuora_Account_Id__c).length, 32);
        assert.equal(initech?.Zuora_Account_Number__c, 'A00000042');
        // US without a state
        const umbrella = byKey('ZAL-ACC-UMBRELLA');
        assert.equal(umbrella?.BillingCountry, 'US');
        assert.equal(umbrella?.BillingState, null);
        // several matches for Wayne Enterprises
        const wayneDomain = accounts.filter((a) => String(a.Website ?? '').includes('wayne-enterprises.com'));
        assert.equal(wayneDomain.length, 3);
        // no Account other than the linked one carries Zuora fields (re-seeding never overwrites a real link)
        assert.ok(accounts.filter((a) => a !== initech).every((a) => a.Zuora_Account_Id__c === undefined));
    });

    test('re-running creates nothing new', async () => {
        await seed(['--target-org', 'dev']);
        const ids = fake.records('Account').map((a) => a.Id);
        const { code, output } = await seed(['--target-org', 'dev']);

        assert.equal(code, 0);
        assert.deepEqual(
            fake.records('Account').map((a) => a.Id),
            ids
        );
        assert.equal(fake.records('Contact').length, SEED_CONTACTS.length);
        assert.equal(fake.records('Opportunity').length, 3);
        assert.match(output.text(), /Account: 12 upserted \(0 new, 12 updated\)/);
        assert.match(output.text(), /Contact: 12 upserted \(0 new, 12 updated\)/);
    });

    test('an org without Seed_Key__c (not deployed, or no field access) gets the setup command as hint', async () => {
        fake.failRequests({
            status: 400,
            body: [{ errorCode: 'INVALID_FIELD', message: "No such column 'Seed_Key__c' on sobject of type Account" }],
            match: (c) => c.path.startsWith('/composite/sobjects/')
        });
        const { code, output } = await seed(['--target-org', 'dev']);

        assert.equal(code, 1);
        assert.match(
            output.errors[0],
            /^✖ Salesforce refused writing Account records: INVALID_FIELD: No such column 'Seed_Key__c'/
        );
        assert.match(output.errors[1], /npm run org:setup -- --target-org dev/);
    });

    test('a production org is refused before anything is written', async () => {
        fake.organization.TrialExpirationDate = null;
        fake.organization.OrganizationType = 'Enterprise Edition';
        const { code, output } = await seed(['--target-org', 'dev']);

        assert.equal(code, 1);
        assert.match(output.errors[0], /^✖ Org "dev" is a production org/);
        assert.equal(fake.callsTo(/^\/composite/).length, 0);
    });

    test('a sandbox is fine', async () => {
        fake.organization.IsSandbox = true;
        fake.organization.TrialExpirationDate = null;
        const { code, output } = await seed(['--target-org', 'dev']);
        assert.equal(code, 0);
        assert.match(output.text(), /\(sandbox org, /);
    });

    test('a partial failure in a collection response names the record and exits 1; the rest is saved', async () => {
        fake.rejectRecords((sobject, r) =>
            sobject === 'Contact' && r.Seed_Key__c === 'ZAL-CON-YOGA-TOM'
                ? 'Email is blocked by a validation rule'
                : undefined
        );
        const { code, output } = await seed(['--target-org', 'dev']);

        assert.equal(code, 1);
        assert.match(
            output.errors.join('\n'),
            /Contact ZAL-CON-YOGA-TOM: FIELD_CUSTOM_VALIDATION_EXCEPTION: Email is blocked by a validation rule/
        );
        assert.match(output.errors.join('\n'), /re-run/);
        assert.equal(fake.records('Contact').length, SEED_CONTACTS.length - 1);
        assert.equal(fake.records('Opportunity').length, 3);
    });

    test('children of an Account that failed are reported as skipped, not sent', async () => {
        fake.rejectRecords((sobject, r) =>
            sobject === 'Account' && r.Seed_Key__c === 'ZAL-ACC-HOOLI' ? 'blocked' : undefined
        );
        const { code, output } = await seed(['--target-org', 'dev']);

        assert.equal(code, 1);
        assert.match(
            output.errors.join('\n'),
            /Contact ZAL-CON-HOOLI-GAVIN: skipped: its Account ZAL-ACC-HOOLI was not saved/
        );
        assert.match(output.errors.join('\n'), /Opportunity ZAL-OPP-HOOLI-GROWTH: skipped/);
        const sentContacts = (fake.callsTo('/composite/sobjects/Contact/Seed_Key__c')[0].body as UpsertBody).records;
        assert.ok(sentContacts.every((c) => c.Seed_Key__c !== 'ZAL-CON-HOOLI-GAVIN'));
    });

    test('401 from the org is one clear line with the login command, no stack trace', async () => {
        fake.expireSession();
        const { code, output } = await seed(['--target-org', 'dev']);

        assert.equal(code, 1);
        assert.match(
            output.errors[0],
            /^✖ The org refused the session while checking what kind of org this is \(401 INVALID_SESSION_ID/
        );
        assert.match(output.errors[1], /npx sf org login web --alias dev/);
        assert.ok(!output.text().includes('    at '), 'no stack trace');
        assert.equal(fake.calls.length, 1, 'stops at the first refused call');
    });
});

describe('org:seed volume data', () => {
    test('below the threshold: sObject Collections in chunks of at most 200', async () => {
        const { code, output } = await seed(['--target-org', 'dev', '--count', '450']);

        assert.equal(code, 0, output.text());
        const accountCalls = fake.callsTo('/composite/sobjects/Account/Seed_Key__c', 'PATCH');
        assert.deepEqual(
            accountCalls.map((c) => (c.body as UpsertBody).records.length),
            [12, 200, 200, 50]
        );
        const contactCalls = fake.callsTo('/composite/sobjects/Contact/Seed_Key__c', 'PATCH');
        assert.deepEqual(
            contactCalls.map((c) => (c.body as UpsertBody).records.length),
            [12, 200, 200, 50]
        );
        assert.equal(fake.records('Account').length, 462);
        assert.equal(fake.records('Contact').length, 462);
        assert.equal(fake.callsTo(/^\/jobs/).length, 0);
        assert.match(output.text(), /records\/s\) using 9 API requests/);
    });

    test('from the threshold: one Bulk API 2.0 upsert job per object, few requests', async () => {
        fake.bulkPollsBeforeComplete = 1;
        const { code, output } = await seed(['--target-org', 'dev', '--count', '300', '--bulk-threshold', '300']);

        assert.equal(code, 0, output.text());
        const creates = fake.callsTo('/jobs/ingest', 'POST');
        assert.deepEqual(
            creates.map((c) => c.body),
            [
                {
                    object: 'Account',
                    operation: 'upsert',
                    externalIdFieldName: 'Seed_Key__c',
                    lineEnding: 'LF',
                    columnDelimiter: 'COMMA'
                },
                {
                    object: 'Contact',
                    operation: 'upsert',
                    externalIdFieldName: 'Seed_Key__c',
                    lineEnding: 'LF',
                    columnDelimiter: 'COMMA'
                }
            ]
        );
        const uploads = fake.callsTo(/^\/jobs\/ingest\/\w+\/batches$/, 'PUT');
        assert.equal(uploads.length, 2);
        const contactRows = parseCsv(String(uploads[1].body));
        assert.equal(contactRows.length, 300);
        assert.equal(contactRows[0]['Account.Seed_Key__c'], 'ZAL-VOL-A-000001');
        const closes = fake.callsTo(/^\/jobs\/ingest\/\w+$/, 'PATCH');
        assert.deepEqual(
            closes.map((c) => c.body),
            [{ state: 'UploadComplete' }, { state: 'UploadComplete' }]
        );
        const bulkRequests = fake.callsTo(/^\/jobs\//).length;
        assert.ok(bulkRequests <= 10, `bulk path used ${bulkRequests} requests`);
        assert.equal(fake.records('Account').length, 312);
        assert.equal(fake.records('Contact').length, 312);
        assert.ok(fake.records('Contact').every((c) => typeof c.AccountId === 'string'));
        assert.match(output.text(), /Account: 300 upserted — Bulk API 2\.0, 5 requests/);
    });

    test('re-running the volume seed updates the same records', async () => {
        await seed(['--target-org', 'dev', '--count', '210', '--bulk-threshold', '200']);
        const { code } = await seed(['--target-org', 'dev', '--count', '210', '--bulk-threshold', '200']);
        assert.equal(code, 0);
        assert.equal(fake.records('Account').length, 222);
        assert.equal(fake.records('Contact').length, 222);
    });

    test('a Bulk job that fails is reported with its id and reason, exit 1', async () => {
        fake.failBulkJobs('InvalidBatch : Field name not found : Seed_Key__c');
        const { code, output } = await seed(['--target-org', 'dev', '--count', '50', '--api', 'bulk']);

        assert.equal(code, 1);
        assert.match(
            output.errors[0],
            /^✖ Bulk API 2\.0 job 750\w+ \(upsert Account, 50 records\) failed: InvalidBatch : Field name not found : Seed_Key__c\.$/
        );
        assert.match(output.errors[1], /Bulk Data Load Jobs/);
    });

    test('records rejected inside a Bulk job are listed from failedResults', async () => {
        fake.rejectRecords((sobject, r) =>
            sobject === 'Account' && r.Seed_Key__c === 'ZAL-VOL-A-000007' ? 'bad website' : undefined
        );
        const { code, output } = await seed(['--target-org', 'dev', '--count', '20', '--api', 'bulk']);

        assert.equal(code, 1);
        assert.equal(fake.callsTo(/failedResults$/, 'GET').length, 2, 'one per job with failures');
        assert.match(
            output.errors.join('\n'),
            /Account ZAL-VOL-A-000007: FIELD_CUSTOM_VALIDATION_EXCEPTION:bad website/
        );
        assert.match(
            output.errors.join('\n'),
            /Contact ZAL-VOL-C-000007: INVALID_FIELD:Foreign key external ID: ZAL-VOL-A-000007 not found/
        );
    });

    test('a long Bulk wait prints a line at least every heartbeat on non-TTY output', async () => {
        // 20 rows at 100 rows/s = 0.2 s per job; the heartbeat (10 s for real) is shortened to 50 ms here
        fake.bulkRowsPerSecond = 100;
        process.env.ZAL_HEARTBEAT_MS = '50';
        try {
            const { code, output } = await seed(['--target-org', 'dev', '--count', '20', '--api', 'bulk']);
            assert.equal(code, 0, output.text());
            assert.match(output.text(), /Account: Bulk job 750\w+ still processing… \(0 s\)/);
        } finally {
            delete process.env.ZAL_HEARTBEAT_MS;
        }
    });

    test('--api and --bulk-threshold choose the API', () => {
        assert.equal(chooseStrategy(1999, {}), 'collections');
        assert.equal(chooseStrategy(2000, {}), 'bulk');
        assert.equal(chooseStrategy(10, { api: 'bulk' }), 'bulk');
        assert.equal(chooseStrategy(50000, { api: 'collections' }), 'collections');
        assert.equal(chooseStrategy(500, { bulkThreshold: 400 }), 'bulk');
    });
});

describe('org:seed input errors', () => {
    test('invalid --count: one line, exit 2 (sf flag error), no call to the org', async () => {
        for (const bad of ['abc', '0', '-1', '=-5', '1.5', '999999']) {
            const args = bad.startsWith('=') ? [`--count${bad}`] : ['--count', bad];
            const { code, output } = await seed(['--target-org', 'dev', ...args]);
            assert.equal(code, 2);
            assert.equal(output.errors.length, 1);
            assert.match(output.errors[0], /^✖ Invalid --count ".*": expected a whole number from 1 to 50000\.$/);
        }
        assert.equal(fake.calls.length, 0);
    });

    test('unknown option', async () => {
        const { code, output } = await seed(['--target-org', 'dev', '--cout', '5']);
        assert.equal(code, 2);
        assert.match(output.errors[0], /Unknown option '--cout'.*--help/);
    });

    test('unknown org alias', async () => {
        const { code, output } = await seed(['-o', 'nope']);
        assert.equal(code, 1);
        assert.equal(output.errors[0], '✖ Unknown org "nope": the Salesforce CLI has no login for it.');
        assert.match(output.errors[1], /npx sf org list.*npx sf org login web --alias nope/);
    });

    test('no --target-org and no default org', async () => {
        const { code, output } = await seed([]);
        assert.equal(code, 1);
        assert.match(output.errors[0], /No org given and no default org set/);
        assert.match(output.errors[1], /npx sf config set target-org/);
    });

    test('the default org is used when --target-org is absent', async () => {
        await saveLogin({ instanceUrl: fake.url, accessToken: FAKE_ACCESS_TOKEN }, 'dev', { setDefault: true });
        const { code, output } = await seed([]);
        assert.equal(code, 0, output.text());
        assert.equal(fake.records('Account').length, 12);
    });

    test('--json: one sf-shaped object on stdout with per-object counts', async () => {
        fake.rejectRecords((sobject, r) => (r.Seed_Key__c === 'ZAL-ACC-HOOLI' ? 'blocked' : undefined));
        const output = memoryOutput({ json: true });
        const code = await execute(() => runSeedCommand(['-o', 'dev', '--json'], { output, retry: fastRetry }), output);
        assert.equal(code, 1);
        assert.equal(output.stdout.length, 1);
        const json = JSON.parse(output.stdout[0]);
        assert.equal(json.status, 1);
        assert.equal(json.exitCode, 1);
        assert.equal(json.name, 'RecordsNotSavedError');
        assert.match(json.message, /^3 records were not saved/);
        const contact = json.data.objects.find((o: { sobject: string }) => o.sobject === 'Contact');
        assert.deepEqual([contact.sent, contact.saved, contact.failed], [12, 11, 1]);
    });

    test('unreachable org', async () => {
        const closed = await startFakeSalesforce();
        const url = closed.url;
        await saveLogin({ instanceUrl: url, accessToken: FAKE_ACCESS_TOKEN }, 'gone');
        await closed.stop();
        const output = memoryOutput();
        const code = await execute(
            () => runSeedCommand(['--target-org', 'gone'], { output, retry: { ...fastRetry, maxRetries: 1 } }),
            output
        );
        assert.equal(code, 1);
        assert.match(
            output.errors[0],
            new RegExp(
                `^✖ Cannot reach the org at ${url} while checking what kind of org this is \\(ECONNREFUSED\\)\\.$`
            )
        );
        assert.ok(!output.text().includes('    at '));
    });

    test('--help prints the options and exits 0', async () => {
        const { code, output } = await seed(['--help']);
        assert.equal(code, 0);
        assert.match(output.text(), /--count <N>/);
        assert.match(output.text(), /--bulk-threshold <N>.*\(default: 2000\)/);
        assert.equal(fake.calls.length, 0);
    });
});
