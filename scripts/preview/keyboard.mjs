// The keyboard walk of preview:check: the wizard inside the Account panel, driven with Tab, Shift+Tab, Enter and
// Space only (state zuoraAccountPanel/keyboard: duplicates found, one contact, one plan; submit succeeds at once).
// Checks: every control of each step is reachable with Tab; after each step change focus is on the step heading;
// focus is never on the page body after opening, cancelling or completing the flow; a failed Next moves focus to
// the first invalid field.
const STATE = { component: 'zuoraAccountPanel', name: 'keyboard' };

/** The deepest focused element (through synthetic shadow roots), described for messages. */
async function focused(page) {
    return page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        if (!el || el === document.body || el === document.documentElement) return { body: true, text: '<body>' };
        // The element itself, then the base components around it, up to (not into) the project's component.
        const chain = [el];
        for (
            let host = el.getRootNode()?.host;
            host && host.tagName.startsWith('LIGHTNING-');
            host = host.getRootNode()?.host
        ) {
            chain.push(host);
        }
        const hostWith = (attr) => chain.find((n) => n.getAttribute(attr))?.getAttribute(attr);
        const text = (el.getAttribute('aria-label') || el.textContent || el.value || '')
            .trim()
            .replace(/\s+/g, ' ')
            .slice(0, 60);
        return {
            body: false,
            tag: el.tagName.toLowerCase(),
            dataId: hostWith('data-id'),
            field: hostWith('data-field'),
            heading: el.getAttribute('data-id') === 'step-heading',
            text
        };
    });
}

/** data-id / data-field of every enabled control of the wizard's current step. */
async function controls(page) {
    return page.evaluate(() => {
        const found = [];
        const visit = (node) => {
            for (const el of node.querySelectorAll('[data-id], [data-field]')) {
                const tag = el.tagName.toLowerCase();
                const control = [
                    'lightning-button',
                    'lightning-input',
                    'lightning-combobox',
                    'button',
                    'input'
                ].includes(tag);
                if (control && !el.disabled && el.getClientRects().length)
                    found.push(el.dataset.field ?? el.dataset.id);
            }
            for (const el of node.querySelectorAll('*'))
                if (el.shadowRoot && el.tagName.startsWith('C-')) visit(el.shadowRoot);
        };
        visit(document);
        return found;
    });
}

const label = (f) =>
    f.body
        ? '<body>'
        : `${f.tag}${f.dataId ? `[data-id=${f.dataId}]` : ''}${f.field ? `[data-field=${f.field}]` : ''} "${f.text}"`;

export async function keyboardWalk(browser, baseUrl, openPage) {
    const problems = [];
    const fail = (msg) => problems.push(`keyboard walk (${STATE.component}/${STATE.name}): ${msg}`);
    const { page, errors } = await openPage(browser);
    const press = async (key, shift = false) => {
        if (shift) await page.keyboard.down('Shift');
        await page.keyboard.press(key);
        if (shift) await page.keyboard.up('Shift');
        await page.evaluate(() => new Promise((r) => setTimeout(r, 30)));
        if (process.env.PREVIEW_KEYBOARD_LOG)
            console.log(`${shift ? 'Shift+' : ''}${key} → ${label(await focused(page))}`);
    };
    /** Tabs forward until `match` is focused (at most `max` presses); returns every control passed on the way. */
    const tabTo = async (match, max = 40) => {
        const seen = [];
        for (let i = 0; i < max; i++) {
            await press('Tab');
            const f = await focused(page);
            seen.push(f);
            if (match(f)) return { found: f, seen };
        }
        return { found: undefined, seen };
    };
    const settle = () => page.evaluate(() => new Promise((r) => setTimeout(r, 150)));
    const expectHeading = async (when) => {
        await settle();
        const f = await focused(page);
        if (!f.heading) fail(`after ${when} focus is on ${label(f)}, not on the step heading`);
    };
    const expectNotBody = async (when) => {
        await settle();
        const f = await focused(page);
        if (f.body) fail(`after ${when} focus fell to the page body`);
        return f;
    };
    /** Every control of the current step is reached by Tab from the heading, and Shift+Tab comes back. */
    const allReachable = async (step) => {
        const wanted = await controls(page);
        const { seen } = await tabTo(() => false, wanted.length + 25);
        const reached = new Set(seen.flatMap((f) => [f.dataId, f.field]).filter(Boolean));
        const missing = wanted.filter((w) => !reached.has(w));
        if (missing.length) fail(`${step}: not reachable with Tab: ${missing.join(', ')}`);
        return wanted;
    };
    try {
        await page.goto(`${baseUrl}?c=${STATE.component}&state=${STATE.name}`, { waitUntil: 'load' });
        await page.waitForFunction(() => window.__preview?.ready === true, { timeout: 15000, polling: 50 });

        // Open: Tab to "Create in Zuora", Enter.
        let step = await tabTo((f) => f.dataId === 'create');
        if (!step.found) throw new Error('Create in Zuora is not reachable with Tab');
        await press('Enter');
        await expectNotBody('opening the flow (Enter on Create in Zuora)');
        await expectHeading('opening the flow');

        // Cancel: Tab to Cancel, Enter → focus back on a control of the panel (not the body); open again.
        step = await tabTo((f) => f.dataId === 'cancel');
        if (!step.found) fail('step 1: Cancel is not reachable with Tab');
        else {
            await press('Enter');
            const f = await expectNotBody('Cancel');
            if (!f.body && f.dataId !== 'create')
                fail(`after Cancel focus is on ${label(f)}, expected Create in Zuora`);
            step = await tabTo((g) => g.dataId === 'create', 5);
            if (!step.found) {
                await press('Tab', true);
            }
            await press('Enter');
            await expectHeading('opening the flow again');
        }

        // Step 1: confirm the duplicates with Space, Next with Enter.
        step = await tabTo((f) => f.dataId === 'confirm-duplicates');
        if (!step.found) fail('step 1: the duplicates confirmation is not reachable with Tab');
        else await press('Space');
        step = await tabTo((f) => f.dataId === 'next-duplicates');
        if (!step.found) throw new Error('step 1: Next is not reachable with Tab (after confirming)');
        await press('Enter');
        await expectHeading('Next on step 1');

        // Step 2: every control reachable; Next with the plan empty moves focus to the plan field.
        await allReachable('step 2');
        await page.keyboard.press('Escape').catch(() => undefined);
        // Back to the heading's neighbourhood: Shift+Tab until Next, which is the last control.
        let f = await focused(page);
        for (let i = 0; i < 30 && f.dataId !== 'next-plan'; i++) {
            await press('Tab', true);
            f = await focused(page);
        }
        if (f.dataId !== 'next-plan') throw new Error('step 2: Next is not reachable with Shift+Tab');
        await press('Enter');
        await settle();
        f = await focused(page);
        if (f.field !== 'productRatePlanId')
            fail(`a failed Next leaves focus on ${label(f)}, not on the first invalid field (plan)`);
        // Choose the plan: Enter opens the combobox, Enter picks the highlighted (only) option.
        step = f.field === 'productRatePlanId' ? { found: f } : await tabTo((g) => g.field === 'productRatePlanId');
        if (!step.found) throw new Error('step 2: the plan field is not reachable with Tab');
        await press('Enter');
        await press('Enter');
        step = await tabTo((g) => g.dataId === 'next-plan');
        if (!step.found) throw new Error('step 2: Next is not reachable with Tab');
        await press('Enter');
        await expectHeading('Next on step 2');

        // Step 3: every control reachable; submit with Enter; done step heading focused; Close completes.
        await allReachable('step 3');
        step = await tabTo((g) => g.dataId === 'submit');
        if (!step.found) throw new Error('step 3: Create in Zuora (submit) is not reachable with Tab');
        await press('Enter');
        await settle();
        await expectHeading('submit (done step)');
        step = await tabTo((g) => g.dataId === 'close');
        if (!step.found) throw new Error('done step: Close is not reachable with Tab');
        await press('Enter');
        await expectNotBody('completing the flow (Close)');
    } catch (error) {
        fail(error.message);
    } finally {
        problems.push(...errors.map((e) => `keyboard walk: ${e}`));
        await page.close();
    }
    return problems;
}
