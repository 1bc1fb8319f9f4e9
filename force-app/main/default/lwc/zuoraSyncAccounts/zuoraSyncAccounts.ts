import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getSyncCandidates from '@salesforce/apex/ZuoraSyncController.getSyncCandidates';
import syncAccounts from '@salesforce/apex/ZuoraSyncController.syncAccounts';
import { errorMessage } from 'c/zuoraErrors';
import { LABELS, formatLabel } from 'c/zuoraLabels';

/** The Zuora 360 on-demand sync accepts at most 8 accounts chosen from the UI (10 per Apex call). */
export const MAX_SELECTION = 8;

/** Outcomes that mean Zuora accepted the sync request. */
const ACCEPTED: ReadonlySet<string> = new Set(['Sent', 'Queued']);

/** One datatable row: the candidate plus a record link and the outcome of the last "Sync selected". */
export interface SyncRow extends SyncCandidate {
    url: string;
    note?: string | null;
    result?: string;
}

/**
 * Sync several Accounts from Zuora at once: the Account with its parent and children (or any Account picked on an
 * app page) in a datatable, at most 8 selected, "Sync selected" calls the Zuora 360 on-demand sync and shows
 * each account's outcome in the table.
 */
export default class ZuoraSyncAccounts extends LightningElement {
    /** The Account of the record page; on an app page the user picks one instead. */
    @api recordId?: string;

    readonly labels = LABELS;
    readonly maxSelection = MAX_SELECTION;

    pickedAccountId?: string;
    candidates: SyncCandidate[] = [];
    loadError?: string;
    loaded = false;
    selectedIds: string[] = [];
    selectionMessages: Array<{ key: string; text: string }> = [];
    outcomes: Record<string, SyncOutcome> = {};
    syncing = false;

    private wiredCandidates?: ApexWireResult<SyncCandidate[]>;

    get accountId(): string | undefined {
        return this.recordId ?? this.pickedAccountId;
    }

    /** On an app page there is no record: show the Account picker. */
    get showPicker(): boolean {
        return !this.recordId;
    }

    @wire(getSyncCandidates, { accountId: '$accountId' })
    wiredSyncCandidates(result: ApexWireResult<SyncCandidate[]>): void {
        this.wiredCandidates = result;
        if (result.data) {
            this.candidates = result.data;
            this.loadError = undefined;
            this.loaded = true;
            const known = new Set(result.data.map((c) => c.accountId));
            this.selectedIds = this.selectedIds.filter((id) => known.has(id));
        } else if (result.error) {
            this.candidates = [];
            this.loadError = errorMessage(result.error);
            this.loaded = true;
        }
    }

    get rows(): SyncRow[] {
        return this.candidates.map((c) => {
            const outcome = this.outcomes[c.accountId];
            return {
                ...c,
                url: `/lightning/r/Account/${c.accountId}/view`,
                note: c.canSync ? null : c.syncBlockedReason,
                result: outcome ? [outcome.outcome, outcome.message].filter((p) => Boolean(p)).join(': ') : undefined
            };
        });
    }

    /**
     * Seven columns share the card: no header menus, and long names, dates and notes wrap instead of being cut
     * off. The short columns get fixed widths that fit their header (measured in the preview at 720 px, the
     * narrowest region it renders), so Account, Note and Result share the rest.
     */
    get columns(): unknown[] {
        return [
            {
                label: this.labels.colAccount,
                fieldName: 'url',
                type: 'url',
                typeAttributes: { label: { fieldName: 'name' } }
            },
            { label: this.labels.colZuoraNumber, fieldName: 'zuoraAccountNumber', initialWidth: 118 },
            { label: this.labels.colLinkStatus, fieldName: 'linkStatus', initialWidth: 85 },
            { label: this.labels.colLastSyncStatus, fieldName: 'lastSyncStatus', initialWidth: 80 },
            {
                label: this.labels.colLastSyncAt,
                fieldName: 'lastSyncAt',
                type: 'date',
                initialWidth: 118,
                typeAttributes: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
            },
            { label: this.labels.colNote, fieldName: 'note' },
            { label: this.labels.colResult, fieldName: 'result' }
        ].map((column) => ({ hideDefaultActions: true, wrapText: true, ...column }));
    }

    get hasRows(): boolean {
        return this.candidates.length > 0;
    }

    get isEmpty(): boolean {
        return this.loaded && !this.loadError && this.candidates.length === 0;
    }

    get isLoading(): boolean {
        return Boolean(this.accountId) && !this.loaded;
    }

    get introText(): string {
        return formatLabel(this.labels.syncIntro, MAX_SELECTION);
    }

    get selectionCountText(): string {
        return formatLabel(this.labels.syncSelectedCount, this.selectedIds.length, MAX_SELECTION);
    }

    get hasSelectionMessages(): boolean {
        return this.selectionMessages.length > 0;
    }

    /** The selected accounts that can be synced now; blocked ones stay selected but are not sent. */
    get syncableIds(): string[] {
        const syncable = new Set(this.candidates.filter((c) => c.canSync).map((c) => c.accountId));
        return this.selectedIds.filter((id) => syncable.has(id));
    }

    get syncDisabled(): boolean {
        return this.syncing || this.syncableIds.length === 0;
    }

    handlePick(event: CustomEvent<{ recordId?: string | null }>): void {
        this.pickedAccountId = event.detail.recordId ?? undefined;
        this.loaded = false;
        this.candidates = [];
        this.selectedIds = [];
        this.selectionMessages = [];
        this.outcomes = {};
    }

    handleRowSelection(event: CustomEvent<{ selectedRows: SyncRow[] }>): void {
        let ids = event.detail.selectedRows.map((r) => r.accountId);
        const messages: Array<{ key: string; text: string }> = [];
        if (ids.length >= MAX_SELECTION) {
            // max-row-selection stops a 9th row in the browser; refuse it here too, and say why at the limit.
            ids = ids.slice(0, MAX_SELECTION);
            messages.push({ key: 'limit', text: formatLabel(this.labels.syncLimit, MAX_SELECTION) });
        }
        for (const c of this.candidates) {
            if (ids.includes(c.accountId) && !c.canSync) {
                messages.push({
                    key: c.accountId,
                    text: formatLabel(this.labels.syncBlockedSelected, c.name, c.syncBlockedReason ?? c.linkStatus)
                });
            }
        }
        this.selectedIds = ids;
        this.selectionMessages = messages;
    }

    async handleSync(): Promise<void> {
        const accountIds = this.syncableIds;
        if (this.syncing || accountIds.length === 0) return;
        this.syncing = true;
        try {
            const outcomes = await syncAccounts({ accountIds });
            const byId: Record<string, SyncOutcome> = { ...this.outcomes };
            for (const o of outcomes) byId[o.accountId] = o;
            this.outcomes = byId;
            const accepted = outcomes.filter((o) => ACCEPTED.has(o.outcome)).length;
            const variant: ZuoraToastVariant =
                accepted === outcomes.length ? 'success' : accepted === 0 ? 'error' : 'warning';
            this.toast(formatLabel(this.labels.syncSummary, accepted, outcomes.length), variant);
            await Promise.all([
                this.wiredCandidates ? refreshApex(this.wiredCandidates) : Promise.resolve(),
                notifyRecordUpdateAvailable(accountIds.map((recordId) => ({ recordId })))
            ]);
        } catch (error) {
            this.toast(errorMessage(error), 'error');
        } finally {
            this.syncing = false;
        }
    }

    private toast(message: string, variant: ZuoraToastVariant): void {
        this.dispatchEvent(new ShowToastEvent({ title: this.labels.syncToastTitle, message, variant }));
    }
}
