import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execute, memoryOutput } from '../lib/cli.ts';
import { FakeSalesforce, FAKE_ACCESS_TOKEN, startFakeSalesforce } from '../fake/salesforce.ts';
import { FakeSfCli, freshHome, saveLogin, type FakeSfOptions } from '../fake/sf-cli.ts';
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
                'PATCH /composite/sobjects/Opportunity/Seed_Key__c'
            ]
        );
        assert.match(calls[1].query.q, /FROM InstalledSubscriberPackage/);
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
        assert.match(output.text(), /Setup finished, but some demo records were not saved/);
    });
});
