import { renderAccountPanel as renderPanel } from '../../../../../test/jest-utils/account-panel';
import getLinkState from '@salesforce/apex/ZuoraAccountController.getLinkState';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import syncAccounts from '@salesforce/apex/ZuoraSyncController.syncAccounts';
import { asMock, asTestWire, cleanDom, flushPromises } from '../../../../../test/jest-utils';
import { ACCOUNT_ID, BILLING_HEALTH_STATES, linked, notLinked } from '../../../../../test/fixtures/zuora-fixtures';

const linkState = asTestWire<AccountLinkState>(getLinkState);
const HEALTH: BillingHealth = BILLING_HEALTH_STATES.overdue;

describe('c-zuora-account-panel with billing health', () => {
    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
    });

    it('renders the health block from the one getLinkState call, with no other Apex call', async () => {
        const element = renderPanel();
        linkState.emit(linked({ billingHealth: HEALTH }));
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
        linkState.emit(notLinked({ syncInstalled: false }));
        await flushPromises();

        const child = element.shadowRoot!.querySelector('c-zuora-billing-health') as unknown as {
            shadowRoot: ShadowRoot;
        };
        expect(child.shadowRoot.querySelector('section')).toBeNull();
        expect(element.shadowRoot!.querySelector('c-zuora-status-badge')).not.toBeNull();
    });
});
