// TypeScript allows one `*` per path substitution, so `c/<name>` → `<name>/<name>` cannot be a single mapping.
// This keeps an explicit `c/<name>` entry per LWC bundle in both tsconfigs.
//   node scripts/gate/lwc-paths.mjs          rewrite the `paths` of both tsconfigs
//   node scripts/gate/lwc-paths.mjs --check  fail when a bundle is missing from them (or one is stale)
import fs from 'node:fs';

const lwcDir = 'force-app/main/default/lwc';
const configs = [
    { file: 'tsconfig.json', prefix: `${lwcDir}/` },
    { file: `${lwcDir}/tsconfig.json`, prefix: './' }
];
const bundles = fs
    .readdirSync(lwcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(`${lwcDir}/${d.name}/${d.name}.ts`))
    .map((d) => d.name)
    .sort();

let stale = 0;
for (const { file, prefix } of configs) {
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const paths = Object.fromEntries(bundles.map((b) => [`c/${b}`, [`${prefix}${b}/${b}`]]));
    const same = JSON.stringify(json.compilerOptions.paths ?? {}) === JSON.stringify(paths);
    if (process.argv.includes('--check')) {
        if (!same) {
            console.error(`${file}: compilerOptions.paths is out of date (run node scripts/gate/lwc-paths.mjs)`);
            stale++;
        }
    } else if (!same) {
        json.compilerOptions.paths = paths;
        fs.writeFileSync(file, `${JSON.stringify(json, null, 4)}\n`);
        console.log(`${file}: ${bundles.length} c/* paths written`);
    }
}
process.exit(stale ? 1 : 0);
