import { renderSyncAccounts } from '../../../../../test/jest-utils/sync-accounts';
import { MAX_SELECTION } from 'c/zuoraSyncAccounts';
import { LABELS } from 'c/zuoraLabels';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getSyncCandidates from '@salesforce/apex/ZuoraSyncController.getSyncCandidates';
import syncAccounts from '@salesforce/apex/ZuoraSyncController.syncAccounts';
import { asMock, asTestWire, byDataId, cleanDom, flushPromises, listenForToasts } from '../../../../../test/jest-utils';
import {
    SYNC_ACCOUNT_ID as ACCOUNT_ID,
    syncAccountId as accountId,
    syncCandidate as candidate,
    syncCandidates as candidates
} from '../../../../../test/fixtures/zuora-fixtures';

const candidatesWire = asTestWire<SyncCandidate[]>(getSyncCandidates);
const syncMock = asMock(syncAccounts);

type Datatable = HTMLElement & {
    data: Array<SyncCandidate & { url: string; note?: string | null; result?: string }>;
    selectedRows: string[];
    maxRowSelection: number;
    columns: unknown[];
};

/** Renders on an Account record page, or on an app page when `recordId` is null. */
async function render(recordId: string | null = ACCOUNT_ID): Promise<HTMLElement> {
    const element = renderSyncAccounts(recordId);
    await flushPromises();
    return element;
}

function table(element: HTMLElement): Datatable {
    return element.shadowRoot!.querySelector('lightning-datatable') as unknown as Datatable;
}

async function select(element: HTMLElement, rows: SyncCandidate[]): Promise<void> {
    table(element).dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: rows } }));
    await flushPromises();
}

function syncButton(element: HTMLElement): HTMLElement & { disabled?: boolean } {
    return byDataId<HTMLElement & { disabled?: boolean }>(element, 'sync')!;
}

function messages(element: HTMLElement): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll('[data-id="selection-messages"] li')).map(
        (li) => li.textContent!
    );
}

describe('c-zuora-sync-accounts', () => {
    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
    });

    it('lists the related accounts of the record page, with links and reasons', async () => {
        const element = await render();
        expect(candidatesWire.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
        candidatesWire.emit([candidate(1), candidate(2, { canSync: false, syncBlockedReason: 'Synced 2 min ago.' })]);
        await flushPromises();
        const datatable = table(element);
        expect(datatable.maxRowSelection).toBe(MAX_SELECTION);
        expect(datatable.data[0].url).toBe(`/lightning/r/Account/${accountId(1)}/view`);
        expect(datatable.data[0].note).toBeNull();
        expect(datatable.data[1].note).toBe('Synced 2 min ago.');
        expect(datatable.columns).toHaveLength(7);
        expect(byDataId(element, 'picker')).toBeNull();
        expect(syncButton(element).disabled).toBe(true);
    });

    it('syncs the selected accounts and shows each outcome in the table', async () => {
        syncMock.mockResolvedValue([
            { accountId: accountId(1), outcome: 'Sent', message: 'Sync requested.' },
            { accountId: accountId(2), outcome: 'Queued' }
        ]);
        const element = await render();
        const toasts = listenForToasts(element);
        const rows = candidates(3);
        candidatesWire.emit(rows);
        await flushPromises();
        await select(element, rows.slice(0, 2));
        expect(byDataId(element, 'selection-count')!.textContent).toBe(LABELS.syncSelectedCount);
        expect(syncButton(element).disabled).toBe(false);

        syncButton(element).click();
        await flushPromises();
        expect(syncMock).toHaveBeenCalledWith({ accountIds: [accountId(1), accountId(2)] });
        expect(table(element).data[0].result).toBe('Sent: Sync requested.');
        expect(table(element).data[1].result).toBe('Queued');
        expect(table(element).data[2].result).toBeUndefined();
        expect(toasts).toEqual([{ title: LABELS.syncToastTitle, message: LABELS.syncSummary, variant: 'success' }]);
        expect(refreshApex).toHaveBeenCalled();
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
            { recordId: accountId(1) },
            { recordId: accountId(2) }
        ]);
    });

    it('refuses more than 8 accounts with the reason and keeps the first 8', async () => {
        syncMock.mockResolvedValue([]);
        const element = await render();
        const rows = candidates(10);
        candidatesWire.emit(rows);
        await flushPromises();
        await select(element, rows.slice(0, 9));
        expect(table(element).selectedRows).toEqual(rows.slice(0, 8).map((r) => r.accountId));
        expect(messages(element)).toEqual([LABELS.syncLimit]);

        syncButton(element).click();
        await flushPromises();
        expect(syncMock.mock.calls[0][0].accountIds).toHaveLength(8);
    });

    it('explains the limit as soon as 8 are selected', async () => {
        const element = await render();
        const rows = candidates(8);
        candidatesWire.emit(rows);
        await flushPromises();
        await select(element, rows);
        expect(messages(element)).toEqual([LABELS.syncLimit]);
        await select(element, rows.slice(0, 2));
        expect(messages(element)).toEqual([]);
    });

    it('does not send accounts that cannot be synced and says why', async () => {
        syncMock.mockResolvedValue([{ accountId: accountId(1), outcome: 'Sent' }]);
        const element = await render();
        const blocked = candidate(2, { canSync: false, syncBlockedReason: 'Not linked to Zuora.' });
        const unlinked = candidate(3, { canSync: false, linkStatus: 'Not Linked' });
        candidatesWire.emit([candidate(1), blocked, unlinked]);
        await flushPromises();
        await select(element, [blocked, unlinked]);
        expect(messages(element)).toEqual([LABELS.syncBlockedSelected, LABELS.syncBlockedSelected]);
        expect(syncButton(element).disabled).toBe(true);

        await select(element, [candidate(1), blocked]);
        syncButton(element).click();
        await flushPromises();
        expect(syncMock).toHaveBeenCalledWith({ accountIds: [accountId(1)] });
    });

    it('warns when only some accounts were accepted, and errors when none were', async () => {
        syncMock
            .mockResolvedValueOnce([
                { accountId: accountId(1), outcome: 'Sent' },
                { accountId: accountId(2), outcome: 'Deferred', message: 'Wait 20 minutes.' }
            ])
            .mockResolvedValueOnce([{ accountId: accountId(1), outcome: 'Failed', message: 'Zuora 360 error.' }]);
        const element = await render();
        const toasts = listenForToasts(element);
        const rows = candidates(2);
        candidatesWire.emit(rows);
        await flushPromises();
        await select(element, rows);
        syncButton(element).click();
        await flushPromises();
        expect(toasts[0].variant).toBe('warning');
        expect(table(element).data[1].result).toBe('Deferred: Wait 20 minutes.');

        await select(element, rows.slice(0, 1));
        syncButton(element).click();
        await flushPromises();
        expect(toasts[1].variant).toBe('error');
    });

    it('shows an error toast when Apex rejects the sync', async () => {
        syncMock.mockRejectedValue({ body: { message: 'You can sync at most 8 accounts at a time.' } });
        const element = await render();
        const toasts = listenForToasts(element);
        const rows = candidates(1);
        candidatesWire.emit(rows);
        await flushPromises();
        await select(element, rows);
        syncButton(element).click();
        await flushPromises();
        expect(toasts).toEqual([
            { title: LABELS.syncToastTitle, message: 'You can sync at most 8 accounts at a time.', variant: 'error' }
        ]);
        expect(syncButton(element).disabled).toBe(false);
    });

    it('sends one request for a double click', async () => {
        let resolve!: (value: SyncOutcome[]) => void;
        syncMock.mockReturnValue(new Promise((r) => (resolve = r)));
        const element = await render();
        const rows = candidates(1);
        candidatesWire.emit(rows);
        await flushPromises();
        await select(element, rows);
        syncButton(element).click();
        syncButton(element).click();
        await flushPromises();
        expect(syncButton(element).disabled).toBe(true);
        resolve([{ accountId: accountId(1), outcome: 'Sent' }]);
        await flushPromises();
        expect(syncMock).toHaveBeenCalledTimes(1);
    });

    it('shows a load error and an empty state', async () => {
        let element = await render();
        candidatesWire.error({ message: 'No access to Accounts.' });
        await flushPromises();
        expect(byDataId(element, 'load-error')!.textContent).toBe('No access to Accounts.');
        cleanDom();

        element = await render();
        candidatesWire.emit([]);
        await flushPromises();
        expect(byDataId(element, 'empty')!.textContent).toBe(LABELS.syncNone);
        expect(table(element)).toBeNull();
    });

    it('lets the user pick an account on an app page', async () => {
        const element = await render(null);
        const picker = byDataId(element, 'picker')!;
        expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
        picker.dispatchEvent(new CustomEvent('change', { detail: { recordId: accountId(5) } }));
        await flushPromises();
        expect(candidatesWire.getLastConfig()).toEqual({ accountId: accountId(5) });
        candidatesWire.emit([candidate(5)]);
        await flushPromises();
        expect(table(element).data).toHaveLength(1);

        picker.dispatchEvent(new CustomEvent('change', { detail: { recordId: null } }));
        await flushPromises();
        expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
    });

    it('drops selections of accounts that are no longer listed', async () => {
        const element = await render();
        const rows = candidates(3);
        candidatesWire.emit(rows);
        await flushPromises();
        await select(element, rows);
        candidatesWire.emit(rows.slice(1));
        await flushPromises();
        expect(table(element).selectedRows).toEqual([accountId(2), accountId(3)]);
    });

    it('is accessible', async () => {
        const element = await render();
        candidatesWire.emit(candidates(3));
        await flushPromises();
        await expect(element).toBeAccessible();
    });

    it('is accessible on an app page', async () => {
        const element = await render(null);
        await expect(element).toBeAccessible();
    });
});
