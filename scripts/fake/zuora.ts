/**
 * A local fake of the Zuora REST endpoints the catalog tool calls: POST /oauth/token (form body) and
 * GET /v1/catalog/products (paged with an absolute `nextPage`), with rate plans inline or — as with newer
 * Zuora-Version values — behind a URL (GET /v1/products/{id}/product-rate-plans).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeZuoraCall {
    method: string;
    path: string;
    query: Record<string, string>;
    headers: http.IncomingHttpHeaders;
    body: string;
}

export interface FakeRatePlan {
    id: string;
    name: string;
    productRatePlanNumber?: string;
    status?: string;
    currencies: string[];
}

export interface FakeProduct {
    id: string;
    name: string;
    sku: string;
    ratePlans: FakeRatePlan[];
}

export class FakeZuora {
    readonly calls: FakeZuoraCall[] = [];
    clientId = 'client-id-0000';
    clientSecret = 'client-secret-0000';
    accessToken = 'zuora-token-abcdef123456';
    products: FakeProduct[] = [];
    pageSize = 2;
    /** Return productRatePlans as a URL instead of inline arrays. */
    ratePlansAsUrl = false;
    /** Answer the next N calls with 429 and Retry-After: 0. */
    rateLimit = 0;
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

    private handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
        const url = new URL(req.url ?? '/', this.url);
        this.calls.push({
            method: req.method ?? 'GET',
            path: url.pathname,
            query: Object.fromEntries(url.searchParams),
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
            return json(200, { access_token: this.accessToken, token_type: 'bearer', expires_in: 3599 });
        }
        if (req.headers.authorization !== `Bearer ${this.accessToken}`) {
            return json(401, { success: false, reasons: [{ code: 90000011, message: 'Authentication error' }] });
        }
        if (req.method === 'GET' && url.pathname === '/v1/catalog/products') {
            const page = Number(url.searchParams.get('page') ?? '1');
            const size = Math.min(Number(url.searchParams.get('pageSize') ?? this.pageSize), this.pageSize);
            const slice = this.products.slice((page - 1) * size, page * size);
            const more = page * size < this.products.length;
            return json(200, {
                products: slice.map((p) => ({
                    id: p.id,
                    name: p.name,
                    sku: p.sku,
                    productRatePlans: this.ratePlansAsUrl
                        ? `${this.url}/v1/products/${p.id}/product-rate-plans`
                        : p.ratePlans.map(ratePlanJson)
                })),
                ...(more ? { nextPage: `${this.url}/v1/catalog/products?page=${page + 1}&pageSize=${size}` } : {}),
                success: true
            });
        }
        const m = /^\/v1\/products\/(\w+)\/product-rate-plans$/.exec(url.pathname);
        if (req.method === 'GET' && m) {
            const product = this.products.find((p) => p.id === m[1]);
            return json(200, { productRatePlans: (product?.ratePlans ?? []).map(ratePlanJson), success: true });
        }
        return json(404, { success: false, reasons: [{ code: 50000040, message: `no route ${url.pathname}` }] });
    }
}

function ratePlanJson(rp: FakeRatePlan): unknown {
    return {
        id: rp.id,
        name: rp.name,
        productRatePlanNumber: rp.productRatePlanNumber,
        status: rp.status ?? 'Active',
        productRatePlanCharges: [
            {
                id: `${rp.id}c`,
                name: 'Subscription fee',
                pricing: rp.currencies.map((currency) => ({ currency, price: 100 }))
            }
        ]
    };
}

export async function startFakeZuora(): Promise<FakeZuora> {
    return new FakeZuora().start();
}
