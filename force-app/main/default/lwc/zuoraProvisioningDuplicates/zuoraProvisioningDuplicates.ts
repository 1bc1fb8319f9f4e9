import { LightningElement, api } from 'lwc';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import { errorMessage } from 'c/zuoraErrors';
import { LABELS, formatLabel } from 'c/zuoraLabels';
import { candidateColumns, candidateRows, hasMatches, tableColumns } from 'c/zuoraProvisioningRules';

/**
 * ZuoraWizardStep 1 of the "Create in Zuora" wizard: the duplicate check of the Account (Salesforce Accounts and Contacts,
 * Zuora accounts that already carry this crmId) and the confirmation the user gives before going on. Runs the
 * check once per Account and reports its answer as a `checked` event (`detail: { result }` or `{ error }`); the
 * parent keeps it and passes it back, so going Back to this step does not check again. The confirmation is a
 * `confirm` event (`detail.checked`).
 */
export default class ZuoraProvisioningDuplicates extends LightningElement {
    /** The Account to check (a quick action sets it after the component is connected). */
    @api
    get recordId(): string | undefined {
        return this.accountId;
    }
    set recordId(value: string | undefined) {
        this.accountId = value;
        this.check();
    }
    /** The check's answer, once it ran. */
    @api result?: DuplicateCheckResult;
    /** Why the check failed (the user may go on: the server checks again on submit). */
    @api error?: string;
    /** Whether the user confirmed the matches are not this customer. */
    @api confirmed = false;

    readonly labels = LABELS;
    loading = false;

    private accountId?: string;
    private requestedFor?: string;
    private connected = false;

    override connectedCallback(): void {
        this.connected = true;
        this.check();
    }

    override disconnectedCallback(): void {
        this.connected = false;
    }

    get candidates(): ZuoraCandidateRow[] {
        return candidateRows(this.result?.candidates);
    }

    get zuoraAccounts(): ZuoraAccountSummary[] {
        return this.result?.zuoraAccounts ?? [];
    }

    get hasCandidates(): boolean {
        return this.candidates.length > 0;
    }

    get hasZuoraAccounts(): boolean {
        return this.zuoraAccounts.length > 0;
    }

    get hasMatches(): boolean {
        return hasMatches(this.result);
    }

    get zuoraLookupError(): string | undefined {
        const error = this.result?.zuoraLookupError;
        return error ? formatLabel(this.labels.dupLookupError, error) : undefined;
    }

    get noMatches(): boolean {
        return Boolean(this.result) && !this.hasMatches && !this.zuoraLookupError;
    }

    get candidateColumns(): unknown[] {
        return candidateColumns();
    }

    get zuoraAccountColumns(): unknown[] {
        return tableColumns([
            { label: this.labels.colAccountNumber, fieldName: 'accountNumber' },
            { label: this.labels.colName, fieldName: 'name' },
            { label: this.labels.colStatus, fieldName: 'status' },
            { label: this.labels.colCurrency, fieldName: 'currencyCode' }
        ]);
    }

    handleConfirm(event: CustomEvent<{ checked: boolean }>): void {
        event.stopPropagation();
        this.dispatchEvent(new CustomEvent('confirm', { detail: { checked: event.detail.checked } }));
    }

    private async check(): Promise<void> {
        const accountId = this.accountId;
        const answered = Boolean(this.result || this.error);
        if (!accountId || !this.connected || answered || this.requestedFor === accountId) return;
        this.requestedFor = accountId;
        this.loading = true;
        try {
            const result = await checkDuplicates({ accountId, billToContactId: null });
            this.dispatchEvent(new CustomEvent('checked', { detail: { result } }));
        } catch (error) {
            this.dispatchEvent(new CustomEvent('checked', { detail: { error: errorMessage(error) } }));
        } finally {
            this.loading = false;
        }
    }
}
