/**
 * A local fake of the Zuora REST endpoints the catalog tool calls, answering in the shapes of Zuora's published
 * OpenAPI spec: every body is built from the contract fixtures in force-app/tests/staticresources (the same JSON
 * files the Apex tests load as static resources and the gate validates against the spec).
 * - POST /oauth/token (form body) → `ZuoraFixture_TokenResponse200`;
 * - GET /object-query/product-rate-plans (cursor paging, `expand[]` of product, charges and tiers) → rows shaped
 *   like `ZuoraFixture_ProductRatePlansQuery200Page1` / `…Page2` (those rows themselves when no products are set);
 * - GET /v1/catalog/products → `ZuoraFixture_CatalogProducts200` shape: `productRatePlans` is a LINK, as under every
 *   date-based Zuora-Version; GET /v1/products/{id}/product-rate-plans → `ZuoraFixture_ProductRatePlans200`.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../force-app/tests/staticresources'
);

/** A contract fixture by static resource name (a fresh copy every call). */
export function zuoraFixture<T = Record<string, unknown>>(resourceName: string): T {
    return JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${resourceName}.json`), 'utf8')) as T;
}

export interface FakeZuoraCall {
    method: string;
    path: string;
    query: Record<string, string>;
    /** Every value of repeated parameters such as `expand[]`. */
    queryAll: Record<string, string[]>;
    headers: http.IncomingHttpHeaders;
    body: string;
}

export interface FakeRatePlan {
    id: string;
    name: string;
    productRatePlanNumber?: string;
    currencies: string[];
    /** Default: '2099-12-31'. */
    effectiveEndDate?: string;
}

export interface FakeProduct {
    id: string;
    name: string;
    sku: string;
    ratePlans: FakeRatePlan[];
}

type Row = Record<string, unknown>;

const tokenRequest = zuoraFixture<{ client_id: string; client_secret: string }>('ZuoraFixture_TokenRequest');

export class FakeZuora {
    readonly calls: FakeZuoraCall[] = [];
    clientId = tokenRequest.client_id;
    clientSecret = tokenRequest.client_secret;
    accessToken = zuoraFixture<{ access_token: string }>('ZuoraFixture_TokenResponse200').access_token;
    /** Catalog content; empty = the rows of the two object-query fixtures as they are. */
    products: FakeProduct[] = [];
    /** Largest page the fake serves (Object Query allows up to 99). */
    pageSize = 2;
    /** Answer the next N calls with 429 and Retry-After: 0. */
    rateLimit = 0;
    /** Answer the next object query with the published 4xx error shape. */
    failNextQuery = false;
    private server?: http.Server;

    get url(): string {
        return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
    }

    async start(): Promise<this> {
        this.server = http.createServer((req, res) => {
            let body = '';
            req.on('data', (c: Buffer) => (body += c.toString()));
            req.on('end', () => this.handle(req, body, res));
        });
        await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
        return this;
    }

    async stop(): Promise<void> {
        this.server?.closeAllConnections();
        await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    }

    /** Rate plan rows as `GET /object-query/product-rate-plans` returns them with the expansions. */
    ratePlanRows(): Row[] {
        if (this.products.length === 0) {
            return [
                ...zuoraFixture<{ data: Row[] }>('ZuoraFixture_ProductRatePlansQuery200Page1').data,
                ...zuoraFixture<{ data: Row[] }>('ZuoraFixture_ProductRatePlansQuery200Page2').data
            ];
        }
        const template = zuoraFixture<{ data: Row[] }>('ZuoraFixture_ProductRatePlansQuery200Page1').data[0];
        const charge = (template.productRatePlanCharges as Row[])[0];
        const tier = (charge.productRatePlanChargeTiers as Row[])[0];
        return this.products.flatMap((p) =>
            p.ratePlans.map((rp) => ({
                ...template,
                id: rp.id,
                productId: p.id,
                name: rp.name,
                productRatePlanNumber: rp.productRatePlanNumber,
                effectiveEndDate: rp.effectiveEndDate ?? '2099-12-31',
                product: { ...(template.product as Row), id: p.id, name: p.name, sKU: p.sku },
                productRatePlanCharges: [
                    {
                        ...charge,
                        id: `${rp.id}c`,
                        productRatePlanId: rp.id,
                        productRatePlanChargeTiers: rp.currencies.map((currency) => ({ ...tier, currency }))
                    }
                ]
            }))
        );
    }

    private handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
        const url = new URL(req.url ?? '/', this.url);
        const queryAll: Record<string, string[]> = {};
        for (const [key, value] of url.searchParams) (queryAll[key] ??= []).push(value);
        this.calls.push({
            method: req.method ?? 'GET',
            path: url.pathname,
            query: Object.fromEntries(url.searchParams),
            queryAll,
            headers: req.headers,
            body
        });
        const json = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
            res.writeHead(status, {
                'content-type': 'application/json',
                'Zuora-Track-Id': String(req.headers['zuora-track-id'] ?? ''),
                ...headers
            });
            res.end(JSON.stringify(payload));
        };
        if (this.rateLimit > 0) {
            this.rateLimit -= 1;
            return json(429, { message: 'Too many requests' }, { 'Retry-After': '0' });
        }
        if (req.method === 'POST' && url.pathname === '/oauth/token') {
            const form = new URLSearchParams(body);
            if (
                form.get('client_id') !== this.clientId ||
                form.get('client_secret') !== this.clientSecret ||
                form.get('grant_type') !== 'client_credentials'
            ) {
                return json(401, { message: 'Invalid client' });
            }
            return json(200, {
                ...zuoraFixture<Record<string, unknown>>('ZuoraFixture_TokenResponse200'),
                access_token: this.accessToken
            });
        }
        if (req.headers.authorization !== `Bearer ${this.accessToken}`) {
            return json(401, { success: false, reasons: [{ code: '90000011', message: 'Authentication error' }] });
        }
        if (req.method === 'GET' && url.pathname === '/object-query/product-rate-plans') {
            if (this.failNextQuery) {
                this.failNextQuery = false;
                return json(400, zuoraFixture('ZuoraFixture_ProductRatePlansQuery400'));
            }
            const rows = this.ratePlanRows();
            const size = Math.min(Number(url.searchParams.get('pageSize') ?? 10), 99, this.pageSize);
            const offset = Number(Buffer.from(url.searchParams.get('cursor') ?? '', 'base64url').toString() || '0');
            const next = offset + size;
            return json(200, {
                ...(next < rows.length ? { nextPage: Buffer.from(String(next)).toString('base64url') } : {}),
                data: rows.slice(offset, next)
            });
        }
        if (req.method === 'GET' && url.pathname === '/v1/catalog/products') {
            // The published shape under every date-based Zuora-Version: a link per product, never an inline array.
            return json(200, zuoraFixture('ZuoraFixture_CatalogProducts200'));
        }
        if (req.method === 'GET' && /^\/v1\/products\/\w+\/product-rate-plans$/.test(url.pathname)) {
            return json(200, zuoraFixture('ZuoraFixture_ProductRatePlans200'));
        }
        return json(404, { success: false, reasons: [{ code: '50000040', message: `no route ${url.pathname}` }] });
    }
}

export async function startFakeZuora(): Promise<FakeZuora> {
    return new FakeZuora().start();
}
