// Checks that the TypeScript LWC pipeline produced deployable bundles.
//   node scripts/gate/check-lwc-bundles.mjs               every .ts module in a source bundle has its compiled .js
//   node scripts/gate/check-lwc-bundles.mjs --converted D every converted bundle in D has <name>.js and no .ts file
import fs from 'node:fs';
import path from 'node:path';

const problems = [];
const args = process.argv.slice(2);

function walk(dir, visit) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== 'node_modules' && entry.name !== '__tests__') walk(full, visit);
        } else {
            visit(full);
        }
    }
}

function lwcRoots(base) {
    const roots = [];
    walk(base, (file) => {
        const dir = path.dirname(path.dirname(file));
        if (path.basename(dir) === 'lwc' && !roots.includes(dir)) roots.push(dir);
    });
    return roots;
}

if (args[0] === '--converted') {
    const out = args[1];
    const lwcDir = path.join(out, 'lwc');
    walk(out, (file) => {
        if (file.endsWith('.ts')) problems.push(`${file}: TypeScript source would be deployed`);
    });
    const bundles = fs.existsSync(lwcDir) ? fs.readdirSync(lwcDir) : [];
    if (bundles.length === 0) problems.push(`${lwcDir}: no LWC bundles were converted`);
    for (const name of bundles) {
        if (!fs.existsSync(path.join(lwcDir, name, `${name}.js`))) {
            problems.push(`${path.join(lwcDir, name)}: converted bundle has no ${name}.js (a deploy would fail)`);
        }
    }
    if (problems.length === 0) console.log(`converted: ${bundles.length} LWC bundle(s), each with its .js, no .ts`);
} else {
    let count = 0;
    for (const root of ['force-app'].flatMap((b) => (fs.existsSync(b) ? lwcRoots(b) : []))) {
        for (const name of fs.readdirSync(root)) {
            const bundle = path.join(root, name);
            if (!fs.statSync(bundle).isDirectory()) continue;
            for (const file of fs.readdirSync(bundle)) {
                if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
                count++;
                const ts = path.join(bundle, file);
                const js = ts.replace(/\.ts$/, '.js');
                if (!fs.existsSync(js))
                    problems.push(`${ts}: no compiled ${path.basename(js)} (run npm run build:lwc)`);
                else if (fs.statSync(js).mtimeMs + 1000 < fs.statSync(ts).mtimeMs) {
                    problems.push(`${js}: older than ${path.basename(ts)} (run npm run build:lwc)`);
                } else if (/__(es)?[dD]ecorate\(/.test(fs.readFileSync(js, 'utf8'))) {
                    problems.push(`${js}: decorators were down-levelled; the LWC compiler needs @api/@wire kept`);
                }
            }
        }
    }
    if (problems.length === 0) console.log(`${count} TypeScript module(s), each compiled to .js`);
}
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
