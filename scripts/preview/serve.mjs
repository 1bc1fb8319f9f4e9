// `npm run preview`: builds the preview and serves it on http://127.0.0.1:<port>/ (default 4173, PREVIEW_PORT or
// --port to change; --no-build serves what build/preview holds). Also used by preview:check with port 0.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPreview, outDir, sldsDir } from './build.mjs';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.json': 'application/json',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff'
};

function fileFor(urlPath) {
    const path = decodeURIComponent(urlPath.split('?')[0]);
    const [base, rest] = path.startsWith('/slds/')
        ? [sldsDir, path.slice(6)]
        : [outDir, path === '/' ? 'index.html' : path.slice(1)];
    const file = normalize(join(base, rest));
    return file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Starts the static server on 127.0.0.1; resolves with its base URL and a close function. */
export function startServer(port = 4173) {
    const server = createServer((req, res) => {
        const file = req.method === 'GET' ? fileFor(req.url ?? '/') : undefined;
        if (!file) {
            res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
            return;
        }
        // Validators, so the browser revalidates the bundle with a 304 and reuses its compiled code across pages.
        const stat = statSync(file);
        const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
        if (req.headers['if-none-match'] === etag) {
            res.writeHead(304, { etag }).end();
            return;
        }
        res.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-cache',
            etag
        });
        createReadStream(file).pipe(res);
    });
    return new Promise((resolvePromise, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
            const { port: actual } = server.address();
            resolvePromise({ url: `http://127.0.0.1:${actual}/`, close: () => new Promise((r) => server.close(r)) });
        });
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const portArg = args.indexOf('--port');
    const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PREVIEW_PORT ?? 4173));
    try {
        if (!args.includes('--no-build')) await buildPreview();
        const { url } = await startServer(port);
        console.log(`preview: ${url}  (index of every component × state; Ctrl+C stops)`);
    } catch (error) {
        console.error(`preview failed: ${error.message}`);
        process.exit(1);
    }
}
