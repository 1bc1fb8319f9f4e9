// Metadata text is deployed exactly as written: a newline plus indentation that a formatter puts inside
// <description>, <inlineHelpText>, <label> … becomes part of what users read in Setup and on the page. This check
// fails on any such user-facing text that is not one line with single spaces, naming file, line and element.
//   node scripts/gate/check-metadata-text.mjs [dir …]   (default: force-app zuora360 sample-data)
import fs from 'node:fs';
import path from 'node:path';

const ELEMENTS = [
    'description',
    'inlineHelpText',
    'label',
    'masterLabel',
    'pluralLabel',
    'relationshipLabel',
    'helpText',
    'errorMessage',
    'shortDescription',
    'value'
];
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['force-app', 'zuora360', 'sample-data'];
const pattern = new RegExp(`<(${ELEMENTS.join('|')})>([^<]*)</\\1>`, 'g');

function* xmlFiles(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) yield* xmlFiles(full);
        else if (entry.name.endsWith('.xml')) yield full;
    }
}

const problems = [];
let checked = 0;
for (const dir of dirs) {
    for (const file of xmlFiles(path.join(root, dir))) {
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(pattern)) {
            // <value> is user text only in custom labels; elsewhere (custom metadata values, picklists) it may be data.
            if (match[1] === 'value' && !file.endsWith('.labels-meta.xml')) continue;
            checked += 1;
            const content = match[2];
            if (content !== content.replace(/\s+/g, ' ').trim()) {
                const line = text.slice(0, match.index).split('\n').length;
                const shown = JSON.stringify(content.length > 60 ? `${content.slice(0, 57)}…` : content);
                problems.push(`${path.relative(root, file)}:${line} <${match[1]}> is not one line: ${shown}`);
            }
        }
    }
}
for (const problem of problems) console.error(`✘ ${problem}`);
if (problems.length > 0) {
    console.error(
        `${problems.length} metadata text(s) would deploy with line breaks or extra spaces; write each on one line.`
    );
    process.exit(1);
}
console.log(`metadata text: ${checked} user-facing texts, each on one line`);
