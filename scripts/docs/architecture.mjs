// Regenerates the class inventory of docs/architecture.md (between `<!-- generated:classes -->` and
// `<!-- /generated:classes -->`) from the Apex classes and LWC bundles that exist, so the page cannot name a class
// that is gone or put it in the wrong folder. Every kind is detected from the source, never from the class name.
//   node scripts/docs/architecture.mjs           rewrite the section (`npm run docs`)
//   node scripts/docs/architecture.mjs --print   print the generated section only
// The gate (scripts/gate/check-architecture-doc.mjs) imports generateSection() and fails when the page is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// DOCS_ROOT points the generator and the gate check at another repository (the tests use a small fixture one).
export const ROOT = process.env.DOCS_ROOT
    ? path.resolve(process.env.DOCS_ROOT)
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DOC = 'docs/architecture.md';
export const BEGIN = '<!-- generated:classes -->';
export const END = '<!-- /generated:classes -->';

const CORE_CLASSES = 'force-app/main/default/classes';
const CORE_TESTS = 'force-app/tests';
const ADAPTER_CLASSES = 'zuora360/main/default/classes';
const ADAPTER_TESTS = 'zuora360/tests';
const LWC = 'force-app/main/default/lwc';

/** Replaces comments and string literals with spaces (newlines kept), and returns the comments separately. */
export function splitApex(source) {
    let code = '';
    const comments = [];
    let i = 0;
    const blank = (text) => text.replace(/[^\n]/g, ' ');
    while (i < source.length) {
        const two = source.slice(i, i + 2);
        if (two === '//' || two === '/*') {
            const end = two === '//' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2);
            const stop = end === -1 ? source.length : two === '//' ? end : end + 2;
            comments.push({ start: i, text: source.slice(i, stop) });
            code += blank(source.slice(i, stop));
            i = stop;
        } else if (source[i] === "'") {
            let j = i + 1;
            while (j < source.length && source[j] !== "'") j += source[j] === '\\' ? 2 : 1;
            code += "'" + blank(source.slice(i + 1, j)) + "'";
            i = j + 1;
        } else {
            code += source[i];
            i += 1;
        }
    }
    return { code, comments };
}

function matchingBrace(code, open) {
    let depth = 0;
    for (let i = open; i < code.length; i += 1) {
        if (code[i] === '{') depth += 1;
        else if (code[i] === '}' && --depth === 0) return i;
    }
    return code.length;
}

/** The text of a class body at its own level: nested bodies (methods, inner classes, initialisers) become `{}`. */
function topLevel(code, open, close) {
    let out = '';
    let depth = 0;
    for (let i = open + 1; i < close; i += 1) {
        const c = code[i];
        if (c === '{') {
            if (depth === 0) out += '{';
            depth += 1;
        } else if (c === '}') {
            depth -= 1;
            if (depth === 0) out += '}';
        } else if (depth === 0) out += c;
    }
    return out;
}

const DECL =
    /((?:@\w+(?:\s*\([^)]*\))?\s*)*)((?:\b(?:public|global|private|protected|with|without|inherited|sharing|abstract|virtual|static)\s+)*)(class|interface|enum)\s+(\w+)([^{;]*)\{/gi;

function parseDeclaration(match) {
    const [, annotations, modifiers, keyword, name, tail] = match;
    const mods = modifiers.toLowerCase();
    const sharing = /without\s+sharing/.test(mods)
        ? 'without sharing'
        : /inherited\s+sharing/.test(mods)
          ? 'inherited sharing'
          : /with\s+sharing/.test(mods)
            ? 'with sharing'
            : '';
    const ext = /\bextends\s+([\w.]+)/i.exec(tail);
    const impl = /\bimplements\s+(.+)$/is.exec(tail);
    const interfaces = impl
        ? impl[1]
              .split(/,(?![^<]*>)/)
              .map((s) => s.trim().replace(/\s+/g, ''))
              .filter(Boolean)
        : [];
    return {
        name,
        keyword: keyword.toLowerCase(),
        annotations: [...annotations.matchAll(/@(\w+)/g)].map((m) => m[1]),
        sharing,
        isAbstract: /\babstract\b/.test(mods),
        isVirtual: /\bvirtual\b/.test(mods),
        extends: ext ? ext[1] : '',
        interfaces
    };
}

/** Members declared at the class's own level: methods (with their annotations) and fields. */
function members(level, className) {
    const methods = [];
    const fields = [];
    // Statements end at `;` or at a body `{}`; annotations stay attached to the member they precede.
    for (const raw of level.split(/;|\{\}/)) {
        const text = raw.trim();
        if (!text || /\b(class|interface|enum)\s+\w+/i.test(text)) continue;
        const annotations = [...text.matchAll(/@(\w+)/g)].map((m) => m[1]);
        const body = text.replace(/@\w+(\s*\([^)]*\))?/g, '').trim();
        const isStatic = /\bstatic\b/.test(body);
        const method = /^([^=(]*?)\b(\w+)\s*\([^)]*\)\s*$/s.exec(body);
        if (method) {
            methods.push({ name: method[2], annotations, isStatic, isConstructor: method[2] === className });
        } else if (/\w/.test(body) && !/^(get|set)\b/.test(body)) {
            fields.push({ annotations, isStatic, isFinal: /\bfinal\b/.test(body) });
        }
    }
    return { methods, fields };
}

const ENTRY_INTERFACES = {
    Queueable: 'Queueable',
    'Database.Batchable': 'Batchable',
    Schedulable: 'Schedulable',
    Finalizer: 'Finalizer',
    'Database.AllowsCallouts': 'AllowsCallouts',
    'Database.Stateful': 'Stateful'
};

/** Reads one Apex class file into what the inventory shows. */
export function analyseClass(file) {
    const source = fs.readFileSync(file, 'utf8');
    const { code, comments } = splitApex(source);
    DECL.lastIndex = 0;
    const match = DECL.exec(code);
    if (!match) throw new Error(`${path.relative(ROOT, file)}: no class, interface or enum declaration found`);
    const decl = parseDeclaration(match);
    const open = match.index + match[0].length - 1;
    const close = matchingBrace(code, open);
    const level = topLevel(code, open, close);
    const { methods, fields } = members(level, decl.name);
    const inner = [];
    const innerPattern = new RegExp(DECL.source, 'gi');
    innerPattern.lastIndex = open + 1;
    let m;
    while ((m = innerPattern.exec(code)) && m.index < close) inner.push(parseDeclaration(m).name);
    const header = comments.filter((c) => c.start < match.index && c.text.startsWith('/**')).pop();
    return {
        file: path.relative(ROOT, file),
        ...decl,
        methods,
        fields,
        inner,
        description: header ? shorten(firstSentence(apexDocDescription(header.text))) : '',
        soql:
            /\[\s*select\b/i.test(code) ||
            /\bDatabase\.(query|queryWithBinds|getQueryLocator\w*|countQuery\w*)\s*\(/i.test(code),
        dml:
            /(^|[;{}]|\belse\b)\s*(insert|update|upsert|delete|undelete|merge)\s+[\w(]/im.test(code) ||
            /\bDatabase\.(insert|update|upsert|delete|undelete|merge)\w*\s*\(/i.test(code),
        http: /\bnew\s+Http\s*\(\s*\)/.test(code),
        cmdt: /\b\w+__mdt\s*\.\s*(getInstance|getAll)\s*\(/.test(code),
        code
    };
}

function apexDocDescription(comment) {
    const lines = comment
        .replace(/^\/\*\*|\*\/$/g, '')
        .split('\n')
        .map((l) => l.replace(/^\s*\*\s?/, ''));
    const text = lines.join('\n');
    const start = text.search(/@description\b/);
    if (start === -1) return '';
    const rest = text.slice(start + '@description'.length);
    const next = rest.search(/\n\s*@\w+/);
    return (next === -1 ? rest : rest.slice(0, next)).replace(/\s+/g, ' ').trim();
}

/** The first sentence: up to the first `.`, `:` is kept; abbreviations and dotted names do not end it. */
export function firstSentence(text) {
    const clean = text.replace(/\{@link\s+([^}]+)\}/g, '`$1`');
    let inCode = false;
    for (let i = 0; i < clean.length; i += 1) {
        if (clean[i] === '`') inCode = !inCode;
        if (inCode || clean[i] !== '.') continue;
        const after = clean[i + 1];
        if (after !== undefined && after !== ' ') continue;
        const before = clean.slice(Math.max(0, i - 4), i + 1);
        if (/\b(e\.g|i\.e|vs|etc)\.$/i.test(before) && after !== undefined) continue;
        if (/(^|\s)\d+\.$/.test(before)) continue; // a numbered list: "in order: 1. …"
        return clean.slice(0, i + 1);
    }
    return clean;
}

/** At most 240 characters, cut at a word (a long first sentence is usually an enumeration). */
function shorten(text, max = 240) {
    if (text.length <= max) return text;
    const cut = text.slice(0, max);
    let end = cut.lastIndexOf(' ');
    // never cut inside a `code span`
    while (end > 0 && (cut.slice(0, end).split('`').length - 1) % 2 === 1) end = cut.lastIndexOf(' ', end - 1);
    return `${cut.slice(0, end).replace(/[,;:(]+$/, '')} …`;
}

/** The kind of a class, detected from its declaration and members (rules listed in the generated section). */
export function kindOf(cls, exceptionNames, ports = new Set()) {
    if (cls.keyword === 'interface') return 'interface';
    if (cls.keyword === 'enum') return 'enum';
    if (cls.extends === 'Exception' || exceptionNames.has(cls.extends)) return 'exception';
    const entry = [];
    if (cls.annotations.includes('RestResource')) entry.push('@RestResource');
    const aura = cls.methods.filter((mt) => mt.annotations.includes('AuraEnabled')).length;
    if (aura > 0) entry.push(`@AuraEnabled ×${aura}`);
    if (cls.methods.some((mt) => mt.annotations.includes('InvocableMethod'))) entry.push('@InvocableMethod');
    for (const i of cls.interfaces) {
        const bare = i.replace(/<.*$/, '');
        if (ENTRY_INTERFACES[bare]) entry.push(ENTRY_INTERFACES[bare]);
    }
    const base = cls.isAbstract ? 'abstract class' : '';
    const async = entry.some((e) => ['Queueable', 'Batchable', 'Schedulable'].includes(e));
    if (entry.some((e) => e.startsWith('@')) || async) return `entry point (${entry.join(', ')})`;
    if (base) return base;
    if (ports.has(cls.extends) || cls.interfaces.some((i) => ports.has(i))) return 'adapter';
    if ((cls.soql || cls.cmdt) && !cls.dml && !cls.http) return 'selector';
    const logic = cls.methods.filter((mt) => !mt.isConstructor);
    const instanceFields = cls.fields.filter((f) => !f.isStatic);
    const pure = !cls.soql && !cls.dml && !cls.http && !cls.cmdt;
    if (pure && logic.length === 0 && cls.fields.length > 0 && cls.fields.every((f) => f.isStatic && f.isFinal)) {
        return 'constants';
    }
    const dtoFields = cls.fields.filter((f) =>
        f.annotations.some((a) => a === 'AuraEnabled' || a === 'InvocableVariable')
    );
    if (!cls.soql && !cls.dml && !cls.http && instanceFields.length > 0) {
        if (dtoFields.length > 0 || logic.length === 0) return 'DTO';
        if (logic.every((mt) => !mt.isStatic) && logic.length <= instanceFields.length) return 'DTO';
    }
    return 'service';
}

function listClasses(dir) {
    const abs = path.join(ROOT, dir);
    if (!fs.existsSync(abs)) return [];
    const out = [];
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
        const full = path.join(abs, entry.name);
        if (entry.isDirectory()) out.push(...listClasses(path.join(dir, entry.name)));
        else if (entry.name.endsWith('.cls')) out.push(full);
    }
    return out.sort();
}

/** Every Apex class of the repository (production, tests, adapter) with the folder it belongs to. */
export function inventory() {
    const prod = [
        ...listClasses(CORE_CLASSES).map((f) => ({
            f,
            group: `classes/${path.relative(path.join(ROOT, CORE_CLASSES), path.dirname(f)) || '.'}/`,
            tests: CORE_TESTS
        })),
        ...listClasses(ADAPTER_CLASSES).map((f) => ({ f, group: 'zuora360/', tests: ADAPTER_TESTS }))
    ].map(({ f, group, tests }) => ({ ...analyseClass(f), group, testsDir: tests }));
    const testFiles = [...listClasses(CORE_TESTS), ...listClasses(ADAPTER_TESTS)].map((f) => analyseClass(f));
    return { prod, tests: testFiles };
}

const cell = (text) => String(text).replace(/\|/g, '\\|');

function testCell(cls, tests) {
    const folder = cls.group.startsWith('classes/') ? cls.group.slice('classes/'.length) : '';
    const own = path.join(cls.testsDir, folder, `${cls.name}_Tests.cls`);
    if (fs.existsSync(path.join(ROOT, own))) return `[\`${cls.name}_Tests\`](../${own})`;
    const word = new RegExp(`\\b${cls.name}\\b`);
    const naming = tests.filter((t) => word.test(t.code)).map((t) => `\`${t.name}\``);
    return naming.length > 0 ? `— (named in ${naming.slice(0, 3).join(', ')}${naming.length > 3 ? ', …' : ''})` : '—';
}

function access(cls) {
    return (
        [cls.soql && 'SOQL', cls.cmdt && 'CMDT', cls.dml && 'DML', cls.http && 'HTTP'].filter(Boolean).join(', ') || '—'
    );
}

function lwcBundles() {
    const abs = path.join(ROOT, LWC);
    if (!fs.existsSync(abs)) return [];
    return fs
        .readdirSync(abs, { withFileTypes: true })
        .filter((e) => e.isDirectory() && fs.existsSync(path.join(abs, e.name, `${e.name}.js-meta.xml`)))
        .map((e) => {
            const dir = path.join(abs, e.name);
            const meta = fs.readFileSync(path.join(dir, `${e.name}.js-meta.xml`), 'utf8');
            const tag = (name) => (new RegExp(`<${name}>([^<]*)</${name}>`).exec(meta) || [])[1] || '';
            const targets = [...meta.matchAll(/<target>lightning__(\w+)<\/target>/g)].map((m) => m[1]);
            const ts = fs
                .readdirSync(dir)
                .filter((f) => f.endsWith('.ts'))
                .sort();
            const apex = new Set();
            for (const f of ts) {
                const text = fs.readFileSync(path.join(dir, f), 'utf8');
                for (const m of text.matchAll(/@salesforce\/apex\/([\w.]+)/g)) apex.add(m[1]);
            }
            const testsDir = path.join(dir, '__tests__');
            const jest = fs.existsSync(testsDir)
                ? fs
                      .readdirSync(testsDir)
                      .filter((f) => /\.test\.[jt]s$/.test(f))
                      .sort()
                : [];
            return {
                name: e.name,
                label: tag('masterLabel'),
                description: tag('description'),
                exposed: tag('isExposed') === 'true',
                targets,
                ts,
                apex: [...apex].sort(),
                jest
            };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
}

/** The generated section, markers included. */
export function generateSection() {
    const { prod, tests } = inventory();
    const exceptionNames = new Set(prod.filter((c) => c.extends === 'Exception').map((c) => c.name));
    const ports = new Set(prod.filter((c) => c.keyword === 'interface' || c.isAbstract).map((c) => c.name));
    const groups = new Map();
    for (const cls of prod) {
        if (!groups.has(cls.group)) groups.set(cls.group, []);
        groups.get(cls.group).push(cls);
    }
    const out = [
        BEGIN,
        '',
        '<!-- Written by `npm run docs` (scripts/docs/architecture.mjs); edit the classes, not this section. -->',
        ''
    ];
    const total = prod.length;
    out.push(
        `${total} production classes in ${groups.size} folders, ${tests.length} test classes. Kinds are detected from the source:`
    );
    out.push(
        '_interface_, _enum_ and _abstract class_ as declared; _exception_ extends `Exception`; _entry point_ has an',
        '`@AuraEnabled`, `@InvocableMethod` or `@RestResource` member, or implements `Queueable`, `Database.Batchable`',
        'or `Schedulable`; _adapter_ extends or implements an abstract class or interface of the package (a port);',
        '_selector_ runs SOQL or reads custom metadata, and no DML or HTTP; _constants_ has only `static final`',
        'fields; _DTO_ has instance fields, no data access, and `@AuraEnabled` / `@InvocableVariable` fields, no',
        'methods, or only instance methods, no more than its fields; everything else is a _service_. "Data" is what the',
        "class's own code does (static SOQL or `Database.query`, `getInstance`/`getAll` of custom metadata, DML",
        'statements or `Database.*` DML, `new Http()`). "Test" is',
        '`<Class>_Tests` in the mirrored tests folder, else the test classes that name the class.',
        ''
    );
    for (const [group, classes] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const dir = group === 'zuora360/' ? ADAPTER_CLASSES : `${CORE_CLASSES}/${group.slice('classes/'.length, -1)}`;
        out.push(`### \`${group}\``, '');
        out.push(`[${dir}/](../${dir}/) — ${classes.length} ${classes.length === 1 ? 'class' : 'classes'}`, '');
        out.push('| class | kind | sharing | data | description | test |', '| --- | --- | --- | --- | --- | --- |');
        for (const cls of classes) {
            const relation = [
                cls.extends && `extends \`${cls.extends}\``,
                ...cls.interfaces
                    .filter((i) => !ENTRY_INTERFACES[i.replace(/<.*$/, '')])
                    .map((i) => `implements \`${i}\``)
            ]
                .filter(Boolean)
                .join(', ');
            let kind = kindOf(cls, exceptionNames, ports);
            if (relation && kind !== 'exception') kind += `; ${relation}`;
            if (cls.isVirtual) kind += '; virtual';
            out.push(
                `| [\`${cls.name}\`](../${cls.file}) | ${cell(kind)} | ${cls.sharing || '—'} | ${access(cls)} | ${cell(cls.description || '(no @description)')} | ${testCell(cls, tests)} |`
            );
        }
        out.push('');
    }
    const bundles = lwcBundles();
    if (bundles.length > 0) {
        out.push('### LWC bundles (`lwc/`)', '');
        out.push(
            `[${LWC}/](../${LWC}/) — ${bundles.length} bundles, TypeScript compiled to \`.js\`; Jest tests in each bundle's \`__tests__/\`.`,
            ''
        );
        out.push(
            '| bundle | label | exposed on | description | Apex it calls | jest |',
            '| --- | --- | --- | --- | --- | --- |'
        );
        for (const b of bundles) {
            out.push(
                `| [\`${b.name}\`](../${LWC}/${b.name}/) | ${cell(b.label || '—')} | ${b.exposed ? b.targets.join(', ') || '—' : 'not exposed (module)'} | ${cell(b.description || '—')} | ${b.apex.map((a) => `\`${a}\``).join(', ') || '—'} | ${b.jest.length} |`
            );
        }
    }
    out.push('', END);
    return out.join('\n');
}

/** The page with its generated section replaced (throws when the markers are missing). */
export function renderDoc(current) {
    const start = current.indexOf(BEGIN);
    const end = current.indexOf(END);
    if (start === -1 || end === -1 || end < start) throw new Error(`${DOC}: markers ${BEGIN} … ${END} not found`);
    return current.slice(0, start) + generateSection() + current.slice(end + END.length);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    if (process.argv.includes('--print')) {
        console.log(generateSection());
    } else {
        const file = path.join(ROOT, DOC);
        const current = fs.readFileSync(file, 'utf8');
        const next = renderDoc(current);
        if (next === current) console.log(`${DOC}: class inventory already up to date`);
        else {
            fs.writeFileSync(file, next);
            console.log(`${DOC}: class inventory regenerated`);
        }
    }
}
