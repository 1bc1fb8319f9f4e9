import { parseArgs } from 'node:util';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError, messageOf, redact } from './errors.ts';

/** One command-line option. Keys of a spec are camelCase; the flag is the kebab-case form (`targetOrg` → `--target-org`). */
export type OptionSpec =
    | { readonly type: 'string'; readonly description: string; readonly valueName?: string; readonly default?: string }
    | { readonly type: 'boolean'; readonly description: string }
    | {
          readonly type: 'integer';
          readonly description: string;
          readonly valueName?: string;
          readonly default?: number;
          readonly min: number;
          readonly max: number;
      }
    | {
          readonly type: 'choice';
          readonly description: string;
          readonly choices: readonly string[];
          readonly default?: string;
      };

export interface CommandSpec {
    /** How the command is run, e.g. `npm run org:seed --`. */
    readonly usage: string;
    readonly summary: string;
    readonly options: Readonly<Record<string, OptionSpec>>;
    /** Environment variables the command reads: [name, meaning]. */
    readonly env?: ReadonlyArray<readonly [string, string]>;
    readonly examples?: readonly string[];
}

type ValueOf<S extends OptionSpec> = S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'integer' }
      ? S extends { default: number }
          ? number
          : number | undefined
      : S extends { type: 'choice'; choices: readonly (infer C)[] }
        ? S extends { default: string }
            ? C
            : C | undefined
        : S extends { default: string }
          ? string
          : string | undefined;

/** The typed result of parsing `argv` against a spec. */
export type OptionsOf<C extends CommandSpec> = { -readonly [K in keyof C['options']]: ValueOf<C['options'][K]> };

export type ParseResult<C extends CommandSpec> = { help: true; text: string } | { help: false; options: OptionsOf<C> };

/** `targetOrg` → `target-org`. */
export function flagName(key: string): string {
    return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The --help text of a command. */
export function helpText(spec: CommandSpec): string {
    const rows = Object.entries(spec.options).map(([key, opt]) => {
        let flag = `--${flagName(key)}`;
        if (opt.type === 'string' || opt.type === 'integer') {
            flag += ` <${opt.valueName ?? 'value'}>`;
        } else if (opt.type === 'choice') {
            flag += ` <${opt.choices.join('|')}>`;
        }
        let text = opt.description;
        if ('default' in opt && opt.default !== undefined) {
            text += ` (default: ${opt.default})`;
        }
        return [flag, text] as const;
    });
    rows.push(['--help', 'Show this help and exit.']);
    const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
    const lines = [`Usage: ${spec.usage} [options]`, '', spec.summary, '', 'Options:'];
    for (const [flag, text] of rows) {
        lines.push(`  ${flag.padEnd(width)}${text}`);
    }
    if (spec.env && spec.env.length > 0) {
        lines.push('', 'Environment:');
        const envWidth = Math.max(...spec.env.map(([name]) => name.length)) + 2;
        for (const [name, text] of spec.env) {
            lines.push(`  ${name.padEnd(envWidth)}${text}`);
        }
    }
    if (spec.examples && spec.examples.length > 0) {
        lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
    }
    return lines.join('\n');
}

/**
 * Parses `argv` strictly: unknown options, stray arguments and invalid values are a {@link UserError} naming the
 * option, so the caller prints one line and exits 1.
 */
export function parseCommandLine<C extends CommandSpec>(spec: C, argv: readonly string[]): ParseResult<C> {
    const config: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
    for (const [key, opt] of Object.entries(spec.options)) {
        config[flagName(key)] = { type: opt.type === 'boolean' ? 'boolean' : 'string' };
    }
    let values: Record<string, string | boolean | undefined>;
    try {
        ({ values } = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: false }));
    } catch (error) {
        const reason = messageOf(error)
            .split('\n')[0]
            .replace(/\.? ?To specify a positional argument.*$/, '');
        throw new UserError(`${reason.replace(/\.$/, '')}. Run with --help to see the options.`);
    }
    if (values.help === true) {
        return { help: true, text: helpText(spec) };
    }
    const options: Record<string, unknown> = {};
    for (const [key, opt] of Object.entries(spec.options)) {
        const flag = `--${flagName(key)}`;
        const raw = values[flagName(key)];
        switch (opt.type) {
            case 'boolean':
                options[key] = raw === true;
                break;
            case 'string':
                if (raw !== undefined && String(raw).trim() === '') {
                    throw new UserError(`${flag} needs a value.`);
                }
                options[key] = raw === undefined ? opt.default : String(raw).trim();
                break;
            case 'integer': {
                if (raw === undefined) {
                    options[key] = opt.default;
                    break;
                }
                const text = String(raw).replace(/_/g, '');
                const n = Number(text);
                if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n) || n < opt.min || n > opt.max) {
                    throw new UserError(
                        `Invalid ${flag} "${String(raw)}": expected a whole number from ${opt.min} to ${opt.max}.`
                    );
                }
                options[key] = n;
                break;
            }
            case 'choice': {
                if (raw === undefined) {
                    options[key] = opt.default;
                    break;
                }
                if (!opt.choices.includes(String(raw))) {
                    throw new UserError(`Invalid ${flag} "${String(raw)}": expected one of ${opt.choices.join(', ')}.`);
                }
                options[key] = String(raw);
                break;
            }
        }
    }
    return { help: false, options: options as OptionsOf<C> };
}

/** Where a script writes: injectable so that tests capture the output. */
export interface Output {
    out(line: string): void;
    err(line: string): void;
    /** Rewrites the current line on a terminal (progress); plain lines elsewhere. */
    status(line: string, final?: boolean): void;
}

/** Output to the process streams; progress lines are redrawn in place only on a TTY. */
export function processOutput(): Output {
    const tty = process.stdout.isTTY === true;
    let open = false;
    return {
        out(line) {
            if (open) {
                process.stdout.write('\n');
                open = false;
            }
            process.stdout.write(`${redact(line)}\n`);
        },
        err(line) {
            if (open) {
                process.stdout.write('\n');
                open = false;
            }
            process.stderr.write(`${redact(line)}\n`);
        },
        status(line, final = false) {
            if (tty) {
                process.stdout.write(`\r\x1b[2K${redact(line)}${final ? '\n' : ''}`);
                open = !final;
            } else if (final) {
                process.stdout.write(`${redact(line)}\n`);
            }
        }
    };
}

/** Output collected in memory (tests). */
export function memoryOutput(): Output & { lines: string[]; errors: string[]; text(): string } {
    const lines: string[] = [];
    const errors: string[] = [];
    return {
        lines,
        errors,
        out: (line) => lines.push(redact(line)),
        err: (line) => errors.push(redact(line)),
        status: (line, final = false) => {
            if (final) {
                lines.push(redact(line));
            }
        },
        text: () => [...lines, ...errors].join('\n')
    };
}

/**
 * Runs a script's main function and turns its outcome into an exit code: 0 on success, the error's code (1) with
 * one line (plus an optional hint) for a {@link UserError}, 1 with the stack for anything unexpected.
 */
export async function runMain(main: () => Promise<number | void>, output: Output = processOutput()): Promise<number> {
    const code = await execute(main, output);
    process.exitCode = code;
    return code;
}

/** {@link runMain} without touching `process.exitCode` (tests). */
export async function execute(main: () => Promise<number | void>, output: Output): Promise<number> {
    try {
        return (await main()) ?? 0;
    } catch (error) {
        return reportError(error, output);
    }
}

/** Prints an error the way {@link runMain} does and returns the exit code. */
export function reportError(error: unknown, output: Output): number {
    if (error instanceof UserError) {
        output.err(`✖ ${error.message}`);
        for (const line of error.hint?.split('\n') ?? []) {
            output.err(`  ${line}`);
        }
        return error.exitCode;
    }
    output.err(`✖ Unexpected error (a bug in the script, please report it): ${messageOf(error)}`);
    if (error instanceof Error && error.stack) {
        output.err(error.stack);
    }
    return 1;
}

/** True when the module with this `import.meta.url` is the script node was started with (not imported by a test). */
export function isMain(moduleUrl: string): boolean {
    const entry = process.argv[1];
    if (!entry) {
        return false;
    }
    try {
        return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(entry);
    } catch {
        return false;
    }
}
