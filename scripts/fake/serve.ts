/**
 * `npm run fake -- [--port <n>]`: runs the local fake Salesforce org (REST, Bulk API 2.0, Tooling, Connect
 * named-credentials and the login checks of `sf org login access-token`) and the fake Zuora tenant on 127.0.0.1
 * until SIGINT/SIGTERM, so the org scripts can be tried without an org:
 *
 *     npm run fake -- --port 4041
 *     salesforce http://127.0.0.1:4041 token 00DFK0000000001AAA!…
 *     zuora http://127.0.0.1:<port>
 *
 *     SF_ACCESS_TOKEN='<token>' npx sf org login access-token --instance-url http://127.0.0.1:4041 --no-prompt --alias fake
 *     npm run org:seed -- -o fake
 *
 * The fake org is a scratch org with the package's permission sets and the `Zuora` Named Credential already there
 * (as after a deploy). The token is new on every start and only printed here, for the login command.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isMain, parseCommandLine, processOutput, runMain, type CommandSpec, type Output } from '../lib/cli.ts';
import { repoRoot } from '../lib/sf.ts';
import { FakeSalesforce, FAKE_ORG_ID } from './salesforce.ts';
import { startFakeZuora } from './zuora.ts';

export const fakeCommand = {
    usage: 'npm run fake --',
    summary:
        'Runs the local fake Salesforce org and fake Zuora tenant on 127.0.0.1 until Ctrl+C; prints their URLs and the org access token.',
    options: {
        port: {
            type: 'integer',
            valueName: 'n',
            min: 0,
            max: 65535,
            default: 0,
            description: 'Port of the fake Salesforce org (0 = any free port); the fake Zuora takes any free port.'
        },
        verbose: { type: 'boolean', description: 'Log every request the fake Salesforce receives to stderr.' }
    },
    examples: ['npm run fake -- --port 4041']
} as const satisfies CommandSpec;

/** The permission sets a deploy of the repo's source creates: read from the metadata, so the fake cannot drift. */
export function deployedPermissionSets(): string[] {
    const suffix = '.permissionset-meta.xml';
    return ['force-app', 'sample-data'].flatMap((dir) =>
        readdirSync(path.join(repoRoot, dir, 'main/default/permissionsets'))
            .filter((f) => f.endsWith(suffix))
            .map((f) => f.slice(0, -suffix.length))
    );
}

/** What a freshly deployed org holds that the setup script expects: the permission sets, the Named Credential. */
export function deployedPackage(fake: FakeSalesforce): FakeSalesforce {
    for (const name of deployedPermissionSets()) {
        fake.addRecord('PermissionSet', { Name: name });
    }
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
        externalCredentials: [{ developerName: 'Zuora' }],
        parameters: []
    });
    return fake;
}

/** Starts both fakes; resolves with a function that stops them. */
export async function serveFakes(
    port: number,
    output: Output,
    options: { verbose?: boolean } = {}
): Promise<() => Promise<void>> {
    const salesforce = deployedPackage(new FakeSalesforce());
    if (options.verbose) {
        salesforce.onCall = (call) =>
            output.err(`${call.method} ${call.version ? `/services/data/v${call.version}` : ''}${call.path}`);
    }
    salesforce.accessToken = `${FAKE_ORG_ID}!${randomBytes(24).toString('hex')}`;
    await salesforce.start(port);
    const zuora = await startFakeZuora();
    output.out(`salesforce ${salesforce.url} token ${salesforce.accessToken}`);
    output.out(`zuora ${zuora.url}`);
    return async () => {
        await salesforce.stop();
        await zuora.stop();
    };
}

export async function runFakeCommand(argv: readonly string[], output: Output): Promise<number> {
    const parsed = parseCommandLine(fakeCommand, argv);
    if (parsed.help) {
        output.out(parsed.text);
        return 0;
    }
    const stop = await serveFakes(parsed.options.port, output, { verbose: parsed.options.verbose });
    await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
    });
    await stop();
    return 0;
}

if (isMain(import.meta.url)) {
    // the token line is the point of this command: no redaction of it
    const output = processOutput();
    await runMain(
        () =>
            runFakeCommand(process.argv.slice(2), {
                ...output,
                out: (line) => process.stdout.write(`${line}\n`)
            }),
        output
    );
}
