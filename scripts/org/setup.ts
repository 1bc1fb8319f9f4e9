/**
 * `npm run org:setup`: the first command of the README. Checks prerequisites, creates (or reuses) a scratch org,
 * builds and deploys the package, deploys the Zuora 360 adapter only where Zuora 360 is installed, assigns the
 * permission sets, fills in the Zuora credentials from the environment, seeds demo data (and Zuora 360 records where
 * Zuora 360 is installed), schedules the renewal opportunities job and opens an Account.
 * Every step is idempotent, so re-running it on the same org is safe.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
    isMain,
    JSON_FLAG,
    parseCommandLine,
    processOutput,
    runMain,
    type CommandSpec,
    type OptionsOf,
    type Output
} from '../lib/cli.ts';
import { UserError } from '../lib/errors.ts';
import {
    connectOrg,
    defaultOrg,
    explainOrgError,
    orgExists,
    refuseProduction,
    type OrgSession,
    type SessionOptions
} from '../lib/org.ts';
import { heartbeat } from '../lib/progress.ts';
import { processRunner, repoRoot, runSf, SfCommandError, type CommandRunner } from '../lib/sf.ts';
import {
    checkZuoraEnvironment,
    configureZuoraCredentials,
    type CredentialOutcome,
    type ZuoraEnvironment
} from './credentials.ts';
import { SCHEDULE_RENEWALS_APEX, scheduleRenewalJob, type RenewalScheduleOutcome } from './renewal-job.ts';
import { DEMO_ACCOUNT_KEY } from './seed-data.ts';
import { seedZuora360, type Zuora360SeedResult } from './seed-zuora360.ts';
import { reportSeed, seedOrg, seedResult, type SeedSummary } from './seed.ts';

export const PERMISSION_SETS = [
    'Zuora_Account_Link_User',
    'Zuora_Account_Link_Admin',
    'Zuora_Backfill_Admin',
    'Zuora_Account_Link_Sample_Data'
] as const;
export const ZUORA_NAMESPACE = 'Zuora';
export const DEV_HUB_LOGIN = 'npx sf org login web --set-default-dev-hub --alias devhub';

export const setupCommand = {
    usage: 'npm run org:setup --',
    summary:
        'Creates (or reuses) a scratch org, deploys Zuora Account Link, assigns its permission sets, sets the Zuora credentials from the environment, seeds demo data (and Zuora 360 records where Zuora 360 is installed), schedules the daily renewal job and opens an Account.',
    options: {
        alias: {
            type: 'string',
            valueName: 'alias',
            default: 'zuora-link',
            description: 'Alias of the scratch org to create; reused when it already exists.'
        },
        targetOrg: {
            type: 'string',
            char: 'o',
            valueName: 'alias',
            description: 'Set up this existing org (sandbox, Developer Edition, scratch) instead of creating one.'
        },
        durationDays: {
            type: 'integer',
            valueName: 'days',
            min: 1,
            max: 30,
            default: 7,
            description: 'Lifetime of a new scratch org.'
        },
        definitionFile: {
            type: 'string',
            valueName: 'file',
            default: 'config/project-scratch-def.json',
            description: 'Scratch org definition.'
        },
        devHub: {
            type: 'string',
            valueName: 'alias',
            description: 'Dev Hub to create the scratch org with (default: the CLI default Dev Hub).'
        },
        skipSeed: { type: 'boolean', description: 'Do not load demo data (nor Zuora 360 demo records).' },
        noOpen: { type: 'boolean', description: 'Do not open the org in a browser at the end (print the command).' },
        json: JSON_FLAG
    },
    env: [
        ['ZUORA_BASE_URL', 'Zuora REST host for the Named Credential, e.g. https://rest.apisandbox.zuora.com'],
        ['ZUORA_CLIENT_ID', 'Zuora OAuth client id, stored in the External Credential principal ZuoraPrincipal'],
        ['ZUORA_CLIENT_SECRET', 'Zuora OAuth client secret (stored encrypted in the org, never printed)']
    ],
    examples: [
        'npm run org:setup',
        'npm run org:setup -- --alias zal-review --duration-days 2',
        'npm run org:setup -- --target-org my-sandbox --skip-seed'
    ]
} as const satisfies CommandSpec;

export type SetupOptions = OptionsOf<typeof setupCommand>;

export interface SetupDependencies {
    sf: CommandRunner;
    output: Output;
    env: ZuoraEnvironment & Record<string, string | undefined>;
    /** `process.versions.node` (tests inject others). */
    nodeVersion: string;
    /** Opens an org the CLI is logged into (tests pass a faster retry policy through `retry`). */
    connect?: (targetOrg: string) => Promise<OrgSession>;
    retry?: SessionOptions['retry'];
    bulkPollIntervalMs?: number;
}

export interface SetupSummary {
    alias: string;
    username: string;
    instanceUrl: string;
    created: boolean;
    zuora360: boolean;
    permissionSetsAssigned: string[];
    credentials: CredentialOutcome;
    seed?: SeedSummary;
    /** Zuora 360 demo records (after the demo data; nothing written where Zuora 360 is absent). */
    zuora360Seed?: Zuora360SeedResult;
    renewalJob: RenewalScheduleOutcome;
    demoAccountId?: string;
}

/** Node versions the project supports (package.json engines: >=20.11 <21 || >=22). */
export function checkNodeVersion(version: string): void {
    const [major, minor] = version.split('.').map(Number);
    if ((major === 20 && minor >= 11) || major >= 22) {
        return;
    }
    throw new UserError(`Node ${version} is not supported: use Node 20.11+ (20.x) or 22+.`, {
        hint: 'Install it with your version manager (e.g. `nvm install 20 && nvm use 20`), then run `npm ci` and re-run.'
    });
}

/** The Dev Hub to use (from the CLI's auth store), or a {@link UserError} that prints the exact login command. */
export async function checkDevHub(requested: string | undefined): Promise<string> {
    const noDevHub = (detail: string): UserError =>
        new UserError(`${detail} A scratch org needs a Dev Hub.`, {
            hint: [
                'Authorise your Dev Hub, then re-run `npm run org:setup`:',
                `    ${DEV_HUB_LOGIN}`,
                'Or set up an org you already have: npm run org:setup -- --target-org <alias>'
            ].join('\n')
        });
    const devHub = requested ?? (await defaultOrg('target-dev-hub'));
    if (!devHub) {
        throw noDevHub('No Dev Hub is authorised (the CLI has no default Dev Hub).');
    }
    if (!(await orgExists(devHub))) {
        throw noDevHub(`Dev Hub "${devHub}" is not usable: No authorization information found for ${devHub}.`);
    }
    return devHub;
}

async function hasJava(sf: CommandRunner): Promise<boolean> {
    // `java` is an executable (java.exe on Windows): spawned directly, no shell
    const res = await sf('java', ['-version']);
    return res.code === 0;
}

/** Summarises a failed deploy from the CLI's JSON (component failures, at most 10). */
function deployFailure(dir: string, error: SfCommandError): UserError {
    const details = (error.result as { details?: { componentFailures?: unknown } } | undefined)?.details;
    const raw = details?.componentFailures;
    const failures = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Array<{
        componentType?: string;
        fullName?: string;
        problem?: string;
        lineNumber?: number;
    }>;
    const lines = failures
        .slice(0, 10)
        .map((f) =>
            `${f.componentType ?? ''} ${f.fullName ?? ''}${f.lineNumber ? ` (line ${f.lineNumber})` : ''}: ${f.problem ?? ''}`.trim()
        );
    const what = lines.length > 0 ? lines.join(' | ') : error.message.replace(/^sf [^:]+ failed: /, '');
    return new UserError(`Deploying ${dir}/ failed: ${what}`, {
        hint: `Fix the component(s) and re-run; already deployed metadata is simply deployed again. Full report: npx sf project deploy report --target-org <alias>`
    });
}

async function deploy(sf: CommandRunner, dir: string, alias: string, output: Output): Promise<void> {
    const beat = heartbeat(output, () => `  still deploying ${dir}/…`);
    try {
        await runSf(sf, ['project', 'deploy', 'start', '--source-dir', dir, '--target-org', alias, '--wait', '30']);
    } catch (error) {
        if (error instanceof SfCommandError) {
            throw deployFailure(dir, error);
        }
        throw error;
    } finally {
        beat.stop();
    }
}

/** True when a package with the Zuora namespace (Zuora 360) is installed (Tooling API InstalledSubscriberPackage). */
export async function zuora360Installed(session: OrgSession): Promise<boolean> {
    try {
        const res = await session.conn.tooling.query<{ SubscriberPackage?: { NamespacePrefix?: string | null } }>(
            'SELECT SubscriberPackage.NamespacePrefix, SubscriberPackage.Name FROM InstalledSubscriberPackage'
        );
        return res.records.some(
            (r) => (r.SubscriberPackage?.NamespacePrefix ?? '').toLowerCase() === ZUORA_NAMESPACE.toLowerCase()
        );
    } catch (error) {
        explainOrgError(error, session, 'listing installed packages');
    }
}

function soqlString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Assigns the package permission sets to the running user; already-assigned ones are left alone. */
export async function assignPermissionSets(session: OrgSession): Promise<string[]> {
    try {
        const users = await session.conn.query<{ Id: string }>(
            `SELECT Id FROM User WHERE Username = ${soqlString(session.username)} LIMIT 1`
        );
        const userId = users.records[0]?.Id;
        if (!userId) {
            throw new UserError(`User ${session.username} was not found in the org.`);
        }
        const names = PERMISSION_SETS.map(soqlString).join(', ');
        const sets = await session.conn.query<{ Id: string; Name: string }>(
            `SELECT Id, Name FROM PermissionSet WHERE Name IN (${names})`
        );
        const missing = PERMISSION_SETS.filter((n) => !sets.records.some((s) => s.Name === n));
        if (missing.length > 0) {
            throw new UserError(
                `Permission set(s) ${missing.join(', ')} not found in the org: the deploy did not include them.`
            );
        }
        const assigned = await session.conn.query<{ PermissionSetId: string }>(
            `SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = ${soqlString(userId)} AND PermissionSet.Name IN (${names})`
        );
        const have = new Set(assigned.records.map((a) => a.PermissionSetId));
        const toAssign = sets.records.filter((s) => !have.has(s.Id));
        if (toAssign.length > 0) {
            const results = (await session.conn.create(
                'PermissionSetAssignment',
                toAssign.map((s) => ({ AssigneeId: userId, PermissionSetId: s.Id })),
                { allOrNone: true }
            )) as unknown as Array<{ success: boolean; errors?: Array<{ message?: string }> }>;
            const failed = results.find((r) => !r.success);
            if (failed) {
                throw new UserError(
                    `Assigning the permission sets failed: ${failed.errors?.[0]?.message ?? 'unknown error'}`
                );
            }
        }
        return toAssign.map((s) => s.Name);
    } catch (error) {
        explainOrgError(error, session, 'assigning the permission sets');
    }
}

/** Runs every step; returns the summary (seeding failures are reported by the caller). */
export async function runSetup(options: SetupOptions, deps: SetupDependencies): Promise<SetupSummary> {
    const { sf, output } = deps;
    const total = 11;
    let n = 0;
    const step = (title: string): void => output.out(`[${++n}/${total}] ${title}`);

    step('Prerequisites');
    checkNodeVersion(deps.nodeVersion);
    output.out(`  Node ${deps.nodeVersion}: ok`);
    // every input is checked before anything is created, built or deployed
    const zuoraUrl = checkZuoraEnvironment(deps.env);
    if (await hasJava(sf)) {
        output.out('  Java: found (only the offline gate `npm test` needs it)');
    } else {
        output.out(
            '  Java: not found. Not needed here; only the offline gate (`npm test`: apex-ls, PMD) needs Java 17+.'
        );
    }
    const connect = deps.connect ?? ((target: string) => connectOrg(target, { retry: deps.retry }));
    let devHub: string | undefined;
    let session: OrgSession | undefined;
    if (options.targetOrg) {
        session = await connect(options.targetOrg);
        output.out(`  Dev Hub: not needed (--target-org ${options.targetOrg})`);
    } else {
        const definition = path.resolve(repoRoot, options.definitionFile);
        if (!existsSync(definition)) {
            throw new UserError(`Scratch org definition ${options.definitionFile} not found.`);
        }
        devHub = await checkDevHub(options.devHub);
        output.out(`  Dev Hub: ${devHub}`);
    }
    output.out(`  Zuora REST host: ${zuoraUrl ?? 'not set (ZUORA_BASE_URL), the placeholder stays'}`);

    step('Org');
    let created = false;
    const alias = options.targetOrg ?? options.alias;
    if (session) {
        output.out(`  Using ${session.username} (${session.instanceUrl})`);
    } else if (await orgExists(alias)) {
        session = await connect(alias);
        output.out(
            `  Reusing scratch org ${alias} (${session.username}${session.expirationDate ? `, expires ${session.expirationDate}` : ''})`
        );
    } else {
        output.out(`  Creating scratch org ${alias} for ${options.durationDays} days (takes 1–3 minutes)…`);
        const beat = heartbeat(output, () => `  still creating scratch org ${alias}…`);
        try {
            await runSf(sf, [
                'org',
                'create',
                'scratch',
                '--definition-file',
                options.definitionFile,
                '--alias',
                alias,
                '--duration-days',
                String(options.durationDays),
                '--target-dev-hub',
                devHub ?? '',
                '--wait',
                '15'
            ]);
        } catch (error) {
            if (error instanceof SfCommandError) {
                throw new UserError(
                    `Creating the scratch org failed: ${error.message.replace(/^sf [^:]+ failed: /, '')}`,
                    {
                        hint: 'Check the Dev Hub limits with `npx sf org list limits --target-org <devhub>` (ActiveScratchOrgs, DailyScratchOrgs).'
                    }
                );
            }
            throw error;
        } finally {
            beat.stop();
        }
        session = await connect(alias);
        created = true;
        output.out(`  Created ${session.username}`);
    }

    const kind = await refuseProduction(session);
    output.out(`  Org type: ${kind}`);

    step('Build LWC (TypeScript → JavaScript)');
    const build = await sf('tsc', ['-p', 'force-app/main/default/lwc/tsconfig.json']);
    if (build.code !== 0) {
        const tail = `${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-5).join(' | ');
        throw new UserError(`Building the LWC failed: ${tail}`, { hint: 'Run `npm run build:lwc` to see all errors.' });
    }
    output.out('  ok');

    step('Deploy force-app/ (core package)');
    output.out('  Deploying… (a few minutes on a new org)');
    await deploy(sf, 'force-app', alias, output);
    output.out('  ok');

    step('Deploy sample-data/ (demo-only Seed_Key__c fields, never packaged)');
    await deploy(sf, 'sample-data', alias, output);
    output.out('  ok');

    step('Zuora 360 adapter (zuora360/)');
    const zuora360 = await zuora360Installed(session);
    if (zuora360) {
        await deploy(sf, 'zuora360', alias, output);
        output.out('  Zuora 360 is installed: zuora360/ deployed');
    } else {
        output.out(
            '  Skipped: Zuora 360 (namespace Zuora) is not installed. The package works without it (sync reports that Zuora 360 is not installed). Install Zuora 360 and re-run to add it.'
        );
    }

    step('Permission sets');
    const assignedNow = await assignPermissionSets(session);
    for (const name of PERMISSION_SETS) {
        output.out(`  ${name}: ${assignedNow.includes(name) ? 'assigned' : 'already assigned'}`);
    }

    step('Zuora credentials');
    const credentials = await configureZuoraCredentials(session, deps.env, output);

    step('Demo data');
    let seed: SeedSummary | undefined;
    if (options.skipSeed) {
        output.out('  Skipped (--skip-seed)');
    } else {
        seed = await seedOrg(session, output, { bulkPollIntervalMs: deps.bulkPollIntervalMs });
    }
    let zuora360Seed: Zuora360SeedResult | undefined;
    if (seed) {
        zuora360Seed = await seedZuora360(session, output, seed.accountIds);
    }

    step('Renewal job (daily renewal opportunities)');
    output.out(`  Running anonymous Apex: ${SCHEDULE_RENEWALS_APEX}`);
    const renewalJob = await scheduleRenewalJob(session);
    if (renewalJob.scheduled) {
        output.out(`  ok: scheduled daily at 03:00 (an existing schedule is kept; re-running is safe)`);
    } else {
        output.err(`✖ Renewal job not scheduled: ${renewalJob.error}`);
        output.err(
            `  Fix it (is force-app/ deployed with RenewalScheduler?) and re-run, or run: echo "${SCHEDULE_RENEWALS_APEX}" | npx sf apex run --target-org ${alias}`
        );
    }

    step('Summary');
    const demoAccountId = seed?.accountIds.get(DEMO_ACCOUNT_KEY);
    const summary: SetupSummary = {
        alias,
        username: session.username,
        instanceUrl: session.instanceUrl,
        created,
        zuora360,
        permissionSetsAssigned: assignedNow,
        credentials,
        seed,
        zuora360Seed,
        renewalJob,
        demoAccountId
    };
    printSummary(summary, output);
    return summary;
}

function saved360(result: Zuora360SeedResult): number {
    return result.results.reduce((sum, r) => sum + r.succeeded, 0);
}

function printSummary(s: SetupSummary, output: Output): void {
    const rows: Array<[string, string]> = [
        ['Org', `${s.alias} (${s.username})${s.created ? ', new' : ''}`],
        ['Instance', s.instanceUrl],
        ['Core package', 'deployed'],
        ['Zuora 360 adapter', s.zuora360 ? 'deployed' : 'not installed in the org: skipped'],
        ['Permission sets', PERMISSION_SETS.join(', ')],
        ['Named Credential URL', s.credentials.namedCredentialUrl],
        ['Zuora OAuth client', s.credentials.principal],
        [
            'Demo data',
            s.seed
                ? `${s.seed.written} records upserted${s.seed.failed > 0 ? `, ${s.seed.failed} failed` : ''}`
                : 'skipped'
        ],
        [
            'Zuora 360 records',
            !s.zuora360Seed
                ? 'skipped'
                : !s.zuora360
                  ? 'skipped: Zuora 360 not installed'
                  : `${saved360(s.zuora360Seed)} records upserted${s.zuora360Seed.notSaved > 0 ? `, ${s.zuora360Seed.notSaved} not saved` : ''}`
        ],
        ['Renewal job', s.renewalJob.scheduled ? 'scheduled daily at 03:00' : 'NOT scheduled (see above)']
    ];
    for (const [k, v] of rows) {
        output.out(`  ${k.padEnd(22)}${v}`);
    }
}

/** The `--json` shape of the Zuora 360 demo records (not installed: nothing written, empty lists). */
function zuora360Result(r: Zuora360SeedResult, installed: boolean): unknown {
    return {
        installed,
        saved: saved360(r),
        notSaved: r.notSaved,
        objects: r.results.map((w) => ({
            sobject: w.sobject,
            sent: w.total,
            saved: w.succeeded,
            failed: w.failures.length
        })),
        notSavedRecords: [
            ...r.results.flatMap((w) => w.failures.map((f) => ({ sobject: w.sobject, ...f }))),
            // children never sent because their billing account was not saved (the key names the object)
            ...r.skipped
        ]
    };
}

/** Entry point behind `npm run org:setup`; returns the exit code. */
export async function runSetupCommand(argv: readonly string[], deps: SetupDependencies): Promise<number> {
    const parsed = parseCommandLine(setupCommand, argv);
    if (parsed.help) {
        deps.output.out(parsed.text);
        return 0;
    }
    const summary = await runSetup(parsed.options, deps);
    let code = 0;
    if (summary.seed) {
        code = reportSeed(summary.seed, deps.output);
    }
    const notSaved360 = summary.zuora360Seed?.notSaved ?? 0;
    if (notSaved360 > 0) {
        // each one is listed (✖ lines) under "Zuora 360 records" above
        deps.output.err(`${notSaved360} Zuora 360 demo records were not saved (listed above; the others were).`);
    }
    const problems: string[] = [];
    const notSaved = (summary.seed?.failed ?? 0) + notSaved360;
    if (notSaved > 0) {
        problems.push(`${notSaved} demo records were not saved`);
    }
    if (!summary.renewalJob.scheduled) {
        problems.push(`the renewal job was not scheduled (${summary.renewalJob.error})`);
    }
    if (problems.length > 0) {
        code = 1;
    }
    const openPath = summary.demoAccountId
        ? `lightning/r/Account/${summary.demoAccountId}/view`
        : 'lightning/o/Account/list';
    if (parsed.options.noOpen) {
        deps.output.out(`Open the org with: npx sf org open --target-org ${summary.alias} --path ${openPath}`);
    } else {
        try {
            await runSf(deps.sf, ['org', 'open', '--target-org', summary.alias, '--path', openPath]);
            deps.output.out(`Opened ${openPath} in ${summary.alias}.`);
        } catch (error) {
            if (!(error instanceof SfCommandError)) {
                throw error;
            }
            // no browser (CI, SSH): the org is ready anyway
            deps.output.out(
                `Could not open a browser (${error.message}). Open the org with: npx sf org open --target-org ${summary.alias} --path ${openPath}`
            );
        }
    }
    deps.output.outcome = {
        result: {
            alias: summary.alias,
            username: summary.username,
            instanceUrl: summary.instanceUrl,
            created: summary.created,
            zuora360: summary.zuora360,
            permissionSetsAssigned: summary.permissionSetsAssigned,
            credentials: summary.credentials,
            seed: summary.seed ? seedResult(summary.seed) : undefined,
            zuora360Records: summary.zuora360Seed ? zuora360Result(summary.zuora360Seed, summary.zuora360) : undefined,
            renewalJob: summary.renewalJob,
            openPath
        },
        ...(code === 0
            ? {}
            : {
                  failure: {
                      name: notSaved > 0 ? 'RecordsNotSavedError' : 'RenewalJobNotScheduledError',
                      message: `Setup finished, but ${problems.join('; ')}.`
                  }
              })
    };
    deps.output.out(code === 0 ? 'Setup finished.' : `Setup finished, but ${problems.join('; ')} (see above).`);
    return code;
}

if (isMain(import.meta.url)) {
    const output = processOutput({ json: process.argv.includes('--json') });
    await runMain(
        () =>
            runSetupCommand(process.argv.slice(2), {
                sf: processRunner,
                output,
                env: process.env,
                nodeVersion: process.versions.node
            }),
        output
    );
}
