/**
 * `npm run org:catalog`: for sandboxes with real Zuora credentials. Lists the tenant's product rate plans
 * (one paged GET /object-query/product-rate-plans, see docs/zuora-contract.md) and, when asked, writes the chosen
 * defaults into the custom metadata of the local checkout (Zuora_Setting.Default: Default_Currency__c, Supported_Currencies__c; Zuora_Product_Mapping records for
 * the closed-won Flow action), optionally deploying just those records. Dry run unless --write.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
    isMain,
    parseCommandLine,
    parsePairs,
    processOutput,
    runMain,
    type CommandSpec,
    type Output
} from '../lib/cli.ts';
import { getCmdtValue, newCmdtRecord, recordName, setCmdtValues, type CmdtValue } from '../lib/custom-metadata.ts';
import { UserError, registerSecret } from '../lib/errors.ts';
import { orgExists } from '../lib/org.ts';
import { processRunner, repoRoot, runSf, SfCommandError, type CommandRunner } from '../lib/sf.ts';
import { ZuoraClient, type Fetch } from '../lib/zuora-client.ts';

export const catalogCommand = {
    usage: 'npm run org:catalog --',
    summary:
        "Lists the Zuora tenant's product rate plans and writes chosen defaults into the package's custom metadata (dry run unless --write).",
    options: {
        currency: {
            type: 'string',
            valueName: 'ISO',
            description:
                'Default currency to store (Default_Currency__c); Supported_Currencies__c becomes the catalog currencies.'
        },
        map: {
            type: 'string',
            valueName: 'CODE=PLAN[,…]',
            description:
                'Product2.ProductCode → rate plan (id or number) pairs, written as Zuora_Product_Mapping records.'
        },
        write: { type: 'boolean', description: 'Write the changes into the custom metadata files.' },
        deploy: { type: 'boolean', description: 'After --write, deploy just the changed records to --target-org.' },
        targetOrg: { type: 'string', valueName: 'alias', description: 'Org for --deploy.' },
        metadataDir: {
            type: 'string',
            valueName: 'dir',
            default: 'force-app/main/default/customMetadata',
            description: 'Folder of the custom metadata record files.'
        }
    },
    env: [
        ['ZUORA_BASE_URL', 'Zuora REST host, e.g. https://rest.apisandbox.zuora.com'],
        ['ZUORA_CLIENT_ID', 'Zuora OAuth client id'],
        ['ZUORA_CLIENT_SECRET', 'Zuora OAuth client secret (never printed)']
    ],
    examples: [
        'npm run org:catalog',
        'npm run org:catalog -- --currency EUR --map PRO-ANNUAL=PRP-00000012 --write',
        'npm run org:catalog -- --currency USD --write --deploy --target-org my-sandbox'
    ]
} as const satisfies CommandSpec;

export interface CatalogPlan {
    productId: string;
    productName: string;
    sku: string;
    ratePlanId: string;
    ratePlanName: string;
    ratePlanNumber?: string;
    status?: string;
    currencies: string[];
}

/** One row of `GET /object-query/product-rate-plans` with product, charges and tiers expanded (camelCase keys). */
interface ZuoraRatePlanRow {
    id: string;
    name: string;
    productId?: string;
    productRatePlanNumber?: string;
    effectiveStartDate?: string;
    effectiveEndDate?: string;
    product?: { id?: string; name?: string; sKU?: string; effectiveStartDate?: string; effectiveEndDate?: string };
    productRatePlanCharges?: Array<{ productRatePlanChargeTiers?: Array<{ currency?: string; active?: boolean }> }>;
}

interface ZuoraRatePlanPage {
    data?: ZuoraRatePlanRow[];
    nextPage?: string | null;
}

/** Rate plans per Object Query page (the API maximum). */
export const CATALOG_PAGE_SIZE = 99;
/** The single paged query behind the catalog: calls = ceil(rate plans / CATALOG_PAGE_SIZE), whatever the products. */
export const CATALOG_QUERY =
    `/object-query/product-rate-plans?pageSize=${CATALOG_PAGE_SIZE}` +
    ['product', 'productrateplancharges', 'productrateplancharges.productrateplanchargetiers']
        .map((e) => `&${encodeURIComponent('expand[]')}=${encodeURIComponent(e)}`)
        .join('');

/** `Active`, `Expired` or `NotStarted` from the effective dates (the statuses of Zuora's v1 catalog). */
function planStatus(row: ZuoraRatePlanRow, today: string): string {
    const starts = [row.effectiveStartDate, row.product?.effectiveStartDate].filter(Boolean) as string[];
    const ends = [row.effectiveEndDate, row.product?.effectiveEndDate].filter(Boolean) as string[];
    if (starts.some((d) => d > today)) return 'NotStarted';
    if (ends.some((d) => d <= today)) return 'Expired';
    return 'Active';
}

/**
 * Every product rate plan of the tenant with one paged Object Query (not GET /v1/catalog/products, whose
 * `productRatePlans` is a link per product under date-based Zuora-Version values: one more call per product).
 */
export async function fetchCatalog(client: ZuoraClient): Promise<CatalogPlan[]> {
    const plans: CatalogPlan[] = [];
    const today = new Date().toISOString().slice(0, 10);
    let cursor: string | undefined;
    for (let page = 0; page < 500; page++) {
        const body: ZuoraRatePlanPage = await client.get<ZuoraRatePlanPage>(
            cursor ? `${CATALOG_QUERY}&cursor=${encodeURIComponent(cursor)}` : CATALOG_QUERY
        );
        for (const rp of body.data ?? []) {
            const currencies = new Set<string>();
            for (const charge of rp.productRatePlanCharges ?? []) {
                for (const tier of charge.productRatePlanChargeTiers ?? []) {
                    if (tier.currency && tier.active !== false) {
                        currencies.add(tier.currency);
                    }
                }
            }
            plans.push({
                productId: rp.productId ?? rp.product?.id ?? '',
                productName: rp.product?.name ?? '',
                sku: rp.product?.sKU ?? '',
                ratePlanId: rp.id,
                ratePlanName: rp.name,
                ratePlanNumber: rp.productRatePlanNumber,
                status: planStatus(rp, today),
                currencies: [...currencies].sort()
            });
        }
        cursor = body.nextPage ?? undefined;
        if (!cursor) break;
    }
    return plans;
}

function printPlans(plans: CatalogPlan[], output: Output): void {
    if (plans.length === 0) {
        output.out('The catalog has no product rate plans.');
        return;
    }
    const rows = [
        ['Product', 'Rate plan', 'Rate plan id', 'Number', 'Currencies', 'Status'],
        ...plans.map((p) => [
            p.productName,
            p.ratePlanName,
            p.ratePlanId,
            p.ratePlanNumber ?? '',
            p.currencies.join(','),
            p.status ?? ''
        ])
    ];
    const widths = rows[0].map((_, i) => Math.min(Math.max(...rows.map((r) => r[i].length)), 40));
    for (const row of rows) {
        output.out(
            row
                .map((cell, i) => cell.slice(0, 40).padEnd(widths[i]))
                .join('  ')
                .trimEnd()
        );
    }
}

interface PlannedFile {
    file: string;
    content: string;
    change: string;
}

/** Works out the file changes for --currency and --map (validated against the catalog). */
export async function planChanges(
    plans: CatalogPlan[],
    options: { currency?: string; map?: string; metadataDir: string }
): Promise<PlannedFile[]> {
    const files: PlannedFile[] = [];
    const dir = path.resolve(repoRoot, options.metadataDir);
    if (options.currency) {
        const currency = options.currency.toUpperCase();
        const all = [...new Set(plans.flatMap((p) => p.currencies))].sort();
        if (!/^[A-Z]{3}$/.test(currency) || !all.includes(currency)) {
            throw new UserError(
                `Currency "${options.currency}" is not priced in the catalog (catalog currencies: ${all.join(', ') || 'none'}).`
            );
        }
        const file = path.join(dir, 'Zuora_Setting.Default.md-meta.xml');
        if (!existsSync(file)) {
            throw new UserError(
                `${path.relative(repoRoot, file)} not found: run from the repository checkout (or pass --metadata-dir).`
            );
        }
        const xml = await readFile(file, 'utf8');
        const supported = [currency, ...all.filter((c) => c !== currency)].join(',');
        const values: Record<string, CmdtValue> = {
            Default_Currency__c: { type: 'string', value: currency },
            Supported_Currencies__c: { type: 'string', value: supported }
        };
        files.push({
            file,
            content: setCmdtValues(xml, values),
            change: `Default_Currency__c ${getCmdtValue(xml, 'Default_Currency__c') ?? '(blank)'} → ${currency}; Supported_Currencies__c ${getCmdtValue(xml, 'Supported_Currencies__c') ?? '(blank)'} → ${supported}`
        });
    }
    for (const pair of (options.map ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [code, planKey] = pair.split('=').map((s) => s?.trim());
        if (!code || !planKey) {
            throw new UserError(
                `Invalid --map entry "${pair}": expected PRODUCTCODE=RATEPLAN (rate plan id or number).`
            );
        }
        const plan = plans.find((p) => p.ratePlanId === planKey || p.ratePlanNumber === planKey);
        if (!plan) {
            throw new UserError(
                `Rate plan "${planKey}" (for ${code}) is not in the catalog: use an id or number from the list above.`
            );
        }
        const values: Record<string, CmdtValue> = {
            Product_Code__c: { type: 'string', value: code },
            Product_Rate_Plan_Id__c: { type: 'string', value: plan.ratePlanId },
            ...(plan.ratePlanNumber
                ? { Product_Rate_Plan_Number__c: { type: 'string', value: plan.ratePlanNumber } }
                : {})
        };
        const file = path.join(dir, `Zuora_Product_Mapping.${recordName(code)}.md-meta.xml`);
        const content = existsSync(file)
            ? setCmdtValues(await readFile(file, 'utf8'), values)
            : newCmdtRecord(code, values);
        files.push({
            file,
            content,
            change: `${code} → ${plan.productName} / ${plan.ratePlanName} (${plan.ratePlanId})`
        });
    }
    return files;
}

export interface CatalogDependencies {
    output: Output;
    env: Record<string, string | undefined>;
    sf: CommandRunner;
    fetch?: Fetch;
}

/** Entry point behind `npm run org:catalog`; returns the exit code. */
export async function runCatalogCommand(argv: readonly string[], deps: CatalogDependencies): Promise<number> {
    const parsed = parseCommandLine(catalogCommand, argv);
    if (parsed.help) {
        deps.output.out(parsed.text);
        return 0;
    }
    const { options } = parsed;
    const { output, env } = deps;
    registerSecret(env.ZUORA_CLIENT_SECRET);
    const missing = ['ZUORA_BASE_URL', 'ZUORA_CLIENT_ID', 'ZUORA_CLIENT_SECRET'].filter((name) => !env[name]);
    if (missing.length > 0) {
        throw new UserError(`Missing environment variable(s): ${missing.join(', ')}.`, {
            hint: 'Export the REST host and an OAuth client of your Zuora tenant (Settings → Administration → Manage Users → OAuth Clients).'
        });
    }
    if (options.deploy && !options.write) {
        throw new UserError('--deploy needs --write (it deploys the files it writes).');
    }
    if (options.deploy && !options.targetOrg) {
        throw new UserError('--deploy needs --target-org <alias>.');
    }
    // inputs are checked before any call or file write: --map collisions, the org to deploy to
    parsePairs('--map', options.map, recordName);
    if (options.deploy && options.targetOrg && !(await orgExists(options.targetOrg))) {
        throw new UserError(`Unknown org "${options.targetOrg}": the Salesforce CLI has no login for it.`, {
            hint: `Log in first (\`npx sf org login web --alias ${options.targetOrg}\`); no file was written.`
        });
    }
    const client = new ZuoraClient({
        baseUrl: env.ZUORA_BASE_URL ?? '',
        clientId: env.ZUORA_CLIENT_ID ?? '',
        clientSecret: env.ZUORA_CLIENT_SECRET ?? '',
        fetch: deps.fetch
    });
    output.out(`Zuora catalog of ${client.baseUrl}:`);
    const plans = await fetchCatalog(client);
    printPlans(plans, output);

    const changes = await planChanges(plans, {
        currency: options.currency,
        map: options.map,
        metadataDir: options.metadataDir
    });
    if (changes.length === 0) {
        output.out('Nothing to write: pass --currency and/or --map to choose defaults.');
        return 0;
    }
    for (const c of changes) {
        output.out(`${options.write ? 'Writing' : 'Would write'} ${path.relative(repoRoot, c.file)}: ${c.change}`);
        if (options.write) {
            await writeFile(c.file, c.content, 'utf8');
        }
    }
    if (!options.write) {
        output.out('Dry run: re-run with --write to change the files (then review them with git diff).');
        return 0;
    }
    if (options.deploy && options.targetOrg) {
        const args = [
            'project',
            'deploy',
            'start',
            ...changes.flatMap((c) => ['--source-dir', path.relative(repoRoot, c.file)]),
            '--target-org',
            options.targetOrg,
            '--wait',
            '10'
        ];
        try {
            await runSf(deps.sf, args);
        } catch (error) {
            if (error instanceof SfCommandError) {
                throw new UserError(
                    `Deploying the custom metadata failed: ${error.message.replace(/^sf [^:]+ failed: /, '')}`
                );
            }
            throw error;
        }
        output.out(`Deployed ${changes.length} custom metadata record(s) to ${options.targetOrg}.`);
    } else {
        output.out(
            'Files written. Deploy them with your next `sf project deploy start` (or re-run with --deploy --target-org <alias>).'
        );
    }
    return 0;
}

if (isMain(import.meta.url)) {
    const output = processOutput();
    await runMain(
        () => runCatalogCommand(process.argv.slice(2), { output, env: process.env, sf: processRunner }),
        output
    );
}
