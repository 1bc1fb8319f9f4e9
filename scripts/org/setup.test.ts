import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execute, memoryOutput } from '../lib/cli.ts';
import { FakeSalesforce, FAKE_ACCESS_TOKEN, startFakeSalesforce } from '../fake/salesforce.ts';
import { FakeSfCli, freshHome, saveLogin, type FakeSfOptions } from '../fake/sf-cli.ts';
import { SCHEDULE_RENEWALS_APEX } from './renewal-job.ts';
import { ZUORA360_ABSENT_NOTICE } from './seed-zuora360.ts';
import { checkNodeVersion, runSetupCommand } from './setup.ts';

const SECRET = 'zuora-secret-value-123456';
const ZUORA_ENV = {
    ZUORA_BASE_URL: 'https://rest.test.zuora.com/',
    ZUORA_CLIENT_ID: '6f1c2d3e-1111-2222-3333-444455556666',
    ZUORA_CLIENT_SECRET: SECRET
};

let fake: FakeSalesforce;
/** The Dev Hub: another fake org with its own user. */
let hub: FakeSalesforce;
const fastRetry = { sleep: async () => undefined, timeoutMs: 2000 };

beforeEach(async () => {
    await freshHome();
    fake = await startFakeSalesforce();
    hub = await startFakeSalesforce();
    hub.records('User')[0].Username = 'hub@zal.test';
    hub.isDevHub = true;
    await saveLogin({ instanceUrl: hub.url, accessToken: FAKE_ACCESS_TOKEN }, 'devhub', { setDefaultDevHub: true });
    fake.addRecord('PermissionSet', { Name: 'Zuora_Account_Link_User' });
    fake.addRecord('PermissionSet', { Name: 'Zuora_Account_Link_Admin' });
    fake.addRecord('PermissionSet', { Name: 'Zuora_Backfill_Admin' });
    fake.addRecord('PermissionSet', { Name: 'Zuora_Account_Link_Sample_Data' });
    fake.namedCredentials.set('Zuora', {
        developerName: 'Zuora',
        masterLabel: 'Zuora',
        type: 'SecuredEndpoint',
        calloutUrl: 'https://rest.apisandbox.zuora.com',
        calloutOptions: {
            allowMergeFieldsInBody: false,
            allowMergeFieldsInHeader: false,
            generateAuthorizationHeader: true
        },
        customHeaders: [],
        externalCredentials: [{ developerName: 'Zuora', id: '0pt000000000001', masterLabel: 'Zuora' }],
        parameters: []
    });
});

afterEach(async () => {
    await fake.stop();
    await hub.stop();
});

function scratch(): { instanceUrl: string; accessToken: string } {
    return { instanceUrl: fake.url, accessToken: FAKE_ACCESS_TOKEN };
}

function cli(options: Partial<FakeSfOptions> = {}): FakeSfCli {
    return new FakeSfCli({ scratchOrg: scratch(), ...options });
}

async function setup(sf: FakeSfCli, args: string[], env: Record<string, string> = {}, nodeVersion = '20.20.2') {
    const output = memoryOutput();
    const code = await execute(
        () =>
            runSetupCommand(args, { sf: sf.runner, output, env, nodeVersion, bulkPollIntervalMs: 1, retry: fastRetry }),
        output
    );
    return { code, output };
}

/** A fresh HOME without the Dev Hub login. */
async function noDevHub(): Promise<void> {
    await freshHome();
}

describe('org:setup prerequisites', () => {
    test('no Dev Hub: prints the exact login command and exits 1 before creating anything', async () => {
        await noDevHub();
        const sf = cli();
        const { code, output } = await setup(sf, []);

        assert.equal(code, 1);
        assert.match(output.errors[0], /^✖ No Dev Hub is authorised/);
        assert.ok(output.errors.some((l) => l.trim() === 'npx sf org login web --set-default-dev-hub --alias devhub'));
        assert.deepEqual(sf.sfCommands(), []);
        assert.equal(fake.calls.length, 0);
    });

    test('a Dev Hub alias that is not authorised is reported the same way', async () => {
        const sf = cli();
        const { code, output } = await setup(sf, ['--dev-hub', 'old-hub']);

        assert.equal(code, 1);
        assert.match(
            output.errors[0],
            /Dev Hub "old-hub" is not usable: No authorization information found for old-hub/
        );
        assert.ok(output.text().includes('npx sf org login web --set-default-dev-hub --alias devhub'));
    });

    test('unsupported Node version', async () => {
        const { code, output } = await setup(cli(), [], {}, '18.19.0');
        assert.equal(code, 1);
        assert.equal(output.errors[0], '✖ Node 18.19.0 is not supported: use Node 20.11+ (20.x) or 22+.');
        assert.doesNotThrow(() => checkNodeVersion('20.11.0'));
        assert.doesNotThrow(() => checkNodeVersion('22.1.0'));
        assert.throws(() => checkNodeVersion('20.10.0'));
        assert.throws(() => checkNodeVersion('21.7.3'));
    });

    test('missing Java is a notice, not a failure', async () => {
        const { code, output } = await setup(cli({ java: false }), ['--no-open']);
        assert.equal(code, 0, output.text());
        assert.match(output.text(), /Java: not found\. Not needed here; only the offline gate/);
    });

    test('invalid --duration-days', async () => {
        const { code, output } = await setup(cli(), ['--duration-days', '45']);
        assert.equal(code, 2);
        assert.equal(output.errors[0], '✖ Invalid --duration-days "45": expected a whole number from 1 to 30.');
    });
});

describe('org:setup on a new scratch org', () => {
    test('creates the org, builds, deploys the core only, assigns permission sets, seeds, opens the demo Account', async () => {
        const sf = cli();
        const { code, output } = await setup(sf, []);

        assert.equal(code, 0, output.text());
        const acme = fake.records('Account').find((a) => a.Seed_Key__c === 'ZAL-ACC-ACME');
        assert.deepEqual(sf.sfCommands(), [
            'org create scratch --definition-file config/project-scratch-def.json --alias zuora-link --duration-days 7 --target-dev-hub devhub --wait 15',
            'project deploy start --source-dir force-app --target-org zuora-link --wait 30',
            'project deploy start --source-dir sample-data --target-org zuora-link --wait 30',
            `org open --target-org zuora-link --path lightning/r/Account/${acme?.Id}/view`
        ]);
        assert.ok(sf.commands.some((c) => c.join(' ') === 'tsc -p force-app/main/default/lwc/tsconfig.json'));
        // first the login of the new scratch org (what `sf org create scratch` stores), then the script's own calls
        const first = fake.calls.findIndex((c) => /FROM Organization LIMIT 1$/.test(c.query.q ?? ''));
        assert.deepEqual(
            fake.calls.slice(0, 2).map((c) => `${c.method} ${c.path}`),
            ['GET /services/oauth2/userinfo', 'GET /sobjects/User/005FK0000000001AAA']
        );
        const calls = fake.calls.slice(first);
        assert.deepEqual(
            calls.map((c) => `${c.method} ${c.path}`),
            [
                'GET /query',
                'GET /tooling/query',
                'GET /query',
                'GET /query',
                'GET /query',
                'POST /composite/sobjects',
                'PATCH /composite/sobjects/Account/Seed_Key__c',
                'PATCH /composite/sobjects/Contact/Seed_Key__c',
                'PATCH /composite/sobjects/Opportunity/Seed_Key__c',
                'GET /tooling/query',
                'GET /tooling/executeAnonymous'
            ]
        );
        assert.match(calls[1].query.q, /FROM InstalledSubscriberPackage/);
        // Zuora 360 demo records: the same check, then nothing written, one notice
        assert.match(calls[9].query.q, /FROM InstalledSubscriberPackage/);
        assert.ok(output.text().includes(`  ${ZUORA360_ABSENT_NOTICE}`));
        assert.equal(fake.records('Zuora__CustomerAccount__c').length, 0);
        // the renewal job: the README's one-liner, once, through the Tooling REST route jsforce calls
        assert.deepEqual(fake.anonymousApex, ['RenewalScheduler.scheduleDaily();']);
        assert.equal(calls[10].query.anonymousBody, SCHEDULE_RENEWALS_APEX);
        assert.match(
            output.text(),
            /\[10\/11\] Renewal job \(daily renewal opportunities\)\n {2}Running anonymous Apex: RenewalScheduler\.scheduleDaily\(\);\n {2}ok: scheduled daily at 03:00/
        );
        assert.match(output.text(), /\[11\/11\] Summary/);
        assert.match(output.text(), /Renewal job {11}scheduled daily at 03:00/);
        assert.match(output.text(), /Zuora 360 records {5}skipped: Zuora 360 not installed/);
        const assignments = fake.records('PermissionSetAssignment');
        assert.equal(assignments.length, 4);
        const user = fake.records('User')[0];
        assert.ok(assignments.every((a) => a.AssigneeId === user.Id));
        assert.match(output.text(), /Skipped: Zuora 360 \(namespace Zuora\) is not installed/);
        assert.match(output.text(), /Named Credential URL: skipped \(ZUORA_BASE_URL not set/);
        assert.match(output.text(), /Zuora OAuth client: skipped/);
        assert.match(output.text(), /Setup finished\.$/);
    });

    test('with Zuora 360 installed and Zuora env vars: deploys zuora360/ and sets the credentials without printing the secret', async () => {
        fake.addRecord(
            'InstalledSubscriberPackage',
            { SubscriberPackage: { NamespacePrefix: 'Zuora', Name: 'Zuora Quotes / Zuora 360' } },
            { tooling: true }
        );
        const sf = cli();
        const { code, output } = await setup(sf, ['--no-open'], ZUORA_ENV);

        assert.equal(code, 0, output.text());
        assert.ok(
            sf.sfCommands().includes('project deploy start --source-dir zuora360 --target-org zuora-link --wait 30')
        );
        assert.ok(!sf.sfCommands().some((c) => c.startsWith('org open')));
        assert.match(
            output.text(),
            /Open the org with: npx sf org open --target-org zuora-link --path lightning\/r\/Account\//
        );

        const put = fake.callsTo('/named-credentials/named-credential-setup/Zuora', 'PUT');
        assert.equal(put.length, 1);
        const ncBody = put[0].body as Record<string, unknown>;
        assert.equal(ncBody.calloutUrl, 'https://rest.test.zuora.com');
        assert.deepEqual(ncBody.externalCredentials, [{ developerName: 'Zuora' }]);
        assert.deepEqual(ncBody.calloutOptions, {
            allowMergeFieldsInBody: false,
            allowMergeFieldsInHeader: false,
            generateAuthorizationHeader: true
        });
        assert.equal(ncBody.type, 'SecuredEndpoint');

        const post = fake.callsTo('/named-credentials/credential', 'POST');
        assert.equal(post.length, 1);
        assert.deepEqual(post[0].body, {
            externalCredential: 'Zuora',
            principalName: 'ZuoraPrincipal',
            principalType: 'NamedPrincipal',
            authenticationProtocol: 'OAuth',
            authenticationProtocolVariant: 'ClientCredentialsClientSecret',
            credentials: {
                clientId: { value: ZUORA_ENV.ZUORA_CLIENT_ID, encrypted: false },
                clientSecret: { value: SECRET, encrypted: true }
            }
        });
        assert.ok(!output.text().includes(SECRET), 'the secret is never printed');
        assert.match(output.text(), /token URL .*rest\.test\.zuora\.com\/oauth\/token/);

        // Zuora 360 demo records after the demo data: 1 billing account, 2 subscriptions, 2 invoices per demo Account
        const accounts = fake.records('Account').filter((a) => String(a.Seed_Key__c ?? '').startsWith('ZAL-ACC-'));
        assert.ok(accounts.length > 0);
        assert.equal(fake.records('Zuora__CustomerAccount__c').length, accounts.length);
        assert.equal(fake.records('Zuora__Subscription__c').length, 2 * accounts.length);
        assert.equal(fake.records('Zuora__ZInvoice__c').length, 2 * accounts.length);
        const opportunities = fake.callsTo('/composite/sobjects/Opportunity/Seed_Key__c', 'PATCH')[0];
        const billing = fake.callsTo('/composite/sobjects/Zuora__CustomerAccount__c/Zuora__External_Id__c', 'PATCH')[0];
        assert.ok(fake.calls.indexOf(billing) > fake.calls.indexOf(opportunities), 'after the demo data');
        assert.match(output.text(), new RegExp(`Zuora 360 records {5}${5 * accounts.length} records upserted\n`));
        assert.deepEqual(fake.anonymousApex, [SCHEDULE_RENEWALS_APEX]);
    });

    test('re-running on the same org is safe: reuses the org, assigns nothing twice, updates the credential, creates no records', async () => {
        const sf = cli();
        await setup(sf, ['--no-open'], ZUORA_ENV);
        const counts = ['Account', 'Contact', 'Opportunity', 'PermissionSetAssignment'].map(
            (t) => fake.records(t).length
        );
        fake.calls.length = 0;

        const { code, output } = await setup(sf, ['--no-open'], ZUORA_ENV);

        assert.equal(code, 0, output.text());
        assert.equal(sf.sfCommands().filter((c) => c.startsWith('org create scratch')).length, 1);
        assert.match(output.text(), /Reusing scratch org zuora-link/);
        assert.deepEqual(
            ['Account', 'Contact', 'Opportunity', 'PermissionSetAssignment'].map((t) => fake.records(t).length),
            counts
        );
        assert.equal(fake.callsTo('/composite/sobjects', 'POST').length, 0, 'no permission set assignment created');
        assert.match(output.text(), /Zuora_Account_Link_User: already assigned/);
        assert.equal(fake.callsTo('/named-credentials/named-credential-setup/Zuora', 'PUT').length, 0);
        assert.match(output.text(), /Named Credential Zuora: https:\/\/rest\.test\.zuora\.com \(unchanged\)/);
        assert.equal(fake.callsTo('/named-credentials/credential', 'POST').length, 0);
        assert.equal(fake.callsTo('/named-credentials/credential', 'PUT').length, 1);
        assert.match(output.text(), /0 new, 12 updated/);
        // the schedule step runs again; RenewalScheduler.scheduleDaily() keeps the existing job (Apex test
        // RenewalScheduler_Tests.scheduleDailyIsIdempotentAndCanBeRemoved), so a re-run is safe
        assert.deepEqual(fake.anonymousApex, [SCHEDULE_RENEWALS_APEX, SCHEDULE_RENEWALS_APEX]);
        assert.equal(fake.callsTo('/tooling/executeAnonymous', 'GET').length, 1, 'once per run');
        assert.match(
            output.text(),
            /ok: scheduled daily at 03:00 \(an existing schedule is kept; re-running is safe\)/
        );
    });

    test('no browser: setup still succeeds and prints the open command', async () => {
        const { code, output } = await setup(cli({ failOpen: true }), ['--skip-seed']);
        assert.equal(code, 0, output.text());
        assert.match(
            output.text(),
            /Could not open a browser \(sf org open failed: Unable to open a browser: no display\.\)\. Open the org with: npx sf org open --target-org zuora-link --path lightning\/o\/Account\/list/
        );
    });

    test('--target-org uses an existing org without a Dev Hub', async () => {
        await noDevHub();
        await saveLogin(scratch(), 'sandbox');
        const sf = cli();
        const { code, output } = await setup(sf, ['--target-org', 'sandbox', '--skip-seed', '--no-open']);

        assert.equal(code, 0, output.text());
        assert.ok(!sf.sfCommands().some((c) => c.includes('target-dev-hub') || c.startsWith('org create')));
        assert.equal(fake.callsTo(/^\/composite\/sobjects\/Account/).length, 0);
        assert.match(output.text(), /Skipped \(--skip-seed\)/);
    });

    test('a production --target-org is refused before the build and deploy', async () => {
        fake.organization.TrialExpirationDate = null;
        fake.organization.OrganizationType = 'Unlimited Edition';
        await saveLogin(scratch(), 'prod');
        const sf = cli();
        const { code, output } = await setup(sf, ['--target-org', 'prod']);

        assert.equal(code, 1);
        assert.equal(
            output.errors[0],
            '✖ Org "prod" is a production org: the org scripts only set up scratch orgs, sandboxes and Developer Edition orgs.'
        );
        assert.ok(!sf.sfCommands().some((c) => c.startsWith('project deploy')));
        assert.ok(!sf.commands.some((c) => c[0] === 'tsc'));
    });

    test('unknown --target-org', async () => {
        const { code, output } = await setup(cli(), ['--target-org', 'typo']);
        assert.equal(code, 1);
        assert.equal(output.errors[0], '✖ Unknown org "typo": the Salesforce CLI has no login for it.');
    });

    test('a failed deploy names the component and exits 1', async () => {
        const sf = cli({ failDeploy: { 'force-app': 'Variable does not exist: settings' } });
        const { code, output } = await setup(sf, []);

        assert.equal(code, 1);
        assert.equal(
            output.errors[0],
            '✖ Deploying force-app/ failed: ApexClass ZuoraClient (line 3): Variable does not exist: settings'
        );
        const first = fake.calls.findIndex((c) => /FROM Organization LIMIT 1$/.test(c.query.q ?? ''));
        assert.deepEqual(
            fake.calls.slice(first).map((c) => c.query.q),
            ['SELECT IsSandbox, TrialExpirationDate, OrganizationType FROM Organization LIMIT 1']
        );
    });

    test('401 from the org is reported clearly', async () => {
        await saveLogin(scratch(), 'zuora-link');
        fake.expireSession();
        const { code, output } = await setup(cli(), []);
        assert.equal(code, 1);
        assert.match(
            output.errors[0],
            /^✖ The org refused the session while checking what kind of org this is \(401 INVALID_SESSION_ID/
        );
        assert.match(output.errors[1], /npx sf org login web --alias zuora-link/);
    });

    test('a partial seed failure still finishes setup, then exits 1', async () => {
        fake.rejectRecords((sobject, r) => (r.Seed_Key__c === 'ZAL-CON-GLOBEX-JANE' ? 'blocked by a rule' : undefined));
        const { code, output } = await setup(cli(), ['--no-open']);
        assert.equal(code, 1);
        assert.match(
            output.errors.join('\n'),
            /Contact ZAL-CON-GLOBEX-JANE: FIELD_CUSTOM_VALIDATION_EXCEPTION: blocked by a rule/
        );
        assert.match(output.text(), /Setup finished, but 1 demo records were not saved \(see above\)\./);
        assert.deepEqual(fake.anonymousApex, [SCHEDULE_RENEWALS_APEX], 'the renewal job is still scheduled');
    });
});

describe('org:setup: Zuora 360 demo records and the renewal job', () => {
    const installZuora360 = (): void => {
        fake.addRecord(
            'InstalledSubscriberPackage',
            { SubscriberPackage: { NamespacePrefix: 'Zuora', Name: 'Zuora Quotes / Zuora 360' } },
            { tooling: true }
        );
    };

    test('an Apex compile problem: one-line error, the rest of setup still done, exit 1, --json says why', async () => {
        fake.anonymousApexResult = () => ({
            line: 1,
            column: 1,
            compiled: false,
            success: false,
            compileProblem: 'Variable does not exist: RenewalScheduler'
        });
        const { code, output } = await setup(cli(), ['--no-open', '--json']);

        assert.equal(code, 1);
        assert.equal(
            output.errors[0],
            '✖ Renewal job not scheduled: RenewalScheduler.scheduleDaily(); did not compile (line 1, column 1): Variable does not exist: RenewalScheduler'
        );
        assert.match(
            output.errors[1],
            /echo "RenewalScheduler\.scheduleDaily\(\);" \| npx sf apex run --target-org zuora-link$/
        );
        // nothing before or after was lost: demo data saved, summary printed, open command printed
        assert.ok(fake.records('Account').some((a) => a.Seed_Key__c === 'ZAL-ACC-ACME'));
        assert.match(output.text(), /Renewal job {11}NOT scheduled \(see above\)/);
        assert.match(output.text(), /Open the org with: npx sf org open --target-org zuora-link/);
        assert.match(
            output.text(),
            /Setup finished, but the renewal job was not scheduled \(RenewalScheduler\.scheduleDaily\(\); did not compile/
        );
        assert.equal(output.outcome?.failure?.name, 'RenewalJobNotScheduledError');
        const result = output.outcome?.result as { renewalJob: unknown; seed: { failed: number } };
        assert.deepEqual(result.renewalJob, {
            apex: 'RenewalScheduler.scheduleDaily();',
            scheduled: false,
            error: 'RenewalScheduler.scheduleDaily(); did not compile (line 1, column 1): Variable does not exist: RenewalScheduler'
        });
        assert.equal(result.seed.failed, 0);
    });

    test('an exception in the Apex is reported in one line with the first stack frame', async () => {
        fake.anonymousApexResult = () => ({
            line: 47,
            column: 1,
            compiled: true,
            success: false,
            exceptionMessage:
                'System.AsyncException: You have exceeded the maximum number (100) of Apex scheduled jobs.',
            exceptionStackTrace:
                'Class.RenewalScheduler.schedule: line 47, column 1\nClass.RenewalScheduler.scheduleDaily: line 33, column 1\nAnonymousBlock: line 1, column 1'
        });
        const { code, output } = await setup(cli(), ['--no-open', '--skip-seed']);

        assert.equal(code, 1);
        assert.equal(
            output.errors[0],
            '✖ Renewal job not scheduled: RenewalScheduler.scheduleDaily(); threw (line 47, column 1): System.AsyncException: You have exceeded the maximum number (100) of Apex scheduled jobs. [Class.RenewalScheduler.schedule: line 47, column 1]'
        );
        assert.ok(!output.errors.some((l) => l.includes('AnonymousBlock')), 'only the first frame');
    });

    test('--json on success carries the schedule outcome and the Zuora 360 records', async () => {
        installZuora360();
        const { code, output } = await setup(cli(), ['--no-open', '--json']);

        assert.equal(code, 0, output.text());
        const result = output.outcome?.result as {
            renewalJob: unknown;
            zuora360Records: { installed: boolean; saved: number; notSaved: number; objects: unknown[] };
        };
        assert.deepEqual(result.renewalJob, { apex: 'RenewalScheduler.scheduleDaily();', scheduled: true });
        assert.equal(result.zuora360Records.installed, true);
        assert.equal(result.zuora360Records.notSaved, 0);
        assert.equal(result.zuora360Records.objects.length, 3);
    });

    test('Zuora 360 records not saved are listed and counted like the other seed failures: exit 1', async () => {
        installZuora360();
        fake.rejectRecords((sobject, r) =>
            sobject === 'Zuora__CustomerAccount__c' && r.Zuora__External_Id__c === 'zal-seed-ba-ZAL-ACC-ACME'
                ? 'Currency is not enabled'
                : undefined
        );
        const { code, output } = await setup(cli(), ['--no-open', '--json']);

        assert.equal(code, 1);
        const text = output.text();
        assert.match(text, /✖ Zuora__CustomerAccount__c zal-seed-ba-ZAL-ACC-ACME: .*Currency is not enabled/);
        assert.match(text, /✖ Zuora__Subscription__c zal-seed-sub-ZAL-ACC-ACME-a: skipped: billing account/);
        assert.match(text, /✖ Zuora__ZInvoice__c zal-seed-inv-ZAL-ACC-ACME-2: skipped: billing account/);
        assert.ok(output.errors.includes('5 Zuora 360 demo records were not saved (listed above; the others were).'));
        assert.match(text, /Setup finished, but 5 demo records were not saved \(see above\)\./);
        assert.equal(output.outcome?.failure?.name, 'RecordsNotSavedError');
        const result = output.outcome?.result as {
            zuora360Records: { notSaved: number; notSavedRecords: Array<{ key: string }> };
            renewalJob: { scheduled: boolean };
        };
        assert.equal(result.zuora360Records.notSaved, 5);
        assert.deepEqual(
            result.zuora360Records.notSavedRecords.map((r) => r.key),
            [
                'zal-seed-ba-ZAL-ACC-ACME',
                'zal-seed-sub-ZAL-ACC-ACME-a',
                'zal-seed-sub-ZAL-ACC-ACME-b',
                'zal-seed-inv-ZAL-ACC-ACME-1',
                'zal-seed-inv-ZAL-ACC-ACME-2'
            ]
        );
        assert.equal(result.renewalJob.scheduled, true, 'the schedule step still ran');
    });

    test('a connection lost after the org ran the Apex: the GET is sent again, which scheduleDaily() makes safe', async () => {
        fake.failRequests({ drop: 'after', times: 1, match: (c) => c.path === '/tooling/executeAnonymous' });
        const { code, output } = await setup(cli(), ['--no-open', '--skip-seed']);
        assert.equal(code, 0, output.text());
        assert.deepEqual(fake.anonymousApex, [SCHEDULE_RENEWALS_APEX, SCHEDULE_RENEWALS_APEX], 'ran, lost, ran again');
        assert.match(output.text(), /Renewal job {11}scheduled daily at 03:00/);
    });

    test('--skip-seed seeds no Zuora 360 records but still schedules the renewal job', async () => {
        installZuora360();
        const { code, output } = await setup(cli(), ['--no-open', '--skip-seed']);
        assert.equal(code, 0, output.text());
        assert.equal(fake.callsTo(/Zuora__/).length, 0);
        assert.match(output.text(), /Zuora 360 records {5}skipped\n/);
        assert.deepEqual(fake.anonymousApex, [SCHEDULE_RENEWALS_APEX]);
    });
});
