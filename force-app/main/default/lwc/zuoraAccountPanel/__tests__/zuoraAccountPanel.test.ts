// The Apex mocks of the inline c-zuora-provisioning child (first, so they are registered before the panel loads
// the child), then the panel's own Apex mocks and render.
import '../../../../../test/jest-utils/provisioning';
import { renderAccountPanel as render } from '../../../../../test/jest-utils/account-panel';
import { LABELS } from 'c/zuoraLabels';
import { refreshApex } from '@salesforce/apex';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getLinkState from '@salesforce/apex/ZuoraAccountController.getLinkState';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import syncAccounts from '@salesforce/apex/ZuoraSyncController.syncAccounts';
import { asMock, asTestWire, byDataId, cleanDom, flushPromises, listenForToasts } from '../../../../../test/jest-utils';
import { ACCOUNT_ID, attempt, linked, notLinked } from '../../../../../test/fixtures/zuora-fixtures';

const linkState = asTestWire<AccountLinkState>(getLinkState);
const recordWire = asTestWire<unknown>(getRecord);
const syncMock = asMock(syncAccounts);

function badgeStatus(element: HTMLElement): unknown {
    const badge = element.shadowRoot!.querySelector('c-zuora-status-badge') as unknown as Record<string, unknown>;
    return badge.status;
}

function button(element: HTMLElement, id: string): HTMLElement & { disabled?: boolean; click(): void } {
    return byDataId<HTMLElement & { disabled?: boolean }>(element, id)!;
}

describe('c-zuora-account-panel', () => {
    beforeEach(() => {
        asMock(checkDuplicates).mockResolvedValue({ candidates: [], zuoraAccounts: [] });
    });

    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('shows a spinner until the link state arrives, asking for this Account', async () => {
        const element = render();
        await flushPromises();
        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
        expect(linkState.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
    });

    it('shows a load error in words', async () => {
        const element = render();
        linkState.error({ message: 'You do not have access to the Zuora Account Link.' });
        await flushPromises();
        const alert = byDataId(element, 'load-error')!;
        expect(alert.getAttribute('role')).toBe('alert');
        expect(alert.textContent).toBe('You do not have access to the Zuora Account Link.');
    });

    describe('not linked', () => {
        it('offers Create in Zuora and opens the flow inline', async () => {
            const element = render();
            linkState.emit(notLinked());
            await flushPromises();
            expect(badgeStatus(element)).toBe('Not Linked');
            expect(byDataId(element, 'sync')).toBeNull();
            const create = button(element, 'create');
            expect(create.disabled).toBe(false);

            create.click();
            await flushPromises();
            const flow = element.shadowRoot!.querySelector('c-zuora-provisioning') as HTMLElement & {
                recordId?: string;
                embedded?: boolean;
            };
            expect(flow.recordId).toBe(ACCOUNT_ID);
            expect(flow.embedded).toBe(true);
            expect(byDataId(element, 'create')).toBeNull();
        });

        it('closes the flow on cancel without re-reading anything', async () => {
            const element = render();
            linkState.emit(notLinked());
            await flushPromises();
            button(element, 'create').click();
            await flushPromises();
            element.shadowRoot!.querySelector('c-zuora-provisioning')!.dispatchEvent(new CustomEvent('cancel'));
            await flushPromises();
            expect(element.shadowRoot!.querySelector('c-zuora-provisioning')).toBeNull();
            expect(refreshApex).not.toHaveBeenCalled();
        });

        it('closes the flow and re-reads the state when it completes (the flow already told the record page)', async () => {
            const element = render();
            linkState.emit(notLinked());
            await flushPromises();
            button(element, 'create').click();
            await flushPromises();
            element
                .shadowRoot!.querySelector('c-zuora-provisioning')!
                .dispatchEvent(new CustomEvent('complete', { detail: attempt({ status: 'Succeeded' }) }));
            await flushPromises();
            expect(element.shadowRoot!.querySelector('c-zuora-provisioning')).toBeNull();
            expect(refreshApex).toHaveBeenCalledTimes(1);
            expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
        });

        it('disables Create in Zuora with the reason when provisioning is not allowed', async () => {
            const element = render();
            linkState.emit(
                notLinked({ canProvision: false, provisionBlockedReason: 'Add a billing country to the Account.' })
            );
            await flushPromises();
            expect(button(element, 'create').disabled).toBe(true);
            expect(byDataId(element, 'create-blocked')!.textContent).toBe('Add a billing country to the Account.');
        });

        it('shows the last problem in plain words and the support reference', async () => {
            const element = render();
            linkState.emit(
                notLinked({
                    linkStatus: 'Failed',
                    lastError: 'Zuora rejected the currency EUR.',
                    traceId: 'zal-trace-999'
                })
            );
            await flushPromises();
            expect(byDataId(element, 'last-error')!.textContent).toBe('Zuora rejected the currency EUR.');
            expect(
                (
                    byDataId(element, 'trace-id')!.querySelector('lightning-formatted-text') as HTMLElement & {
                        value?: string;
                    }
                ).value
            ).toBe('zal-trace-999');
        });

        it('is accessible', async () => {
            const element = render();
            linkState.emit(notLinked());
            await flushPromises();
            await expect(element).toBeAccessible();
        });
    });

    describe('linked', () => {
        it('shows the Zuora account, subscription, last sync and support reference', async () => {
            const element = render();
            linkState.emit(linked());
            await flushPromises();
            expect(badgeStatus(element)).toBe('Linked');
            expect(byDataId(element, 'account-number')!.textContent).toBe('A00000042');
            expect(byDataId(element, 'subscription-number')!.textContent).toBe('S00000077');
            expect(byDataId(element, 'last-sync')!.textContent).toContain('Sent: Sync requested');
            expect(byDataId(element, 'create')).toBeNull();
            expect(button(element, 'sync').disabled).toBe(false);
            expect(byDataId(element, 'sync-blocked')).toBeNull();
        });

        it('says Never when the account was not synced yet', async () => {
            const element = render();
            linkState.emit(linked({ lastSyncStatus: null, lastSyncAt: null, lastSyncMessage: null }));
            await flushPromises();
            expect(byDataId(element, 'last-sync')!.textContent).toBe(LABELS.never);
        });

        it('syncs now, toasts the outcome and refreshes', async () => {
            syncMock.mockResolvedValue([{ accountId: ACCOUNT_ID, outcome: 'Sent', message: 'Sync requested.' }]);
            const element = render();
            const toasts = listenForToasts(element);
            linkState.emit(linked());
            await flushPromises();
            button(element, 'sync').click();
            await flushPromises();
            expect(syncMock).toHaveBeenCalledWith({ accountIds: [ACCOUNT_ID] });
            expect(toasts).toEqual([{ title: LABELS.syncToastTitle, message: 'Sync requested.', variant: 'success' }]);
            expect(refreshApex).toHaveBeenCalled();
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: ACCOUNT_ID }]);
        });

        it('warns when Zuora deferred the sync, with a fallback message when Apex gave none', async () => {
            syncMock.mockResolvedValue([{ accountId: ACCOUNT_ID, outcome: 'Deferred' }]);
            const element = render();
            const toasts = listenForToasts(element);
            linkState.emit(linked());
            await flushPromises();
            button(element, 'sync').click();
            await flushPromises();
            expect(toasts[0]).toEqual({ title: LABELS.syncToastTitle, message: 'Deferred', variant: 'warning' });
        });

        it('uses the default sent message when a successful outcome has no message', async () => {
            syncMock.mockResolvedValue([{ accountId: ACCOUNT_ID, outcome: 'Queued' }]);
            const element = render();
            const toasts = listenForToasts(element);
            linkState.emit(linked());
            await flushPromises();
            button(element, 'sync').click();
            await flushPromises();
            expect(toasts[0].message).toBe(LABELS.syncToastSent);
        });

        it('shows an error toast when Apex rejects the sync, and enables the button again', async () => {
            syncMock.mockRejectedValue({ body: { message: 'Zuora 360 is not reachable right now.' } });
            const element = render();
            const toasts = listenForToasts(element);
            linkState.emit(linked());
            await flushPromises();
            button(element, 'sync').click();
            await flushPromises();
            expect(toasts).toEqual([
                { title: LABELS.errorTitle, message: 'Zuora 360 is not reachable right now.', variant: 'error' }
            ]);
            expect(button(element, 'sync').disabled).toBe(false);
        });

        it('sends one sync for a double click', async () => {
            let resolve!: (value: SyncOutcome[]) => void;
            syncMock.mockReturnValue(new Promise((r) => (resolve = r)));
            const element = render();
            linkState.emit(linked());
            await flushPromises();
            button(element, 'sync').click();
            await flushPromises();
            expect(button(element, 'sync').disabled).toBe(true);
            button(element, 'sync').click();
            resolve([{ accountId: ACCOUNT_ID, outcome: 'Sent' }]);
            await flushPromises();
            expect(syncMock).toHaveBeenCalledTimes(1);
        });

        it('disables Sync now when Zuora 360 is not installed and says why', async () => {
            const element = render();
            linkState.emit(linked({ syncInstalled: false, canSync: false }));
            await flushPromises();
            expect(button(element, 'sync').disabled).toBe(true);
            expect(byDataId(element, 'sync-blocked')!.textContent).toBe(LABELS.syncNotInstalled);
        });

        it('disables Sync now during the cooldown with the reason Apex gave', async () => {
            const element = render();
            linkState.emit(linked({ canSync: false, syncBlockedReason: 'Synced 5 minutes ago; wait 25 minutes.' }));
            await flushPromises();
            expect(button(element, 'sync').disabled).toBe(true);
            expect(byDataId(element, 'sync-blocked')!.textContent).toBe('Synced 5 minutes ago; wait 25 minutes.');
        });

        it('explains the cooldown from the allowed-after time when Apex gave no reason', async () => {
            const element = render();
            linkState.emit(linked({ canSync: false, syncAllowedAfter: '2026-11-20T10:35:00.000Z' }));
            await flushPromises();
            expect(byDataId(element, 'sync-blocked')!.textContent).toBe(LABELS.syncCooldown);
        });

        it('does not call Apex when Sync now is disabled', async () => {
            const element = render();
            linkState.emit(linked({ canSync: false }));
            await flushPromises();
            expect(byDataId(element, 'sync-blocked')).toBeNull();
            button(element, 'sync').click();
            await flushPromises();
            expect(syncMock).not.toHaveBeenCalled();
        });

        it('re-reads the link state when the Account fields change elsewhere', async () => {
            const element = render();
            linkState.emit(notLinked());
            recordWire.emit({ id: ACCOUNT_ID, fields: { Zuora_Link_Status__c: { value: 'Not Linked' } } });
            await flushPromises();
            expect(refreshApex).not.toHaveBeenCalled();
            recordWire.emit({ id: ACCOUNT_ID, fields: { Zuora_Link_Status__c: { value: 'Pending' } } });
            await flushPromises();
            expect(refreshApex).toHaveBeenCalledTimes(1);
            expect(element).toBeTruthy();
        });

        it('is accessible', async () => {
            const element = render();
            linkState.emit(linked());
            await flushPromises();
            await expect(element).toBeAccessible();
        });
    });
});
