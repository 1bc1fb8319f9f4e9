// The preview harness: `/?c=<component>&state=<state>` renders one project component in one named state with the
// real base components (lightning-base-components) under synthetic shadow, as Lightning Experience does; `/`
// lists every component × state. State definitions: ./states.ts. preview:check drives this page headless.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import ZuoraAccountPanel from 'c/zuoraAccountPanel';
import ZuoraProvisioning from 'c/zuoraProvisioning';
import ZuoraSyncAccounts from 'c/zuoraSyncAccounts';
import ZuoraStatusBadge from 'c/zuoraStatusBadge';
import { STATES } from './states';
import { platformLog, setState } from './standins/runtime';
import { setRecord } from './standins/uiRecordApi';

const COMPONENTS = {
    zuoraAccountPanel: { ctor: ZuoraAccountPanel, tag: 'c-zuora-account-panel' },
    zuoraProvisioning: { ctor: ZuoraProvisioning, tag: 'c-zuora-provisioning' },
    zuoraSyncAccounts: { ctor: ZuoraSyncAccounts, tag: 'c-zuora-sync-accounts' },
    zuoraStatusBadge: { ctor: ZuoraStatusBadge, tag: 'c-zuora-status-badge' }
};

const preview = {
    ready: false,
    error: undefined,
    state: undefined,
    states: STATES.map((s) => ({ component: s.component, name: s.name, title: s.title, frame: s.frame })),
    log: platformLog()
};
window.__preview = preview;

/** Every element matching `selector`, looking inside every (synthetic) shadow root of the page. */
function findAll(selector, rootNode = document) {
    const found = [...rootNode.querySelectorAll(selector)];
    for (const el of rootNode.querySelectorAll('*')) {
        if (el.shadowRoot) found.push(...findAll(selector, el.shadowRoot));
    }
    return found;
}

function find(selector) {
    const [el] = findAll(selector);
    if (!el) throw new Error(`preview step: nothing matches ${selector}`);
    return el;
}

/** Lets promises, short timers and re-renders run (no requestAnimationFrame: background tabs do not get it). */
async function settle(rounds = 3) {
    for (let i = 0; i < rounds; i++) {
        await new Promise((r) => setTimeout(r, 10));
    }
}

/** What a state's steps may do: the same events a user's action produces on the component's elements. */
const ui = {
    find,
    findAll,
    settle,
    async click(dataId) {
        find(`[data-id="${dataId}"]`).click();
        await settle();
    },
    async change(field, value) {
        find(`[data-field="${field}"]`).dispatchEvent(new CustomEvent('change', { detail: { value } }));
        await settle();
    },
    async check(dataId, checked = true) {
        find(`[data-id="${dataId}"]`).dispatchEvent(new CustomEvent('change', { detail: { checked } }));
        await settle();
    },
    async selectRows(accountIds) {
        const table = find('lightning-datatable');
        const rows = table.data.filter((row) => accountIds.includes(row.accountId));
        table.dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: rows } }));
        await settle();
    }
};

function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
}

function renderIndex() {
    document.title = 'Zuora Account Link — preview';
    const main = el('main', { class: 'slds-p-around_large' });
    main.append(
        el('h1', { class: 'slds-text-heading_large slds-m-bottom_medium' }, ['Zuora Account Link — component preview'])
    );
    main.append(
        el('p', { class: 'slds-m-bottom_medium' }, [
            'Real lightning-base-components and SLDS, canned Apex answers (force-app/test/fixtures), no org. ',
            'lightning-record-picker is a labelled stand-in.'
        ])
    );
    for (const component of Object.keys(COMPONENTS)) {
        main.append(el('h2', { class: 'slds-text-heading_medium slds-m-top_medium' }, [component]));
        const list = el('ul', { class: 'slds-list_dotted' });
        for (const state of STATES.filter((s) => s.component === component)) {
            const link = el('a', { href: `?c=${component}&state=${state.name}` }, [state.name]);
            list.append(el('li', {}, [link, ` — ${state.title}`]));
        }
        main.append(list);
    }
    document.body.append(main);
}

/** The page around the component: a record page region, an app page, or the quick action's modal. */
function frameFor(state) {
    const stage = el('div', { id: 'stage', class: `preview-stage preview-stage_${state.frame}` });
    if (state.frame !== 'quick-action') {
        stage.append(el('div', { id: 'mount' }));
        return { outer: el('main', { class: 'preview-page' }, [stage]), stage };
    }
    // Lightning Experience renders a screen quick action's component inside an SLDS modal's content area.
    const content = el('div', { id: 'mount', class: 'slds-modal__content preview-qa-content' });
    const container = el('div', { class: 'slds-modal__container preview-qa-container' }, [content]);
    const modal = el(
        'section',
        {
            role: 'dialog',
            'aria-modal': 'true',
            'aria-label': 'Create in Zuora',
            class: 'slds-modal slds-fade-in-open'
        },
        [container]
    );
    stage.append(modal, el('div', { class: 'slds-backdrop slds-backdrop_open', role: 'presentation' }));
    return { outer: el('main', { class: 'preview-page' }, [stage]), stage };
}

function toastRegion() {
    const region = el('div', { id: 'toasts', class: 'preview-toasts', role: 'status', 'aria-live': 'polite' });
    document.addEventListener('lightning__showtoast', (event) => {
        const t = event.detail ?? {};
        preview.log.toasts.push(t);
        const variant = t.variant || 'info';
        const toast = el(
            'div',
            { class: `slds-notify slds-notify_toast slds-theme_${variant}`, 'data-toast': variant },
            [
                el('div', { class: 'slds-notify__content' }, [
                    el('h2', { class: 'slds-text-heading_small' }, [t.title ?? '']),
                    el('p', {}, [t.message ?? ''])
                ])
            ]
        );
        region.append(toast);
    });
    document.addEventListener('lightning__actionsclosescreen', () => {
        preview.log.closeAction++;
        region.append(el('p', { class: 'preview-closed' }, ['(quick action closed)']));
    });
    return region;
}

async function renderState(componentName, stateName) {
    const state = STATES.find((s) => s.component === componentName && s.name === stateName);
    const component = COMPONENTS[componentName];
    if (!state || !component) throw new Error(`unknown preview state ${componentName}/${stateName}`);
    document.title = `${componentName} · ${stateName} — preview`;
    preview.state = `${componentName}/${stateName}`;
    setState({ name: preview.state, apex: state.apex ?? {} });
    setRecord(state.record);
    const { outer, stage } = frameFor(state);
    document.body.append(outer, toastRegion());
    if (state.width) stage.style.width = `${state.width}px`;
    const element = createElement(component.tag, { is: component.ctor });
    Object.assign(element, state.props ?? {});
    stage.querySelector('#mount').append(element);
    await settle();
    for (const step of state.steps ?? []) {
        await step(ui);
    }
    await settle();
}

async function start() {
    const params = new URLSearchParams(location.search);
    const c = params.get('c');
    try {
        if (!c) renderIndex();
        else await renderState(c, params.get('state') ?? '');
    } catch (error) {
        preview.error = `${error?.message ?? error}`;
        console.error(`preview ${preview.state ?? c}: ${error?.stack ?? error}`);
    } finally {
        preview.ready = true;
    }
}

start();
