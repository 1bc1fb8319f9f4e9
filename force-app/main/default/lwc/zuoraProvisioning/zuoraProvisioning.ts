import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import LOCALE from '@salesforce/i18n/locale';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import getBillToContacts from '@salesforce/apex/ZuoraAccountController.getBillToContacts';
import getCatalog from '@salesforce/apex/ZuoraAccountController.getCatalog';
import startProvisioning from '@salesforce/apex/ZuoraAccountController.startProvisioning';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import { errorMessage } from 'c/zuoraErrors';
import { LABELS, formatLabel } from 'c/zuoraLabels';
import { AttemptPoller, FINAL_ATTEMPT_STATUSES } from 'c/zuoraAttemptPoller';

type Step = 'duplicates' | 'plan' | 'review' | 'progress' | 'done';

/** What the user entered on the plan step. Numbers stay undefined until typed. */
export interface PlanForm {
    billToContactId?: string;
    productRatePlanId?: string;
    quantity?: number;
    currencyCode?: string;
    termType?: 'TERMED' | 'EVERGREEN';
    initialTermMonths?: number;
    renewalTermMonths?: number;
    startDate?: string;
}

/** One validation problem: the form field it belongs to (or `billingAddress`) and the sentence to show. */
export interface ValidationError {
    field: keyof PlanForm | 'billingAddress';
    message: string;
}

/** Longest initial or renewal term ProvisioningValidator accepts, in months. */
export const MAX_TERM_MONTHS = 120;
/** How far the start date may lie before or after today, in days (ProvisioningValidator). */
export const MAX_START_OFFSET_DAYS = 366;

/** Country names users type instead of the ISO code, as ProvisioningValidator.countryCode maps them. */
const COUNTRY_CODES: Record<string, string> = {
    'UNITED STATES': 'US',
    'UNITED STATES OF AMERICA': 'US',
    USA: 'US',
    'U.S.': 'US',
    'U.S.A.': 'US',
    CANADA: 'CA',
    AUSTRALIA: 'AU',
    INDIA: 'IN',
    BRAZIL: 'BR',
    BRASIL: 'BR',
    MEXICO: 'MX',
    JAPAN: 'JP',
    CHINA: 'CN',
    IRELAND: 'IE',
    ITALY: 'IT',
    ARGENTINA: 'AR'
};

/** ISO code of a billing country as typed on the Account (`United States`, `usa`, `US` all give `US`). */
export function countryCode(country: string | null | undefined): string | undefined {
    const value = (country ?? '').trim().toUpperCase();
    if (!value) return undefined;
    return COUNTRY_CODES[value] ?? value;
}

function isTermInRange(months: number | undefined): boolean {
    return typeof months === 'number' && Number.isInteger(months) && months >= 1 && months <= MAX_TERM_MONTHS;
}

/** True when an ISO date (YYYY-MM-DD) lies within MAX_START_OFFSET_DAYS of today. */
function isStartDateInRange(isoDate: string | undefined, today: Date): boolean {
    if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return false;
    const start = Date.parse(`${isoDate}T00:00:00Z`);
    const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
    return Math.abs(start - todayUtc) <= MAX_START_OFFSET_DAYS * 86400000;
}

export const POLL_FIRST_DELAY_MS = 2000;
export const POLL_MAX_DELAY_MS = 15000;
export const POLL_GIVE_UP_MS = 300000;

/** The currencies a plan can be sold in: the plan's own currencies that the tenant settings also allow. */
export function currenciesFor(plan: CatalogPlan | undefined, defaults: ProvisioningDefaults): string[] {
    const supported = defaults.supportedCurrencies ?? [];
    if (!plan || !plan.currencies || plan.currencies.length === 0) return [...supported];
    if (supported.length === 0) return [...plan.currencies];
    return plan.currencies.filter((c) => supported.includes(c));
}

/**
 * Client-side copy of the Apex ProvisioningValidator rules, so the user sees problems before anything is sent.
 * The server validates again; its messages are shown when it disagrees.
 */
export function validatePlan(
    form: PlanForm,
    plan: CatalogPlan | undefined,
    defaults: ProvisioningDefaults,
    contact?: ContactOption,
    today: Date = new Date()
): ValidationError[] {
    const errors: ValidationError[] = [];
    if (!form.billToContactId || !contact) {
        errors.push({ field: 'billToContactId', message: LABELS.validationContact });
    } else if (!(contact.email ?? '').trim()) {
        errors.push({ field: 'billToContactId', message: LABELS.validationContactEmail });
    }
    if (!plan) errors.push({ field: 'productRatePlanId', message: LABELS.validationPlan });
    if (plan?.requiresQuantity && !(typeof form.quantity === 'number' && form.quantity > 0)) {
        errors.push({ field: 'quantity', message: LABELS.validationQuantity });
    }
    if (!form.currencyCode || !currenciesFor(plan, defaults).includes(form.currencyCode)) {
        errors.push({
            field: 'currencyCode',
            message: formatLabel(LABELS.validationCurrency, form.currencyCode || '—')
        });
    }
    if (
        form.termType === 'TERMED' &&
        !(isTermInRange(form.initialTermMonths) && isTermInRange(form.renewalTermMonths))
    ) {
        errors.push({ field: 'initialTermMonths', message: LABELS.validationTerm });
    }
    if (!isStartDateInRange(form.startDate, today)) {
        errors.push({ field: 'startDate', message: LABELS.validationStartDate });
    }
    const country = (defaults.billingCountry ?? '').trim();
    const code = countryCode(country);
    if (!code) {
        errors.push({ field: 'billingAddress', message: LABELS.validationCountry });
    } else {
        const needsState = (defaults.countriesRequiringState ?? []).some((c) => countryCode(c) === code);
        if (needsState && !(defaults.billingState ?? '').trim()) {
            errors.push({ field: 'billingAddress', message: formatLabel(LABELS.validationState, country) });
        }
    }
    return errors;
}

/** A term length in the user's locale with its unit ("12 months", "1 month"; "12 Monate" in German). */
export function monthsText(months: number | undefined, locale: string = LOCALE): string {
    if (typeof months !== 'number') return '—';
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'month', unitDisplay: 'long' }).format(months);
}

/**
 * Datatable columns without the default header menu (wrap/clip text), wrapping long values instead of cutting
 * them off.
 */
export function tableColumns(columns: Array<Record<string, unknown>>): unknown[] {
    return columns.map((column) => ({ hideDefaultActions: true, wrapText: true, ...column }));
}

/** A Lightning Experience link to a record, for the duplicate lists. */
function recordUrl(objectType: string, recordId: string): string {
    return `/lightning/r/${objectType}/${recordId}/view`;
}

/**
 * The "Create in Zuora" flow: (1) duplicate check, (2) bill-to contact and plan, (3) review and submit, then
 * progress until Zuora has answered. Runs inline in the Account panel (`embedded`) or as the Account quick action
 * "Create in Zuora" (a screen action, closed with CloseActionScreenEvent).
 */
export default class ZuoraProvisioning extends LightningElement {
    /**
     * The Account to create in Zuora (set by the record page, the quick action or the panel). A quick action sets
     * it after the component is connected, so the duplicate check starts from here as well.
     */
    @api
    get recordId(): string | undefined {
        return this.accountId;
    }
    set recordId(value: string | undefined) {
        this.accountId = value;
        this.loadDuplicates();
    }
    /** True inside the Account panel: report `cancel` / `complete` events instead of closing an action screen. */
    @api embedded = false;

    readonly labels = LABELS;

    step: Step = 'duplicates';
    duplicates?: DuplicateCheckResult;
    duplicatesLoading = false;
    duplicatesError?: string;
    duplicatesConfirmed = false;
    reviewMatches: MatchCandidate[] = [];

    contacts: ContactOption[] = [];
    contactsLoaded = false;
    contactsError?: string;
    catalog?: CatalogResult;
    catalogError?: string;
    retryingPlan = false;
    form: PlanForm = {};
    errors: ValidationError[] = [];

    submitting = false;
    submitError?: string;
    status?: ProvisioningStatus;
    pollTimedOut = false;

    private accountId?: string;
    private requestedDuplicatesFor?: string;
    private focusStepHeading = false;
    /** After a field change or a failed Next: mark the inputs as the error list says (set and clear). */
    private syncFieldValidity = false;
    /** After a failed Next: move the focus to the first field with a problem. */
    private focusFirstInvalid = false;
    /** Whether the record page was told about the Account change of this submission (once per submission). */
    private recordNotified = false;
    private contactsResult?: ApexWireResult<ContactOption[]>;
    private catalogResult?: ApexWireResult<CatalogResult>;
    private readonly poller = new AttemptPoller(
        getProvisioningStatus,
        {
            onStatus: (status) => {
                this.status = status;
            },
            onFinal: (status) => {
                this.status = status;
                this.finish(status);
            },
            onTimeout: () => {
                this.pollTimedOut = true;
            }
        },
        { firstDelayMs: POLL_FIRST_DELAY_MS, maxDelayMs: POLL_MAX_DELAY_MS, giveUpMs: POLL_GIVE_UP_MS }
    );
    private connected = false;

    @wire(getBillToContacts, { accountId: '$recordId' })
    wiredContacts(result: ApexWireResult<ContactOption[]>): void {
        this.contactsResult = result;
        if (result.data) {
            this.contacts = result.data;
            this.contactsLoaded = true;
            this.contactsError = undefined;
            if (!this.form.billToContactId && result.data.length === 1) {
                this.form = { ...this.form, billToContactId: result.data[0].id };
            }
        } else if (result.error) {
            this.contacts = [];
            this.contactsLoaded = true;
            this.contactsError = errorMessage(result.error);
        }
    }

    @wire(getCatalog, { accountId: '$recordId' })
    wiredCatalog(result: ApexWireResult<CatalogResult>): void {
        this.catalogResult = result;
        if (result.data) {
            this.catalog = result.data;
            this.catalogError = undefined;
            this.applyDefaults(result.data.defaults);
        } else if (result.error) {
            this.catalog = undefined;
            this.catalogError = errorMessage(result.error);
        }
    }

    override connectedCallback(): void {
        this.connected = true;
        // Inline in the panel the flow replaces the Create button that had the focus: take it over.
        if (this.embedded) this.focusStepHeading = true;
        this.loadDuplicates();
    }

    override renderedCallback(): void {
        if (this.focusStepHeading) {
            const heading = this.template?.querySelector<HTMLElement>('[data-id="step-heading"]');
            if (heading) {
                heading.focus();
                this.focusStepHeading = false;
            }
        }
        if (this.syncFieldValidity) {
            this.syncFieldValidity = false;
            this.reportFieldValidity();
        }
        if (this.focusFirstInvalid) {
            this.focusFirstInvalid = false;
            this.focusFirstProblem();
        }
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.stopPolling();
        this.notifyOpenAttempt();
    }

    // ---- step 1: duplicates ---------------------------------------------------------------------------------

    get isDuplicatesStep(): boolean {
        return this.step === 'duplicates';
    }

    get candidates(): Array<MatchCandidate & { url: string }> {
        return (this.duplicates?.candidates ?? []).map((c) => ({ ...c, url: recordUrl(c.objectType, c.recordId) }));
    }

    get zuoraAccounts(): ZuoraAccountSummary[] {
        return this.duplicates?.zuoraAccounts ?? [];
    }

    get hasCandidates(): boolean {
        return this.candidates.length > 0;
    }

    get hasZuoraAccounts(): boolean {
        return this.zuoraAccounts.length > 0;
    }

    get zuoraLookupError(): string | undefined {
        const error = this.duplicates?.zuoraLookupError;
        return error ? formatLabel(this.labels.dupLookupError, error) : undefined;
    }

    get hasMatches(): boolean {
        return this.hasCandidates || this.hasZuoraAccounts;
    }

    get noMatches(): boolean {
        return Boolean(this.duplicates) && !this.hasMatches && !this.zuoraLookupError;
    }

    get candidateColumns(): unknown[] {
        return tableColumns([
            {
                label: this.labels.colRecord,
                fieldName: 'url',
                type: 'url',
                typeAttributes: { label: { fieldName: 'name' }, target: '_blank' }
            },
            { label: this.labels.colType, fieldName: 'objectType' },
            { label: this.labels.colReason, fieldName: 'reasonLabel' },
            { label: this.labels.colDetail, fieldName: 'detail' }
        ]);
    }

    get zuoraAccountColumns(): unknown[] {
        return tableColumns([
            { label: this.labels.colAccountNumber, fieldName: 'accountNumber' },
            { label: this.labels.colName, fieldName: 'name' },
            { label: this.labels.colStatus, fieldName: 'status' },
            { label: this.labels.colCurrency, fieldName: 'currencyCode' }
        ]);
    }

    /** Next is possible once the check ran (or failed) and, if it found anything, the user confirmed. */
    get duplicatesNextDisabled(): boolean {
        if (this.duplicatesLoading) return true;
        if (!this.duplicates && !this.duplicatesError) return true;
        return this.hasMatches && !this.duplicatesConfirmed;
    }

    handleConfirmDuplicates(event: CustomEvent<{ checked: boolean }>): void {
        this.duplicatesConfirmed = event.detail.checked;
    }

    private async loadDuplicates(): Promise<void> {
        const accountId = this.recordId;
        if (!accountId || !this.connected || this.requestedDuplicatesFor === accountId) return;
        this.requestedDuplicatesFor = accountId;
        this.duplicatesLoading = true;
        this.duplicatesError = undefined;
        try {
            this.duplicates = await checkDuplicates({ accountId, billToContactId: null });
        } catch (error) {
            this.duplicates = undefined;
            this.duplicatesError = errorMessage(error);
        } finally {
            this.duplicatesLoading = false;
        }
    }

    // ---- step 2: plan -----------------------------------------------------------------------------------------

    get isPlanStep(): boolean {
        return this.step === 'plan';
    }

    get contactOptions(): Array<{ label: string; value: string }> {
        return this.contacts.map((c) => ({
            label: [c.name, c.email, c.title].filter((part) => Boolean(part)).join(' · '),
            value: c.id
        }));
    }

    get hasNoContacts(): boolean {
        return this.contactsLoaded && this.contacts.length === 0 && !this.contactsError;
    }

    get plans(): CatalogPlan[] {
        return this.catalog?.plans ?? [];
    }

    get planOptions(): Array<{ label: string; value: string }> {
        return this.plans.map((p) => ({ label: `${p.productName} — ${p.ratePlanName}`, value: p.ratePlanId }));
    }

    get hasNoPlans(): boolean {
        return Boolean(this.catalog) && this.plans.length === 0;
    }

    get selectedPlan(): CatalogPlan | undefined {
        return this.plans.find((p) => p.ratePlanId === this.form.productRatePlanId);
    }

    get selectedContact(): ContactOption | undefined {
        return this.contacts.find((c) => c.id === this.form.billToContactId);
    }

    get showQuantity(): boolean {
        return Boolean(this.selectedPlan?.requiresQuantity);
    }

    get currencyOptions(): Array<{ label: string; value: string }> {
        if (!this.catalog) return [];
        return currenciesFor(this.selectedPlan, this.catalog.defaults).map((c) => ({ label: c, value: c }));
    }

    get termTypeOptions(): Array<{ label: string; value: string }> {
        return [
            { label: this.labels.termTermed, value: 'TERMED' },
            { label: this.labels.termEvergreen, value: 'EVERGREEN' }
        ];
    }

    get isTermed(): boolean {
        return this.form.termType === 'TERMED';
    }

    get billingAddressText(): string {
        const defaults = this.catalog?.defaults;
        return [defaults?.billingState, defaults?.billingCountry].filter((part) => Boolean(part)).join(', ') || '—';
    }

    get hasErrors(): boolean {
        return this.errors.length > 0;
    }

    /** Contacts or catalog still on their way (first load). */
    get planLoading(): boolean {
        return !this.contactsLoaded || (!this.catalog && !this.catalogError);
    }

    /** The step cannot be filled in: no contacts or plans, or they could not be read. Next stays disabled. */
    get planUnavailable(): boolean {
        return Boolean(this.contactsError || this.catalogError) || this.hasNoContacts || this.hasNoPlans;
    }

    get planNextDisabled(): boolean {
        return this.planLoading || this.planUnavailable || this.retryingPlan;
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
            if (!this.planUnavailable) this.focusStepHeading = true;
        }
    }

    handleFieldChange(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field as keyof PlanForm;
        const raw = event.detail.value;
        const numeric = field === 'quantity' || field === 'initialTermMonths' || field === 'renewalTermMonths';
        const value = numeric ? (raw === '' || raw === null ? undefined : Number(raw)) : raw || undefined;
        this.form = { ...this.form, [field]: value };
        if (field === 'productRatePlanId') this.keepCurrencyValid();
        if (this.hasErrors) {
            // The list and the messages under the fields stay the same: a fixed field loses its message.
            this.errors = this.currentErrors();
            this.syncFieldValidity = true;
        }
    }

    // ---- step 3: review and submit ----------------------------------------------------------------------------

    get isReviewStep(): boolean {
        return this.step === 'review';
    }

    get hasReviewMatches(): boolean {
        return this.reviewMatches.length > 0;
    }

    get reviewMatchRows(): Array<MatchCandidate & { url: string }> {
        return this.reviewMatches.map((c) => ({ ...c, url: recordUrl(c.objectType, c.recordId) }));
    }

    get reviewContactText(): string {
        const contact = this.selectedContact;
        return contact ? [contact.name, contact.email].filter((part) => Boolean(part)).join(' · ') : '';
    }

    get reviewPlanText(): string {
        const plan = this.selectedPlan;
        return plan ? `${plan.productName} — ${plan.ratePlanName}` : '';
    }

    get reviewTermText(): string {
        if (this.form.termType !== 'TERMED') return this.labels.termEvergreen;
        return formatLabel(
            this.labels.reviewTermed,
            monthsText(this.form.initialTermMonths),
            monthsText(this.form.renewalTermMonths)
        );
    }

    async handleSubmit(): Promise<void> {
        // Guarded before the first await, so a double click sends one request.
        if (this.submitting || !this.recordId) return;
        this.errors = this.currentErrors();
        if (this.hasErrors) {
            this.goTo('plan');
            this.syncFieldValidity = true;
            return;
        }
        this.submitting = true;
        this.submitError = undefined;
        this.recordNotified = false;
        try {
            const status = await startProvisioning({ request: this.buildRequest() });
            this.status = status;
            this.goTo('progress');
            if (FINAL_ATTEMPT_STATUSES.has(status.status)) {
                this.finish(status);
            } else {
                this.startPolling();
            }
        } catch (error) {
            this.submitting = false;
            this.submitError = errorMessage(error);
            this.toast(this.labels.failedTitle, this.submitError, 'error');
        }
    }

    // ---- progress and result ------------------------------------------------------------------------------------

    get isProgressStep(): boolean {
        return this.step === 'progress';
    }

    get isDoneStep(): boolean {
        return this.step === 'done';
    }

    get progressText(): string {
        if (this.pollTimedOut) return this.labels.progressTimeout;
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

    get succeeded(): boolean {
        return this.status?.status === 'Succeeded';
    }

    get resultText(): string {
        const status = this.status;
        if (!status) return '';
        return status.status === 'Succeeded'
            ? formatLabel(this.labels.resultSuccess, status.zuoraAccountNumber, status.zuoraSubscriptionNumber)
            : formatLabel(this.labels.resultFailed, status.message || this.labels.errorTitle);
    }

    get resultClass(): string {
        return this.succeeded ? 'slds-text-color_success' : 'slds-text-color_error';
    }

    /** The quick action opens a bare modal: give it the SLDS header the panel's card provides when embedded. */
    get showActionHeader(): boolean {
        return !this.embedded;
    }

    get sectionClass(): string {
        return this.embedded ? '' : 'slds-p-around_medium';
    }

    get footerClass(): string {
        return this.embedded ? 'slds-m-top_medium' : 'slds-modal__footer footer_docked';
    }

    get showBack(): boolean {
        return this.step === 'plan' || this.step === 'review';
    }

    get showCancel(): boolean {
        return this.showProgressIndicator;
    }

    /** The step's main button (right-most in the footer): Next, Create in Zuora, or Close. */
    get primaryAction(): { id: string; label: string; variant: 'brand' | 'neutral'; disabled: boolean } {
        switch (this.step) {
            case 'duplicates':
                return {
                    id: 'next-duplicates',
                    label: this.labels.next,
                    variant: 'brand',
                    disabled: this.duplicatesNextDisabled
                };
            case 'plan':
                return { id: 'next-plan', label: this.labels.next, variant: 'brand', disabled: this.planNextDisabled };
            case 'review':
                return { id: 'submit', label: this.labels.createInZuora, variant: 'brand', disabled: this.submitting };
            case 'progress':
                // Zuora still works: closing is possible but not the expected action.
                return { id: 'close', label: this.labels.close, variant: 'neutral', disabled: false };
            default:
                return { id: 'close', label: this.labels.close, variant: 'brand', disabled: false };
        }
    }

    get primaryClass(): string {
        return this.showCancel ? 'slds-m-left_x-small' : '';
    }

    handlePrimary(): Promise<void> | void {
        switch (this.step) {
            case 'duplicates':
                return this.handleNextFromDuplicates();
            case 'plan':
                return this.handleNextFromPlan();
            case 'review':
                return this.handleSubmit();
            default:
                return this.handleClose();
        }
    }

    get showProgressIndicator(): boolean {
        return this.step === 'duplicates' || this.step === 'plan' || this.step === 'review';
    }

    get currentStepValue(): string {
        return this.step === 'duplicates' ? '1' : this.step === 'plan' ? '2' : '3';
    }

    get stepHeading(): string {
        switch (this.step) {
            case 'duplicates':
                return this.labels.stepDuplicates;
            case 'plan':
                return this.labels.stepPlan;
            case 'review':
                return this.labels.stepReview;
            case 'progress':
                return this.labels.stepWaiting;
            default:
                return this.succeeded ? this.labels.createdTitle : this.labels.failedTitle;
        }
    }

    /** "Step 2 of 3: Choose the plan" on the three input steps, read instead of the visible title. */
    get stepAssistiveText(): string {
        return this.showProgressIndicator
            ? formatLabel(this.labels.stepProgress, this.currentStepValue, 3, this.stepHeading)
            : '';
    }

    get stepTitleHidden(): string | undefined {
        return this.showProgressIndicator ? 'true' : undefined;
    }

    get cancelDisabled(): boolean {
        return this.submitting;
    }

    // ---- navigation -----------------------------------------------------------------------------------------

    handleNextFromDuplicates(): void {
        if (!this.duplicatesNextDisabled) this.goTo('plan');
    }

    async handleNextFromPlan(): Promise<void> {
        if (this.planNextDisabled) return;
        this.errors = this.currentErrors();
        if (this.hasErrors) {
            this.syncFieldValidity = true;
            this.focusFirstInvalid = true;
            return;
        }
        this.goTo('review');
        await this.recheckWithContact();
    }

    handleBack(): void {
        this.goTo(this.step === 'review' ? 'plan' : 'duplicates');
    }

    handleCancel(): void {
        this.stopPolling();
        if (this.embedded) {
            this.dispatchEvent(new CustomEvent('cancel'));
        } else {
            this.dispatchEvent(new CloseActionScreenEvent());
        }
    }

    handleClose(): void {
        this.stopPolling();
        this.notifyOpenAttempt();
        if (this.embedded) {
            this.dispatchEvent(new CustomEvent('complete', { detail: this.status }));
        } else {
            this.dispatchEvent(new CloseActionScreenEvent());
        }
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private goTo(step: Step): void {
        this.step = step;
        this.focusStepHeading = true;
    }

    private applyDefaults(defaults: ProvisioningDefaults): void {
        this.form = {
            currencyCode: defaults.currencyCode,
            termType: defaults.termType,
            initialTermMonths: defaults.initialTermMonths,
            renewalTermMonths: defaults.renewalTermMonths,
            startDate: defaults.startDate,
            ...this.form
        };
    }

    /** After a plan change, keep the currency when the plan sells in it, otherwise pick the default or the first. */
    private keepCurrencyValid(): void {
        if (!this.catalog) return;
        const allowed = currenciesFor(this.selectedPlan, this.catalog.defaults);
        if (this.form.currencyCode && allowed.includes(this.form.currencyCode)) return;
        const preferred = this.catalog.defaults.currencyCode;
        this.form = { ...this.form, currencyCode: allowed.includes(preferred) ? preferred : allowed[0] };
    }

    private currentErrors(): ValidationError[] {
        if (!this.catalog) return [{ field: 'productRatePlanId', message: this.catalogError ?? this.labels.noPlans }];
        return validatePlan(this.form, this.selectedPlan, this.catalog.defaults, this.selectedContact);
    }

    private fieldInputs(): Array<HTMLElement & { setCustomValidity(m: string): void; reportValidity(): boolean }> {
        return Array.from(
            this.template?.querySelectorAll<
                HTMLElement & { setCustomValidity(m: string): void; reportValidity(): boolean }
            >('[data-field]') ?? []
        );
    }

    /**
     * Marks the inputs themselves, so the error is also announced next to the field; a field without an error in
     * the list gets its custom message cleared (the one set by an earlier Next).
     */
    private reportFieldValidity(): void {
        const byField = new Map(this.errors.map((e) => [e.field as string, e.message]));
        this.fieldInputs().forEach((input) => {
            input.setCustomValidity(byField.get(input.dataset.field ?? '') ?? '');
            input.reportValidity();
        });
    }

    /** The first input with a problem, in page order; the error list when the problem has no input (address). */
    private focusFirstProblem(): void {
        const fields = new Set(this.errors.map((e) => e.field as string));
        const input = this.fieldInputs().find((candidate) => fields.has(candidate.dataset.field ?? ''));
        const target = input ?? this.template?.querySelector<HTMLElement>('[data-id="errors"]');
        target?.focus();
    }

    /** The duplicate check again, now with the bill-to contact's email: shows matches step 1 could not find. */
    private async recheckWithContact(): Promise<void> {
        this.reviewMatches = [];
        if (!this.recordId || !this.form.billToContactId) return;
        try {
            const result = await checkDuplicates({
                accountId: this.recordId,
                billToContactId: this.form.billToContactId
            });
            const known = new Set((this.duplicates?.candidates ?? []).map((c) => c.recordId));
            this.reviewMatches = result.candidates.filter((c) => !known.has(c.recordId));
        } catch {
            // Step 1 already ran the check; the server validates again on submit.
            this.reviewMatches = [];
        }
    }

    private buildRequest(): ProvisioningRequest {
        const plan = this.selectedPlan;
        const termed = this.form.termType === 'TERMED';
        return {
            accountId: this.recordId as string,
            billToContactId: this.form.billToContactId as string,
            productRatePlanId: plan?.ratePlanId,
            productRatePlanNumber: plan?.ratePlanNumber ?? null,
            quantity: plan?.requiresQuantity ? this.form.quantity : null,
            productRatePlanChargeId: plan?.requiresQuantity ? (plan.quantityChargeId ?? null) : null,
            termType: this.form.termType,
            initialTermMonths: termed ? this.form.initialTermMonths : null,
            renewalTermMonths: termed ? this.form.renewalTermMonths : null,
            startDate: this.form.startDate,
            currencyCode: this.form.currencyCode
        };
    }

    private startPolling(): void {
        this.pollTimedOut = false;
        if (this.status?.attemptId) this.poller.start(this.status.attemptId);
    }

    /**
     * Zuora answered: show the done step (the panel keeps it until the user presses Close, which sends `complete`)
     * and tell the record page once that the Account changed.
     */
    private finish(status: ProvisioningStatus): void {
        this.stopPolling();
        this.goTo('done');
        if (status.status === 'Succeeded') {
            this.toast(this.labels.createdTitle, this.resultText, 'success');
        } else {
            this.toast(this.labels.failedTitle, this.resultText, 'error');
        }
        this.notifyRecordChanged();
    }

    /** Closed while Zuora still works: the page learns of the open attempt (and the panel follows it). */
    private notifyOpenAttempt(): void {
        if (this.step === 'progress') this.notifyRecordChanged();
    }

    private notifyRecordChanged(): void {
        if (this.recordNotified || !this.recordId) return;
        this.recordNotified = true;
        notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
    }

    private stopPolling(): void {
        this.poller.stop();
    }

    private toast(title: string, message: string, variant: ZuoraToastVariant): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
