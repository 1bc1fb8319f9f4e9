// `npm run preview:check` (a step of `npm test`): renders every preview state headless in Debian's chromium and
// fails on a page error, a console error, a failed request, an attribute a template sets on a `lightning-*` tag
// that the real base component does not expose, an axe-core (WCAG 2.1 A/AA) violation in the project's markup
// (violations inside base components are listed with their reason), an axe rule that errors, and a keyboard walk
// of the wizard. Writes one PNG per state to build/preview/shots/. Options: --no-build, --only <c/state,…>,
// --no-compile (the gate compiled the TypeScript already), --keyboard (with --only), --jobs <n>.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { buildPreview, PREVIEW_LOCALE, PREVIEW_TIME_ZONE } from './build.mjs';
import { checkProjectTemplates } from './attributes.mjs';
import { startServer } from './serve.mjs';
import { keyboardWalk } from './keyboard.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shotsDir = join(root, 'build/preview/shots');
const VIEWPORT = { width: 1280, height: 800, deviceScaleFactor: 1 };
const CHROMIUM = process.env.PREVIEW_CHROMIUM ?? '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const baseReasons = JSON.parse(readFileSync(join(root, 'scripts/preview/base-component-a11y.json'), 'utf8'));

function option(name) {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Opens a page with the fixed window, time zone and locale, and collects every error it reports. */
export async function openPage(browser) {
    const page = await browser.newPage();
    await page.setViewport(VIEWPORT);
    await page.emulateTimezone(PREVIEW_TIME_ZONE);
    const errors = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
    });
    page.on('requestfailed', (req) => errors.push(`failed request: ${req.url()} (${req.failure()?.errorText})`));
    page.on('response', (res) => {
        if (res.status() >= 400) errors.push(`failed request: ${res.url()} (HTTP ${res.status()})`);
    });
    return { page, errors };
}

export async function gotoState(page, baseUrl, state) {
    const url = `${baseUrl}?c=${state.component}&state=${state.name}`;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__preview?.ready === true, { timeout: 15000, polling: 50 });
    return page.evaluate(() => window.__preview.error);
}

/**
 * axe-core over the rendered page. Synthetic shadow roots have no getElementById (LWC throws "Disallowed method"),
 * which axe's color-contrast and ARIA-reference code calls: give them one that searches the root, so no rule errors.
 */
async function runAxe(page) {
    await page.evaluate(axeSource);
    return page.evaluate(async (tags) => {
        const roots = new Set();
        const visit = (node) => {
            for (const el of node.querySelectorAll('*')) {
                if (el.shadowRoot) {
                    roots.add(Object.getPrototypeOf(el.shadowRoot));
                    visit(el.shadowRoot);
                }
            }
        };
        visit(document);
        for (const proto of roots) {
            let throws = false;
            try {
                proto.getElementById?.call(document.querySelector('*').shadowRoot ?? document, 'x');
            } catch {
                throws = true;
            }
            if (throws || !proto.getElementById) {
                Object.defineProperty(proto, 'getElementById', {
                    configurable: true,
                    value(id) {
                        return this.querySelector(`[id="${CSS.escape(id)}"]`);
                    }
                });
            }
        }
        const result = await window.axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            elementRef: true,
            resultTypes: ['violations', 'incomplete']
        });
        /** The base component whose own shadow tree holds `el`, or undefined for the project's markup. */
        const baseOwner = (el) => {
            const host = el?.getRootNode?.()?.host;
            if (!host) return undefined;
            const tag = host.tagName.toLowerCase();
            return tag.startsWith('lightning-') ? tag : baseOwner(host);
        };
        const describe = (node) => ({
            target: JSON.stringify(node.target),
            html: node.html.slice(0, 160),
            owner: baseOwner(node.element),
            summary: node.failureSummary?.split('\n').slice(0, 2).join(' ')
        });
        const errored = [...result.violations, ...result.incomplete]
            .filter((r) => r.error)
            .map((r) => ({ id: r.id, message: String(r.error?.message ?? r.error) }));
        return {
            errored,
            violations: result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map(describe) })),
            incomplete: result.incomplete.filter((r) => !r.error).map((r) => r.id)
        };
    }, AXE_TAGS);
}

async function shoot(page, file) {
    // Spinners and transitions stopped at their first frame, so the same state gives the same PNG run after run
    // (one document-level style reaches every component: synthetic shadow has no real style boundary).
    await page.addStyleTag({
        content:
            '*,*::before,*::after{animation-play-state:paused!important;animation-delay:0s!important;transition:none!important;caret-color:transparent!important}'
    });
    const box = await page.evaluate(() => {
        const stage = document.querySelector('#stage .slds-modal__container') ?? document.querySelector('#stage');
        if (!stage) return null;
        const r = stage.getBoundingClientRect();
        return { x: Math.max(0, r.x - 8), y: Math.max(0, r.y - 8), width: r.width + 16, height: r.height + 16 };
    });
    // Nothing rendered (a component that threw): photograph the whole window instead of an empty box.
    const clip =
        box && box.width > 16 && box.height > 16
            ? {
                  x: box.x,
                  y: box.y,
                  width: Math.min(box.width, VIEWPORT.width - box.x),
                  height: Math.min(box.height, VIEWPORT.height - box.y)
              }
            : undefined;
    await page.screenshot({ path: file, clip });
}

/** The project's component bundles that have a template (each must render in at least one state). */
function templateBundles() {
    const lwcDir = join(root, 'force-app/main/default/lwc');
    return readdirSync(lwcDir).filter((name) => existsSync(join(lwcDir, name, `${name}.html`)));
}

/** The tags of the project's components (`c-*`) on the page, inside every (synthetic) shadow root. */
function renderedComponents(page) {
    return page.evaluate(() => {
        const tags = new Set();
        const visit = (node) => {
            for (const el of node.querySelectorAll('*')) {
                if (el.tagName.startsWith('C-')) tags.add(el.tagName.toLowerCase());
                if (el.shadowRoot) visit(el.shadowRoot);
            }
        };
        visit(document);
        return [...tags];
    });
}

/** `zuoraProvisioningPlan` → `c-zuora-provisioning-plan`. */
const tagOf = (bundle) => `c-${bundle.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

async function checkState(page, errors, baseUrl, state, report) {
    errors.length = 0;
    const id = `${state.component}/${state.name}`;
    const problems = [];
    let t = Date.now();
    const harnessError = await gotoState(page, baseUrl, state).catch((e) => `did not render: ${e.message}`);
    report.ms.render += Date.now() - t;
    t = Date.now();
    if (harnessError) problems.push(harnessError);
    for (const tag of await renderedComponents(page)) report.rendered.add(tag);
    const axe = await runAxe(page);
    report.ms.axe += Date.now() - t;
    for (const e of axe.errored) problems.push(`axe rule ${e.id} errored: ${e.message}`);
    for (const v of axe.violations) {
        for (const node of v.nodes) {
            if (!node.owner) {
                problems.push(`axe ${v.id} (${v.help}) in the project's markup: ${node.target} ${node.html}`);
                continue;
            }
            const reason = baseReasons[`${v.id} ${node.owner}`];
            if (!reason)
                problems.push(
                    `axe ${v.id} inside <${node.owner}> (base component) has no reason in base-component-a11y.json: ${node.target}`
                );
            else report.baseFindings.add(`${v.id} inside <${node.owner}>: ${reason}`);
        }
    }
    problems.push(...errors);
    mkdirSync(shotsDir, { recursive: true });
    t = Date.now();
    await shoot(page, join(shotsDir, `${state.component}--${state.name}.png`));
    report.ms.shot += Date.now() - t;
    return problems.map((p) => `${id}: ${p}`);
}

function launchBrowser() {
    return puppeteer.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-renderer-backgrounding',
            '--disable-background-timer-throttling',
            '--disable-backgrounding-occluded-windows',
            '--disable-dev-shm-usage',
            `--lang=${PREVIEW_LOCALE}`,
            '--hide-scrollbars',
            '--font-render-hinting=none'
        ],
        env: { ...process.env, TZ: PREVIEW_TIME_ZONE, LANG: 'en_US.UTF-8' }
    });
}

async function main() {
    const t0 = Date.now();
    if (!process.argv.includes('--no-build')) await buildPreview({ compile: !process.argv.includes('--no-compile') });
    const tBuild = Date.now();
    const failures = [];
    const attr = checkProjectTemplates();
    failures.push(...attr.problems);
    console.log(`lightning-* attributes: ${attr.files} templates checked, ${attr.problems.length} problem(s)`);

    const server = await startServer(0);
    // One browser per worker, one page each: every page is its browser's focused, visible window (focus rings
    // and frames as for a user; two pages in one headless browser wait seconds for frames to screenshot).
    const jobs = Number(option('--jobs') ?? 2);
    const browsers = await Promise.all(Array.from({ length: jobs }, () => launchBrowser()));
    const browser = browsers[0];
    const report = { baseFindings: new Set(), rendered: new Set(), ms: { render: 0, axe: 0, shot: 0 } };
    try {
        const { page: indexPage, errors: indexErrors } = await openPage(browser);
        await indexPage.goto(server.url, { waitUntil: 'load' });
        await indexPage.waitForFunction(() => window.__preview?.ready === true, { timeout: 15000, polling: 50 });
        let states = await indexPage.evaluate(() => window.__preview.states);
        failures.push(...indexErrors.map((e) => `index: ${e}`));
        await indexPage.close();
        const only = option('--only')?.split(',');
        if (only) states = states.filter((s) => only.includes(`${s.component}/${s.name}`));
        if (!only) rmSync(shotsDir, { recursive: true, force: true });

        const queue = [...states];
        const walk = !only || process.argv.includes('--keyboard');
        const workers = browsers.map(async (own, i) => {
            const { page, errors } = await openPage(own);
            while (queue.length) {
                const state = queue.shift();
                failures.push(...(await checkState(page, errors, server.url, state, report)));
            }
            await page.close();
            // The keyboard walk runs once, on the first browser, after its share of the states.
            if (i === 0 && walk) failures.push(...(await keyboardWalk(own, server.url, openPage)));
        });
        await Promise.all(workers);
        if (!only) {
            const bundles = templateBundles();
            const missing = bundles.filter((b) => !report.rendered.has(tagOf(b)));
            for (const b of missing) failures.push(`${b}: rendered in no preview state (add one to states.ts)`);
            console.log(`components: ${bundles.length - missing.length} of ${bundles.length} with a template rendered`);
        }
        const tEnd = Date.now();
        const avg = (ms) => Math.round(ms / Math.max(1, states.length));
        console.log(
            `per state (mean): render ${avg(report.ms.render)} ms, axe ${avg(report.ms.axe)} ms, screenshot ${avg(report.ms.shot)} ms`
        );
        for (const f of report.baseFindings) console.log(`base component (listed, not ours): ${f}`);
        for (const f of failures) console.error(`✘ ${f}`);
        console.log(
            `preview:check ${failures.length ? 'FAILED' : 'passed'}: ${states.length} states, ${failures.length} problem(s); ` +
                `screenshots in ${relative(root, shotsDir)}/; build ${tBuild - t0} ms, browser ${tEnd - tBuild} ms, total ${tEnd - t0} ms`
        );
        process.exitCode = failures.length ? 1 : 0;
    } finally {
        await Promise.all(browsers.map((b) => b.close()));
        await server.close();
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    main().catch((error) => {
        console.error(`preview:check failed to run: ${error.stack ?? error}`);
        process.exit(1);
    });
}
