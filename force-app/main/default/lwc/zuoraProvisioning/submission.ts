import startProvisioning from '@salesforce/apex/ZuoraAccountController.startProvisioning';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { AttemptPoller, FINAL_ATTEMPT_STATUSES } from 'c/zuoraAttemptPoller';

export const POLL_FIRST_DELAY_MS = 2000;
export const POLL_MAX_DELAY_MS = 15000;
export const POLL_GIVE_UP_MS = 300000;

/**
 * One submission of the "Create in Zuora" wizard after Create in Zuora: startProvisioning, then the attempt
 * followed until Zuora answers (or polling gives up), and the record page told once that the Account changed.
 * The wizard calls `stop()` when it closes or is removed.
 */
export class Submission {
    private readonly poller: AttemptPoller;
    private recordId?: string;
    private notified = false;

    constructor(handlers: ConstructorParameters<typeof AttemptPoller>[1]) {
        this.poller = new AttemptPoller(getProvisioningStatus, handlers, {
            firstDelayMs: POLL_FIRST_DELAY_MS,
            maxDelayMs: POLL_MAX_DELAY_MS,
            giveUpMs: POLL_GIVE_UP_MS
        });
    }

    /** Sends the request (rejects with the Apex error); the answer is the new or the reused attempt. */
    async start(request: ProvisioningRequest): Promise<ProvisioningStatus> {
        this.recordId = request.accountId;
        this.notified = false;
        return startProvisioning({ request });
    }

    /** Whether the first answer is already final (Zuora answered at once): nothing to poll. */
    isFinal(status: ProvisioningStatus): boolean {
        return FINAL_ATTEMPT_STATUSES.has(status.status);
    }

    /** Polls the attempt until it is final; the handlers get each status. */
    follow(status: ProvisioningStatus): void {
        if (status.attemptId) this.poller.start(status.attemptId);
    }

    stop(): void {
        this.poller.stop();
    }

    /** Tells the record page that the Account changed, once per submission. */
    notifyRecordChanged(): void {
        if (this.notified || !this.recordId) return;
        this.notified = true;
        notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
    }
}
