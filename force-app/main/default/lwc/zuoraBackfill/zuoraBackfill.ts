import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import startRun from '@salesforce/apex/BackfillController.startRun';
import getProgress from '@salesforce/apex/BackfillController.getProgress';
import getDecisions from '@salesforce/apex/BackfillController.getDecisions';
import reviewDecision from '@salesforce/apex/BackfillController.reviewDecision';
import applyApproved from '@salesforce/apex/BackfillController.applyApproved';
import resumeRun from '@salesforce/apex/BackfillController.resumeRun';
import exportCsv from '@salesforce/apex/BackfillController.exportCsv';
import { errorMessage } from 'c/zuoraErrors';
import { formatLabel } from 'c/zuoraLabels';
import { BACKFILL_LABELS } from './backfillLabels';

/** How often the page reads the progress while a run works in the background. */
export const POLL_MS = 5000;

/** One review card: the decision plus what the template needs. */
export interface ReviewItem extends BackfillDecisionRow {
    heading: string;
    options: Array<{ label: string; value: string }>;
    hasOptions: boolean;
    chosen?: string;
    approveDisabled: boolean;
}

/**
 * Admin page of the CRM ID backfill (app page or Lightning tab): start a dry run or an applying run, follow its
 * progress, approve or reject the matches that need a person, apply the approved ones, resume a failed run and
 * export every decision as CSV. Every button is disabled while a request is in flight; results come as toasts.
 */
export default class ZuoraBackfill extends LightningElement {
    readonly labels = BACKFILL_LABELS;

    progress?: BackfillProgress;
    decisions: BackfillDecisionRow[] = [];
    choices: Record<string, string> = {};
    loadError?: string;
    loaded = false;
    busy = false;

    private timer?: ReturnType<typeof setTimeout>;

    override connectedCallback(): void {
        this.refresh();
    }

    override disconnectedCallback(): void {
        this.stopPolling();
    }

    get hasRun(): boolean {
        return Boolean(this.progress?.runId);
    }

    get showNoRun(): boolean {
        return this.loaded && !this.loadError && !this.hasRun;
    }

    get isLoading(): boolean {
        return !this.loaded;
    }

    get summary(): string {
        const p = this.progress;
        return p ? formatLabel(this.labels.runSummary, p.name, p.mode, p.status, p.step) : '';
    }

    get retryText(): string | undefined {
        const at = this.progress?.status === 'Waiting' ? this.progress.nextRetryAt : undefined;
        return at ? formatLabel(this.labels.nextRetry, new Date(at).toLocaleTimeString()) : undefined;
    }

    get counts(): Array<{ key: string; label: string; value: number }> {
        const p = this.progress;
        if (!p) return [];
        const l = this.labels;
        return [
            { key: 'pages', label: l.pagesRead, value: p.pagesRead },
            { key: 'accounts', label: l.accountsRead, value: p.accountsRead },
            { key: 'matched', label: l.matched, value: p.matched },
            { key: 'ambiguous', label: l.ambiguous, value: p.ambiguous },
            { key: 'noMatch', label: l.noMatch, value: p.noMatch },
            { key: 'elsewhere', label: l.linkedElsewhere, value: p.linkedElsewhere },
            { key: 'review', label: l.needsReview, value: p.needsReview },
            { key: 'linked', label: l.linked, value: p.linked },
            { key: 'failed', label: l.failed, value: p.failed }
        ];
    }

    get reviewItems(): ReviewItem[] {
        return this.decisions
            .filter((d) => d.canReview)
            .map((d) => {
                const options = d.candidates.map((c) => ({ label: c.name, value: c.accountId }));
                const chosen = this.choices[d.id];
                return {
                    ...d,
                    heading: formatLabel(this.labels.zuoraAccount, d.zuoraAccountName, d.zuoraAccountNumber),
                    options,
                    hasOptions: options.length > 0,
                    chosen,
                    approveDisabled: this.busy || (options.length > 0 && !chosen)
                };
            });
    }

    get hasReviewItems(): boolean {
        return this.reviewItems.length > 0;
    }

    get startDisabled(): boolean {
        return this.busy || Boolean(this.progress?.active);
    }

    get resumeDisabled(): boolean {
        return this.busy || !this.progress?.canResume;
    }

    get applyDisabled(): boolean {
        return this.busy || !this.progress?.canApply;
    }

    get exportDisabled(): boolean {
        return this.busy || !this.hasRun;
    }

    async refresh(): Promise<void> {
        this.stopPolling();
        try {
            const progress = await getProgress({ runId: null });
            this.progress = progress;
            this.decisions = progress.runId
                ? await getDecisions({ runId: progress.runId, reviewStatus: 'Needs review' })
                : [];
            this.loadError = undefined;
            if (progress.active) this.schedulePoll();
        } catch (error) {
            this.loadError = errorMessage(error);
        } finally {
            this.loaded = true;
        }
    }

    handleRefresh(): void {
        this.refresh();
    }

    handleStartDryRun(): Promise<void> {
        return this.start(false);
    }

    handleStartApply(): Promise<void> {
        return this.start(true);
    }

    handleResume(): Promise<void> {
        const runId = this.progress?.runId;
        return this.act(async () => {
            const progress = await resumeRun({ runId: runId! });
            this.toast(formatLabel(this.labels.resumed, progress.name), 'success');
        });
    }

    handleApply(): Promise<void> {
        const runId = this.progress?.runId;
        return this.act(async () => {
            const progress = await applyApproved({ runId: runId! });
            this.toast(formatLabel(this.labels.applying, progress.name), 'success');
        });
    }

    handleChoose(event: CustomEvent<{ value: string }>): void {
        const decisionId = (event.target as HTMLElement).dataset.decision!;
        this.choices = { ...this.choices, [decisionId]: event.detail.value };
    }

    handleApprove(event: Event): Promise<void> {
        return this.review(event, true);
    }

    handleReject(event: Event): Promise<void> {
        return this.review(event, false);
    }

    handleExport(): Promise<void> {
        const runId = this.progress?.runId;
        const name = this.progress?.name ?? 'backfill';
        return this.act(async () => {
            const csv = await exportCsv({ runId: runId! });
            const link = document.createElement('a');
            link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
            link.download = `zuora-backfill-${name}.csv`;
            link.click();
            this.toast(formatLabel(this.labels.exported, name), 'success');
        }, false);
    }

    private async start(applyChanges: boolean): Promise<void> {
        return this.act(async () => {
            const progress = await startRun({ mode: applyChanges ? 'Apply' : 'DryRun' });
            this.toast(formatLabel(this.labels.started, progress.name), 'success');
        });
    }

    private async review(event: Event, approve: boolean): Promise<void> {
        const decisionId = (event.currentTarget as HTMLElement).dataset.decision!;
        const row = this.decisions.find((d) => d.id === decisionId);
        const accountId = this.choices[decisionId] ?? null;
        return this.act(async () => {
            await reviewDecision({ decisionId, accountId, reviewStatus: approve ? 'Approved' : 'Rejected' });
            this.toast(formatLabel(this.labels.reviewed, row?.zuoraAccountNumber ?? row?.name), 'success');
        });
    }

    /** Runs one request with every button disabled, toasts a failure, then reloads the page state. */
    private async act(request: () => Promise<void>, reload = true): Promise<void> {
        if (this.busy) return;
        this.busy = true;
        try {
            await request();
            if (reload) await this.refresh();
        } catch (error) {
            this.toast(errorMessage(error), 'error');
        } finally {
            this.busy = false;
        }
    }

    private schedulePoll(): void {
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- a fixed 5 s interval while a run works; stopped when disconnected
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.refresh();
        }, POLL_MS);
    }

    private stopPolling(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = undefined;
    }

    private toast(message: string, variant: ZuoraToastVariant): void {
        this.dispatchEvent(new ShowToastEvent({ title: this.labels.toastTitle, message, variant }));
    }
}
