import { LightningElement, api } from 'lwc';
import { LABELS, formatLabel } from 'c/zuoraLabels';
import { resultText } from 'c/zuoraProvisioningRules';

/**
 * After submit in the "Create in Zuora" wizard: the attempt's status while Zuora works (reused attempt, next
 * automatic retry, polling given up), then the outcome once `finished`. Display only: the parent polls.
 */
export default class ZuoraProvisioningProgress extends LightningElement {
    /** The attempt's latest status. */
    @api status?: ProvisioningStatus;
    /** Zuora answered: show the outcome instead of the progress. */
    @api finished = false;
    /** Polling gave up before Zuora answered. */
    @api timedOut = false;

    readonly labels = LABELS;

    get inProgress(): boolean {
        return !this.finished;
    }

    get progressText(): string {
        if (this.timedOut) return this.labels.progressTimeout;
        return formatLabel(this.labels.progressStatus, this.status?.status ?? 'Pending');
    }

    /** "Next automatic try at " — the space before the time lives here, the template compiler drops it. */
    get nextRetryLead(): string {
        return `${this.labels.nextRetry} `;
    }

    get nextRetryAt(): string | undefined {
        return this.status?.status === 'Retrying' ? (this.status.nextRetryAt ?? undefined) : undefined;
    }

    get reusedAttempt(): boolean {
        return Boolean(this.status?.reusedExistingAttempt);
    }

    get resultText(): string {
        return resultText(this.status);
    }

    get resultClass(): string {
        return this.status?.status === 'Succeeded' ? 'slds-text-color_success' : 'slds-text-color_error';
    }
}
