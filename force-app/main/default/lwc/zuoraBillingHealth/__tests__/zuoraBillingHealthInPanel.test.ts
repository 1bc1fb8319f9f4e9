import { createElement } from 'lwc';
import ZuoraAccountPanel from 'c/zuoraAccountPanel';
import getLinkState from '@salesforce/apex/ZuoraAccountController.getLinkState';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import syncAccounts from '@salesforce/apex/ZuoraSyncController.syncAccounts';
import { asMock, asTestWire, cleanDom, flushPromises } from '../../../../../test/jest-utils';

jest.mock(
    '@salesforce/apex/ZuoraAccountController.getLinkState',
    () => require('../../../../../test/jest-utils/apex-mocks').apexWire(),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ZuoraAccountController.getProvisioningStatus',
    () => require('../../../../../test/jest-utils/apex-mocks').apexMethod(),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ZuoraSyncController.syncAccounts',
    () => require('../../../../../test/jest-utils/apex-mocks').apexMethod(),
    { virtual: true }
);

const ACCOUNT_ID = '001000000000001AAA';
const linkState = asTestWire<AccountLinkState>(getLinkState);

const HEALTH: BillingHealth = {
    access: 'AVAILABLE',
    state: 'OVERDUE',
    paymentsReadable: true,
    truncated: false,
    collectionsThresholdDays: 60,
    currencies: [
        {
            currencyCode: 'USD',
            state: 'OVERDUE',
            activeSubscriptions: 1,
            totalMrr: 100,
            openBalance: 300,
            overdueInvoices: 1,
            overdueAmount: 300,
            daysOverdue: 12,
            oldestDueDate: '2026-11-19'
        }
    ],
    billingAccounts: []
};

function renderPanel(): HTMLElement {
    const element = createElement('c-zuora-account-panel', { is: ZuoraAccountPanel }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = ACCOUNT_ID;
    document.body.appendChild(element);
    return element;
}

describe('c-zuora-account-panel with billing health', () => {
    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
    });

    it('renders the health block from the one getLinkState call, with no other Apex call', async () => {
        const element = renderPanel();
        linkState.emit({
            accountId: ACCOUNT_ID,
            accountName: 'Acme Corp',
            linkStatus: 'Linked',
            canProvision: false,
            syncInstalled: true,
            canSync: true,
            billingHealth: HEALTH
        });
        await flushPromises();

        const child = element.shadowRoot!.querySelector('c-zuora-billing-health') as unknown as {
            health?: BillingHealth;
            shadowRoot: ShadowRoot;
        };
        expect(child).not.toBeNull();
        expect(child.health).toEqual(HEALTH);
        expect(child.shadowRoot.querySelector('[data-id="billing-overdue"]')).not.toBeNull();
        expect(linkState.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
        expect(asMock(getProvisioningStatus)).not.toHaveBeenCalled();
        expect(asMock(syncAccounts)).not.toHaveBeenCalled();
    });

    it('still renders the rest of the panel when the server sends no billing health', async () => {
        const element = renderPanel();
        linkState.emit({
            accountId: ACCOUNT_ID,
            accountName: 'Acme Corp',
            linkStatus: 'Not Linked',
            canProvision: true,
            syncInstalled: false,
            canSync: false
        });
        await flushPromises();

        const child = element.shadowRoot!.querySelector('c-zuora-billing-health') as unknown as {
            shadowRoot: ShadowRoot;
        };
        expect(child.shadowRoot.querySelector('section')).toBeNull();
        expect(element.shadowRoot!.querySelector('c-zuora-status-badge')).not.toBeNull();
    });
});
