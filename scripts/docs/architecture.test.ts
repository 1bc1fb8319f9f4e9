// The class inventory detects each kind from the source, and the gate check fails on a doc that names what does not
// exist — shown on a small fixture repository shaped like this one (git, feature folders, docs/, README.md).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyseClass, firstSentence, kindOf, splitApex } from './architecture.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const generator = path.join(here, 'architecture.mjs');
const check = path.join(here, '../gate/check-architecture-doc.mjs');

function write(root: string, file: string, text: string): string {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    return full;
}

function kindOfSource(source: string, ports: string[] = []): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-kind-'));
    try {
        const cls = analyseClass(write(dir, 'X.cls', source));
        return kindOf(cls, new Set(['ZuoraApiException']), new Set(ports));
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

// [Apex source, the kind the inventory must show, the package's ports (abstract classes / interfaces) if any]
const KINDS: [string, string, string[]?][] = [
    ['public interface X { String name(); }', 'interface'],
    ['public with sharing abstract class X { public abstract Boolean ok(); }', 'abstract class'],
    ['public with sharing class X extends Exception {}', 'exception'],
    ['public with sharing class X extends ZuoraApiException {}', 'exception'],
    [
        'public with sharing class X { @AuraEnabled(cacheable=true) public static String a() { return null; } }',
        'entry point (@AuraEnabled ×1)'
    ],
    [
        'public with sharing class X implements Queueable, Database.AllowsCallouts { public void execute(QueueableContext c) {} }',
        'entry point (Queueable, AllowsCallouts)'
    ],
    [
        'public with sharing class X implements Database.Batchable<SObject>, Database.Stateful { }',
        'entry point (Batchable, Stateful)'
    ],
    [
        "@RestResource(urlMapping='/x/*')\nglobal with sharing class X { @HttpPost global static void p() {} }",
        'entry point (@RestResource)'
    ],
    [
        "public with sharing class X { @InvocableMethod(label='A') public static void run(List<Id> ids) {} }",
        'entry point (@InvocableMethod)'
    ],
    [
        'public with sharing class X { public List<Account> byIds(Set<Id> ids) { return [SELECT Id FROM Account WHERE Id IN :ids WITH USER_MODE]; } }',
        'selector'
    ],
    [
        'public with sharing class X { public static List<Zuora_Free_Mail_Domain__mdt> all() { return Zuora_Free_Mail_Domain__mdt.getAll().values(); } }',
        'selector'
    ],
    [
        'public with sharing class X { @AuraEnabled public Id accountId; @AuraEnabled public String name; public Boolean isEmpty() { return name == null; } }',
        'DTO'
    ],
    ['public with sharing class X { public String a; public Integer b { get; set; } }', 'DTO'],
    [
        'public with sharing class X extends ZuoraSyncGateway { public override Boolean isAvailable() { return true; } }',
        'adapter',
        ['ZuoraSyncGateway']
    ],
    [
        "public with sharing class X { public static final String A = 'a'; public static final Integer B = 1; }",
        'constants'
    ],
    ['public with sharing class X { public void save(List<Account> rows) { update rows; } }', 'service']
];

describe('kinds are detected from the declaration and members', () => {
    for (const [source, kind, ports] of KINDS) {
        test(`${kind}: ${source.slice(0, 70)}`, () => assert.equal(kindOfSource(source, ports), kind));
    }

    test('comments and strings never change the kind', () => {
        const source = [
            '/** @description Not an interface; mentions [SELECT Id FROM Account] and @AuraEnabled. */',
            'public with sharing class X {',
            "    private static final String Q = 'SELECT Id FROM Account'; // insert x;",
            '    public String label;',
            '}'
        ].join('\n');
        assert.equal(kindOfSource(source), 'DTO');
        assert.equal(splitApex("String s = 'a // b'; // c").comments.length, 1);
    });
});

describe('the first sentence of the @description', () => {
    test('stops at the first full stop, not inside names, abbreviations, list numbers or code', () => {
        assert.equal(
            firstSentence('Calls `Zuora.OnDemandSyncManager`. Then more.'),
            'Calls `Zuora.OnDemandSyncManager`.'
        );
        assert.equal(firstSentence('Reads plans, e.g. annual ones. More.'), 'Reads plans, e.g. annual ones.');
        assert.equal(
            firstSentence('Rules in order: 1. email; 2. domain. More.'),
            'Rules in order: 1. email; 2. domain.'
        );
        assert.equal(firstSentence('Uses {@link ZuoraClient}. More.'), 'Uses `ZuoraClient`.');
        assert.equal(firstSentence('No full stop'), 'No full stop');
    });
});

describe('the gate check on a fixture repository', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-check-'));
    const run = (script: string) =>
        spawnSync(process.execPath, [script], {
            cwd: root,
            env: { ...process.env, DOCS_ROOT: root },
            encoding: 'utf8'
        });
    write(
        root,
        'force-app/main/default/classes/sync/ZuoraSyncGateway.cls',
        '/**\n * @description Port to the on-demand sync. More.\n */\npublic with sharing abstract class ZuoraSyncGateway {\n    public abstract Boolean isAvailable();\n}\n'
    );
    write(
        root,
        'force-app/main/default/classes/sync/ZuoraSyncService.cls',
        '/** @description On-demand sync, see docs/sync.md. */\npublic with sharing class ZuoraSyncService {\n    public void run() {\n        ZuoraSyncGateway g = null;\n    }\n}\n'
    );
    write(
        root,
        'force-app/tests/sync/ZuoraSyncService_Tests.cls',
        '@IsTest\nprivate class ZuoraSyncService_Tests {}\n'
    );
    write(root, 'README.md', '# Fixture\n\nSee [the architecture](docs/architecture.md#layers).\n');
    const stale = [
        '# Architecture',
        '',
        '## Layers',
        '',
        '`ZuoraProvisioningInvocable` starts it; `ZuoraSyncGateway` (interface) is the port in `classes/services/`.',
        '',
        '<!-- generated:classes -->',
        '<!-- /generated:classes -->',
        ''
    ].join('\n');
    write(root, 'docs/architecture.md', stale);
    execFileSync('git', ['init', '-q'], { cwd: root });

    test('fails on a stale inventory, a class that does not exist, a wrong shape, an old folder, a missing doc', () => {
        const result = run(check);
        assert.equal(result.status, 1, result.stdout + result.stderr);
        const out = result.stderr;
        assert.match(out, /docs\/architecture\.md:\d+: the generated class inventory is stale: run `npm run docs`/);
        assert.match(out, /`ZuoraProvisioningInvocable` .* is no class, type or metadata name of this repository/);
        assert.match(
            out,
            /calls `ZuoraSyncGateway` an interface, but .*ZuoraSyncGateway\.cls declares an abstract class/
        );
        assert.match(out, /`classes\/services\/`: there is no folder force-app\/main\/default\/classes\/services\//);
        assert.match(out, /ZuoraSyncService\.cls:1: cites `docs\/sync\.md`, which is not in the repository/);
    });

    test('passes once the doc names what exists and the inventory is regenerated', () => {
        write(
            root,
            'docs/architecture.md',
            stale.replace(
                /^`ZuoraProvisioningInvocable`.*$/m,
                '`ZuoraSyncService` sends; `ZuoraSyncGateway` (abstract class) is the port in `classes/sync/`.'
            )
        );
        write(root, 'docs/sync.md', '# Sync\n');
        assert.equal(run(generator).status, 0);
        const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
        assert.match(
            doc,
            /\| \[`ZuoraSyncGateway`\]\([^)]+\) \| abstract class \| with sharing \| — \| Port to the on-demand sync\. \|/
        );
        assert.match(doc, /\[`ZuoraSyncService_Tests`\]\(\.\.\/force-app\/tests\/sync\/ZuoraSyncService_Tests\.cls\)/);
        const result = run(check);
        assert.equal(result.status, 0, result.stdout + result.stderr);
        fs.rmSync(root, { recursive: true, force: true });
    });
});
