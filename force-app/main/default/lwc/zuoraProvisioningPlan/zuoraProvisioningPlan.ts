import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/zuoraLabels';
import { contactText, currenciesFor, fieldValue, planText } from 'c/zuoraProvisioningRules';

type Option = { label: string; value: string };
type FieldInput = HTMLElement & { setCustomValidity(message: string): void; reportValidity(): boolean };

/**
 * ZuoraWizardStep 2 of the "Create in Zuora" wizard: the bill-to contact, the rate plan, quantity, currency, term and start
 * date, or why the step cannot be filled in (no contacts, no plans, a failed read) with a Try again button.
 * The parent owns the form and the validation: this step shows them, reports each change as a `fieldchange`
 * event (`detail: { field, value }`, numbers already parsed) and Try again as a `retry` event.
 */
export default class ZuoraProvisioningPlan extends LightningElement {
    /** The Account's possible bill-to contacts. */
    @api contacts: ContactOption[] = [];
    /** Plans and defaults, undefined until loaded or when the read failed. */
    @api catalog?: CatalogResult;
    /** What the user entered so far. */
    @api form: ZuoraPlanForm = {};
    /** Contacts or catalog still on their way (first load). */
    @api loading = false;
    /** The step cannot be filled in: the reasons below say why. */
    @api unavailable = false;
    /** Why the contacts could not be read. */
    @api contactsError?: string;
    /** Why the catalog could not be read. */
    @api catalogError?: string;
    /** The Account has no contacts. */
    @api noContacts = false;
    /** The catalog has no sellable plan. */
    @api noPlans = false;
    /** Try again is running. */
    @api retrying = false;
    /** The accessible name of the form (the step's heading, which lives in the parent). */
    @api formLabel?: string;

    /** The problems of the last check; each input with a problem is marked too (cleared once fixed). */
    @api
    get errors(): ZuoraValidationError[] {
        return this.currentErrors;
    }
    set errors(value: ZuoraValidationError[]) {
        const next = value ?? [];
        // A first render without problems leaves the inputs alone (no "complete this field" before any Next).
        if (next.length > 0 || this.currentErrors.length > 0) this.syncValidity = true;
        this.currentErrors = next;
    }

    readonly labels = LABELS;

    private currentErrors: ZuoraValidationError[] = [];
    private syncValidity = false;

    override renderedCallback(): void {
        if (!this.syncValidity) return;
        this.syncValidity = false;
        const byField = new Map(this.currentErrors.map((e) => [e.field as string, e.message]));
        this.fieldInputs().forEach((input) => {
            input.setCustomValidity(byField.get(input.dataset.field ?? '') ?? '');
            input.reportValidity();
        });
    }

    /** Moves the focus to the first input with a problem, in page order; the error list when none has an input. */
    @api
    focusFirstProblem(): void {
        const fields = new Set(this.currentErrors.map((e) => e.field as string));
        const input = this.fieldInputs().find((candidate) => fields.has(candidate.dataset.field ?? ''));
        const target = input ?? this.template?.querySelector<HTMLElement>('[data-id="errors"]');
        target?.focus();
    }

    get hasErrors(): boolean {
        return this.currentErrors.length > 0;
    }

    get contactOptions(): Option[] {
        return (this.contacts ?? []).map((c) => ({ label: contactText(c, true), value: c.id }));
    }

    get planOptions(): Option[] {
        return (this.catalog?.plans ?? []).map((p) => ({ label: planText(p), value: p.ratePlanId }));
    }

    get selectedPlan(): CatalogPlan | undefined {
        return this.catalog?.plans.find((p) => p.ratePlanId === this.form?.productRatePlanId);
    }

    get showQuantity(): boolean {
        return Boolean(this.selectedPlan?.requiresQuantity);
    }

    get currencyOptions(): Option[] {
        if (!this.catalog) return [];
        return currenciesFor(this.selectedPlan, this.catalog.defaults).map((c) => ({ label: c, value: c }));
    }

    get termTypeOptions(): Option[] {
        return [
            { label: this.labels.termTermed, value: 'TERMED' },
            { label: this.labels.termEvergreen, value: 'EVERGREEN' }
        ];
    }

    get isTermed(): boolean {
        return this.form?.termType === 'TERMED';
    }

    get billingAddressText(): string {
        const defaults = this.catalog?.defaults;
        return [defaults?.billingState, defaults?.billingCountry].filter((part) => Boolean(part)).join(', ') || '—';
    }

    handleFieldChange(event: CustomEvent<{ value: string }>): void {
        event.stopPropagation();
        const field = (event.target as HTMLElement).dataset.field as keyof ZuoraPlanForm;
        const value = fieldValue(field, event.detail.value);
        this.dispatchEvent(new CustomEvent('fieldchange', { detail: { field, value } }));
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }

    private fieldInputs(): FieldInput[] {
        return Array.from(this.template?.querySelectorAll<FieldInput>('[data-field]') ?? []);
    }
}
