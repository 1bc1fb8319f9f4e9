// Static half of preview:check: every attribute a project template sets on a `lightning-*` tag must be a public
// (@api) property of the real base component (lightning-base-components, following `extends` to its base classes),
// or of the preview's labelled stand-in when the npm package has no such component. Global HTML attributes (class,
// data-*, role, title, …) are what the LWC template compiler itself classifies as attributes; ARIA properties are
// global too. Prints `file:line <tag> attribute "x" is not a public property …` per problem.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@lwc/template-compiler';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const lbc = join(root, 'node_modules/lightning-base-components/src');
const standins = join(root, 'scripts/preview/app/standins');

const camel = (name) => name.replace(/-([a-z])/g, (_m, c) => c.toUpperCase());

function moduleFile(specifier, fromFile) {
    if (specifier.startsWith('.')) {
        const base = resolve(dirname(fromFile), specifier);
        return [base, `${base}.js`].find((f) => existsSync(f) && f.endsWith('.js'));
    }
    const [ns, name] = specifier.split('/');
    if (ns !== 'lightning' || !name) return undefined;
    return [join(lbc, ns, name, `${name}.js`), join(standins, ns, name, `${name}.js`)].find((f) => existsSync(f));
}

const apiCache = new Map();

/** Public property names of the component class in `file`, including those of the classes it extends. */
export function publicProperties(file) {
    if (apiCache.has(file)) return apiCache.get(file);
    const source = readFileSync(file, 'utf8');
    const names = new Set();
    for (const m of source.matchAll(/@api\s+(?:static\s+)?(?:get\s+|set\s+|async\s+)?([A-Za-z_$][\w$]*)/g))
        names.add(m[1]);
    const parent = /class\s+\w+\s+extends\s+([A-Za-z_$][\w$]*)/.exec(source)?.[1];
    if (parent && parent !== 'LightningElement') {
        const importRe = new RegExp(
            `import\\s+(?:\\{[^}]*\\b${parent}\\b[^}]*\\}|${parent})\\s+from\\s+['"]([^'"]+)['"]`
        );
        const spec = importRe.exec(source)?.[1];
        const parentFile = spec && moduleFile(spec, file);
        if (parentFile) for (const n of publicProperties(parentFile)) names.add(n);
    }
    apiCache.set(file, names);
    return names;
}

const ARIA = /^aria[A-Z]/;

function* elements(node) {
    if (node.type === 'Component' || node.type === 'Element') yield node;
    for (const child of node.children ?? []) yield* elements(child);
}

/** Problems in one template: unknown base components, and attributes no public property takes. */
export function checkTemplate(file) {
    const problems = [];
    const { root: ast, warnings } = parse(readFileSync(file, 'utf8'), { enableDynamicComponents: true });
    for (const w of warnings.filter((w) => w.level >= 1 || w.level === 'error'))
        problems.push(`${relative(root, file)}: ${w.message}`);
    if (!ast) return problems;
    for (const el of elements(ast)) {
        if (!el.name.startsWith('lightning-')) continue;
        const name = camel(el.name.slice('lightning-'.length));
        const impl = moduleFile(`lightning/${name}`);
        const line = el.location?.startLine ?? 0;
        if (!impl) {
            problems.push(
                `${relative(root, file)}:${line} <${el.name}> is not in lightning-base-components (and has no preview stand-in)`
            );
            continue;
        }
        const api = publicProperties(impl);
        for (const prop of el.properties ?? []) {
            if (api.has(prop.name) || ARIA.test(prop.name)) continue;
            problems.push(
                `${relative(root, file)}:${prop.location?.startLine ?? line} <${el.name}> attribute "${prop.attributeName}" is not a public property of ${relative(root, impl)}`
            );
        }
    }
    return problems;
}

export function checkProjectTemplates() {
    const lwcDir = join(root, 'force-app/main/default/lwc');
    const files = readdirSync(lwcDir)
        .filter((dir) => statSync(join(lwcDir, dir)).isDirectory())
        .flatMap((dir) => readdirSync(join(lwcDir, dir)).map((f) => join(lwcDir, dir, f)))
        .filter((f) => f.endsWith('.html'));
    return { files: files.length, problems: files.flatMap(checkTemplate) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const { files, problems } = checkProjectTemplates();
    for (const p of problems) console.error(p);
    console.log(`${files} templates, ${problems.length} attribute problem(s)`);
    process.exit(problems.length ? 1 : 0);
}
