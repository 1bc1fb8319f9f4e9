import { parseArgs } from 'node:util';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError, messageOf, redact } from './errors.ts';

/** One command-line option. Keys of a spec are camelCase; the flag is the kebab-case form (`targetOrg` → `--target-org`). */
export type OptionSpec =
    | {
          readonly type: 'string';
          readonly description: string;
          readonly valueName?: string;
          readonly default?: string;
          /** One-letter alias, e.g. `o` for --target-org (sf convention). */
          readonly char?: string;
      }
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
        let flag = `${'char' in opt && opt.char ? `-${opt.char}, ` : ''}--${flagName(key)}`;
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
    const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean' } };
    const takesValue = new Set<string>();
    for (const [key, opt] of Object.entries(spec.options)) {
        const char = 'char' in opt ? opt.char : undefined;
        config[flagName(key)] = {
            type: opt.type === 'boolean' ? 'boolean' : 'string',
            ...(char ? { short: char } : {})
        };
        if (opt.type !== 'boolean') {
            takesValue.add(`--${flagName(key)}`);
            if (char) {
                takesValue.add(`-${char}`);
            }
        }
    }
    // `--count -1`: node's parseArgs reads "-1" as an option ("argument is ambiguous"); join it to its flag so that
    // the range check below says what is wrong with the value
    const args: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        if (takesValue.has(argv[i]) && /^-\d/.test(argv[i + 1] ?? '')) {
            args.push(`${argv[i]}=${argv[i + 1]}`);
            i++;
        } else {
            args.push(argv[i]);
        }
    }
    let values: Record<string, string | boolean | undefined>;
    try {
        ({ values } = parseArgs({ args, options: config, strict: true, allowPositionals: false }));
    } catch (error) {
        const reason = messageOf(error)
            .split('\n')[0]
            .replace(/\.? ?To specify a positional argument.*$/, '');
        throw new UsageError(`${reason.replace(/\.$/, '')}. Run with --help to see the options.`);
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
                    throw new UsageError(`${flag} needs a value.`);
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
                    throw new UsageError(
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
                    throw new UsageError(
                        `Invalid ${flag} "${String(raw)}": expected one of ${opt.choices.join(', ')}.`
                    );
                }
                options[key] = String(raw);
                break;
            }
        }
    }
    return { help: false, options: options as OptionsOf<C> };
}

/** A bad flag or value: exit code 2, as sf (oclif) uses for flag errors. */
export class UsageError extends UserError {
    constructor(message: string) {
        super(message, { exitCode: 2 });
        this.name = 'UsageError';
    }
}

/** The `--json` flag every command has (sf convention). */
export const JSON_FLAG = {
    type: 'boolean',
    description:
        'Print one JSON object on stdout, shaped like sf: {status, result, warnings} or {status, name, message, exitCode}.'
} as const;

/** What a command reports for --json, and how it failed when it did without throwing (e.g. records not saved). */
export interface CommandResult {
    result?: unknown;
    failure?: { name: string; message: string };
}

/**
 * Parses a `KEY=VALUE[,KEY=VALUE…]` flag value (e.g. `--map PRO=PRP-1,STD=PRP-2`). A malformed pair, or two pairs
 * that name the same key — or keys that end up as the same file name through `sameFile` — is a {@link UsageError}
 * before any work, instead of the later pair silently winning.
 */
export function parsePairs(
    flag: string,
    value: string | undefined,
    sameFile: (key: string) => string = (k) => k
): Array<[string, string]> {
    const pairs: Array<[string, string]> = [];
    const seen = new Map<string, string>();
    for (const pair of (value ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const eq = pair.indexOf('=');
        const key = eq > 0 ? pair.slice(0, eq).trim() : '';
        const val = eq > 0 ? pair.slice(eq + 1).trim() : '';
        if (!key || !val || val.includes('=')) {
            throw new UsageError(`Invalid ${flag} entry "${pair}": expected KEY=VALUE.`);
        }
        const file = sameFile(key);
        const clash = seen.get(file);
        if (clash !== undefined) {
            throw new UsageError(
                clash === key
                    ? `${flag} names ${key} twice; give each key once.`
                    : `${flag} keys ${clash} and ${key} would write the same record (${file}); give each key once.`
            );
        }
        seen.set(file, key);
        pairs.push([key, val]);
    }
    return pairs;
}

/** Where a script writes: injectable so that tests capture the output. */
export interface Output {
    out(line: string): void;
    err(line: string): void;
    /** Rewrites the current line on a terminal (progress); plain lines elsewhere. */
    status(line: string, final?: boolean): void;
    /** With --json: the machine-readable outcome, written as one object when the command ends. */
    readonly json?: boolean;
    outcome?: CommandResult;
    /** Writes the final JSON object (stdout). */
    writeJson?(value: unknown): void;
}

/**
 * Output to the process streams; progress lines are redrawn in place on a TTY and printed at most every 10 s
 * elsewhere. With `json`, human lines go to stderr and stdout carries only the one JSON result.
 */
export function processOutput(options: { json?: boolean } = {}): Output {
    const tty = process.stdout.isTTY === true && !options.json;
    const human = options.json ? process.stderr : process.stdout;
    let open = false;
    let lastStatus = 0;
    return {
        json: options.json === true,
        writeJson(value) {
            process.stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`);
        },
        out(line) {
            if (open) {
                human.write('\n');
                open = false;
            }
            human.write(`${redact(line)}\n`);
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
            } else if (final || Date.now() - lastStatus >= 10_000) {
                lastStatus = Date.now();
                human.write(`${redact(line)}\n`);
            }
        }
    };
}

/** Output collected in memory (tests); with `json`, the JSON object lands in `stdout`. */
export function memoryOutput(
    options: { json?: boolean } = {}
): Output & { lines: string[]; errors: string[]; stdout: string[]; text(): string } {
    const lines: string[] = [];
    const errors: string[] = [];
    const stdout: string[] = [];
    return {
        lines,
        errors,
        stdout,
        json: options.json === true,
        writeJson: (value) => stdout.push(redact(JSON.stringify(value))),
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

/** {@link runMain} without touching `process.exitCode` (tests). With --json, ends with the sf-shaped object. */
export async function execute(main: () => Promise<number | void>, output: Output): Promise<number> {
    let code: number;
    let thrown: unknown;
    try {
        code = (await main()) ?? 0;
    } catch (error) {
        thrown = error;
        code = reportError(error, output);
    }
    if (output.json && output.writeJson) {
        output.writeJson(jsonEnvelope(code, output.outcome, thrown));
    }
    return code;
}

/** The sf CLI's --json shapes: `{status: 0, result, warnings}`, or `{status, name, message, exitCode, data}`. */
export function jsonEnvelope(code: number, outcome: CommandResult | undefined, thrown: unknown): unknown {
    if (code === 0) {
        return { status: 0, result: outcome?.result ?? {}, warnings: [] };
    }
    const error = thrown as (Error & { hint?: string }) | undefined;
    const name = error?.name && error.name !== 'Error' ? error.name : (outcome?.failure?.name ?? 'Error');
    return {
        status: code,
        name,
        message: error ? messageOf(error) : (outcome?.failure?.message ?? 'failed'),
        exitCode: code,
        ...(error?.hint ? { actions: error.hint.split('\n') } : {}),
        ...(outcome?.result !== undefined ? { data: outcome.result } : {}),
        warnings: []
    };
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
