import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import LINK_STATUS_FIELD from '@salesforce/schema/Account.Zuora_Link_Status__c';
import LAST_SYNC_STATUS_FIELD from '@salesforce/schema/Account.Zuora_Last_Sync_Status__c';
import LAST_SYNC_AT_FIELD from '@salesforce/schema/Account.Zuora_Last_Sync_At__c';
import getLinkState from '@salesforce/apex/ZuoraAccountController.getLinkState';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import syncAccounts from '@salesforce/apex/ZuoraSyncController.syncAccounts';
import { errorMessage } from 'c/zuoraErrors';
import { LABELS, formatLabel } from 'c/zuoraLabels';
import { AttemptPoller, FINAL_ATTEMPT_STATUSES } from 'c/zuoraAttemptPoller';

/** First poll after 3 s, then 1.5× slower each time, never slower than every 20 s; give up after 10 minutes. */
export const POLL_FIRST_DELAY_MS = 3000;
export const POLL_MAX_DELAY_MS = 20000;
export const POLL_GIVE_UP_MS = 600000;

/** A label with one `{0}` placeholder cut around it, so a component can render the value in between. */
export function splitLabel(label: string): { before: string; after: string } {
    const at = label.indexOf('{0}');
    return at < 0 ? { before: label, after: '' } : { before: label.slice(0, at), after: label.slice(at + 3) };
}

const PROGRESS_BY_STATUS: Record<string, number> = { Pending: 20, Running: 55, Retrying: 70 };

/** Sync outcomes and the toast variant each one gets. */
const SYNC_VARIANTS: Record<string, ZuoraToastVariant> = {
    Sent: 'success',
    Queued: 'success',
    Deferred: 'warning',
    Skipped: 'warning',
    Failed: 'error'
};

/**
 * Zuora panel of the Account record page: link state, last sync, last problem, and the two actions
 * "Create in Zuora" (opens the provisioning flow inline) and "Sync now". One cacheable Apex call renders it;
 * while a provisioning attempt is open it polls the attempt's status until Zuora has answered.
 */
export default class ZuoraAccountPanel extends LightningElement {
    /** Id of the Account whose page shows the panel (set by the record page). */
    @api recordId?: string;

    readonly labels = LABELS;

    state?: AccountLinkState;
    loadError?: string;
    showFlow = false;
    syncing = false;
    pollStatus?: string;
    pollTimedOut = false;

    private wiredState?: ApexWireResult<AccountLinkState>;
    private readonly poller = new AttemptPoller(
        getProvisioningStatus,
        {
            onStatus: (status) => {
                this.pollStatus = status.status;
            },
            onFinal: (status) => {
                this.pollStatus = status.status;
                this.announceOutcome(status);
                this.refresh();
            },
            onTimeout: () => {
                this.pollTimedOut = true;
            }
        },
        { firstDelayMs: POLL_FIRST_DELAY_MS, maxDelayMs: POLL_MAX_DELAY_MS, giveUpMs: POLL_GIVE_UP_MS }
    );
    private connected = false;
    private recordSignature?: string;
    /** Where the focus goes once the inline flow is gone (its button had it): Create again, or the summary. */
    private focusAfterFlow?: 'create' | 'summary';

    @wire(getLinkState, { accountId: '$recordId' })
    wiredLinkState(result: ApexWireResult<AccountLinkState>): void {
        this.wiredState = result;
        if (result.data) {
            this.state = result.data;
            this.loadError = undefined;
            // The attempt ended and the page already shows the outcome (another tab, a job): stop asking.
            if (this.poller.attemptId && this.poller.attemptId !== result.data.openAttemptId) this.poller.stop();
            this.followOpenAttempt();
        } else if (result.error) {
            this.state = undefined;
            this.loadError = errorMessage(result.error);
        }
    }

    /**
     * Watches the Zuora fields of the Account through Lightning Data Service. When they change elsewhere (the
     * "Create in Zuora" quick action, another user, a sync job), the cached link state is read again.
     */
    @wire(getRecord, {
        recordId: '$recordId',
        optionalFields: [LINK_STATUS_FIELD, LAST_SYNC_STATUS_FIELD, LAST_SYNC_AT_FIELD]
    })
    wiredRecord(result: { data?: { fields?: Record<string, { value: unknown } | undefined> }; error?: unknown }): void {
        if (!result.data) return;
        const signature = JSON.stringify(Object.values(result.data.fields ?? {}).map((field) => field?.value ?? null));
        const changed = this.recordSignature !== undefined && this.recordSignature !== signature;
        this.recordSignature = signature;
        if (changed && this.wiredState) refreshApex(this.wiredState).catch(() => undefined);
    }

    override connectedCallback(): void {
        this.connected = true;
        this.followOpenAttempt();
    }

    override renderedCallback(): void {
        if (!this.focusAfterFlow) return;
        const create = this.template?.querySelector<HTMLElement & { disabled?: boolean }>('[data-id="create"]');
        const summary = this.template?.querySelector<HTMLElement>('[data-id="summary"]');
        const target = this.focusAfterFlow === 'create' && create && !create.disabled ? create : summary;
        if (target) {
            target.focus();
            this.focusAfterFlow = undefined;
        }
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.poller.stop();
    }

    get isLoading(): boolean {
        return !this.state && !this.loadError;
    }

    get isLinked(): boolean {
        return this.state?.linkStatus === 'Linked';
    }

    /** True while an attempt is open: the flow is hidden and the progress shown instead. */
    get hasOpenAttempt(): boolean {
        return Boolean(this.state?.openAttemptId) && !FINAL_ATTEMPT_STATUSES.has(this.currentAttemptStatus ?? '');
    }

    /** The panel's own progress; while the inline flow is open it shows the progress itself. */
    get showProgress(): boolean {
        return this.hasOpenAttempt && !this.showFlow;
    }

    get currentAttemptStatus(): string | undefined {
        return this.pollStatus ?? this.state?.openAttemptStatus ?? undefined;
    }

    /** A rough position for the progress bar; the words next to it carry the actual status. */
    get progressValue(): number {
        return PROGRESS_BY_STATUS[this.currentAttemptStatus ?? 'Pending'] ?? PROGRESS_BY_STATUS.Pending;
    }

    get progressText(): string {
        return this.pollTimedOut
            ? this.labels.progressTimeout
            : formatLabel(this.labels.provisioningInProgress, this.currentAttemptStatus ?? 'Pending');
    }

    get showCreateButton(): boolean {
        return Boolean(this.state) && !this.isLinked && !this.hasOpenAttempt && !this.showFlow;
    }

    get createDisabled(): boolean {
        return !this.state?.canProvision;
    }

    get createBlockedReason(): string | undefined {
        return this.state && !this.state.canProvision ? (this.state.provisionBlockedReason ?? undefined) : undefined;
    }

    get showSyncButton(): boolean {
        return this.isLinked;
    }

    get syncDisabled(): boolean {
        return this.syncing || !this.state?.syncInstalled || !this.state?.canSync;
    }

    /** Why "Sync now" is disabled, in words (Zuora 360 missing or the reason Apex gave). */
    get syncBlockedReason(): string | undefined {
        const state = this.state;
        if (!state || !this.isLinked) return undefined;
        if (!state.syncInstalled) return this.labels.syncNotInstalled;
        if (state.canSync) return undefined;
        return state.syncBlockedReason ?? undefined;
    }

    /**
     * The cooldown without a reason from Apex: the label around the allowed-after time, which the template formats
     * with lightning-formatted-date-time in the user's locale and time zone like every other date of the panel.
     */
    get syncCooldown(): { before: string; until: string; after: string } | undefined {
        const state = this.state;
        if (!state?.syncAllowedAfter || !this.isLinked || !state.syncInstalled || state.canSync) return undefined;
        return { ...splitLabel(this.labels.syncCooldown), until: state.syncAllowedAfter };
    }

    get lastSyncText(): string {
        const state = this.state;
        if (!state?.lastSyncStatus) return this.labels.never;
        return state.lastSyncMessage ? `${state.lastSyncStatus}: ${state.lastSyncMessage}` : state.lastSyncStatus;
    }

    handleCreate(): void {
        this.showFlow = true;
    }

    /** The flow is gone with the Cancel button that had the focus: Create in Zuora takes it back. */
    handleFlowCancel(): void {
        this.showFlow = false;
        this.focusAfterFlow = 'create';
    }

    /**
     * The inline flow was closed after submitting (it already toasted and told the record page): re-read the
     * state; the focus goes to the summary, whose content and buttons change with the outcome.
     */
    async handleFlowComplete(): Promise<void> {
        this.showFlow = false;
        this.focusAfterFlow = 'summary';
        await this.refresh(false);
    }

    async handleSyncNow(): Promise<void> {
        if (this.syncDisabled || !this.recordId) return;
        this.syncing = true;
        try {
            const outcomes = await syncAccounts({ accountIds: [this.recordId] });
            const outcome = outcomes.find((o) => o.accountId === this.recordId) ?? outcomes[0];
            if (outcome) {
                const variant = SYNC_VARIANTS[outcome.outcome] ?? 'info';
                const fallback = variant === 'success' ? this.labels.syncToastSent : outcome.outcome;
                this.toast(this.labels.syncToastTitle, outcome.message || fallback, variant);
            }
        } catch (error) {
            this.toast(this.labels.errorTitle, errorMessage(error), 'error');
        } finally {
            this.syncing = false;
        }
        await this.refresh();
    }

    /**
     * Re-reads the cached link state and, unless the flow already did, tells the record page (highlights, fields)
     * that the Account changed.
     */
    private async refresh(notifyRecord = true): Promise<void> {
        this.pollStatus = undefined;
        this.pollTimedOut = false;
        const jobs: Array<Promise<unknown>> = [];
        if (this.wiredState) jobs.push(refreshApex(this.wiredState));
        if (notifyRecord && this.recordId) jobs.push(notifyRecordUpdateAvailable([{ recordId: this.recordId }]));
        try {
            await Promise.all(jobs);
        } catch (error) {
            this.loadError = errorMessage(error);
        }
    }

    /** Starts polling when the state shows an open attempt that the inline flow is not already following. */
    private followOpenAttempt(): void {
        const attemptId = this.state?.openAttemptId ?? undefined;
        if (!this.connected || this.showFlow || !attemptId || !this.hasOpenAttempt) return;
        if (this.poller.attemptId === attemptId) return;
        this.pollTimedOut = false;
        this.poller.start(attemptId);
    }

    private announceOutcome(status: ProvisioningStatus): void {
        if (status.status === 'Succeeded') {
            this.toast(
                this.labels.createdTitle,
                formatLabel(this.labels.resultSuccess, status.zuoraAccountNumber, status.zuoraSubscriptionNumber),
                'success'
            );
        } else {
            this.toast(
                this.labels.failedTitle,
                formatLabel(this.labels.resultFailed, status.message ?? this.labels.errorTitle),
                'error'
            );
        }
    }

    private toast(title: string, message: string, variant: ZuoraToastVariant): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
