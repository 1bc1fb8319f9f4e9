import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    execute,
    flagName,
    helpText,
    jsonEnvelope,
    memoryOutput,
    parseCommandLine,
    parsePairs,
    type CommandSpec
} from './cli.ts';
import { recordName } from './custom-metadata.ts';
import { parseCsv, toCsv } from './csv.ts';
import { UserError, redact, registerSecret } from './errors.ts';

const spec = {
    usage: 'npm run x --',
    summary: 'Test command.',
    options: {
        targetOrg: { type: 'string', char: 'o', description: 'Org.' },
        count: { type: 'integer', min: 1, max: 10, default: 3, description: 'Count.' },
        mode: { type: 'choice', choices: ['a', 'b'], default: 'a', description: 'Mode.' },
        dryRun: { type: 'boolean', description: 'Dry run.' }
    },
    env: [['X_TOKEN', 'A token.']]
} as const satisfies CommandSpec;

describe('parseCommandLine', () => {
    test('typed values, defaults and kebab-case flags', () => {
        const parsed = parseCommandLine(spec, ['--target-org', 'dev', '--count', '7', '--dry-run']);
        assert.equal(parsed.help, false);
        if (!parsed.help) {
            assert.deepEqual(parsed.options, { targetOrg: 'dev', count: 7, mode: 'a', dryRun: true });
        }
        const defaults = parseCommandLine(spec, []);
        assert.ok(!defaults.help && defaults.options.count === 3 && defaults.options.targetOrg === undefined);
        assert.equal(flagName('bulkThreshold'), 'bulk-threshold');
    });

    test('bad input is a UserError naming the option', () => {
        assert.throws(
            () => parseCommandLine(spec, ['--count', '11']),
            /Invalid --count "11": expected a whole number from 1 to 10\./
        );
        assert.throws(() => parseCommandLine(spec, ['--mode', 'c']), /Invalid --mode "c": expected one of a, b\./);
        assert.throws(
            () => parseCommandLine(spec, ['--nope']),
            (e: unknown) => e instanceof UserError && /Unknown option '--nope'/.test(e.message)
        );
        assert.throws(() => parseCommandLine(spec, ['stray']), /Unexpected argument 'stray'/);
        assert.throws(() => parseCommandLine(spec, ['--target-org', ' ']), /--target-org needs a value/);
    });

    test('--help lists options, defaults and environment variables', () => {
        const parsed = parseCommandLine(spec, ['--help']);
        assert.ok(parsed.help);
        assert.equal(parsed.help && parsed.text, helpText(spec));
        assert.match(helpText(spec), /--count <value>\s+Count\. \(default: 3\)/);
        assert.match(helpText(spec), /--mode <a\|b>/);
        assert.match(helpText(spec), /X_TOKEN\s+A token\./);
    });
});

describe('sf conventions', () => {
    test('-o is --target-org; a negative number is a range error (exit 2), not "argument is ambiguous"', () => {
        const parsed = parseCommandLine(spec, ['-o', 'dev']);
        assert.ok(!parsed.help && parsed.options.targetOrg === 'dev');
        assert.throws(
            () => parseCommandLine(spec, ['--count', '-1']),
            (e: unknown) =>
                e instanceof UserError &&
                e.exitCode === 2 &&
                e.message === 'Invalid --count "-1": expected a whole number from 1 to 10.'
        );
        assert.match(helpText(spec), /-o, --target-org <value>/);
    });

    test('--map style pairs: malformed entries and key collisions are refused up front', () => {
        assert.deepEqual(parsePairs('--map', 'A=1, B=2'), [
            ['A', '1'],
            ['B', '2']
        ]);
        assert.throws(() => parsePairs('--map', 'A=1,A=2'), /--map names A twice; give each key once\./);
        assert.throws(
            () => parsePairs('--map', 'PRO-1=x,PRO_1=y', recordName),
            /--map keys PRO-1 and PRO_1 would write the same record \(PRO_1\)/
        );
        assert.throws(() => parsePairs('--map', 'A'), /Invalid --map entry "A": expected KEY=VALUE\./);
    });

    test('--json envelopes are shaped like sf', async () => {
        assert.deepEqual(jsonEnvelope(0, { result: { a: 1 } }, undefined), {
            status: 0,
            result: { a: 1 },
            warnings: []
        });
        const output = memoryOutput({ json: true });
        const code = await execute(async () => {
            throw new UserError('Nope.', { hint: 'Do this.' });
        }, output);
        assert.equal(code, 1);
        assert.deepEqual(JSON.parse(output.stdout[0]), {
            status: 1,
            name: 'UserError',
            message: 'Nope.',
            exitCode: 1,
            actions: ['Do this.'],
            warnings: []
        });
    });
});

describe('execute', () => {
    test('expected errors: one line plus hint, exit code 1, no stack', async () => {
        const output = memoryOutput();
        const code = await execute(async () => {
            throw new UserError('Something the user can fix.', { hint: 'Do this.\nOr that.' });
        }, output);
        assert.equal(code, 1);
        assert.deepEqual(output.errors, ['✖ Something the user can fix.', '  Do this.', '  Or that.']);
    });

    test('unexpected errors keep their stack', async () => {
        const output = memoryOutput();
        const code = await execute(async () => {
            throw new TypeError('boom');
        }, output);
        assert.equal(code, 1);
        assert.match(output.errors[0], /Unexpected error .*: boom/);
        assert.match(output.errors[1], /TypeError: boom\n\s+at /);
    });
});

describe('helpers', () => {
    test('redact masks registered secrets and bearer tokens', () => {
        registerSecret('s3cr3t-value');
        assert.equal(redact('id=1 secret=s3cr3t-value'), 'id=1 secret=***');
        assert.equal(redact('Authorization: Bearer 00Dabc!ARwAQ.token_value'), 'Authorization: Bearer ***');
    });

    test('CSV round trip with quotes, commas and new lines', () => {
        const rows = [{ Name: 'Acme, Inc.', Note: 'say "hi"\nthere', Empty: null }];
        const text = toCsv(['Name', 'Note', 'Empty'], rows);
        assert.equal(text, 'Name,Note,Empty\n"Acme, Inc.","say ""hi""\nthere",\n');
        assert.deepEqual(parseCsv(text), [{ Name: 'Acme, Inc.', Note: 'say "hi"\nthere', Empty: '' }]);
    });
});
