import '../../../../../test/jest-utils/provisioning';
import ZuoraProvisioningReview from 'c/zuoraProvisioningReview';
import { LABELS } from 'c/zuoraLabels';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import { asMock, byDataId, cleanDom } from '../../../../../test/jest-utils';
import { renderStep } from '../../../../../test/jest-utils/step-components';
import {
    ACCOUNT_ID,
    CONTACT_ID,
    FLAT_PLAN,
    SEATS_PLAN,
    apexError,
    contacts,
    domainMatch,
    emailMatch,
    noDuplicates
} from '../../../../../test/fixtures/zuora-fixtures';

jest.mock(
    '@salesforce/label/c.Zuora_Review_Term_Termed',
    () => require('../../../../../test/jest-utils/custom-labels').labelModule('Zuora_Review_Term_Termed'),
    { virtual: true }
);

const duplicatesMock = asMock(checkDuplicates);
const CONTACT = contacts()[0];
const FORM = {
    billToContactId: CONTACT_ID,
    productRatePlanId: SEATS_PLAN.ratePlanId,
    quantity: 5,
    currencyCode: 'USD',
    termType: 'TERMED',
    initialTermMonths: 12,
    renewalTermMonths: 24,
    startDate: '2026-12-01'
};

function render(props: Record<string, unknown>) {
    return renderStep('c-zuora-provisioning-review', ZuoraProvisioningReview, {
        recordId: ACCOUNT_ID,
        form: FORM,
        plan: SEATS_PLAN,
        contact: CONTACT,
        ...props
    });
}

describe('c-zuora-provisioning-review', () => {
    beforeEach(() => duplicatesMock.mockResolvedValue(noDuplicates()));
    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
    });

    it('summarises what will be created, with units on the term', async () => {
        const { element } = await render({});
        const review = byDataId(element, 'review')!.textContent!;
        expect(review).toContain(`${CONTACT.name} · ${CONTACT.email}`);
        expect(review).toContain(`${SEATS_PLAN.productName} — ${SEATS_PLAN.ratePlanName}`);
        expect(review).toContain('5');
        expect(byDataId(element, 'review-term')!.textContent).toBe(
            'Termed: 12 months initial term, 24 months renewal term'
        );
    });

    it('reviews an evergreen flat plan without quantity or terms', async () => {
        const { element } = await render({ plan: FLAT_PLAN, form: { ...FORM, termType: 'EVERGREEN' } });
        expect(byDataId(element, 'review-term')!.textContent).toBe(LABELS.termEvergreen);
        expect(byDataId(element, 'review')!.textContent).not.toContain(LABELS.fieldQuantity);
    });

    it('checks again with the contact email and lists only what step 1 did not show', async () => {
        const known = domainMatch();
        duplicatesMock.mockResolvedValue(noDuplicates({ candidates: [known, emailMatch()] }));
        const { element } = await render({ knownMatches: [known] });
        expect(duplicatesMock).toHaveBeenCalledWith({ accountId: ACCOUNT_ID, billToContactId: CONTACT_ID });
        const table = byDataId(element, 'review-matches')!.querySelector('lightning-datatable') as unknown as {
            data: MatchCandidate[];
        };
        expect(table.data.map((row) => row.recordId)).toEqual([emailMatch().recordId]);
        expect(byDataId(element, 'review-matches')!.getAttribute('role')).toBe('alert');
    });

    it('shows nothing when the second check fails (the server checks again on submit)', async () => {
        duplicatesMock.mockRejectedValue(apexError('offline'));
        const { element } = await render({});
        expect(byDataId(element, 'review-matches')).toBeNull();
    });

    it('does not check again without a bill-to contact or an Account', async () => {
        await render({ form: { ...FORM, billToContactId: undefined } });
        await render({ recordId: undefined });
        expect(duplicatesMock).not.toHaveBeenCalled();
    });

    it('shows why the last submit failed, as an alert', async () => {
        const { element } = await render({ submitError: 'The start date must be within 366 days of today.' });
        expect(byDataId(element, 'submit-error')!.getAttribute('role')).toBe('alert');
        expect(byDataId(element, 'submit-error')!.textContent).toBe('The start date must be within 366 days of today.');
    });

    it('is accessible', async () => {
        const { element } = await render({});
        await expect(element).toBeAccessible();
    });
});
