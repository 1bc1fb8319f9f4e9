// Builds the real-browser preview (npm run preview / preview:check): compiles the TypeScript components with tsc
// (the same .js that ships), then bundles them with rollup + @lwc/rollup-plugin (lwc 8.28.2, synthetic shadow as
// on the platform) together with the real base components of `lightning-base-components`, the state registry
// and small stand-ins for the modules only an org provides. Output: build/preview/ (index.html, app.js, SLDS).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const lwcDir = join(root, 'force-app/main/default/lwc');
const appDir = join(root, 'scripts/preview/app');
export const outDir = join(root, 'build/preview');
const cacheFile = join(root, '.cache/preview-rollup-cache.json');
/** SLDS assets are served from node_modules by serve.mjs (/slds/…), not copied. */
export const sldsDir = join(root, 'node_modules/@salesforce-ux/design-system/assets');

/** The project's components, by LWC module name (`c/zuoraAccountPanel` → its tsc-compiled .js). */
function projectModules() {
    return readdirSync(lwcDir)
        .filter((name) => existsSync(join(lwcDir, name, `${name}.ts`)))
        .map((name) => ({ name: `c/${name}`, path: join(lwcDir, name, `${name}.js`) }));
}

/** Label values from CustomLabels.labels-meta.xml, so the preview shows the words the org shows. */
function labelValues() {
    const xml = readFileSync(join(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'), 'utf8');
    const unescape = (s) =>
        s
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&');
    const labels = new Map();
    for (const block of xml.split('<labels>').slice(1)) {
        const name = /<fullName>([^<]+)<\/fullName>/.exec(block)?.[1];
        const value = /<value>([\s\S]*?)<\/value>/.exec(block)?.[1];
        if (name && value !== undefined) labels.set(name, unescape(value));
    }
    return labels;
}

const standins = {
    '@salesforce/apex': join(appDir, 'standins/apex.js'),
    'lightning/platformShowToastEvent': join(appDir, 'standins/platformShowToastEvent.js'),
    'lightning/uiRecordApi': join(appDir, 'standins/uiRecordApi.js'),
    'lightning/actions': join(appDir, 'standins/actions.js'),
    'lightning/navigation': join(appDir, 'standins/navigation.js')
};

/** The preview user's locale settings (the headless browser runs in the same time zone, see check.mjs). */
export const PREVIEW_LOCALE = 'en-US';
export const PREVIEW_TIME_ZONE = 'America/New_York';
const I18N = { '@salesforce/i18n/locale': PREVIEW_LOCALE, '@salesforce/i18n/timeZone': PREVIEW_TIME_ZONE };
const lbcDir = join(root, 'node_modules/lightning-base-components');
/**
 * Release gates that lightning-base-components' npm stub opens (external/gateStub.js opens every gate) but that
 * cannot be open under synthetic shadow, the shadow mode of Lightning Experience: the combobox's
 * ElementInternals gate makes the LWC engine throw "attachInternals API is not supported in synthetic shadow".
 */
const CLOSED_GATES = ['@salesforce/gate/bc.260.enableComboboxElementInternals'];

/** Org-only modules → local stand-ins (resolved before the LWC resolver, which would find LBC's own versions). */
function orgModules(labels) {
    const virtual = '\0preview:';
    return {
        name: 'preview-org-modules',
        resolveId(source) {
            if (standins[source]) return standins[source];
            if (CLOSED_GATES.includes(source)) return virtual + source;
            if (source.startsWith('@salesforce/i18n/')) {
                if (I18N[source] !== undefined) return virtual + source;
                const scoped = join(lbcDir, 'scopedImports', `${source.slice(1).replace(/\//g, '-')}.js`);
                if (existsSync(scoped)) return scoped;
            }
            // Only the project's own labels (`c.`): lightning-base-components maps its labels itself.
            if (/^@salesforce\/(apex|schema)\/|^@salesforce\/label\/c\./.test(source)) return virtual + source;
            return null;
        },
        load(id) {
            if (!id.startsWith(virtual)) return null;
            const source = id.slice(virtual.length);
            if (I18N[source] !== undefined) return `export default ${JSON.stringify(I18N[source])};`;
            if (CLOSED_GATES.includes(source)) return 'export default { isOpen: () => false };';
            const [, kind, name] = /^@salesforce\/(apex|label|schema)\/(.+)$/.exec(source);
            if (kind === 'apex') {
                return `import { apexStandIn } from ${JSON.stringify(standins['@salesforce/apex'])};\nexport default apexStandIn(${JSON.stringify(name)});`;
            }
            if (kind === 'label') {
                const key = name.replace(/^c\./, '');
                if (!labels.has(key))
                    this.error(`unknown custom label ${source} (not in CustomLabels.labels-meta.xml)`);
                return `export default ${JSON.stringify(labels.get(key))};`;
            }
            const [objectApiName, fieldApiName] = name.split('.');
            return `export default ${JSON.stringify(fieldApiName ? { objectApiName, fieldApiName } : { objectApiName })};`;
        }
    };
}

/** TypeScript that is not an LWC component (fixtures, state registry): types stripped, nothing else changed. */
function typescriptModules() {
    return {
        name: 'preview-typescript',
        resolveId(source, importer) {
            if (!importer || !source.startsWith('.') || /\.[cm]?[jt]s$/.test(source)) return null;
            for (const ext of ['.ts', '.js']) {
                const candidate = resolve(dirname(importer), `${source}${ext}`);
                if (existsSync(candidate)) return candidate;
            }
            return null;
        },
        transform(code, id) {
            if (!id.endsWith('.ts')) return null;
            const out = ts.transpileModule(code, {
                compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false },
                fileName: id
            });
            return { code: out.outputText, map: null };
        }
    };
}

/** Build-time constants the LWC engine and lightning-base-components read (development mode, browser, not SSR). */
function replaceEnv() {
    return {
        name: 'preview-env',
        transform(code) {
            if (!code.includes('process.env.NODE_ENV') && !code.includes('import.meta.env.SSR')) return null;
            return {
                code: code
                    .replace(/process\.env\.NODE_ENV/g, '"development"')
                    .replace(/import\.meta\.env\.SSR/g, 'false'),
                map: null
            };
        }
    };
}

/** Hash of every file the bundle is built from (components, harness, fixtures, labels, this script, the lock). */
function inputHash() {
    const hash = createHash('sha1');
    const add = (file) => hash.update(file).update(readFileSync(file));
    const walk = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== '__tests__') walk(path);
            } else if (/\.(js|ts|html|css)$/.test(entry.name)) add(path);
        }
    };
    walk(lwcDir);
    walk(appDir);
    walk(join(root, 'force-app/test/fixtures'));
    add(join(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'));
    add(fileURLToPath(import.meta.url));
    add(join(root, 'package-lock.json'));
    return hash.digest('hex');
}

export async function buildPreview({ compile = true, quiet = false } = {}) {
    const t0 = Date.now();
    if (compile) {
        execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(lwcDir, 'tsconfig.json')], { stdio: 'inherit' });
    }
    mkdirSync(outDir, { recursive: true });
    mkdirSync(dirname(cacheFile), { recursive: true });
    // Nothing the bundle is made of changed since the last build: keep it (the warm gate run).
    const inputs = inputHash();
    const infoFile = join(outDir, 'build-info.json');
    if (existsSync(join(outDir, 'app.js')) && existsSync(infoFile)) {
        if (JSON.parse(readFileSync(infoFile, 'utf8')).inputs === inputs) {
            if (!quiet) console.log(`preview bundle up to date (${Date.now() - t0} ms)`);
            return { warnings: [] };
        }
    }
    const warnings = [];
    // The rollup cache also keeps how each import was resolved: drop it when this script or the packages change.
    const cacheKey = createHash('sha1')
        .update(readFileSync(fileURLToPath(import.meta.url)))
        .update(readFileSync(join(root, 'package-lock.json')))
        .digest('hex');
    let cache;
    try {
        const saved = JSON.parse(readFileSync(cacheFile, 'utf8'));
        cache = saved.key === cacheKey ? saved.cache : undefined;
    } catch {
        cache = undefined;
    }
    const bundle = await rollup({
        cache,
        input: join(appDir, 'main.js'),
        plugins: [
            orgModules(labelValues()),
            typescriptModules(),
            lwc({
                rootDir: root,
                // lightning-base-components uses lwc:component (dynamic components), as the platform allows.
                enableDynamicComponents: true,
                exclude: ['**/*.ts', '**/*.mjs'],
                modules: [...projectModules(), { dir: join(appDir, 'standins') }, { npm: 'lightning-base-components' }]
            }),
            replaceEnv()
        ],
        onwarn(warning) {
            // An import nothing resolves would be a runtime failure in the page: fail the build instead.
            if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
            // Compiler notes about lightning-base-components' own templates are theirs (the platform compiles the
            // same sources); circular imports inside it are harmless. Anything about our code is shown.
            const where = warning.id ?? warning.loc?.file ?? '';
            if (
                where.includes('node_modules/lightning-base-components/') ||
                /lightning-base-components/.test(warning.message)
            )
                return;
            if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
            warnings.push(warning.message);
        }
    });
    await bundle.write({ file: join(outDir, 'app.js'), format: 'esm', sourcemap: false, inlineDynamicImports: true });
    // Rollup reuses the transform of every module whose source did not change: the warm build takes seconds.
    writeFileSync(cacheFile, JSON.stringify({ key: cacheKey, cache: bundle.cache }));
    await bundle.close();
    cpSync(join(appDir, 'index.html'), join(outDir, 'index.html'));
    cpSync(join(appDir, 'preview.css'), join(outDir, 'preview.css'));
    writeFileSync(infoFile, JSON.stringify({ builtAt: new Date().toISOString(), inputs }));
    if (!quiet) {
        const size = (statSync(join(outDir, 'app.js')).size / 1e6).toFixed(1);
        console.log(`preview built in ${Date.now() - t0} ms: ${relative(root, outDir)}/app.js (${size} MB)`);
    }
    for (const w of warnings) console.warn(`rollup: ${w}`);
    return { warnings };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    buildPreview({ compile: !process.argv.includes('--no-compile') }).catch((error) => {
        console.error(`preview build failed: ${error.message}`);
        process.exit(1);
    });
}
