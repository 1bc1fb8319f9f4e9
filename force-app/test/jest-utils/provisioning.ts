/**
 * Shared setup of the tests that render c-zuora-provisioning, on its own or inline in the panel: the mocks of the
 * Apex methods the flow calls, a render on an Account record page and the step helpers. Import this module before
 * the component and the Apex modules (its jest.mock calls are hoisted above its own imports).
 */
import { createElement } from 'lwc';
import ZuoraProvisioning from 'c/zuoraProvisioning';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import getBillToContacts from '@salesforce/apex/ZuoraAccountController.getBillToContacts';
import getCatalog from '@salesforce/apex/ZuoraAccountController.getCatalog';
import { ACCOUNT_ID, CONTACT_ID, SEATS_PLAN, catalog, contacts, noDuplicates } from '../fixtures/zuora-fixtures';
import { asMock, asTestWire, cleanDom, deepQuery, deepQueryAll, flushPromises } from './index';

jest.mock('@salesforce/apex/ZuoraAccountController.checkDuplicates', () => require('./apex-mocks').apexMethod(), {
    virtual: true
});
jest.mock('@salesforce/apex/ZuoraAccountController.getBillToContacts', () => require('./apex-mocks').apexWire(), {
    virtual: true
});
jest.mock('@salesforce/apex/ZuoraAccountController.getCatalog', () => require('./apex-mocks').apexWire(), {
    virtual: true
});
jest.mock('@salesforce/apex/ZuoraAccountController.startProvisioning', () => require('./apex-mocks').apexMethod(), {
    virtual: true
});
jest.mock('@salesforce/apex/ZuoraAccountController.getProvisioningStatus', () => require('./apex-mocks').apexMethod(), {
    virtual: true
});

/** jest.spyOn spies of the running test, restored by the afterEach of {@link useWizardLifecycle}. */
const spies: jest.SpyInstance[] = [];

/** A jest.spyOn spy restored after the test (jest.fn mocks of the modules keep their defaults). */
export function spy<T extends object>(target: T, method: jest.FunctionPropertyNames<Required<T>>): jest.SpyInstance {
    const instance = jest.spyOn(target, method);
    spies.push(instance);
    return instance;
}

/**
 * The wizard suites' shared lifecycle, called inside their top `describe`: no duplicates by default; after each test
 * a clean DOM, mocks cleared, spies restored and real timers.
 */
export function useWizardLifecycle(): void {
    beforeEach(() => {
        asMock(checkDuplicates).mockResolvedValue(noDuplicates());
    });
    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
        spies.splice(0).forEach((instance) => instance.mockRestore());
        jest.useRealTimers();
    });
}

/** The flow element with its public properties. */
export type FlowElement = HTMLElement & { recordId?: string; embedded?: boolean };

/**
 * Appends a c-zuora-provisioning to the document and lets it render: for ACCOUNT_ID unless `recordId` is given
 * (null: no record page), standalone unless `embedded`.
 */
export async function renderProvisioning(
    options: { embedded?: boolean; recordId?: string | null } = {}
): Promise<FlowElement> {
    const element = createElement('c-zuora-provisioning', { is: ZuoraProvisioning }) as FlowElement;
    if (options.recordId !== null) element.recordId = options.recordId ?? ACCOUNT_ID;
    element.embedded = options.embedded ?? false;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

/** The element with this `data-id` in the flow or one of its step components, typed as the test needs it. */
export function el<T = HTMLElement & Record<string, unknown>>(element: HTMLElement, id: string): T {
    return deepQuery(element, `[data-id="${id}"]`) as unknown as T;
}

/** Sends a lightning-input style change event with this value to the field named `name`. */
export async function change(element: HTMLElement, name: string, value: string): Promise<void> {
    deepQuery(element, `[data-field="${name}"]`)!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flushPromises();
}

/** Clicks the element with this `data-id` and lets the flow re-render. */
export async function click(element: HTMLElement, id: string): Promise<void> {
    el(element, id).click();
    await flushPromises();
}

/** On the plan step: fills it with valid values (a bill-to contact, the per-seat plan, 5 seats) and goes on. */
export async function passPlanStep(element: HTMLElement): Promise<void> {
    await change(element, 'billToContactId', CONTACT_ID);
    await change(element, 'productRatePlanId', SEATS_PLAN.ratePlanId);
    await change(element, 'quantity', '5');
    await click(element, 'next-plan');
}

/** The mocked wires of the flow, to emit contacts and catalogs into. */
export const contactsWire = asTestWire<ContactOption[]>(getBillToContacts);
export const catalogWire = asTestWire<CatalogResult>(getCatalog);

/** An input of the plan step (or null), with the lightning-input/-combobox API the tests call. */
export type FieldElement = HTMLElement &
    Record<string, unknown> & { setCustomValidity(message: string): void; reportValidity(): boolean };

/** The input with this `data-field` in the flow's plan step. */
export function field(element: HTMLElement, name: string): FieldElement {
    return deepQuery(element, `[data-field="${name}"]`) as FieldElement;
}

/** The visible step title. */
export function heading(element: HTMLElement): string {
    return el(element, 'step-heading').firstChild!.textContent!.trim();
}

/** The messages of the plan step's error list. */
export function errorsShown(element: HTMLElement): string[] {
    return deepQueryAll(element, '[data-id="errors"] li').map((li) => li.textContent!);
}

/** What a screen reader reads for an element: its text without the aria-hidden parts. */
export function accessibleText(node: Node): string {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
    return Array.from(node.childNodes).map(accessibleText).join('');
}

/** Renders the flow with data (the shared contacts and catalog unless given), passes step 1 and lands on step 2. */
export async function atPlanStep(
    options: { embedded?: boolean; catalog?: CatalogResult; contacts?: ContactOption[] } = {}
): Promise<FlowElement> {
    const element = await renderProvisioning({ embedded: options.embedded });
    expect(catalogWire.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
    contactsWire.emit(options.contacts ?? contacts());
    catalogWire.emit(options.catalog ?? catalog());
    await flushPromises();
    await click(element, 'next-duplicates');
    return element;
}

/** Fills the plan step with valid values (per-seat plan, 5 seats) and goes to the review step. */
export async function atReviewStep(options: { embedded?: boolean } = {}): Promise<FlowElement> {
    const element = await atPlanStep(options);
    await passPlanStep(element);
    return element;
}
