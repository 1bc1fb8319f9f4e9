// Docs that match the code. Fails when
//  1. the generated class inventory of docs/architecture.md is stale (fix: `npm run docs`);
//  2. README.md or docs/*.md names, inside backticks (inline or fenced), an Apex-class-like identifier that
//     exists nowhere in the repository: not a class (or inner class) of force-app/, zuora360/ or stubs/, not a
//     platform type the Apex code itself uses, not a TypeScript type, metadata name or Zuora OpenAPI schema, and
//     not on the short allow-list below;
//  3. a doc names a `classes/<folder>/` path, a repo-relative path or a relative link that does not exist;
//  4. a doc or an Apex comment (force-app/, zuora360/) cites a document that is not in the repository: a file
//     path or file name that no tracked file has, a path outside the repository (`../…`), or a seed document.
//   node scripts/gate/check-architecture-doc.mjs
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, DOC, BEGIN, renderDoc, splitApex, inventory } from '../docs/architecture.mjs';

// Names that are neither in the code nor in the metadata, with the reason each one may appear in a doc.
const ALLOWED = new Map([
    ['TypeScript', 'the language'],
    ['JavaScript', 'the language'],
    ['GitHub', 'GitHub Actions, the CI host'],
    ['AppExchange', 'Code Analyzer rule selector / Salesforce security review'],
    ['PlatformCache', 'scratch-org feature name in config/project-scratch-def.json'],
    ['DevHub', 'Salesforce Dev Hub'],
    ['NebulaLogger', 'a model codebase named in the conventions'],
    ['OnDemandSyncManager', 'Zuora 360 global class, declared in stubs/zuora (used with its namespace)'],
    ['SyncResult', 'Zuora 360 global class, documented by Zuora (members unpublished)'],
    ['ExternalId', 'placeholder in the Bulk API 2.0 relationship-column notation `Parent.ExternalId`']
]);

const SALESFORCE_ID = /^(?=.*\d)[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
const CLASS_LIKE = /^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*(?:_Tests?)?$/;
const TOP_DIRS = [
    'force-app',
    'zuora360',
    'scripts',
    'docs',
    'stubs',
    'types',
    'sample-data',
    'config',
    'reference',
    '.ci',
    '.github'
];
const DOC_EXT = /\.(md|ya?ml|json|csv|txt|ts|mjs|js|sh|xml|cls|html)$/;

const rel = (file) => path.relative(ROOT, file);
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8'
})
    .split('\n')
    .filter(Boolean);
const trackedSet = new Set(tracked);
const trackedDirs = new Set();
for (const f of tracked) {
    let d = path.dirname(f);
    while (d !== '.' && !trackedDirs.has(d)) {
        trackedDirs.add(d);
        d = path.dirname(d);
    }
}
const basenames = new Set(tracked.map((f) => path.basename(f)));

function files(dir, test) {
    const abs = path.join(ROOT, dir);
    return tracked
        .filter((f) => f.startsWith(`${dir}/`) && test(f))
        .map((f) => path.join(ROOT, f))
        .filter((f) => fs.existsSync(f) || abs);
}

// ---------------------------------------------------------------- the names the repository knows
const known = new Set();
const addTokens = (text) => {
    for (const m of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) known.add(m[0]);
};
const apexFiles = [
    ...files('force-app', (f) => /\.(cls|trigger)$/.test(f)),
    ...files('zuora360', (f) => f.endsWith('.cls')),
    ...files('stubs', (f) => f.endsWith('.cls'))
];
const apexClassNames = new Set();
for (const file of apexFiles) {
    if (!fs.existsSync(file)) continue;
    const { code } = splitApex(fs.readFileSync(file, 'utf8'));
    addTokens(code); // declared classes, inner classes and every platform type the code uses
    apexClassNames.add(path.basename(file).replace(/\.(cls|trigger)$/, ''));
}
const stripTs = (text) => text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:])\/\/.*$/gm, '$1');
for (const file of [
    ...files('types', (f) => f.endsWith('.ts')),
    ...files('force-app', (f) => f.endsWith('.ts')),
    ...files('scripts', (f) => /\.(ts|mjs)$/.test(f))
]) {
    if (fs.existsSync(file)) addTokens(stripTs(fs.readFileSync(file, 'utf8')));
}
for (const file of [
    ...files('force-app', (f) => f.endsWith('.xml')),
    ...files('zuora360', (f) => f.endsWith('.xml')),
    ...files('sample-data', (f) => f.endsWith('.xml')),
    ...files('stubs', (f) => f.endsWith('.xml')),
    ...files('config', (f) => f.endsWith('.json')),
    ...files('scripts', (f) => f.endsWith('.json')), // Code Analyzer rule names of the written suppressions
    ...files('.github', (f) => /\.ya?ml$/.test(f)),
    path.join(ROOT, 'sfdx-project.json') // package names
]) {
    if (!fs.existsSync(file)) continue;
    addTokens(fs.readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, ' ')); // API names, picklist values, labels
    addTokens(path.basename(file).replace(/\..*$/, ''));
}
const spec = path.join(ROOT, 'reference/zuora-openapi/zuora-openapi-full-compact.yaml');
if (fs.existsSync(spec)) {
    const yaml = fs.readFileSync(spec, 'utf8');
    for (const m of yaml.matchAll(/^ {4}([A-Za-z]\w*):\s*$/gm)) known.add(m[1]); // schema names
    for (const m of yaml.matchAll(/^\s*- ([A-Za-z]\w*)\s*$/gm)) known.add(m[1]); // enum values
}
for (const name of ALLOWED.keys()) known.add(name);

// ---------------------------------------------------------------- checks
const problems = [];
const report = (file, line, message) => {
    const problem = `${file}:${line}: ${message}`;
    if (!problems.includes(problem)) problems.push(problem);
};
const lineOf = (text, index) => text.slice(0, index).split('\n').length;

function checkStale() {
    const file = path.join(ROOT, DOC);
    const current = fs.readFileSync(file, 'utf8');
    let next;
    try {
        next = renderDoc(current);
    } catch (e) {
        report(DOC, 1, e.message);
        return;
    }
    if (next === current) return;
    const a = current.split('\n');
    const b = next.split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i += 1;
    report(
        DOC,
        i + 1,
        `the generated class inventory is stale: run \`npm run docs\`\n    doc:  ${a[i] ?? '(end)'}\n    code: ${b[i] ?? '(end)'}`
    );
}

/** Inline code spans and fenced blocks of a markdown text, with their offsets. */
function codeSpans(text) {
    const spans = [];
    const fence = /^(```|~~~)[^\n]*\n([\s\S]*?)^\1\s*$/gm;
    let masked = text;
    for (const m of text.matchAll(fence)) {
        spans.push({ index: m.index, text: m[2], fenced: true });
        masked = masked.slice(0, m.index) + m[0].replace(/[^\n]/g, ' ') + masked.slice(m.index + m[0].length);
    }
    for (const m of masked.matchAll(/(`+)([^`\n]+?)\1/g)) spans.push({ index: m.index, text: m[2], fenced: false });
    return { spans, prose: masked.replace(/(`+)([^`\n]+?)\1/g, (s) => s.replace(/[^\n]/g, ' ')) };
}

function checkNames(file, span, text) {
    for (const m of span.text.matchAll(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g)) {
        if (span.text[m.index - 1] === '@' || span.text[m.index - 1] === '-') continue; // npm scopes, CLI flags
        const segments = m[0].split('.');
        const before = span.text.slice(Math.max(0, m.index - 1), m.index);
        const after = span.text[m.index + m[0].length];
        segments.forEach((segment, i) => {
            if (/^\w+__(c|r|mdt)$/.test(segment)) {
                // custom objects and fields: the core's own metadata, or Zuora 360's as declared in stubs/zuora
                const bare = segment.replace(/^Zuora__/, '');
                const names = [segment, bare, segment.replace(/__r$/, '__c'), bare.replace(/__r$/, '__c')];
                if (!names.some((n) => known.has(n)) && !/[…*]/.test(before) && after !== '*') {
                    report(
                        file,
                        lineOf(text, span.index) + lineOf(span.text, m.index) - 1,
                        `\`${segment}\` is no object or field of this repository (nor of the Zuora 360 stubs)`
                    );
                }
                return;
            }
            if (!CLASS_LIKE.test(segment) || known.has(segment) || SALESFORCE_ID.test(segment)) return;
            if (i === 0 && /[…*]/.test(before) && [...known].some((k) => k.endsWith(segment))) return; // `…Suffix`
            if (i === segments.length - 1 && after === '*' && [...known].some((k) => k.startsWith(segment))) return;
            if (i > 0 && !CLASS_LIKE.test(segments[i - 1]) && /^[a-z]/.test(segments[i - 1])) return; // a.b.Method
            report(
                file,
                lineOf(text, span.index) + lineOf(span.text, m.index) - 1,
                `\`${segment}\` (in \`${m[0]}\`) is no class, type or metadata name of this repository`
            );
        });
    }
}

function pathExists(p) {
    const clean = p.replace(/[#?].*$/, '').replace(/\/$/, '');
    // `zuora360/tests/Zuora360SyncGateway_Tests` names the class file without its extension
    return (
        trackedSet.has(clean) ||
        trackedDirs.has(clean) ||
        trackedSet.has(`${clean}.cls`) ||
        fs.existsSync(path.join(ROOT, clean))
    );
}

function expandBraces(p) {
    const m = /\{([^{}]*)\}/.exec(p);
    if (!m) return [p];
    return m[1].split(',').flatMap((alt) => expandBraces(p.slice(0, m.index) + alt + p.slice(m.index + m[0].length)));
}

function checkPaths(file, span, text) {
    for (const m of span.text.matchAll(/(?:^|[\s(=:'"])((?:\.\.\/|\.?[\w-]+\/)[\w./{},<>*-]*)/g)) {
        const p = m[1].replace(/[.,:;]+$/, '');
        const at = lineOf(text, span.index) + lineOf(span.text, m.index) - 1;
        if (/[<*]|\.\.\./.test(p)) continue; // placeholders and globs
        if (p.startsWith('../')) {
            const resolved = path.normalize(path.join(path.dirname(file), p));
            if (resolved.startsWith('..') || !pathExists(resolved))
                report(file, at, `\`${p}\` is not a path of the repository`);
            continue;
        }
        for (const one of expandBraces(p)) {
            const cls = /^classes\/([\w-]+)(?:\/|$)/.exec(one);
            if (cls) {
                if (!pathExists(`force-app/main/default/classes/${cls[1]}`))
                    report(file, at, `\`${one}\`: there is no folder force-app/main/default/classes/${cls[1]}/`);
                continue;
            }
            const top = one.split('/')[0];
            if (TOP_DIRS.includes(top) && !pathExists(one))
                report(file, at, `\`${one}\` does not exist in the repository`);
        }
    }
}

/** GitHub's heading anchors of a markdown file. */
const anchorCache = new Map();
function anchorsOf(file) {
    if (!anchorCache.has(file)) {
        const seen = new Map();
        const anchors = new Set();
        const body = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
        for (const m of body.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
            const slug = m[1]
                .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
                .toLowerCase()
                .replace(/[^\p{L}\p{N}\s_-]/gu, '')
                .replace(/\s/g, '-');
            const n = seen.get(slug) ?? 0;
            seen.set(slug, n + 1);
            anchors.add(n === 0 ? slug : `${slug}-${n}`);
        }
        anchorCache.set(file, anchors);
    }
    return anchorCache.get(file);
}

function checkLinks(file, text) {
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1];
        if (/^(https?:|mailto:)/.test(target)) continue;
        const [base, anchor] = target.split('#');
        const resolved = base === '' ? file : path.normalize(path.join(path.dirname(file), base));
        if (resolved.startsWith('..') || !pathExists(resolved)) {
            report(file, lineOf(text, m.index), `link target \`${target}\` does not exist in the repository`);
        } else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) {
            report(
                file,
                lineOf(text, m.index),
                `link target \`${target}\`: ${resolved} has no heading with that anchor`
            );
        }
    }
}

/** Document references in prose or comments: file names/paths no tracked file has, `../` paths, seed documents. */
function checkReferences(file, text, baseLine = 0, offset = 0) {
    const at = (index) => baseLine + lineOf(text, index);
    for (const m of text.matchAll(/\bseeds?\s*(?:\/|#|\d{2,3}\b)/gi)) {
        report(
            file,
            at(m.index),
            `cites a seed document (\`${m[0].trim()}\`), which is not in the repository: cite the behaviour or a doc of the repo`
        );
    }
    for (const m of text.matchAll(
        /(?<![\w/.:-])((?:\.\.\/)+[\w./-]+|[\w.-]+(?:\/[\w.-]+)*\.(?:md|ya?ml|json|csv|txt))(?![\w(-])/g
    )) {
        const ref = m[1].replace(/\.$/, '');
        if (ref.startsWith('../')) {
            const resolved = path.normalize(path.join(path.dirname(file), ref));
            if (resolved.startsWith('..') || !pathExists(resolved))
                report(file, at(m.index), `\`${ref}\` is not a path of the repository`);
            continue;
        }
        if (!DOC_EXT.test(ref)) continue;
        const stem = ref.split('/')[0].replace(DOC_EXT, '');
        if (!ref.includes('/') && apexClassNames.has(stem)) continue; // `ZuoraHttpMock.json(...)`: a method
        const found = ref.includes('/')
            ? pathExists(ref) ||
              tracked.some((f) => f.endsWith(`/${ref}`)) ||
              pathExists(path.join(path.dirname(file), ref))
            : basenames.has(ref);
        if (!found) report(file, at(m.index), `cites \`${ref}\`, which is not in the repository`);
    }
    return offset;
}

/** What a doc says about a class's shape or folder must match its declaration: interface vs abstract class, folder. */
const declared = new Map(inventory().prod.map((c) => [c.name, c]));
function checkClaims(file, text) {
    const shape = (c) => (c.keyword === 'interface' ? 'interface' : c.isAbstract ? 'abstract class' : 'class');
    const claims = [
        /`?\b([A-Z]\w+)\b`?\s*\((interface|abstract(?: class)?)\b/g, // `X` (interface)
        /\b(interface|abstract class)\s+`([A-Z]\w+)`/g // interface `X`
    ];
    for (const [n, pattern] of claims.entries()) {
        for (const m of text.matchAll(pattern)) {
            const [name, said] = n === 0 ? [m[1], m[2]] : [m[2], m[1]];
            const cls = declared.get(name);
            if (!cls) continue;
            const claim = said.startsWith('abstract') ? 'abstract class' : 'interface';
            if (shape(cls) !== claim)
                report(
                    file,
                    lineOf(text, m.index),
                    `calls \`${name}\` an ${claim}, but ${cls.file} declares ${/^[ai]/.test(shape(cls)) ? 'an' : 'a'} ${shape(cls)}`
                );
        }
    }
    for (const m of text.matchAll(/`([A-Z]\w+)`\s*\(?(?:in\s+)?`(classes\/[\w-]+\/|zuora360\/)`/g)) {
        const cls = declared.get(m[1]);
        if (cls && cls.group !== m[2])
            report(file, lineOf(text, m.index), `places \`${m[1]}\` in \`${m[2]}\`, but it is in \`${cls.group}\``);
    }
}

/** Every feature folder is explained in the hand-written part of architecture.md (its "Feature folders" table). */
function checkFolders() {
    const file = path.join(ROOT, DOC);
    if (!fs.existsSync(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf(BEGIN);
    const prose = start === -1 ? text : text.slice(0, start);
    for (const group of new Set([...declared.values()].map((c) => c.group))) {
        if (!prose.includes(`\`${group}\``))
            report(DOC, 1, `the feature folder \`${group}\` is not explained (add it to the "Feature folders" table)`);
    }
}

checkStale();
checkFolders();
const docs = ['README.md', ...tracked.filter((f) => /^docs\/[^/]+\.md$/.test(f))].filter((f) =>
    fs.existsSync(path.join(ROOT, f))
);
if (!docs.includes(DOC) && fs.existsSync(path.join(ROOT, DOC))) docs.push(DOC);
for (const file of docs) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const { spans, prose } = codeSpans(text);
    for (const span of spans) {
        checkNames(file, span, text);
        checkPaths(file, span, text);
    }
    checkLinks(file, prose);
    checkClaims(file, text);
    checkReferences(
        file,
        prose.replace(/\]\([^)\s]+\)/g, (l) => l.replace(/[^\n]/g, ' '))
    ); // link targets: checkLinks
    for (const span of spans.filter((s) => !s.fenced)) checkReferences(file, span.text, lineOf(text, span.index) - 1);
}
for (const file of apexFiles.filter((f) => !rel(f).startsWith('stubs/'))) {
    if (!fs.existsSync(file)) continue;
    const { comments } = splitApex(fs.readFileSync(file, 'utf8'));
    const source = fs.readFileSync(file, 'utf8');
    for (const c of comments) checkReferences(rel(file), c.text, lineOf(source, c.start) - 1);
}

if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(
        `${problems.length} doc problem(s): docs must name only what exists (see scripts/gate/check-architecture-doc.mjs)`
    );
    process.exit(1);
}
console.log(
    `docs match the code: ${DOC} inventory current; ${docs.length} docs and ${apexFiles.length} Apex files checked`
);
