/**
 * A fake of the commands the org scripts run (`sf … --json`, `npm run build:lwc`, `java -version`), answering
 * like the real CLI does, so that tests drive setup and seed end to end against {@link FakeSalesforce}.
 */
import path from 'node:path';
import type { CommandResult, CommandRunner } from '../lib/sf.ts';

export interface FakeOrg {
    instanceUrl: string;
    accessToken: string;
    username: string;
    orgId?: string;
    status?: string;
}

export interface FakeSfOptions {
    /** Value of the `target-dev-hub` config (undefined = none set). */
    devHub?: string;
    /** Value of the `target-org` config. */
    defaultOrg?: string;
    /** Orgs the CLI knows by alias (the Dev Hub included). */
    orgs?: Record<string, FakeOrg>;
    /** The org a `sf org create scratch` call creates. */
    scratchOrg?: FakeOrg;
    /** Source dirs whose deploy fails, with the component failure message. */
    failDeploy?: Record<string, string>;
    /** Whether `java -version` works (default true). */
    java?: boolean;
    /** Exit code of `npm run build:lwc` (default 0). */
    buildExitCode?: number;
    /** `sf org open` fails (no browser). */
    failOpen?: boolean;
}

export class FakeSfCli {
    /** Every command run, as `[program, ...args]` with the program's base name (sf, npm, java). */
    readonly commands: string[][] = [];
    readonly orgs: Record<string, FakeOrg>;

    constructor(private readonly options: FakeSfOptions = {}) {
        this.orgs = { ...(options.orgs ?? {}) };
    }

    /** The {@link CommandRunner} to inject. */
    readonly runner: CommandRunner = async (command, args) => {
        const program = path.basename(command).replace(/\.cmd$/, '');
        this.commands.push([program, ...args]);
        if (program === 'java') {
            return this.options.java === false
                ? { code: 127, stdout: '', stderr: 'spawn java ENOENT' }
                : { code: 0, stdout: '', stderr: 'openjdk version "17.0.15" 2025-04-15' };
        }
        if (program === 'npm') {
            return {
                code: this.options.buildExitCode ?? 0,
                stdout: 'tsc -p force-app/main/default/lwc/tsconfig.json',
                stderr: ''
            };
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

    private sf(args: string[]): CommandResult {
        const flag = (name: string): string | undefined => {
            const i = args.indexOf(name);
            return i >= 0 ? args[i + 1] : undefined;
        };
        const verb = args.filter((a, i) => !a.startsWith('-') && !(i > 0 && args[i - 1].startsWith('-'))).join(' ');
        switch (verb) {
            case 'config get target-dev-hub':
                return ok([
                    { name: 'target-dev-hub', key: 'target-dev-hub', value: this.options.devHub, success: true }
                ]);
            case 'config get target-org':
                return ok([{ name: 'target-org', key: 'target-org', value: this.options.defaultOrg, success: true }]);
            case 'org display': {
                const alias = flag('--target-org') ?? '';
                const org = this.orgs[alias];
                if (!org) {
                    return fail(
                        'NamedOrgNotFoundError',
                        `Parsing --target-org \n\tNo authorization information found for ${alias}.\nSee more help with --help`,
                        2
                    );
                }
                return ok({
                    id: org.orgId ?? '00DFK0000000001AAA',
                    username: org.username,
                    alias,
                    instanceUrl: org.instanceUrl,
                    accessToken: org.accessToken,
                    apiVersion: '62.0',
                    connectedStatus: org.status ? undefined : 'Connected',
                    status: org.status
                });
            }
            case 'org create scratch': {
                const alias = flag('--alias') ?? 'scratch';
                if (!this.options.scratchOrg) {
                    return fail('ScratchOrgCreateError', 'fake: no scratch org configured', 1);
                }
                this.orgs[alias] = { ...this.options.scratchOrg, status: 'Active' };
                return ok({ orgId: '00DFK0000000002AAA', username: this.options.scratchOrg.username });
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
                return ok({
                    url: `${this.orgs[flag('--target-org') ?? '']?.instanceUrl ?? ''}/${flag('--path') ?? ''}`
                });
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
