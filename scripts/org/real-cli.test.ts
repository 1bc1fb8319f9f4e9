/**
 * The real pinned `sf` binary in the loop: `npm run fake` (its serveFakes(), in this process) plays the org, the real
 * `sf org login access-token` logs into it from an empty HOME, and org:seed (as its own process, exactly as a user
 * runs it) and org:setup (in process, with only scratch-org creation and Metadata deploys faked) use that login.
 * Nothing here hands the scripts a token: they find the org through @salesforce/core, like on a developer machine.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { execute, memoryOutput } from '../lib/cli.ts';
import { repoRoot, SF_ENTRY, sfEnvironment } from '../lib/sf.ts';
import { serveFakes } from '../fake/serve.ts';
import { FakeSfCli, freshHome } from '../fake/sf-cli.ts';
import { PERMISSION_SETS, runSetupCommand } from './setup.ts';

let home: string;
let stopServer: () => Promise<void>;
let instanceUrl: string;
let token: string;

/** Runs a program to completion (args array, no shell) and returns exit code and output. */
function run(
    args: string[],
    env: Record<string, string>,
    cwd: string
): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, shell: false });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
}

/** The offline settings the gate uses for sf (scripts/gate/run.sh), plus this test's HOME. */
const offline = (): Record<string, string> => ({
    ...sfEnvironment,
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
    HOME: home,
    USERPROFILE: home
});

async function query(soql: string): Promise<Array<Record<string, unknown>>> {
    const res = await fetch(`${instanceUrl}/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, {
        headers: { Authorization: `Bearer ${token}` }
    });
    return ((await res.json()) as { records: Array<Record<string, unknown>> }).records;
}

before(async () => {
    home = await freshHome();
    const banner = memoryOutput();
    stopServer = await serveFakes(0, banner);
    const printed = banner.lines;
    assert.equal(printed.length, 2, 'exactly two lines');
    const sf = /^salesforce (http:\/\/127\.0\.0\.1:\d+) token (00D\w{15}!\w+)$/.exec(printed[0]);
    assert.ok(sf, `first line: ${printed[0]}`);
    assert.match(printed[1], /^zuora http:\/\/127\.0\.0\.1:\d+$/);
    [, instanceUrl, token] = sf;
});

after(async () => {
    await stopServer();
});

describe('the pinned sf CLI logged into `npm run fake`', () => {
    test('sf org login access-token, then npm run org:seed -- -o fake --json as its own process', async () => {
        const login = await run(
            [
                SF_ENTRY,
                'org',
                'login',
                'access-token',
                '--instance-url',
                instanceUrl,
                '--no-prompt',
                '--alias',
                'fake',
                '--json'
            ],
            { ...offline(), SF_ACCESS_TOKEN: token },
            home
        );
        assert.equal(login.code, 0, login.stdout + login.stderr);
        assert.equal(JSON.parse(login.stdout).result.username, 'admin@zal.test');

        // side by side (to keep the test short): what sf shows of the token, and the seed run through the login
        const [display, seeded] = await Promise.all([
            run([SF_ENTRY, 'org', 'display', '--target-org', 'fake', '--json'], offline(), home),
            run(['--import', 'tsx', 'scripts/org/seed.ts', '-o', 'fake', '--json'], offline(), repoRoot)
        ]);
        // what the old scripts sent as the bearer token
        assert.match(JSON.parse(display.stdout).result.accessToken, /^\[REDACTED\]/);

        assert.equal(seeded.code, 0, seeded.stdout + seeded.stderr);
        const json = JSON.parse(seeded.stdout);
        assert.equal(json.status, 0);
        assert.deepEqual(
            json.result.objects.map((o: { sobject: string; sent: number; saved: number }) => [
                o.sobject,
                o.sent,
                o.saved
            ]),
            [
                ['Account', 12, 12],
                ['Contact', 12, 12],
                ['Opportunity', 3, 3]
            ]
        );
        assert.ok(!seeded.stdout.includes(token) && !seeded.stderr.includes(token), 'the token is never printed');
        assert.equal((await query('SELECT Id FROM Account')).length, 12);
    });

    test('org:setup -o fake through the same login (scratch creation and deploys faked)', async () => {
        const sf = new FakeSfCli();
        const output = memoryOutput();
        const code = await execute(
            () =>
                runSetupCommand(['-o', 'fake', '--no-open'], {
                    sf: sf.runner,
                    output,
                    env: {},
                    nodeVersion: process.versions.node
                }),
            output
        );
        assert.equal(code, 0, output.text());
        assert.ok(sf.sfCommands().includes('project deploy start --source-dir force-app --target-org fake --wait 30'));
        assert.match(output.text(), /Zuora_Account_Link_Admin: assigned/);
        assert.match(output.text(), /0 new, 12 updated/, 'the demo data of the previous test is updated, not doubled');
        assert.equal((await query('SELECT Id FROM PermissionSetAssignment')).length, PERMISSION_SETS.length);
        assert.equal((await query('SELECT Id FROM Account')).length, 12);
        // the @salesforce/core connection (jsforce 3.10's tooling.executeAnonymous) reached the fake's route and its
        // ExecuteAnonymousResult was read; no Zuora 360 in the fake, so its demo records are skipped with the notice
        assert.match(
            output.text(),
            /Running anonymous Apex: RenewalScheduler\.scheduleDaily\(\);\n {2}ok: scheduled daily/
        );
        assert.match(
            output.text(),
            /Zuora 360 records skipped: the Zuora 360 package \(namespace Zuora\) is not installed/
        );
        assert.ok(!output.text().includes(token));
    });
});
