import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execute, memoryOutput } from '../lib/cli.ts';
import { getCmdtValue, recordName, setCmdtValues } from '../lib/custom-metadata.ts';
import { repoRoot } from '../lib/sf.ts';
import { FakeSfCli, freshHome, saveLogin } from '../fake/sf-cli.ts';
import { FAKE_ACCESS_TOKEN, startFakeSalesforce } from '../fake/salesforce.ts';
import { FakeZuora, startFakeZuora, zuoraFixture } from '../fake/zuora.ts';
import { CATALOG_PAGE_SIZE, runCatalogCommand } from './catalog.ts';

const SETTINGS = path.join(repoRoot, 'force-app/main/default/customMetadata/Zuora_Setting.Default.md-meta.xml');

let zuora: FakeZuora;
let dir: string;
let sf: FakeSfCli;

beforeEach(async () => {
    zuora = await startFakeZuora();
    zuora.products = [
        {
            id: 'p1',
            name: 'Platform',
            sku: 'SKU-PLATFORM',
            ratePlans: [
                {
                    id: '8a8aa0b0rp1',
                    name: 'Platform Annual',
                    productRatePlanNumber: 'PRP-00000001',
                    currencies: ['USD', 'EUR']
                },
                {
                    id: '8a8aa0b0rp2',
                    name: 'Platform Monthly',
                    productRatePlanNumber: 'PRP-00000002',
                    currencies: ['USD']
                }
            ]
        },
        {
            id: 'p2',
            name: 'Support',
            sku: 'SKU-SUPPORT',
            ratePlans: [{ id: '8a8aa0b0rp3', name: 'Premium Support', currencies: ['GBP'] }]
        },
        {
            id: 'p3',
            name: 'Training',
            sku: 'SKU-TRAIN',
            ratePlans: [{ id: '8a8aa0b0rp4', name: 'Onboarding', currencies: ['USD'] }]
        }
    ];
    dir = await mkdtemp(path.join(tmpdir(), 'zal-catalog-'));
    await copyFile(SETTINGS, path.join(dir, 'Zuora_Setting.Default.md-meta.xml'));
    sf = new FakeSfCli();
});

afterEach(async () => {
    await zuora.stop();
    await rm(dir, { recursive: true, force: true });
});

async function catalog(args: string[], env: Record<string, string | undefined> = {}) {
    const output = memoryOutput();
    const code = await execute(
        () =>
            runCatalogCommand(['--metadata-dir', dir, ...args], {
                output,
                sf: sf.runner,
                env: {
                    ZUORA_BASE_URL: zuora.url,
                    ZUORA_CLIENT_ID: zuora.clientId,
                    ZUORA_CLIENT_SECRET: zuora.clientSecret,
                    ...env
                }
            }),
        output
    );
    return { code, output };
}

describe('org:catalog', () => {
    test('gets a token with the form body, then lists every rate plan across pages', async () => {
        const { code, output } = await catalog([]);

        assert.equal(code, 0, output.text());
        const [token, page1, page2] = zuora.calls;
        assert.equal(token.method, 'POST');
        assert.equal(token.path, '/oauth/token');
        assert.equal(token.headers['content-type'], 'application/x-www-form-urlencoded');
        assert.equal(
            token.body,
            `client_id=${zuora.clientId}&client_secret=${zuora.clientSecret}&grant_type=client_credentials`
        );
        assert.equal(page1.path, '/object-query/product-rate-plans');
        assert.deepEqual(page1.queryAll['expand[]'], [
            'product',
            'productrateplancharges',
            'productrateplancharges.productrateplanchargetiers'
        ]);
        assert.equal(page1.headers.authorization, `Bearer ${zuora.accessToken}`);
        assert.equal(page1.headers['zuora-version'], '2025-08-12');
        assert.match(String(page1.headers['zuora-track-id']), /^zal-catalog-[0-9a-f-]{36}$/);
        assert.ok(page2.query.cursor, 'second page by the cursor of nextPage');
        assert.equal(zuora.calls.length, 3, 'token + ceil(4 rate plans / fake page size 2)');
        assert.match(output.text(), /Platform\s+Platform Annual\s+8a8aa0b0rp1\s+PRP-00000001\s+EUR,USD/);
        assert.match(output.text(), /Training\s+Onboarding/);
        assert.match(output.text(), /Nothing to write/);
        assert.ok(!output.text().includes(zuora.clientSecret));
        assert.ok(!output.text().includes(zuora.accessToken));
    });

    test('Zuora calls do not grow with the number of products: one paged Object Query', async () => {
        zuora.pageSize = 99;
        zuora.products = Array.from({ length: 150 }, (_, i) => ({
            id: `p${i}`,
            name: `Product ${i}`,
            sku: `SKU-${i}`,
            ratePlans: [{ id: `8a8aa0b0x${i}`, name: `Plan ${i}`, currencies: ['USD'] }]
        }));
        const { code, output } = await catalog([]);
        assert.equal(code, 0, output.text());
        const queries = zuora.calls.filter((c) => c.path === '/object-query/product-rate-plans');
        assert.equal(queries.length, Math.ceil(150 / CATALOG_PAGE_SIZE), 'calls = ceil(rate plans / 99)');
        assert.ok(!zuora.calls.some((c) => c.path.startsWith('/v1/')), 'no per-product link is followed');
        assert.match(output.text(), /Product 149\s+Plan 149/);
    });

    test('the fixtures themselves: expired and not-yet-started plans are marked, currencies from the tiers', async () => {
        zuora.products = [];
        const { code, output } = await catalog([]);
        assert.equal(code, 0, output.text());
        assert.match(
            output.text(),
            /Platform\s+Seats\s+8ad08ea194da7ba00194df52a41f04c6\s+PRP-00000151\s+EUR,GBP,USD\s+Active/
        );
        assert.match(output.text(), /Old plan.*Expired/);
        assert.match(output.text(), /Analytics\s+Usage.*USD/);
        assert.match(output.text(), /Not yet\s+Preview.*NotStarted/);
    });

    test('an Object Query error is one line with the Zuora reason', async () => {
        zuora.failNextQuery = true;
        const { code, output } = await catalog([]);
        assert.equal(code, 1);
        assert.match(output.errors[0], /object-query\/product-rate-plans failed \(HTTP 400: 50000027 invalid value/);
    });

    test("the fake answers GET /v1/catalog/products in Zuora's published shape: a link, not an inline array", async () => {
        const res = await fetch(`${zuora.url}/v1/catalog/products`, {
            headers: { authorization: `Bearer ${zuora.accessToken}` }
        });
        const body = (await res.json()) as { products: Array<{ productRatePlans: unknown }> };
        assert.equal(typeof body.products[0].productRatePlans, 'string');
        const link = String(body.products[0].productRatePlans);
        const plans = await fetch(`${zuora.url}${link}`, { headers: { authorization: `Bearer ${zuora.accessToken}` } });
        assert.deepEqual(await plans.json(), zuoraFixture('ZuoraFixture_ProductRatePlans200'));
    });

    test('honours Retry-After on 429', async () => {
        zuora.rateLimit = 1;
        const { code } = await catalog([]);
        assert.equal(code, 0);
        assert.equal(zuora.calls.filter((c) => c.path === '/oauth/token').length, 2);
    });

    test('dry run by default: shows the change, writes nothing', async () => {
        const before = await readFile(path.join(dir, 'Zuora_Setting.Default.md-meta.xml'), 'utf8');
        const { code, output } = await catalog(['--currency', 'eur', '--map', 'PRO-ANNUAL=PRP-00000001']);

        assert.equal(code, 0, output.text());
        assert.match(
            output.text(),
            /Would write .*Zuora_Setting\.Default\.md-meta\.xml: Default_Currency__c USD → EUR; Supported_Currencies__c .* → EUR,GBP,USD/
        );
        assert.match(output.text(), /Dry run/);
        assert.equal(await readFile(path.join(dir, 'Zuora_Setting.Default.md-meta.xml'), 'utf8'), before);
        assert.deepEqual(await readdir(dir), ['Zuora_Setting.Default.md-meta.xml']);
    });

    test('--write changes only the chosen values and creates the product mapping record', async () => {
        const before = await readFile(path.join(dir, 'Zuora_Setting.Default.md-meta.xml'), 'utf8');
        const { code, output } = await catalog([
            '--currency',
            'EUR',
            '--map',
            'PRO-ANNUAL=PRP-00000001, SUPPORT=8a8aa0b0rp3',
            '--write'
        ]);

        assert.equal(code, 0, output.text());
        const after = await readFile(path.join(dir, 'Zuora_Setting.Default.md-meta.xml'), 'utf8');
        assert.equal(getCmdtValue(after, 'Default_Currency__c'), 'EUR');
        assert.equal(getCmdtValue(after, 'Supported_Currencies__c'), 'EUR,GBP,USD');
        const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
        assert.equal(changed.length, 2, 'only the two value lines differ');
        const mapping = await readFile(path.join(dir, 'Zuora_Product_Mapping.PRO_ANNUAL.md-meta.xml'), 'utf8');
        assert.equal(getCmdtValue(mapping, 'Product_Code__c'), 'PRO-ANNUAL');
        assert.equal(getCmdtValue(mapping, 'Product_Rate_Plan_Id__c'), '8a8aa0b0rp1');
        assert.equal(getCmdtValue(mapping, 'Product_Rate_Plan_Number__c'), 'PRP-00000001');
        assert.match(mapping, /<label>PRO-ANNUAL<\/label>/);
        const support = await readFile(path.join(dir, 'Zuora_Product_Mapping.SUPPORT.md-meta.xml'), 'utf8');
        assert.equal(getCmdtValue(support, 'Product_Rate_Plan_Number__c'), undefined);
    });

    test('--deploy deploys exactly the written records', async () => {
        sf = new FakeSfCli();
        // the target org must be logged in (checked before any file is written)
        await freshHome();
        const org = await startFakeSalesforce();
        await saveLogin({ instanceUrl: org.url, accessToken: FAKE_ACCESS_TOKEN }, 'sbx');
        await org.stop();
        const { code, output } = await catalog(['--currency', 'USD', '--write', '--deploy', '--target-org', 'sbx']);
        assert.equal(code, 0, output.text());
        const deploy = sf.sfCommands().find((c) => c.startsWith('project deploy start'));
        assert.equal(
            deploy,
            `project deploy start --source-dir ${path.relative(repoRoot, path.join(dir, 'Zuora_Setting.Default.md-meta.xml'))} --target-org sbx --wait 10`
        );
    });

    test('input errors: unknown currency, unknown rate plan, --deploy without --write', async () => {
        let r = await catalog(['--currency', 'JPY']);
        assert.equal(r.code, 1);
        assert.equal(
            r.output.errors[0],
            '✖ Currency "JPY" is not priced in the catalog (catalog currencies: EUR, GBP, USD).'
        );
        r = await catalog(['--map', 'X=PRP-404']);
        assert.equal(r.code, 1);
        assert.match(r.output.errors[0], /Rate plan "PRP-404" \(for X\) is not in the catalog/);
        r = await catalog(['--deploy']);
        assert.equal(r.code, 1);
        assert.equal(r.output.errors[0], '✖ --deploy needs --write (it deploys the files it writes).');
    });

    test('missing environment variables are named', async () => {
        const { code, output } = await catalog([], { ZUORA_CLIENT_ID: undefined, ZUORA_CLIENT_SECRET: undefined });
        assert.equal(code, 1);
        assert.equal(output.errors[0], '✖ Missing environment variable(s): ZUORA_CLIENT_ID, ZUORA_CLIENT_SECRET.');
        assert.equal(zuora.calls.length, 0);
    });

    test('a refused OAuth client is one clear line and never shows the secret', async () => {
        const { code, output } = await catalog([], { ZUORA_CLIENT_SECRET: 'wrong-secret-987654' });
        assert.equal(code, 1);
        assert.match(
            output.errors[0],
            /^✖ Zuora refused the OAuth client \(HTTP 401 from http:\/\/127\.0\.0\.1:\d+\/oauth\/token\)\.$/
        );
        assert.ok(!output.text().includes('wrong-secret-987654'));
    });

    test('http is refused for non-loopback hosts', async () => {
        const { code, output } = await catalog([], { ZUORA_BASE_URL: 'http://rest.apisandbox.zuora.com' });
        assert.equal(code, 1);
        assert.equal(output.errors[0], '✖ ZUORA_BASE_URL must use https (got http).');
    });
});

describe('custom metadata helpers', () => {
    test('setCmdtValues replaces nil values and appends missing fields', () => {
        const xml =
            '<CustomMetadata>\n    <values>\n        <field>Entity_Id__c</field>\n        <value xsi:nil="true" />\n    </values>\n</CustomMetadata>\n';
        const out = setCmdtValues(xml, {
            Entity_Id__c: { type: 'string', value: 'a&b' },
            Run_Billing__c: { type: 'boolean', value: true }
        });
        assert.equal(getCmdtValue(out, 'Entity_Id__c'), 'a&b');
        assert.match(out, /<value xsi:type="xsd:string">a&amp;b<\/value>/);
        assert.equal(getCmdtValue(out, 'Run_Billing__c'), 'true');
        assert.match(out, /<\/CustomMetadata>\n$/);
    });

    test('recordName makes valid developer names', () => {
        assert.equal(recordName('PRO-ANNUAL'), 'PRO_ANNUAL');
        assert.equal(recordName('2025 plan'), 'P_2025_plan');
        assert.equal(recordName('a__b--c_'), 'a_b_c');
        assert.ok(recordName('x'.repeat(60)).length <= 40);
    });
});
