import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './errors.ts';

/** Root of the repository (scripts/lib/../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CommandResult {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * Runs an external program by its logical name (`sf`, `tsc`, `java`). Injected everywhere a script starts one, so
 * tests replace it with a fake that answers like the `sf` CLI would.
 */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<CommandResult>;

/** Environment for the Salesforce CLI: no telemetry, no update checks, no colour in JSON. */
export const sfEnvironment: Readonly<Record<string, string>> = {
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_HIDE_RELEASE_NOTES: 'true',
    FORCE_COLOR: '0'
};

/** The project's pinned CLI entry (node_modules/@salesforce/cli/bin/run.js), when installed. */
export const SF_ENTRY = path.join(repoRoot, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
const TSC_ENTRY = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * The program and leading arguments for a logical command. The pinned `sf` and `tsc` run as `node <entry.js>`:
 * no shell and no `.cmd` wrapper is ever involved (on Windows a `.cmd` needs `shell: true`, which would pass
 * aliases and paths through cmd.exe), so user input only ever travels as an argument array.
 */
export function resolveCommand(command: string): [string, string[]] {
    if (command === 'sf' && existsSync(SF_ENTRY)) {
        return [process.execPath, [SF_ENTRY]];
    }
    if (command === 'tsc' && existsSync(TSC_ENTRY)) {
        return [process.execPath, [TSC_ENTRY]];
    }
    return [command, []];
}

/** A {@link CommandRunner} that spawns real processes (shell: false) in the repository root and captures output. */
export const processRunner: CommandRunner = (command, args) =>
    new Promise((resolve) => {
        const [program, prefix] = resolveCommand(command);
        const child = spawn(program, [...prefix, ...args], {
            cwd: repoRoot,
            env: { ...process.env, ...sfEnvironment },
            shell: false,
            windowsHide: true
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', (error: NodeJS.ErrnoException) =>
            resolve({ code: error.code === 'ENOENT' ? 127 : 1, stdout, stderr: stderr + error.message })
        );
        child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });

/**
 * A failed `sf … --json` call: the CLI's error name (e.g. NamedOrgNotFoundError) and message, no stack. It is a
 * {@link UserError}, so a CLI failure nobody translated still prints as one line with exit code 1.
 */
export class SfCommandError extends UserError {
    readonly errorName: string;
    readonly cliExitCode: number;
    readonly result: unknown;

    constructor(command: string, errorName: string, message: string, cliExitCode: number, result: unknown) {
        super(`sf ${command} failed: ${message}`);
        this.name = 'SfCommandError';
        this.errorName = errorName;
        this.cliExitCode = cliExitCode;
        this.result = result;
    }
}

interface SfJsonEnvelope<T> {
    status?: number;
    result?: T;
    name?: string;
    message?: string;
    warnings?: string[];
}

/** Runs `sf <args> --json` and returns `result`; throws {@link SfCommandError} with the CLI's own message on failure. */
export async function runSf<T>(runner: CommandRunner, args: readonly string[]): Promise<T> {
    const firstFlag = args.findIndex((a) => a.startsWith('-'));
    const label = (firstFlag < 0 ? args : args.slice(0, firstFlag)).join(' ');
    const res = await runner('sf', [...args, '--json']);
    if (res.code === 127) {
        throw new UserError('The Salesforce CLI (sf) was not found.', {
            hint: 'Run `npm ci` in the repository root (it installs the pinned @salesforce/cli).'
        });
    }
    let envelope: SfJsonEnvelope<T> | undefined;
    const jsonStart = res.stdout.indexOf('{');
    if (jsonStart >= 0) {
        try {
            envelope = JSON.parse(res.stdout.slice(jsonStart)) as SfJsonEnvelope<T>;
        } catch {
            envelope = undefined;
        }
    }
    if (res.code === 0 && envelope && (envelope.status ?? 0) === 0) {
        return envelope.result as T;
    }
    const message = cleanSfMessage(envelope?.message ?? (res.stderr.trim() || res.stdout.trim() || 'no output'));
    throw new SfCommandError(label, envelope?.name ?? 'Error', message, res.code, envelope?.result);
}

/** First meaningful line(s) of a CLI error message, without "See more help" noise or stacks. */
export function cleanSfMessage(message: string): string {
    return message
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('See more help') && !l.startsWith('at ') && l !== 'Parsing --target-org')
        .join(' ')
        .slice(0, 500);
}
