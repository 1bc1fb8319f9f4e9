// Checks custom field and relationship names inside static SOQL (`[SELECT ... FROM ...]`) against the object
// metadata in the repository — the one thing apex-ls does not check. Only names this repository defines can be
// checked: custom fields (`__c`) and custom relationships (`__r`) of objects that have metadata here (the package's
// objects, the package's fields on standard objects, the Zuora 360 stub objects). Standard fields are left to the org.
//   node scripts/gate/check-soql-fields.mjs [apex-dir ...]   (default: force-app zuora360)
import fs from 'node:fs';
import path from 'node:path';

const objectRoots = [
    { dir: 'force-app/main/default/objects', prefix: '' },
    { dir: 'zuora360/main/default/objects', prefix: '' },
    { dir: 'sample-data/main/default/objects', prefix: '' },
    { dir: 'stubs/zuora/schema/objects', prefix: 'Zuora__' }
];
// Standard lookups and child relationships used from the package's queries (name → target object).
const STANDARD_PARENTS = {
    Account: { Parent: 'Account', Owner: 'User', CreatedBy: 'User', LastModifiedBy: 'User' },
    Contact: { Account: 'Account', Owner: 'User', CreatedBy: 'User' },
    Opportunity: { Account: 'Account', Owner: 'User', CreatedBy: 'User', Pricebook2: 'Pricebook2' },
    OpportunityLineItem: { Opportunity: 'Opportunity', Product2: 'Product2', PricebookEntry: 'PricebookEntry' },
    OpportunityContactRole: { Opportunity: 'Opportunity', Contact: 'Contact' },
    PricebookEntry: { Product2: 'Product2' }
};
const STANDARD_CHILDREN = {
    Account: { Contacts: 'Contact', Opportunities: 'Opportunity', ChildAccounts: 'Account' },
    Opportunity: { OpportunityLineItems: 'OpportunityLineItem', OpportunityContactRoles: 'OpportunityContactRole' }
};

/** objects[name] = { fields: Map(lowerName → { name, referenceTo }), children: Map(lowerRel → childObject) } */
const objects = new Map();
function objectInfo(name) {
    const key = name.toLowerCase();
    if (!objects.has(key)) objects.set(key, { name, fields: new Map(), children: new Map(), defined: false });
    return objects.get(key);
}
const tag = (xml, name) => xml.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1]?.trim();

for (const { dir, prefix } of objectRoots) {
    if (!fs.existsSync(dir)) continue;
    for (const objectDir of fs.readdirSync(dir)) {
        const objectName = objectDir.endsWith('__c') || objectDir.endsWith('__mdt') ? prefix + objectDir : objectDir;
        const info = objectInfo(objectName);
        info.defined = info.defined || objectDir.endsWith('__c') || objectDir.endsWith('__mdt');
        const fieldsDir = path.join(dir, objectDir, 'fields');
        if (!fs.existsSync(fieldsDir)) continue;
        for (const file of fs.readdirSync(fieldsDir)) {
            const xml = fs.readFileSync(path.join(fieldsDir, file), 'utf8');
            const fieldName = prefix + file.replace('.field-meta.xml', '');
            const rawTarget = tag(xml, 'referenceTo');
            const referenceTo = rawTarget && rawTarget.endsWith('__c') ? prefix + rawTarget : rawTarget;
            info.fields.set(fieldName.toLowerCase(), { name: fieldName, referenceTo });
            const relationship = tag(xml, 'relationshipName');
            if (referenceTo && relationship) {
                objectInfo(referenceTo).children.set(`${prefix}${relationship}__r`.toLowerCase(), objectName);
            }
        }
    }
}

/** Resolves `A__r.B__c`, `Account.Zuora_X__c` ... from `objectName`; returns an error string or null. */
function checkPath(objectName, dotted) {
    const parts = dotted.split('.');
    let current = objectName;
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        const info = objects.get(current.toLowerCase());
        const last = i === parts.length - 1;
        if (/__c$/i.test(part)) {
            if (!last) return `'${part}' is a field, not a relationship (use ${part.replace(/__c$/i, '__r')})`;
            if (!info) return null; // nothing known about this object
            if (!info.fields.has(part.toLowerCase()) && (info.defined || info.fields.size > 0)) {
                return `Unknown field '${part}' on ${current}`;
            }
            return null;
        }
        if (/__r$/i.test(part)) {
            const field = info?.fields.get(part.replace(/__r$/i, '__c').toLowerCase());
            if (!field) {
                if (info && (info.defined || info.fields.size > 0))
                    return `Unknown relationship '${part}' on ${current}`;
                return null;
            }
            if (last) return `'${part}' is a relationship; name a field of it`;
            current = field.referenceTo ?? '';
            continue;
        }
        if (last) return null; // a standard field: the org checks it
        const target = STANDARD_PARENTS[current]?.[part];
        if (!target) return null; // unknown standard relationship: not checked here
        current = target;
    }
    return null;
}

function lineOf(text, index) {
    return text.slice(0, index).split('\n').length;
}

/** Finds `[SELECT ...]` blocks, honouring nested brackets and string literals. */
function soqlBlocks(source) {
    const blocks = [];
    const re = /\[\s*SELECT\b/gi;
    let m;
    while ((m = re.exec(source))) {
        let depth = 0;
        let inString = false;
        for (let i = m.index; i < source.length; i++) {
            const c = source[i];
            if (inString) {
                if (c === '\\') i++;
                else if (c === "'") inString = false;
                continue;
            }
            if (c === "'") inString = true;
            else if (c === '[') depth++;
            else if (c === ']' && --depth === 0) {
                blocks.push({ text: source.slice(m.index + 1, i), index: m.index });
                re.lastIndex = i;
                break;
            }
        }
    }
    return blocks;
}

/** Splits a query into (sub)queries: returns [{ select, from, rest }] with the FROM object of each. */
function analyse(query, outerObject) {
    const problems = [];
    // Pull out parenthesised sub-selects first.
    const subqueries = [];
    let flat = '';
    for (let i = 0; i < query.length; i++) {
        if (query[i] === '(' && /^\(\s*SELECT\b/i.test(query.slice(i))) {
            let depth = 0;
            let j = i;
            for (; j < query.length; j++) {
                if (query[j] === '(') depth++;
                else if (query[j] === ')' && --depth === 0) break;
            }
            subqueries.push(query.slice(i + 1, j));
            flat += ' __SUBQUERY__ ';
            i = j;
        } else {
            flat += query[i];
        }
    }
    const from = flat.match(/\bFROM\s+([A-Za-z_][\w]*)/i);
    if (!from) return problems;
    let objectName = from[1];
    if (outerObject) {
        // In a subquery FROM names a child relationship of the outer object.
        const outer = objects.get(outerObject.toLowerCase());
        const child = outer?.children.get(objectName.toLowerCase()) ?? STANDARD_CHILDREN[outerObject]?.[objectName];
        if (!child) {
            if (/__r$/i.test(objectName) && outer) {
                problems.push(`Unknown child relationship '${objectName}' of ${outerObject}`);
            }
            return problems;
        }
        objectName = child;
    }
    // Remove bind expressions (`:value`, `:record.Field__c`) and string literals before reading names.
    const cleaned = flat.replace(/'(?:\\.|[^'\\])*'/g, "''").replace(/:\s*[A-Za-z_][\w.]*(\([^)]*\))?/g, ':bind');
    const names = cleaned.match(/\b[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*\b/g) ?? [];
    for (const name of names) {
        if (!/__[cr]\b/i.test(name)) continue;
        if (name.toLowerCase() === objectName.toLowerCase() || name === from[1]) continue;
        const problem = checkPath(objectName, name);
        if (problem) problems.push(problem);
    }
    for (const sub of subqueries) problems.push(...analyse(sub, objectName));
    return problems;
}

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['force-app', 'zuora360'];
const findings = [];
let queries = 0;
function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.cls') || entry.name.endsWith('.trigger')) {
            const source = fs.readFileSync(full, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
            for (const block of soqlBlocks(source)) {
                queries++;
                const text = block.text.replace(/\/\/[^\n]*/g, '');
                for (const problem of new Set(analyse(text, null))) {
                    findings.push(`${full}:${lineOf(source, block.index)}: ${problem} (in SOQL)`);
                }
            }
        }
    }
}
for (const dir of dirs) if (fs.existsSync(dir)) walk(dir);
for (const f of findings) console.error(f);
console.log(`soql: ${queries} static queries checked against ${objects.size} objects, ${findings.length} problem(s)`);
process.exit(findings.length ? 1 : 0);
