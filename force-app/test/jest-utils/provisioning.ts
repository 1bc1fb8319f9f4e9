/**
 * Shared setup of the tests that render c-zuora-provisioning, on its own or inline in the panel: the mocks of the
 * Apex methods the flow calls, a render on an Account record page and the step helpers. Import this module before
 * the component and the Apex modules (its jest.mock calls are hoisted above its own imports).
 */
import { createElement } from 'lwc';
import ZuoraProvisioning from 'c/zuoraProvisioning';
import { ACCOUNT_ID, CONTACT_ID, SEATS_PLAN } from '../fixtures/zuora-fixtures';
import { deepQuery, flushPromises } from './index';

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
