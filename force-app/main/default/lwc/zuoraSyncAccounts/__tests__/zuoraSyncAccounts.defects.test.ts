/**
 * Issue 13, sync table defects seen in the real browser: content against the card border, a header menu on
 * every column, names and dates cut off in the 7-column table.
 */
import { renderSyncAccounts } from '../../../../../test/jest-utils/sync-accounts';
import getSyncCandidates from '@salesforce/apex/ZuoraSyncController.getSyncCandidates';
import { asTestWire, byDataId, cleanDom, flushPromises } from '../../../../../test/jest-utils';
import { SYNC_ACCOUNT_ID, syncCandidates } from '../../../../../test/fixtures/zuora-fixtures';

const candidatesWire = asTestWire<SyncCandidate[]>(getSyncCandidates);

interface Column {
    fieldName: string;
    type?: string;
    hideDefaultActions?: boolean;
    wrapText?: boolean;
    initialWidth?: number;
}

async function renderTable(): Promise<HTMLElement> {
    const element = renderSyncAccounts(SYNC_ACCOUNT_ID);
    candidatesWire.emit(syncCandidates(5));
    await flushPromises();
    return element;
}

function columns(element: HTMLElement): Column[] {
    return (element.shadowRoot!.querySelector('lightning-datatable') as unknown as { columns: Column[] }).columns;
}

describe('c-zuora-sync-accounts — issue 13 defects', () => {
    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
    });

    it('defect 3: pads the content itself (slds-card__body_inner only pads the card body element)', async () => {
        const element = await renderTable();
        expect(byDataId(element, 'card-body')!.classList.contains('slds-p-horizontal_medium')).toBe(true);
        expect(element.shadowRoot!.querySelector('.slds-card__body_inner')).toBeNull();
    });

    it('defect 7: no header menus; names, dates and notes wrap; short columns have fixed widths', async () => {
        const element = await renderTable();
        const cols = columns(element);
        expect(cols).toHaveLength(7);
        expect(cols.every((c) => c.hideDefaultActions === true && c.wrapText === true)).toBe(true);
        const byField = new Map(cols.map((c) => [c.fieldName, c]));
        // The name and the free-text columns share what the fixed-width columns leave.
        for (const free of ['url', 'note', 'result']) expect(byField.get(free)!.initialWidth).toBeUndefined();
        expect(byField.get('lastSyncAt')!.type).toBe('date');
        expect(byField.get('lastSyncAt')!.initialWidth).toBeGreaterThanOrEqual(110);
    });
});
