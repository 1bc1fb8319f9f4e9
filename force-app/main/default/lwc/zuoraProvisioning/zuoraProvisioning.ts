import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import getBillToContacts from '@salesforce/apex/ZuoraAccountController.getBillToContacts';
import getCatalog from '@salesforce/apex/ZuoraAccountController.getCatalog';
import { errorMessage } from 'c/zuoraErrors';
import { LABELS } from 'c/zuoraLabels';
import {
    hasMatches,
    planAvailability,
    resultText,
    validCurrency,
    validatePlan,
    withDefaults
} from 'c/zuoraProvisioningRules';
import { buildRequest } from './provisioningRequest';
import { Submission } from './submission';
import { primaryAction, wizardView } from './wizardSteps';

export { POLL_FIRST_DELAY_MS, POLL_MAX_DELAY_MS, POLL_GIVE_UP_MS } from './submission';

/**
 * The "Create in Zuora" wizard: (1) duplicate check, (2) bill-to contact and plan, (3) review and submit, then
 * progress until Zuora has answered; inline in the Account panel (`embedded`) or as the quick action "Create in
 * Zuora" (closed with CloseActionScreenEvent). This shell owns the data, validation, submit and polling, the heading
 * and the footer; each step is a child component that shows what it is given and reports input as events.
 */
export default class ZuoraProvisioning extends LightningElement {
    /** The Account to create in Zuora (set by the record page, the quick action or the panel). */
    @api recordId?: string;
    /** True inside the Account panel: report `cancel` / `complete` events instead of closing an action screen. */
    @api embedded = false;

    readonly labels = LABELS;

    step: ZuoraWizardStep = 'duplicates';
    duplicates?: DuplicateCheckResult;
    duplicatesError?: string;
    duplicatesConfirmed = false;

    /** The Account's contacts, undefined until read. */
    contacts?: ContactOption[];
    contactsError?: string;
    catalog?: CatalogResult;
    catalogError?: string;
    retryingPlan = false;
    form: ZuoraPlanForm = {};
    errors: ZuoraValidationError[] = [];

    submitting = false;
    submitError?: string;
    status?: ProvisioningStatus;
    pollTimedOut = false;

    private focusStepHeading = false;
    /** After a failed Next: move the focus to the first field with a problem (the plan step knows its fields). */
    private focusFirstInvalid = false;
    private contactsResult?: ApexWireResult<ContactOption[]>;
    private catalogResult?: ApexWireResult<CatalogResult>;
    private readonly submission = new Submission({
        onStatus: (status) => {
            this.status = status;
        },
        onFinal: (status) => this.finish(status),
        onTimeout: () => {
            this.pollTimedOut = true;
        }
    });

    @wire(getBillToContacts, { accountId: '$recordId' })
    wiredContacts(result: ApexWireResult<ContactOption[]>): void {
        this.contactsResult = result;
        if (result.data) {
            this.contacts = result.data;
            this.contactsError = undefined;
            if (!this.form.billToContactId && result.data.length === 1) {
                this.form = { ...this.form, billToContactId: result.data[0].id };
            }
        } else if (result.error) {
            this.contacts = [];
            this.contactsError = errorMessage(result.error);
        }
    }

    @wire(getCatalog, { accountId: '$recordId' })
    wiredCatalog(result: ApexWireResult<CatalogResult>): void {
        this.catalogResult = result;
        if (result.data) {
            this.catalog = result.data;
            this.catalogError = undefined;
            this.form = withDefaults(this.form, result.data.defaults);
        } else if (result.error) {
            this.catalog = undefined;
            this.catalogError = errorMessage(result.error);
        }
    }

    override connectedCallback(): void {
        // Inline in the panel the flow replaces the Create button that had the focus: take it over.
        if (this.embedded) this.focusStepHeading = true;
    }

    override renderedCallback(): void {
        if (this.focusStepHeading) {
            const heading = this.template?.querySelector<HTMLElement>('[data-id="step-heading"]');
            if (heading) {
                heading.focus();
                this.focusStepHeading = false;
            }
        }
        if (this.focusFirstInvalid) {
            this.focusFirstInvalid = false;
            this.template
                ?.querySelector<HTMLElement & { focusFirstProblem(): void }>('c-zuora-provisioning-plan')
                ?.focusFirstProblem();
        }
    }

    override disconnectedCallback(): void {
        this.handleStop();
    }
    // ---- what the template shows ------------------------------------------------------------------------------

    get view(): ZuoraWizardView {
        return wizardView(this.step, this.embedded, this.status?.status === 'Succeeded');
    }
    /** Whether the plan step can be filled in (contacts and catalog read, neither empty). */
    get plan(): ZuoraPlanAvailability {
        return planAvailability(this.contacts, this.contactsError, this.catalog, this.catalogError);
    }
    get selectedPlan(): CatalogPlan | undefined {
        return this.catalog?.plans.find((p) => p.ratePlanId === this.form.productRatePlanId);
    }
    get selectedContact(): ContactOption | undefined {
        return this.contacts?.find((c) => c.id === this.form.billToContactId);
    }
    get primaryAction(): ZuoraFooterAction {
        const blocked: Partial<Record<ZuoraWizardStep, boolean>> = {
            // Next once the check ran (or failed) and, if it found anything, the user confirmed.
            duplicates:
                (!this.duplicates && !this.duplicatesError) ||
                (hasMatches(this.duplicates) && !this.duplicatesConfirmed),
            plan: this.plan.loading || this.plan.unavailable || this.retryingPlan,
            review: this.submitting
        };
        return primaryAction(this.step, blocked[this.step] ?? false);
    }

    /** What step 1 showed: the review's second check lists only the others. */
    get knownMatches(): MatchCandidate[] {
        return this.duplicates?.candidates ?? [];
    }

    // ---- the user's actions -----------------------------------------------------------------------------------

    handleDuplicatesChecked(event: CustomEvent<{ result?: DuplicateCheckResult; error?: string }>): void {
        this.duplicates = event.detail.result;
        this.duplicatesError = event.detail.error;
    }

    handleConfirmDuplicates(event: CustomEvent<{ checked: boolean }>): void {
        this.duplicatesConfirmed = event.detail.checked;
    }

    handleFieldChange(
        event: CustomEvent<{ field: keyof ZuoraPlanForm; value: ZuoraPlanForm[keyof ZuoraPlanForm] }>
    ): void {
        const { field, value } = event.detail;
        this.form = { ...this.form, [field]: value };
        if (field === 'productRatePlanId' && this.catalog) {
            this.form = {
                ...this.form,
                currencyCode: validCurrency(this.form, this.selectedPlan, this.catalog.defaults)
            };
        }
        // The list and the messages under the fields stay the same: a fixed field loses its message.
        if (this.errors.length > 0) this.errors = this.currentErrors();
    }

    /**
     * Try again: reads the contacts and the catalog again (the wires then show the data or the new error). The
     * button stays in place (and keeps the focus) while it runs; once the form is back the focus goes to the step
     * heading, as after a step change.
     */
    async handleRetryPlan(): Promise<void> {
        if (this.retryingPlan) return;
        this.retryingPlan = true;
        const wired: unknown[] = [this.contactsResult, this.catalogResult].filter((result) => result !== undefined);
        try {
            await Promise.all(wired.map((result) => refreshApex(result)));
        } catch (error) {
            // The refreshed wires carry their own error; this one is shown when they do not.
            this.catalogError = this.catalogError ?? errorMessage(error);
        } finally {
            this.retryingPlan = false;
            if (!this.plan.unavailable) this.focusStepHeading = true;
        }
    }

    handlePrimary(): Promise<void> | void {
        if (this.primaryAction.disabled) return undefined;
        if (this.step === 'duplicates') return this.goTo('plan');
        if (this.step === 'plan') return this.handleNextFromPlan();
        if (this.step === 'review') return this.handleSubmit();
        return this.handleClose();
    }

    private handleNextFromPlan(): void {
        this.errors = this.currentErrors();
        if (this.errors.length > 0) {
            this.focusFirstInvalid = true;
        } else {
            this.goTo('review');
        }
    }

    async handleSubmit(): Promise<void> {
        // Guarded before the first await, so a double click sends one request.
        if (this.submitting || !this.recordId) return;
        this.errors = this.currentErrors();
        if (this.errors.length > 0) {
            this.goTo('plan');
            return;
        }
        this.submitting = true;
        this.submitError = undefined;
        try {
            const status = await this.submission.start(buildRequest(this.recordId, this.form, this.selectedPlan));
            this.status = status;
            this.goTo('progress');
            if (this.submission.isFinal(status)) {
                this.finish(status);
            } else {
                this.pollTimedOut = false;
                this.submission.follow(status);
            }
        } catch (error) {
            this.submitting = false;
            this.submitError = errorMessage(error);
            this.toast(this.labels.failedTitle, this.submitError, 'error');
        }
    }

    handleBack(): void {
        this.goTo(this.step === 'review' ? 'plan' : 'duplicates');
    }

    handleCancel(): void {
        this.submission.stop();
        this.dispatchEvent(this.embedded ? new CustomEvent('cancel') : new CloseActionScreenEvent());
    }

    handleClose(): void {
        this.handleStop();
        this.dispatchEvent(
            this.embedded ? new CustomEvent('complete', { detail: this.status }) : new CloseActionScreenEvent()
        );
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private goTo(step: ZuoraWizardStep): void {
        this.step = step;
        this.focusStepHeading = true;
    }

    private currentErrors(): ZuoraValidationError[] {
        if (!this.catalog) return [{ field: 'productRatePlanId', message: this.catalogError ?? this.labels.noPlans }];
        return validatePlan(this.form, this.selectedPlan, this.catalog.defaults, this.selectedContact);
    }

    /**
     * Zuora answered: show the done step (the panel keeps it until the user presses Close, which sends `complete`)
     * and tell the record page once that the Account changed.
     */
    private finish(status: ProvisioningStatus): void {
        this.submission.stop();
        this.status = status;
        this.goTo('done');
        const succeeded = status.status === 'Succeeded';
        this.toast(
            succeeded ? this.labels.createdTitle : this.labels.failedTitle,
            resultText(status),
            succeeded ? 'success' : 'error'
        );
        this.submission.notifyRecordChanged();
    }

    /** Closed or removed while Zuora still works: the page learns of the open attempt (and the panel follows it). */
    private handleStop(): void {
        this.submission.stop();
        if (this.step === 'progress') this.submission.notifyRecordChanged();
    }

    private toast(title: string, message: string, variant: ZuoraToastVariant): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
