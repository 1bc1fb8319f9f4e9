// `npm run preview:shots`: after preview:check wrote build/preview/shots/, copies the README's screenshots to
// docs/screenshots/ (state → file below). Run it after a UI change and commit the PNGs.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const README_SHOTS = [
    ['zuoraAccountPanel--linked', 'panel-linked.png'],
    ['zuoraProvisioning--duplicates-found', 'duplicate-check.png'],
    ['zuoraProvisioning--plan', 'plan-step.png'],
    ['zuoraSyncAccounts--table', 'sync-table.png']
];

const out = join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
for (const [state, file] of README_SHOTS) {
    const from = join(root, 'build/preview/shots', `${state}.png`);
    if (!existsSync(from)) {
        console.error(`missing ${from}: run npm run preview:check first`);
        process.exit(1);
    }
    copyFileSync(from, join(out, file));
    console.log(`docs/screenshots/${file} ← ${state} (${Math.round(statSync(from).size / 1024)} KB)`);
}
