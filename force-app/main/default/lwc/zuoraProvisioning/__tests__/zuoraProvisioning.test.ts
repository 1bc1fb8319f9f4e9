/**
 * The wizard shell driven as a user does: step 1 (duplicate check), cancel and step 2 (plan), through the step
 * components it renders. Step 3 and after: zuoraProvisioning.submit.test.ts.
 */
import {
    atPlanStep,
    catalogWire,
    change,
    click,
    contactsWire,
    el,
    errorsShown,
    field,
    heading,
    renderProvisioning,
    useWizardLifecycle
} from '../../../../../test/jest-utils/provisioning';
import { LABELS } from 'c/zuoraLabels';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import { asMock, cleanDom, deepActiveElement, deepQuery, flushPromises } from '../../../../../test/jest-utils';
import {
    ACCOUNT_ID,
    CONTACT_ID,
    CONTACT_NO_EMAIL_ID,
    EUR_PLAN,
    FLAT_PLAN,
    SEATS_PLAN,
    catalog,
    contacts,
    defaults,
    duplicatesFound,
    emailMatch,
    isoDate,
    noDuplicates
} from '../../../../../test/fixtures/zuora-fixtures';

const CONTACTS = contacts();
const duplicatesMock = asMock(checkDuplicates);
const render = renderProvisioning;

describe('c-zuora-provisioning', () => {
    useWizardLifecycle();

    describe('step 1: duplicate check', () => {
        it('checks this Account for duplicates and says when nothing matches', async () => {
            const element = await render();
            expect(duplicatesMock).toHaveBeenCalledWith({ accountId: ACCOUNT_ID, billToContactId: null });
            expect(duplicatesMock).toHaveBeenCalledTimes(1);
            expect(heading(element)).toBe(LABELS.stepDuplicates);
            expect(
                (deepQuery(element, 'lightning-progress-indicator') as unknown as Record<string, unknown>).currentStep
            ).toBe('1');
            expect(el(element, 'no-matches').textContent).toBe(LABELS.dupNone);
            expect(el(element, 'next-duplicates').disabled).toBe(false);
        });

        it('shows a spinner while the check runs and keeps Next disabled', async () => {
            duplicatesMock.mockReturnValue(new Promise(() => undefined));
            const element = await render();
            expect(deepQuery(element, 'lightning-spinner')).not.toBeNull();
            expect(el(element, 'next-duplicates').disabled).toBe(true);
        });

        it('lists matching records and Zuora accounts and needs a confirmation to continue', async () => {
            duplicatesMock.mockResolvedValue(duplicatesFound());
            const element = await render();
            const candidates = el(element, 'candidates').querySelector('lightning-datatable') as unknown as {
                data: Array<{ url: string }>;
            };
            expect(candidates.data[0].url).toBe('/lightning/r/Account/001000000000009AAA/view');
            const zuora = el(element, 'zuora-accounts').querySelector('lightning-datatable') as unknown as {
                data: ZuoraAccountSummary[];
            };
            expect(zuora.data[0].accountNumber).toBe('A00000001');
            expect(el(element, 'next-duplicates').disabled).toBe(true);

            el(element, 'confirm-duplicates').dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
            await flushPromises();
            expect(el(element, 'next-duplicates').disabled).toBe(false);
            await click(element, 'next-duplicates');
            expect(heading(element)).toBe(LABELS.stepPlan);
        });

        it('shows the error when the check fails and still lets the user continue', async () => {
            duplicatesMock.mockRejectedValue({ body: { message: 'Search is unavailable.' } });
            const element = await render();
            expect(el(element, 'duplicates-error').textContent).toBe('Search is unavailable.');
            expect(el(element, 'next-duplicates').disabled).toBe(false);
        });

        it('says when Zuora could not be searched', async () => {
            duplicatesMock.mockResolvedValue({
                candidates: [],
                zuoraAccounts: [],
                zuoraLookupError: 'Zuora timed out.'
            });
            const element = await render();
            expect(el(element, 'zuora-lookup-error').textContent).toBe(LABELS.dupLookupError);
            expect(el(element, 'no-matches')).toBeNull();
        });

        it('waits for the record id of a quick action before checking', async () => {
            const element = await render({ recordId: null });
            expect(duplicatesMock).not.toHaveBeenCalled();
            element.recordId = ACCOUNT_ID;
            await flushPromises();
            expect(duplicatesMock).toHaveBeenCalledWith({ accountId: ACCOUNT_ID, billToContactId: null });
        });

        it('moves the focus to the step heading after a step change', async () => {
            const element = await atPlanStep();
            expect(deepActiveElement(element)).toBe(el(element, 'step-heading'));
        });

        it('is accessible', async () => {
            duplicatesMock.mockResolvedValue(noDuplicates({ candidates: [emailMatch()] }));
            const element = await render();
            await expect(element).toBeAccessible();
        });
    });

    describe('cancel', () => {
        it('closes the quick action', async () => {
            const element = await render();
            expect(el(element, 'action-header').textContent).toBe(LABELS.flowTitle);
            const closed = jest.fn();
            element.addEventListener('lightning__actionsclosescreen', closed);
            await click(element, 'cancel');
            expect(closed).toHaveBeenCalledTimes(1);
        });

        it('tells the panel when embedded', async () => {
            const element = await render({ embedded: true });
            expect(el(element, 'action-header')).toBeNull();
            const cancelled = jest.fn();
            element.addEventListener('cancel', cancelled);
            await click(element, 'cancel');
            expect(cancelled).toHaveBeenCalledTimes(1);
        });
    });

    describe('step 2: plan', () => {
        it('offers the contacts and plans, with defaults from the settings', async () => {
            const element = await atPlanStep();
            expect(heading(element)).toBe(LABELS.stepPlan);
            expect(field(element, 'billToContactId').options).toEqual([
                { label: 'Ada Lovelace · ada@acme.example · CFO', value: CONTACT_ID },
                { label: 'Bob Nomail', value: CONTACT_NO_EMAIL_ID }
            ]);
            expect((field(element, 'productRatePlanId').options as unknown[]).length).toBe(3);
            expect(field(element, 'currencyCode').value).toBe('USD');
            expect(field(element, 'termType').value).toBe('TERMED');
            expect(field(element, 'initialTermMonths').value).toBe(12);
            expect(field(element, 'startDate').value).toBe(isoDate());
            expect(el(element, 'billing-address').textContent).toBe('CA, United States');
            expect(field(element, 'quantity')).toBeNull();
        });

        it('preselects the only contact', async () => {
            const element = await atPlanStep({ contacts: [CONTACTS[0]] });
            expect(field(element, 'billToContactId').value).toBe(CONTACT_ID);
        });

        it('refuses to continue without a contact and a plan', async () => {
            const element = await atPlanStep();
            await click(element, 'next-plan');
            expect(heading(element)).toBe(LABELS.stepPlan);
            expect(errorsShown(element)).toEqual([LABELS.validationContact, LABELS.validationPlan]);
            expect(el(element, 'errors').getAttribute('role')).toBe('alert');
        });

        it('asks for a quantity when the plan needs one, and clears the error once fixed', async () => {
            const element = await atPlanStep();
            await change(element, 'billToContactId', CONTACT_ID);
            await change(element, 'productRatePlanId', SEATS_PLAN.ratePlanId);
            expect(field(element, 'quantity')).not.toBeNull();
            await click(element, 'next-plan');
            expect(errorsShown(element)).toEqual([LABELS.validationQuantity]);
            await change(element, 'quantity', '0');
            expect(errorsShown(element)).toEqual([LABELS.validationQuantity]);
            await change(element, 'quantity', '3');
            expect(el(element, 'errors')).toBeNull();
        });

        it('needs a bill-to contact with an email address', async () => {
            const element = await atPlanStep();
            await change(element, 'billToContactId', CONTACT_NO_EMAIL_ID);
            await change(element, 'productRatePlanId', FLAT_PLAN.ratePlanId);
            await click(element, 'next-plan');
            expect(errorsShown(element)).toEqual([LABELS.validationContactEmail]);
        });

        it('needs a billing country, and a state where the country requires one', async () => {
            let element = await atPlanStep({ catalog: catalog({ billingCountry: null, billingState: null }) });
            await change(element, 'billToContactId', CONTACT_ID);
            await change(element, 'productRatePlanId', FLAT_PLAN.ratePlanId);
            await click(element, 'next-plan');
            expect(errorsShown(element)).toEqual([LABELS.validationCountry]);
            expect(el(element, 'billing-address').textContent).toBe('—');
            cleanDom();

            // The ISO code is Apex's (ZuoraCountryCodes); the wizard has no country list of its own.
            element = await atPlanStep({
                catalog: catalog({ billingCountry: 'usa', billingCountryCode: 'US', billingState: ' ' })
            });
            await change(element, 'billToContactId', CONTACT_ID);
            await change(element, 'productRatePlanId', FLAT_PLAN.ratePlanId);
            await click(element, 'next-plan');
            expect(errorsShown(element)).toEqual([LABELS.validationState]);
            cleanDom();

            element = await atPlanStep({ catalog: catalog({ billingCountry: 'Atlantis', billingCountryCode: null }) });
            await change(element, 'billToContactId', CONTACT_ID);
            await change(element, 'productRatePlanId', FLAT_PLAN.ratePlanId);
            await click(element, 'next-plan');
            expect(errorsShown(element)).toEqual([LABELS.validationCountryUnknown]);
        });

        it('keeps the currency valid for the chosen plan', async () => {
            const element = await atPlanStep();
            await change(element, 'productRatePlanId', EUR_PLAN.ratePlanId);
            expect(field(element, 'currencyCode').value).toBe('EUR');
            expect(field(element, 'currencyCode').options).toEqual([{ label: 'EUR', value: 'EUR' }]);
            await change(element, 'productRatePlanId', SEATS_PLAN.ratePlanId);
            expect(field(element, 'currencyCode').value).toBe('EUR');
            await change(element, 'productRatePlanId', FLAT_PLAN.ratePlanId);
            expect((field(element, 'currencyCode').options as unknown[]).length).toBe(3);
        });

        it('refuses a currency the plan is not sold in', async () => {
            const element = await atPlanStep();
            await change(element, 'billToContactId', CONTACT_ID);
            await change(element, 'productRatePlanId', FLAT_PLAN.ratePlanId);
            await change(element, 'currencyCode', 'JPY');
            await click(element, 'next-plan');
            expect(errorsShown(element)).toEqual([LABELS.validationCurrency]);
        });

        it('checks the term and start date, and hides the terms for evergreen subscriptions', async () => {
            const element = await atPlanStep();
            await change(element, 'billToContactId', CONTACT_ID);
            await change(element, 'productRatePlanId', FLAT_PLAN.ratePlanId);
            await change(element, 'initialTermMonths', '');
            await change(element, 'startDate', isoDate(400));
            await click(element, 'next-plan');
            expect(errorsShown(element)).toEqual([LABELS.validationTerm, LABELS.validationStartDate]);

            await change(element, 'termType', 'EVERGREEN');
            await change(element, 'startDate', isoDate(10));
            expect(field(element, 'initialTermMonths')).toBeNull();
            expect(el(element, 'errors')).toBeNull();
            await click(element, 'next-plan');
            expect(heading(element)).toBe(LABELS.stepReview);
        });

        it('shows wire errors and empty lists in words', async () => {
            const element = await render();
            contactsWire.error({ message: 'No access to contacts.' });
            catalogWire.error({ message: 'Zuora catalog unavailable.' });
            await flushPromises();
            await click(element, 'next-duplicates');
            expect(el(element, 'contacts-error').textContent).toBe('No access to contacts.');
            expect(el(element, 'catalog-error').textContent).toBe('Zuora catalog unavailable.');
            await click(element, 'next-plan');
            expect(el(element, 'next-plan').disabled).toBe(true);
        });

        it('says when there are no contacts or no plans', async () => {
            const element = await atPlanStep({ contacts: [], catalog: { plans: [], defaults: defaults() } });
            expect(el(element, 'no-contacts').textContent).toBe(LABELS.noContacts);
            expect(el(element, 'no-plans').textContent).toBe(LABELS.noPlans);
        });

        it('goes back to the duplicate step', async () => {
            const element = await atPlanStep();
            await click(element, 'back');
            expect(heading(element)).toBe(LABELS.stepDuplicates);
        });

        it('is accessible', async () => {
            const element = await atPlanStep();
            await change(element, 'productRatePlanId', SEATS_PLAN.ratePlanId);
            await click(element, 'next-plan');
            await expect(element).toBeAccessible();
        });
    });
});
