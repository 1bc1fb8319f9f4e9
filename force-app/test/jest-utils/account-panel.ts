/**
 * Shared setup of the tests that render c-zuora-account-panel: the mocks of the panel's own Apex methods and a
 * render on an Account record page. Import this module before the component and the Apex modules (its jest.mock
 * calls are hoisted above its own imports, so they are registered before anything loads the component).
 * Tests that drive the inline c-zuora-provisioning flow import ./provisioning before this module: loading the panel
 * loads the child, so the child's Apex mocks must be registered first. Both modules mock getProvisioningStatus
 * the same way (apexMethod); the first mock instance made is the one every import sees.
 */
import { createElement } from 'lwc';
import ZuoraAccountPanel from 'c/zuoraAccountPanel';
import { ACCOUNT_ID } from '../fixtures/zuora-fixtures';

jest.mock('@salesforce/apex/ZuoraAccountController.getLinkState', () => require('./apex-mocks').apexWire(), {
    virtual: true
});
jest.mock('@salesforce/apex/ZuoraAccountController.getProvisioningStatus', () => require('./apex-mocks').apexMethod(), {
    virtual: true
});
jest.mock('@salesforce/apex/ZuoraSyncController.syncAccounts', () => require('./apex-mocks').apexMethod(), {
    virtual: true
});

/** The panel element with its public `recordId`. */
export type PanelElement = HTMLElement & { recordId?: string };

/** Appends a c-zuora-account-panel for ACCOUNT_ID to the document. */
export function renderAccountPanel(): PanelElement {
    const element = createElement('c-zuora-account-panel', { is: ZuoraAccountPanel }) as PanelElement;
    element.recordId = ACCOUNT_ID;
    document.body.appendChild(element);
    return element;
}
