import { LightningElement, api } from 'lwc';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import { LABELS, formatLabel } from 'c/zuoraLabels';
import { candidateColumns, candidateRows, contactText, monthsText, planText } from 'c/zuoraProvisioningRules';

/**
 * ZuoraWizardStep 3 of the "Create in Zuora" wizard: a summary of what will be created, the duplicates a second check with
 * the bill-to contact's email finds that step 1 did not show, and why the last submit failed. The parent submits.
 */
export default class ZuoraProvisioningReview extends LightningElement {
    /** What the user entered on the plan step. */
    @api form: ZuoraPlanForm = {};
    /** The chosen rate plan. */
    @api plan?: CatalogPlan;
    /** The chosen bill-to contact. */
    @api contact?: ContactOption;
    /** The Account being created. */
    @api recordId?: string;
    /** What step 1 already showed: the second check lists only the others. */
    @api knownMatches: MatchCandidate[] = [];
    /** Why the last submit failed. */
    @api submitError?: string;

    readonly labels = LABELS;
    newMatches: MatchCandidate[] = [];

    override connectedCallback(): void {
        this.recheckWithContact();
    }

    get contactText(): string {
        return contactText(this.contact);
    }

    get planText(): string {
        return planText(this.plan);
    }

    get showQuantity(): boolean {
        return Boolean(this.plan?.requiresQuantity);
    }

    get termText(): string {
        if (this.form?.termType !== 'TERMED') return this.labels.termEvergreen;
        return formatLabel(
            this.labels.reviewTermed,
            monthsText(this.form.initialTermMonths),
            monthsText(this.form.renewalTermMonths)
        );
    }

    get hasNewMatches(): boolean {
        return this.newMatches.length > 0;
    }

    get matchRows(): ZuoraCandidateRow[] {
        return candidateRows(this.newMatches);
    }

    get candidateColumns(): unknown[] {
        return candidateColumns();
    }

    /** The duplicate check again, now with the bill-to contact's email: shows matches step 1 could not find. */
    private async recheckWithContact(): Promise<void> {
        const billToContactId = this.form?.billToContactId;
        if (!this.recordId || !billToContactId) return;
        try {
            const result = await checkDuplicates({ accountId: this.recordId, billToContactId });
            const known = new Set((this.knownMatches ?? []).map((c) => c.recordId));
            this.newMatches = result.candidates.filter((c) => !known.has(c.recordId));
        } catch {
            // ZuoraWizardStep 1 already ran the check; the server validates again on submit.
            this.newMatches = [];
        }
    }
}
