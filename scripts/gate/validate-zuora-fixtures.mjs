// Makes Zuora's published OpenAPI spec the arbiter of the package's Zuora contract (docs/zuora-contract.md).
// Every fixture listed in force-app/tests/staticresources/zuora-fixtures.json is validated against the operation it
// names in reference/zuora-openapi/zuora-openapi-full-compact.yaml (Zuora's file as published, kept in the repo so a
// fresh clone needs nothing else; or $ZUORA_OPENAPI_SPEC):
//   - responses as published (OpenAPI 3.0 translated to JSON Schema: `nullable`, `allOf` merged, `$ref` inlined);
//   - requests strictly: after the `allOf` merge every object that lists properties refuses unknown ones, except the
//     short written ALLOWANCES below (real fields the compact spec omits, or where Zuora contradicts itself).
// It also fails when an Apex class names a `ZuoraFixture_*` static resource that the manifest does not list, when a
// manifest entry is used by no Apex class and no TypeScript test/fake, and when a fixture file, its
// `.resource-meta.xml` or a manifest field is missing or wrong. Failures name the fixture file and the JSON path.
//   node scripts/gate/validate-zuora-fixtures.mjs [--manifest <path>] [--spec <path>]   (or ZUORA_OPENAPI_SPEC=<path>)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const manifestPath = path.resolve(
    option('--manifest', path.join(root, 'force-app/tests/staticresources/zuora-fixtures.json'))
);
// The pinned copy of Zuora's spec: sha256 of zuora-openapi-full-compact.yaml, info.version 2025-12-12 (see its README).
// A different file fails the gate until the contract is reviewed against it and this pin is moved.
const SPEC_SHA256 = '7b2afe5e70fc87e1dd45c8660521882e198c04a03eec039968d62d917942a376';
const SPEC_CANDIDATES = [
    option('--spec', process.env.ZUORA_OPENAPI_SPEC),
    path.join(root, 'reference/zuora-openapi/zuora-openapi-full-compact.yaml')
].filter(Boolean);
const specPath = path.resolve(SPEC_CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? SPEC_CANDIDATES[0]);
const RESOURCE_PREFIX = 'ZuoraFixture_';

/**
 * Where the strict request check is relaxed, and why. `at` is the JSON path in the request body (`[]` = any array
 * item); `schema` replaces the spec's schema there, `properties` adds properties the compact spec omits.
 */
const ALLOWANCES = [
    {
        operationId: 'POST_SignUp',
        at: '$.subscriptionData.terms.renewalTerms',
        schema: {
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                properties: { period: { type: 'integer' }, periodType: { enum: ['Month', 'Year', 'Day', 'Week'] } }
            }
        },
        reason: "TermInfo.renewalTerms is an object in the schema, but Zuora's own POST_SignUp request sample and the Orders API it is built on send an array; the package sends the array (see ZuoraSignUpRequest)."
    },
    {
        operationId: 'POST_Order',
        at: '$',
        properties: { description: { type: 'string', maxLength: 500 } },
        reason: 'Order `description` (≤500) is documented on POST_Order but missing from the compact spec.'
    }
];

const problems = [];
const problem = (file, jsonPath, message) => problems.push(`${file}${jsonPath ? ` ${jsonPath}` : ''}: ${message}`);
const rel = (file) => path.relative(root, file);

// ---------- the spec, parsed once per file content (cached under .cache) ----------
function loadSpec() {
    if (!fs.existsSync(specPath)) {
        console.error(
            `Zuora OpenAPI spec not found (looked in ${SPEC_CANDIDATES.join(', ')}; set ZUORA_OPENAPI_SPEC).`
        );
        process.exit(1);
    }
    const text = fs.readFileSync(specPath);
    const sha256 = createHash('sha256').update(text).digest('hex');
    if (sha256 !== SPEC_SHA256) {
        console.error(
            `${specPath} is not the pinned Zuora spec (sha256 ${sha256.slice(0, 12)}…, pinned ${SPEC_SHA256.slice(0, 12)}…): review docs/zuora-contract.md against it, then move SPEC_SHA256.`
        );
        process.exit(1);
    }
    const cache = path.join(root, '.cache', `zuora-openapi-${sha256.slice(0, 16)}.json`);
    if (fs.existsSync(cache)) {
        return JSON.parse(fs.readFileSync(cache, 'utf8'));
    }
    const spec = yaml.load(text.toString('utf8'));
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    fs.writeFileSync(cache, JSON.stringify(spec));
    return spec;
}
const spec = loadSpec();

function deref(node) {
    const seen = new Set();
    while (node && node.$ref) {
        if (seen.has(node.$ref)) return {};
        seen.add(node.$ref);
        node = node.$ref
            .replace(/^#\//, '')
            .split('/')
            .reduce((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    }
    return node ?? {};
}

const ANNOTATIONS = new Set(['example', 'examples', 'xml', 'discriminator', 'externalDocs', 'deprecated']);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** One sample standing for every item of an array: objects merged key by key, arrays concatenated. */
function mergeSamples(items) {
    if (items.every(isObject)) {
        const merged = {};
        for (const item of items) {
            for (const [k, v] of Object.entries(item)) merged[k] = k in merged ? mergeSamples([merged[k], v]) : v;
        }
        return merged;
    }
    if (items.every(Array.isArray)) return items.flat();
    return items.find((v) => isObject(v) || Array.isArray(v)) ?? items[0];
}

/**
 * OpenAPI 3.0 schema → self-contained JSON Schema (draft-07 subset ajv understands), guided by the fixture it will
 * check (`sample`): the schema of a property the fixture does not have is left as `{}` (its name stays listed, so the
 * strict unknown-property check is unchanged). Zuora's request schemas inline to hundreds of thousands of nodes;
 * this keeps every compile to the part the fixture touches.
 */
function translate(node, strict, stack = [], sample = undefined) {
    node = deref(node);
    if (stack.includes(node)) return {}; // a recursive schema: stop, accept anything below
    stack = [...stack, node];
    if (node.allOf) {
        const own = { ...node };
        delete own.allOf;
        const parts = [
            ...node.allOf.map((part) => translate(part, strict, stack, sample)),
            translate(own, strict, stack, sample)
        ];
        const merged = { type: 'object', properties: {} };
        const required = [];
        for (const part of parts) {
            Object.assign(merged.properties, part.properties ?? {});
            required.push(...(part.required ?? []));
            // As published: an open member (`additionalProperties: {schema}`) stays open; a member's `false` cannot
            // apply to the properties of the other members, so it is not carried into the merge.
            if (!strict && typeof part.additionalProperties === 'object') {
                merged.additionalProperties = part.additionalProperties;
            }
        }
        if (required.length > 0) merged.required = [...new Set(required)];
        if (strict && Object.keys(merged.properties).length > 0) merged.additionalProperties = false;
        return merged;
    }
    const out = {};
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('x-') || ANNOTATIONS.has(key) || key === 'nullable') continue;
        if (key === 'properties') {
            out.properties = Object.fromEntries(
                Object.entries(value).map(([k, v]) => [
                    k,
                    isObject(sample) && k in sample ? translate(v, strict, stack, sample[k]) : {}
                ])
            );
        } else if (key === 'items' || key === 'not') {
            const items = Array.isArray(sample) && sample.length > 0 ? mergeSamples(sample) : undefined;
            out[key] = key === 'items' && items === undefined ? {} : translate(value, strict, stack, items ?? sample);
        } else if (key === 'anyOf' || key === 'oneOf') {
            out[key] = value.map((v) => translate(v, strict, stack, sample));
        } else if (key === 'additionalProperties') {
            const extra = isObject(sample) ? Object.values(sample) : [];
            out.additionalProperties =
                typeof value === 'object'
                    ? translate(value, strict, stack, extra.length > 0 ? mergeSamples(extra) : undefined)
                    : value;
        } else if (key === 'format' && (node.type === 'integer' || node.type === 'number')) {
            continue; // int32/int64/double are annotations here
        } else {
            out[key] = value;
        }
    }
    if (node.nullable === true) {
        if (out.type) out.type = [].concat(out.type, 'null');
        if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
    }
    if (Array.isArray(out.required) && out.required.length === 0) delete out.required;
    if (strict && out.properties && Object.keys(out.properties).length > 0) out.additionalProperties = false;
    return out;
}

/** The sub-schema at `$.a.b[].c` of a translated schema (created on demand for `properties` allowances). */
function schemaAt(schema, jsonPath) {
    let at = schema;
    for (const step of jsonPath.replace(/^\$\.?/, '').match(/[^.[\]]+|\[\]/g) ?? []) {
        at = step === '[]' ? at.items : at.properties?.[step];
        if (!at) return undefined;
    }
    return at;
}
function applyAllowances(operationId, schema) {
    for (const allowance of ALLOWANCES.filter((a) => a.operationId === operationId)) {
        if (allowance.at === '$') {
            Object.assign((schema.properties ??= {}), allowance.properties ?? {});
            continue;
        }
        const parentPath = allowance.at.replace(/(\.[^.[\]]+|\[\])$/, '');
        const key = allowance.at.slice(parentPath.length).replace(/^\./, '');
        const parent = schemaAt(schema, parentPath);
        if (!parent) throw new Error(`allowance ${operationId} ${allowance.at}: no such path in the spec`);
        if (allowance.schema) parent.properties[key] = allowance.schema;
        if (allowance.properties) Object.assign((parent.properties[key].properties ??= {}), allowance.properties);
    }
    return schema;
}

const operations = new Map();
for (const [route, methods] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
        if (op?.operationId) operations.set(op.operationId, { route, method: method.toUpperCase(), op });
    }
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
ajv.addFormat('date', (v) => isoDate.test(v) && !Number.isNaN(Date.parse(v)));
ajv.addFormat('date-time', (v) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v)));
ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
ajv.addFormat('decimal', /^-?\d+(\.\d+)?$/);
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
// Zuora's `format: URL` links: absolute https URLs or absolute paths on the same host, as Zuora returns them.
ajv.addFormat('URL', (v) => /^\/[^\s]*$/.test(v) || /^https:\/\/[^\s/]+\/[^\s]*$/.test(v));

function validatorFor(entry, body) {
    const { op } = operations.get(entry.operationId);
    let raw;
    if (entry.part === 'request') {
        const content = op.requestBody?.content ?? {};
        raw = (content['application/json'] ?? content['application/x-www-form-urlencoded'])?.schema;
        if (!raw) throw new Error(`${entry.operationId} has no JSON or form request body in the spec`);
    } else {
        const responses = op.responses ?? {};
        const status = String(entry.status);
        const response = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
        raw = response?.content?.['application/json']?.schema;
        if (!raw) throw new Error(`${entry.operationId} documents no JSON response for HTTP ${status}`);
    }
    const strict = entry.part === 'request';
    let schema = translate(raw, strict, [], body);
    if (strict) schema = applyAllowances(entry.operationId, schema);
    return ajv.compile(schema);
}

/** `/a/0/b` → `$.a[0].b`, plus the property name for additionalProperties errors. */
function jsonPath(error) {
    let p = '$';
    for (const seg of error.instancePath.split('/').slice(1)) {
        const s = seg.replace(/~1/g, '/').replace(/~0/g, '~');
        p += /^\d+$/.test(s) ? `[${s}]` : `.${s}`;
    }
    if (error.keyword === 'additionalProperties') p += `.${error.params.additionalProperty}`;
    return p;
}
function describe(error) {
    if (error.keyword === 'additionalProperties')
        return 'unknown property (not in the spec, not in the allowance list)';
    if (error.keyword === 'enum')
        return `must be one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    return error.message;
}

// ---------- the manifest and its files ----------
if (!fs.existsSync(manifestPath)) {
    console.error(`${rel(manifestPath)} not found.`);
    process.exit(1);
}
const manifestFile = rel(manifestPath);
let manifest;
try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
} catch (error) {
    console.error(`${manifestFile}: not JSON (${error.message})`);
    process.exit(1);
}
if (!Array.isArray(manifest)) {
    console.error(`${manifestFile}: must be a JSON array of fixtures`);
    process.exit(1);
}
const dir = path.dirname(manifestPath);
const listedResources = new Set();
const seenFiles = new Set();
manifest.forEach((entry, i) => {
    const where = `${manifestFile} $[${i}]`;
    const allowedKeys = ['file', 'operationId', 'part', 'status', 'resource'];
    for (const key of Object.keys(entry)) {
        if (!allowedKeys.includes(key)) problems.push(`${where}.${key}: unknown manifest field`);
    }
    if (typeof entry.file !== 'string' || !entry.file) return problems.push(`${where}.file: missing`);
    if (seenFiles.has(entry.file)) problems.push(`${where}.file: ${entry.file} is listed twice`);
    seenFiles.add(entry.file);
    if (!operations.has(entry.operationId)) {
        return problems.push(`${where}.operationId: "${entry.operationId}" is not an operationId of the spec`);
    }
    if (entry.part !== 'request' && entry.part !== 'response') {
        return problems.push(`${where}.part: must be "request" or "response"`);
    }
    if (entry.part === 'response' && !/^[1-5]\d\d$/.test(String(entry.status ?? ''))) {
        return problems.push(`${where}.status: responses need the HTTP status as a string, e.g. "200"`);
    }
    if (entry.part === 'request' && entry.status !== undefined) problems.push(`${where}.status: only for responses`);
    const file = path.join(dir, entry.file);
    const fixtureName = rel(file);
    if (!fs.existsSync(file)) return problems.push(`${where}.file: ${fixtureName} does not exist`);
    if (entry.resource !== undefined) {
        const expected = path.basename(entry.file).replace(/\.json$/, '');
        if (entry.resource !== expected) {
            problems.push(`${where}.resource: "${entry.resource}" must be the file name without .json ("${expected}")`);
        }
        listedResources.add(entry.resource);
        const meta = file.replace(/\.json$/, '.resource-meta.xml');
        const xml = fs.existsSync(meta) ? fs.readFileSync(meta, 'utf8') : '';
        if (
            !/<contentType>application\/json<\/contentType>/.test(xml) ||
            !/<cacheControl>Private<\/cacheControl>/.test(xml)
        ) {
            problems.push(`${rel(meta)}: needs contentType application/json and cacheControl Private`);
        }
    }
    let body;
    try {
        body = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
        return problem(fixtureName, '', `not JSON (${error.message})`);
    }
    let validate;
    try {
        validate = validatorFor(entry, body);
    } catch (error) {
        return problems.push(`${where}: ${error.message}`);
    }
    if (!validate(body)) {
        const label = `${entry.operationId} ${entry.part}${entry.status ? ` ${entry.status}` : ''}`;
        for (const error of validate.errors) problem(fixtureName, jsonPath(error), `${describe(error)} [${label}]`);
    }
});

// Every ZuoraFixture_* static resource beside the manifest is listed.
for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(RESOURCE_PREFIX) && name.endsWith('.json') && !seenFiles.has(name)) {
        problems.push(`${rel(path.join(dir, name))}: fixture file not listed in ${manifestFile}`);
    }
}

// ---------- who uses the fixtures ----------
function files(start, test) {
    const out = [];
    const walk = (d) => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, entry.name);
            if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
            else if (entry.isFile() && test(full)) out.push(full);
        }
    };
    if (fs.existsSync(start)) walk(start);
    return out;
}
const apexFiles = [
    ...files(path.join(root, 'force-app'), (f) => f.endsWith('.cls')),
    ...files(path.join(root, 'zuora360'), (f) => f.endsWith('.cls'))
];
const tsFiles = files(
    path.join(root, 'scripts'),
    (f) => /\.test\.ts$/.test(f) || f.includes(`${path.sep}fake${path.sep}`)
);
const used = new Set();
const resourceLiteral = new RegExp(`'(${RESOURCE_PREFIX}[A-Za-z0-9_]*)'`, 'g');
for (const file of apexFiles) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
        for (const match of line.matchAll(resourceLiteral)) {
            used.add(match[1]);
            if (!listedResources.has(match[1])) {
                problems.push(
                    `${rel(file)}:${i + 1}: references static resource '${match[1]}', which ${manifestFile} does not list`
                );
            }
        }
    });
}
const tsText = tsFiles.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
manifest.forEach((entry, i) => {
    const name = entry.resource ?? path.basename(entry.file ?? '').replace(/\.json$/, '');
    if (!name || used.has(name) || tsText.includes(`'${name}'`) || tsText.includes(`'${entry.file}'`)) return;
    problems.push(`${manifestFile} $[${i}] (${entry.file}): used by no Apex class and no TypeScript test or fake`);
});

if (problems.length > 0) {
    for (const p of problems) console.error(`✘ ${p}`);
    console.error(`${problems.length} Zuora contract problem(s) against ${path.basename(specPath)}`);
    process.exit(1);
}
console.log(
    `${manifest.length} Zuora fixtures match ${path.basename(specPath)} (${spec.info?.version ?? '?'}); every one is used`
);
