import puppeteer from 'puppeteer-core';
import { startServer } from './serve.mjs';
import { openPage } from './check.mjs';
const { url, close } = await startServer(0);
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const { page, errors } = await openPage(browser);
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
await page.goto(url + '?c=zuoraAccountPanel&state=loading');
await new Promise((r) => setTimeout(r, 3000));
console.log(
    await page.evaluate(() =>
        JSON.stringify({ ready: window.__preview.ready, err: window.__preview.error, log: window.__preview.log.apex })
    )
);
console.log(errors);
await browser.close();
await close();
