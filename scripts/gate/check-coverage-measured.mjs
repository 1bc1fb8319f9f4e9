// Jest's coverage threshold passes when nothing was measured at all ("Lines: Unknown% (0/0)"), which a stale jest
// cache left by a `--coverage=false` run can cause. This check makes the gate fail then: every compiled LWC module
// (force-app/main/default/lwc/<name>/<name>.js and its siblings) must appear in coverage/lwc/coverage-summary.json
// with at least one measured line.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const lwcDir = path.join(root, 'force-app/main/default/lwc');
const summaryFile = path.join(root, 'coverage/lwc/coverage-summary.json');
if (!fs.existsSync(summaryFile)) {
    console.error(`no coverage summary at ${path.relative(root, summaryFile)}: jest measured nothing`);
    process.exit(1);
}
const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
const measured = new Map(
    Object.entries(summary)
        .filter(([file]) => file !== 'total')
        .map(([file, figures]) => [path.resolve(file), figures.lines.total])
);
const problems = [];
for (const bundle of fs.readdirSync(lwcDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of fs.readdirSync(path.join(lwcDir, bundle.name))) {
        if (!file.endsWith('.js')) continue;
        const full = path.join(lwcDir, bundle.name, file);
        if (!measured.has(full)) problems.push(`${path.relative(root, full)}: not in the coverage report`);
        else if (measured.get(full) === 0) problems.push(`${path.relative(root, full)}: 0 lines measured`);
    }
}
if (summary.total.lines.total === 0) problems.push('coverage total: 0 lines measured');
for (const p of problems) console.error(`✘ ${p}`);
if (problems.length > 0) {
    console.error(
        'Jest coverage measured nothing for these modules: clear the cache (npx jest --clearCache) and re-run.'
    );
    process.exit(1);
}
console.log(`coverage measured on ${measured.size} compiled modules, ${summary.total.lines.total} lines`);
