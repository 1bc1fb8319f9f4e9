/**
 * Issue 13, panel defects seen in the real browser: card padding, the cooldown date, the inline flow's done step
 * and record notification, and where the keyboard focus goes when the inline flow opens and closes.
 */
// The Apex mocks of the inline c-zuora-provisioning child, which these tests drive for real (first, so they are
// registered before the panel loads the child), then the panel's own Apex mocks and render.
import '../../../../../test/jest-utils/provisioning';
import { renderAccountPanel as render } from '../../../../../test/jest-utils/account-panel';
import { splitLabel } from 'c/zuoraAccountPanel';
import { LABELS } from 'c/zuoraLabels';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getLinkState from '@salesforce/apex/ZuoraAccountController.getLinkState';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import getBillToContacts from '@salesforce/apex/ZuoraAccountController.getBillToContacts';
import getCatalog from '@salesforce/apex/ZuoraAccountController.getCatalog';
import startProvisioning from '@salesforce/apex/ZuoraAccountController.startProvisioning';
import { asMock, asTestWire, byDataId, cleanDom, deepQuery, flushPromises } from '../../../../../test/jest-utils';
import {
    CONTACT_ID,
    FLAT_PLAN,
    catalog,
    contacts,
    linked,
    noDuplicates,
    notLinked,
    succeededAttempt
} from '../../../../../test/fixtures/zuora-fixtures';

jest.mock(
    '@salesforce/label/c.Zuora_Sync_Cooldown',
    () => require('../../../../../test/jest-utils/custom-labels').labelModule('Zuora_Sync_Cooldown'),
    { virtual: true }
);

const linkState = asTestWire<AccountLinkState>(getLinkState);
const contactsWire = asTestWire<ContactOption[]>(getBillToContacts);
const catalogWire = asTestWire<CatalogResult>(getCatalog);
const duplicatesMock = asMock(checkDuplicates);
const startMock = asMock(startProvisioning);

type PanelElement = HTMLElement & { recordId?: string };

function flow(element: HTMLElement): HTMLElement | null {
    return element.shadowRoot!.querySelector('c-zuora-provisioning');
}

/** An element of the inline flow or of its step components. */
function inFlow(element: HTMLElement, selector: string): HTMLElement & Record<string, unknown> {
    return deepQuery(flow(element)!, selector) as HTMLElement & Record<string, unknown>;
}

async function clickInFlow(element: HTMLElement, id: string): Promise<void> {
    inFlow(element, `[data-id="${id}"]`).click();
    await flushPromises();
}

async function changeInFlow(element: HTMLElement, name: string, value: string): Promise<void> {
    inFlow(element, `[data-field="${name}"]`).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flushPromises();
}

/** Opens the inline flow on a not-linked Account. */
async function openFlow(): Promise<PanelElement> {
    const element = render();
    linkState.emit(notLinked());
    await flushPromises();
    byDataId(element, 'create')!.click();
    await flushPromises();
    return element;
}

describe('c-zuora-account-panel — issue 13 defects', () => {
    beforeEach(() => {
        duplicatesMock.mockResolvedValue(noDuplicates());
    });

    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
    });

    describe('defect 3: the card content does not touch the card border', () => {
        it('pads the content itself (slds-card__body_inner only pads the card body element)', async () => {
            const element = render();
            linkState.emit(linked());
            await flushPromises();
            const body = byDataId(element, 'card-body')!;
            expect(body.classList.contains('slds-p-horizontal_medium')).toBe(true);
            expect(element.shadowRoot!.querySelector('.slds-card__body_inner')).toBeNull();
        });
    });

    describe('defect 4: the cooldown date is formatted like every other date of the panel', () => {
        it('renders the allowed-after time with lightning-formatted-date-time, without seconds', async () => {
            const toLocaleString = jest.spyOn(Date.prototype, 'toLocaleString');
            const element = render();
            linkState.emit(linked({ canSync: false, syncAllowedAfter: '2026-11-20T15:00:00.000Z' }));
            await flushPromises();
            const blocked = byDataId(element, 'sync-blocked')!;
            const time = blocked.querySelector('lightning-formatted-date-time') as unknown as Record<string, unknown>;
            expect(time.value).toBe('2026-11-20T15:00:00.000Z');
            expect(time.second).toBeUndefined();
            const linkedAt = element.shadowRoot!.querySelector('dl lightning-formatted-date-time') as unknown as Record<
                string,
                unknown
            >;
            for (const part of ['year', 'month', 'day', 'hour', 'minute']) expect(time[part]).toBe(linkedAt[part]);
            expect(blocked.textContent!.trim()).toBe(
                'This account was synced a short while ago. You can sync it again after .'
            );
            expect(toLocaleString).not.toHaveBeenCalled();
            toLocaleString.mockRestore();
        });

        it('cuts a label around its placeholder', () => {
            expect(splitLabel('after {0}.')).toEqual({ before: 'after ', after: '.' });
            expect(splitLabel('no placeholder')).toEqual({ before: 'no placeholder', after: '' });
            expect(LABELS.syncCooldown).toContain('{0}');
        });
    });

    describe('defect 6: the inline flow shows its done step; the record page is told once', () => {
        it('keeps an immediate success on screen until Close, then re-reads the state without notifying again', async () => {
            startMock.mockResolvedValue(succeededAttempt());
            const element = await openFlow();
            contactsWire.emit(contacts());
            catalogWire.emit(catalog());
            await flushPromises();
            await clickInFlow(element, 'next-duplicates');
            await changeInFlow(element, 'billToContactId', CONTACT_ID);
            await changeInFlow(element, 'productRatePlanId', FLAT_PLAN.ratePlanId);
            await clickInFlow(element, 'next-plan');
            await clickInFlow(element, 'submit');

            expect(flow(element)).not.toBeNull();
            expect(inFlow(element, '[data-id="result"]')).not.toBeNull();
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
            expect(refreshApex).not.toHaveBeenCalled();

            await clickInFlow(element, 'close');
            expect(flow(element)).toBeNull();
            expect(refreshApex).toHaveBeenCalledTimes(1);
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
            // defect 11: the focus does not fall to the page body; the summary (with the new state) takes it.
            expect(element.shadowRoot!.activeElement).toBe(byDataId(element, 'summary'));
        });
    });

    describe('defect 11: the focus follows the inline flow', () => {
        it('moves into the flow when it opens (the Create button that had it is gone)', async () => {
            const element = await openFlow();
            expect(byDataId(element, 'create')).toBeNull();
            expect(flow(element)!.shadowRoot!.activeElement).toBe(inFlow(element, '[data-id="step-heading"]'));
        });

        it('returns to Create in Zuora on Cancel', async () => {
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            const element = await openFlow();
            focus.mockClear();
            await clickInFlow(element, 'cancel');
            expect(flow(element)).toBeNull();
            expect(focus.mock.contexts.at(-1)).toBe(byDataId(element, 'create'));
            focus.mockRestore();
        });

        it('falls back to the summary when Create is not there after Cancel', async () => {
            const element = await openFlow();
            linkState.emit(linked());
            await flushPromises();
            flow(element)!.dispatchEvent(new CustomEvent('cancel'));
            await flushPromises();
            expect(element.shadowRoot!.activeElement).toBe(byDataId(element, 'summary'));
        });

        it('falls back to the summary when Create is disabled after Cancel (a disabled button takes no focus)', async () => {
            const element = await openFlow();
            linkState.emit(notLinked({ canProvision: false, provisionBlockedReason: 'Add a billing country.' }));
            await flushPromises();
            flow(element)!.dispatchEvent(new CustomEvent('cancel'));
            await flushPromises();
            expect(element.shadowRoot!.activeElement).toBe(byDataId(element, 'summary'));
        });

        it('is accessible with the focusable summary', async () => {
            const element = render();
            linkState.emit(linked());
            await flushPromises();
            await expect(element).toBeAccessible();
        });
    });
});
