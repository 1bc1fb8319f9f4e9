// Keeps the TypeScript view of the Apex controllers honest. tsc checks the components against types/*.d.ts, but
// nothing checks those declarations against the Apex they describe; a drift shows only in an org (a parameter that
// arrives as null, a field that is always undefined). This compares, offline:
//   - every `@salesforce/apex/Class.method` module in types/apex.d.ts with the Apex method: it exists, is
//     @AuraEnabled, takes exactly the declared parameter names, and is cacheable=true when declared usable with @wire;
//   - every interface in types/zuora-dto.d.ts that has an Apex class of the same name: each declared property is an
//     @AuraEnabled member of that class.
//   node scripts/gate/check-apex-contract.mjs
import fs from 'node:fs';
import path from 'node:path';

const problems = [];
const apexFiles = new Map();
function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.cls')) apexFiles.set(entry.name.replace(/\.cls$/, '').toLowerCase(), full);
    }
}
walk('force-app/main/default/classes');

/** The text between the brace at `start` and its partner. */
function braced(text, start) {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) return text.slice(start + 1, i);
    }
    return '';
}

/** Top-level property names of a TypeScript object type body (`a: X; b?: { c: Y }`). */
function propertyNames(body) {
    const names = [];
    let depth = 0;
    let token = '';
    for (const c of body) {
        if (c === '{' || c === '<' || c === '(' || c === '[') depth++;
        if (c === '}' || c === '>' || c === ')' || c === ']') depth--;
        if (depth === 0 && (c === ';' || c === ',' || c === '\n')) {
            const m = token.match(/^\s*(?:readonly\s+)?([A-Za-z_]\w*)\??\s*:/);
            if (m) names.push(m[1]);
            token = '';
        } else {
            token += c;
        }
    }
    const m = token.match(/^\s*(?:readonly\s+)?([A-Za-z_]\w*)\??\s*:/);
    if (m) names.push(m[1]);
    return names;
}

function stripComments(text) {
    return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

// 1. Controller methods.
const apexTypes = stripComments(fs.readFileSync('types/apex.d.ts', 'utf8'));
const moduleRe = /declare module '@salesforce\/apex\/(\w+)\.(\w+)'\s*\{/g;
let declared = 0;
let m;
while ((m = moduleRe.exec(apexTypes))) {
    declared++;
    const [, className, methodName] = m;
    const body = braced(apexTypes, m.index + m[0].length - 1);
    const kind = body.match(/Apex(Cacheable|Imperative)Method<\s*\{/);
    const where = `types/apex.d.ts (${className}.${methodName})`;
    if (!kind) {
        problems.push(`${where}: declare it as ApexCacheableMethod<{…}, R> or ApexImperativeMethod<{…}, R>`);
        continue;
    }
    const params = propertyNames(braced(body, body.indexOf('{', kind.index)));
    const file = apexFiles.get(className.toLowerCase());
    if (!file) {
        problems.push(`${where}: no Apex class ${className} in force-app`);
        continue;
    }
    const source = stripComments(fs.readFileSync(file, 'utf8'));
    const methodRe = new RegExp(
        `@AuraEnabled\\s*(\\(([^)]*)\\))?\\s*(?:public|global)\\s+static\\s+[\\w<>,.\\s]+?\\s+${methodName}\\s*\\(([^)]*)\\)`,
        'i'
    );
    const found = source.match(methodRe);
    if (!found) {
        problems.push(`${where}: ${file} has no @AuraEnabled public static method ${methodName}`);
        continue;
    }
    const apexParams = found[3]
        .split(',')
        .map((p) => p.trim().split(/\s+/).pop())
        .filter(Boolean);
    const missing = apexParams.filter((p) => !params.includes(p));
    const extra = params.filter((p) => !apexParams.includes(p));
    if (missing.length || extra.length) {
        problems.push(
            `${where}: parameters {${params.join(', ')}} do not match Apex (${apexParams.join(', ')}) in ${file}`
        );
    }
    if (kind[1] === 'Cacheable' && !/cacheable\s*=\s*true/i.test(found[2] ?? '')) {
        problems.push(`${where}: declared usable with @wire but ${file} does not mark it cacheable=true`);
    }
}

// 2. DTO shapes.
let compared = 0;
const dtoTypes = stripComments(fs.readFileSync('types/zuora-dto.d.ts', 'utf8'));
const interfaceRe = /interface\s+(\w+)\s*\{/g;
while ((m = interfaceRe.exec(dtoTypes))) {
    const name = m[1];
    const file = apexFiles.get(name.toLowerCase());
    if (!file) continue;
    compared++;
    const source = stripComments(fs.readFileSync(file, 'utf8'));
    const members = new Set();
    const memberRe =
        /@AuraEnabled(?:\([^)]*\))?\s*(?:public|global)\s+(?:static\s+)?[\w<>,.\s]+?\s+(\w+)\s*(?:[;={])/gi;
    let f;
    while ((f = memberRe.exec(source))) members.add(f[1]);
    for (const prop of propertyNames(braced(dtoTypes, m.index + m[0].length - 1))) {
        if (!members.has(prop)) {
            problems.push(`types/zuora-dto.d.ts (${name}.${prop}): ${file} has no @AuraEnabled member '${prop}'`);
        }
    }
}

for (const p of problems) console.error(p);
console.log(
    `apex contract: ${declared} controller methods and ${compared} DTOs compared, ${problems.length} problem(s)`
);
process.exit(problems.length ? 1 : 0);
