/**
 * Shared setup of the tests that render c-zuora-sync-accounts: the mocks of its Apex methods and a render (the caller flushes). Import
 * this module before the component and the Apex modules (its jest.mock calls are hoisted above its own imports).
 */
import { createElement } from 'lwc';
import ZuoraSyncAccounts from 'c/zuoraSyncAccounts';

jest.mock('@salesforce/apex/ZuoraSyncController.getSyncCandidates', () => require('./apex-mocks').apexWire(), {
    virtual: true
});
jest.mock('@salesforce/apex/ZuoraSyncController.syncAccounts', () => require('./apex-mocks').apexMethod(), {
    virtual: true
});

/** Appends a c-zuora-sync-accounts to the document (on this Account's record page, or an app page when null). */
export function renderSyncAccounts(recordId: string | null): HTMLElement {
    const element = createElement('c-zuora-sync-accounts', { is: ZuoraSyncAccounts }) as HTMLElement & {
        recordId?: string;
    };
    if (recordId) element.recordId = recordId;
    document.body.appendChild(element);
    return element;
}
