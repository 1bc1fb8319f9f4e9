/**
 * A fake of the commands the org scripts start (`sf … --json` for scratch org creation, deploys and `org open`;
 * `tsc`; `java -version`), answering like the real CLI does. Logins are NOT faked: {@link saveLogin} stores an org
 * in the real @salesforce/core auth store (what `sf org login access-token` does), after @salesforce/core has checked
 * the token against the fake org, and the scripts read it from there as they would on a developer machine.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuthInfo, ConfigAggregator, StateAggregator } from '@salesforce/core';
import type { CommandResult, CommandRunner } from '../lib/sf.ts';
import { FAKE_ACCESS_TOKEN, startFakeSalesforce, type FakeSalesforce } from './salesforce.ts';

export interface FakeOrg {
    instanceUrl: string;
    accessToken: string;
}

/** Logs an org into the local auth store under an alias (optionally as the default org or Dev Hub). */
export async function saveLogin(
    org: FakeOrg,
    alias: string,
    options: { setDefault?: boolean; setDefaultDevHub?: boolean } = {}
): Promise<string> {
    const authInfo = await AuthInfo.create({
        accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.instanceUrl, loginUrl: org.instanceUrl }
    });
    await authInfo.save();
    await authInfo.handleAliasAndDefaultSettings({
        alias,
        setDefault: options.setDefault ?? false,
        setDefaultDevHub: options.setDefaultDevHub ?? false
    });
    ConfigAggregator.clearInstance();
    return authInfo.getUsername();
}

/**
 * A fresh HOME and a started fake org logged in under `alias` through @salesforce/core's auth store (as
 * `sf org login access-token` does), with the calls of the login itself forgotten.
 */
export async function startLoggedInFake(alias: string): Promise<FakeSalesforce> {
    await freshHome();
    const fake = await startFakeSalesforce();
    await saveLogin({ instanceUrl: fake.url, accessToken: FAKE_ACCESS_TOKEN }, alias);
    fake.calls.length = 0;
    return fake;
}

/**
 * Points @salesforce/core at a new, empty HOME (auth files, aliases, config), like a fresh machine. Tests call it
 * before each case; the real `sf` binary is started with the same HOME.
 */
export async function freshHome(): Promise<string> {
    const home = await mkdtemp(path.join(tmpdir(), 'zal-home-'));
    // outside the repository too: @salesforce/core reads and writes project config (.sf/config.json) in the cwd
    process.chdir(home);
    process.env.HOME = home;
    process.env.USERPROFILE = home;
    process.env.SF_USE_GENERIC_UNIX_KEYCHAIN = 'true';
    // no log-file worker thread: it would start in this cwd, where `--import tsx` cannot be resolved
    process.env.SF_DISABLE_LOG_FILE = 'true';
    StateAggregator.clearInstance();
    ConfigAggregator.clearInstance();
    return home;
}

export interface FakeSfOptions {
    /** The org a `sf org create scratch` call creates (and logs in, like the real command). */
    scratchOrg?: FakeOrg;
    /** Source dirs whose deploy fails, with the component failure message. */
    failDeploy?: Record<string, string>;
    /** Whether `java -version` works (default true). */
    java?: boolean;
    /** Exit code of `tsc -p force-app/main/default/lwc/tsconfig.json` (default 0). */
    buildExitCode?: number;
    /** `sf org open` fails (no browser). */
    failOpen?: boolean;
}

export class FakeSfCli {
    /** Every command run, as `[program, ...args]` with the program's base name (sf, npm, java). */
    readonly commands: string[][] = [];

    constructor(private readonly options: FakeSfOptions = {}) {}

    /** The {@link CommandRunner} to inject. */
    readonly runner: CommandRunner = async (command, args) => {
        const program = path.basename(command).replace(/\.cmd$/, '');
        this.commands.push([program, ...args]);
        if (program === 'java') {
            return this.options.java === false
                ? { code: 127, stdout: '', stderr: 'spawn java ENOENT' }
                : { code: 0, stdout: '', stderr: 'openjdk version "17.0.15" 2025-04-15' };
        }
        if (program === 'tsc') {
            return { code: this.options.buildExitCode ?? 0, stdout: '', stderr: '' };
        }
        if (program !== 'sf') {
            return { code: 127, stdout: '', stderr: `${program}: not found` };
        }
        return this.sf(args.filter((a) => a !== '--json'));
    };

    /** sf commands run, without the program name and --json, joined by spaces. */
    sfCommands(): string[] {
        return this.commands
            .filter((c) => c[0] === 'sf')
            .map((c) =>
                c
                    .slice(1)
                    .filter((a) => a !== '--json')
                    .join(' ')
            );
    }

    private async sf(args: string[]): Promise<CommandResult> {
        const flag = (name: string): string | undefined => {
            const i = args.indexOf(name);
            return i >= 0 ? args[i + 1] : undefined;
        };
        const verb = args.filter((a, i) => !a.startsWith('-') && !(i > 0 && args[i - 1].startsWith('-'))).join(' ');
        switch (verb) {
            case 'org create scratch': {
                const alias = flag('--alias') ?? 'scratch';
                if (!this.options.scratchOrg) {
                    return fail('ScratchOrgCreateError', 'fake: no scratch org configured', 1);
                }
                const username = await saveLogin(this.options.scratchOrg, alias);
                return ok({ orgId: '00DFK0000000001AAA', username });
            }
            case 'project deploy start': {
                const dir = flag('--source-dir') ?? '';
                const problem = this.options.failDeploy?.[dir];
                if (problem) {
                    return {
                        code: 1,
                        stdout: JSON.stringify({
                            status: 1,
                            name: 'FailedDeployError',
                            message: 'Deploy failed.',
                            result: {
                                status: 'Failed',
                                details: {
                                    componentFailures: [
                                        { componentType: 'ApexClass', fullName: 'ZuoraClient', problem, lineNumber: 3 }
                                    ]
                                }
                            }
                        }),
                        stderr: ''
                    };
                }
                return ok({ status: 'Succeeded', numberComponentsDeployed: 42, files: [] });
            }
            case 'org open':
                if (this.options.failOpen) {
                    return fail('Error', 'Unable to open a browser: no display.', 1);
                }
                return ok({ url: `https://fake.example/${flag('--path') ?? ''}` });
            default:
                return fail('UnsupportedCommand', `fake sf: unsupported command "${args.join(' ')}"`, 1);
        }
    }
}

function ok(result: unknown): CommandResult {
    return { code: 0, stdout: JSON.stringify({ status: 0, result, warnings: [] }), stderr: '' };
}

function fail(name: string, message: string, code: number): CommandResult {
    return {
        code,
        stdout: JSON.stringify({ status: code, name, message, exitCode: code, stack: `${name}: at fake` }),
        stderr: ''
    };
}
