import {
    change,
    click,
    el,
    passPlanStep,
    renderProvisioning as render
} from '../../../../../test/jest-utils/provisioning';
import { currenciesFor, validatePlan } from 'c/zuoraProvisioningRules';
import { LABELS } from 'c/zuoraLabels';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import getBillToContacts from '@salesforce/apex/ZuoraAccountController.getBillToContacts';
import getCatalog from '@salesforce/apex/ZuoraAccountController.getCatalog';
import startProvisioning from '@salesforce/apex/ZuoraAccountController.startProvisioning';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import {
    asMock,
    asTestWire,
    cleanDom,
    deepActiveElement,
    deepQuery,
    deepQueryAll,
    flushPromises,
    listenForToasts
} from '../../../../../test/jest-utils';
import {
    ACCOUNT_ID,
    ATTEMPT_ID,
    CONTACT_ID,
    CONTACT_NO_EMAIL_ID,
    EUR_PLAN,
    FLAT_PLAN,
    SEATS_PLAN,
    attempt,
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
const startMock = asMock(startProvisioning);
const statusMock = asMock(getProvisioningStatus);
const contactsWire = asTestWire<ContactOption[]>(getBillToContacts);
const catalogWire = asTestWire<CatalogResult>(getCatalog);

type FlowElement = HTMLElement & { recordId?: string; embedded?: boolean };

function field(element: HTMLElement, name: string): HTMLElement & Record<string, unknown> {
    return deepQuery(element, `[data-field="${name}"]`) as HTMLElement & Record<string, unknown>;
}

function heading(element: HTMLElement): string {
    return el(element, 'step-heading').firstChild!.textContent!.trim();
}

function errorsShown(element: HTMLElement): string[] {
    return Array.from(deepQueryAll(element, '[data-id="errors"] li')).map((li) => li.textContent!);
}

/** Renders the flow with data, passes step 1 (no duplicates) and lands on the plan step. */
async function atPlanStep(
    options: { embedded?: boolean; catalog?: CatalogResult; contacts?: ContactOption[] } = {}
): Promise<FlowElement> {
    const element = await render({ embedded: options.embedded });
    expect(catalogWire.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
    contactsWire.emit(options.contacts ?? CONTACTS);
    catalogWire.emit(options.catalog ?? catalog());
    await flushPromises();
    await click(element, 'next-duplicates');
    return element;
}

/** Fills the plan step with valid values (per-seat plan, 5 seats) and goes to the review step. */
async function atReviewStep(options: { embedded?: boolean } = {}): Promise<FlowElement> {
    const element = await atPlanStep(options);
    await passPlanStep(element);
    return element;
}

describe('c-zuora-provisioning', () => {
    beforeEach(() => {
        duplicatesMock.mockResolvedValue(noDuplicates());
    });

    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

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

    describe('step 3: review and submit', () => {
        it('summarises the order and re-checks duplicates with the contact email', async () => {
            duplicatesMock
                .mockResolvedValueOnce(noDuplicates())
                .mockResolvedValueOnce(noDuplicates({ candidates: [emailMatch()] }));
            const element = await atReviewStep();
            expect(heading(element)).toBe(LABELS.stepReview);
            expect(duplicatesMock).toHaveBeenLastCalledWith({ accountId: ACCOUNT_ID, billToContactId: CONTACT_ID });
            const review = el(element, 'review').textContent!;
            expect(review).toContain('Ada Lovelace · ada@acme.example');
            expect(review).toContain('Platform — Per seat');
            expect(review).toContain('5');
            expect(review).toContain('USD');
            expect(review).toContain(LABELS.reviewTermed);
            const matches = el(element, 'review-matches').querySelector('lightning-datatable') as unknown as {
                data: Array<{ url: string }>;
            };
            expect(matches.data[0].url).toBe('/lightning/r/Contact/003000000000009AAA/view');
        });

        it('ignores a failed re-check (the server validates again)', async () => {
            duplicatesMock.mockResolvedValueOnce(noDuplicates()).mockRejectedValueOnce(new Error('offline'));
            const element = await atReviewStep();
            expect(el(element, 'review-matches')).toBeNull();
            expect(el(element, 'submit').disabled).toBe(false);
        });

        it('goes back to the plan step', async () => {
            const element = await atReviewStep();
            await click(element, 'back');
            expect(heading(element)).toBe(LABELS.stepPlan);
        });

        it('sends exactly what was reviewed, shows progress, polls and toasts success', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Pending' }));
            statusMock
                .mockResolvedValueOnce(attempt({ status: 'Retrying', nextRetryAt: '2026-11-21T10:05:00.000Z' }))
                .mockResolvedValueOnce(
                    attempt({ status: 'Succeeded', zuoraAccountNumber: 'A0042', zuoraSubscriptionNumber: 'S0077' })
                );
            const element = await atReviewStep();
            jest.useFakeTimers();
            const toasts = listenForToasts(element);
            const closed = jest.fn();
            element.addEventListener('lightning__actionsclosescreen', closed);

            await click(element, 'submit');
            expect(startMock).toHaveBeenCalledWith({
                request: {
                    accountId: ACCOUNT_ID,
                    billToContactId: CONTACT_ID,
                    productRatePlanId: 'rp-seats',
                    productRatePlanNumber: 'PRP-1',
                    quantity: 5,
                    productRatePlanChargeId: 'rpc-seat',
                    termType: 'TERMED',
                    initialTermMonths: 12,
                    renewalTermMonths: 12,
                    startDate: isoDate(),
                    currencyCode: 'USD'
                }
            });
            expect(el(element, 'progress').textContent).toBe(LABELS.progressStatus);
            expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();

            jest.advanceTimersByTime(2000);
            await flushPromises();
            expect(statusMock).toHaveBeenCalledWith({ attemptId: ATTEMPT_ID });
            expect(toasts).toHaveLength(0);
            expect(el(element, 'next-retry').textContent).toContain(LABELS.nextRetry);
            jest.advanceTimersByTime(3000);
            await flushPromises();
            expect(toasts).toEqual([{ title: LABELS.createdTitle, message: LABELS.resultSuccess, variant: 'success' }]);
            expect(el(element, 'result').textContent).toBe(LABELS.resultSuccess);
            expect(el(element, 'result').className).toBe('slds-text-color_success');
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);

            await click(element, 'close');
            expect(closed).toHaveBeenCalledTimes(1);
        });

        it('sends one request for a double click', async () => {
            let resolve!: (value: ProvisioningStatus) => void;
            startMock.mockReturnValue(new Promise((r) => (resolve = r)));
            const element = await atReviewStep();
            el(element, 'submit').click();
            el(element, 'submit').click();
            await flushPromises();
            expect(el(element, 'submit').disabled).toBe(true);
            expect(el(element, 'cancel').disabled).toBe(true);
            resolve(attempt({ status: 'Succeeded', zuoraAccountNumber: 'A1', zuoraSubscriptionNumber: 'S1' }));
            await flushPromises();
            expect(startMock).toHaveBeenCalledTimes(1);
        });

        it('shows a rejection in words, toasts it and lets the user try again', async () => {
            startMock.mockRejectedValue({ body: { message: 'Choose a product rate plan.' } });
            const element = await atReviewStep();
            const toasts = listenForToasts(element);
            await click(element, 'submit');
            expect(toasts).toEqual([
                { title: LABELS.failedTitle, message: 'Choose a product rate plan.', variant: 'error' }
            ]);
            expect(el(element, 'submit-error').textContent).toBe('Choose a product rate plan.');
            expect(el(element, 'submit').disabled).toBe(false);
        });

        it('shows an immediate failure without polling and reports it to the panel', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Failed', message: 'Currency not enabled.' }));
            const element = await atReviewStep({ embedded: true });
            const toasts = listenForToasts(element);
            const completed = jest.fn();
            element.addEventListener('complete', completed);
            await click(element, 'submit');
            expect(toasts).toEqual([{ title: LABELS.failedTitle, message: LABELS.resultFailed, variant: 'error' }]);
            expect(el(element, 'result').className).toBe('slds-text-color_error');
            expect(completed).not.toHaveBeenCalled();
            expect(statusMock).not.toHaveBeenCalled();
            await click(element, 'close');
            expect(completed).toHaveBeenCalledTimes(1);
            expect((completed.mock.calls[0][0] as CustomEvent<ProvisioningStatus>).detail.status).toBe('Failed');
        });

        it('says when an attempt was already running, and can be closed while Zuora works', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Running', reusedExistingAttempt: true }));
            statusMock.mockResolvedValue(attempt({ status: 'Running' }));
            const element = await atReviewStep();
            jest.useFakeTimers();
            await click(element, 'submit');
            expect(el(element, 'reused').textContent).toBe(LABELS.reusedAttempt);
            const closed = jest.fn();
            element.addEventListener('lightning__actionsclosescreen', closed);
            await click(element, 'close');
            expect(closed).toHaveBeenCalledTimes(1);
            jest.advanceTimersByTime(60000);
            await flushPromises();
            expect(statusMock).not.toHaveBeenCalled();
        });

        it('keeps polling through failed polls and explains when Zuora takes too long', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Pending' }));
            statusMock.mockRejectedValue(new Error('offline'));
            const element = await atReviewStep();
            jest.useFakeTimers();
            await click(element, 'submit');
            for (let i = 0; i < 40 && el(element, 'progress').textContent !== LABELS.progressTimeout; i++) {
                jest.advanceTimersByTime(15000);
                // eslint-disable-next-line no-await-in-loop -- each poll is scheduled only after the previous one settled
                await flushPromises();
            }
            expect(el(element, 'progress').textContent).toBe(LABELS.progressTimeout);
            expect(statusMock.mock.calls.length).toBeGreaterThan(5);
        });

        it('stops polling when the quick action is closed', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Pending' }));
            const element = await atReviewStep();
            jest.useFakeTimers();
            await click(element, 'submit');
            document.body.removeChild(element);
            jest.advanceTimersByTime(60000);
            await flushPromises();
            expect(statusMock).not.toHaveBeenCalled();
        });

        it('is accessible', async () => {
            const element = await atReviewStep();
            await expect(element).toBeAccessible();
        });
    });
});

describe('validatePlan and helpers', () => {
    const contact = CONTACTS[0];
    const valid = {
        billToContactId: CONTACT_ID,
        productRatePlanId: FLAT_PLAN.ratePlanId,
        currencyCode: 'USD',
        termType: 'TERMED' as const,
        initialTermMonths: 12,
        renewalTermMonths: 24,
        startDate: isoDate()
    };

    it('accepts a complete request', () => {
        expect(validatePlan(valid, FLAT_PLAN, defaults(), contact)).toEqual([]);
    });

    it('rejects terms above 120 months or fractional', () => {
        expect(validatePlan({ ...valid, renewalTermMonths: 121 }, FLAT_PLAN, defaults(), contact)).toHaveLength(1);
        expect(validatePlan({ ...valid, initialTermMonths: 1.5 }, FLAT_PLAN, defaults(), contact)).toHaveLength(1);
    });

    it('rejects malformed start dates', () => {
        expect(validatePlan({ ...valid, startDate: '21/11/2026' }, FLAT_PLAN, defaults(), contact)[0].field).toBe(
            'startDate'
        );
    });

    it('does not need a state outside the listed countries', () => {
        expect(
            validatePlan(
                valid,
                FLAT_PLAN,
                defaults({ billingCountry: 'Germany', billingCountryCode: 'DE', billingState: null }),
                contact
            )
        ).toEqual([]);
    });

    it('checks with the limits and the country code Apex sent, not copies of its own', () => {
        const tight = defaults({ maxTermMonths: 24, startDateWindowDays: 10 });
        expect(validatePlan(valid, FLAT_PLAN, tight, contact)).toEqual([]);
        expect(validatePlan({ ...valid, initialTermMonths: 25 }, FLAT_PLAN, tight, contact)).toEqual([
            { field: 'initialTermMonths', message: LABELS.validationTerm }
        ]);
        expect(validatePlan({ ...valid, startDate: isoDate(11) }, FLAT_PLAN, tight, contact)[0].field).toBe(
            'startDate'
        );
        const unknown = defaults({ billingCountry: 'Atlantis', billingCountryCode: null });
        expect(validatePlan(valid, FLAT_PLAN, unknown, contact)).toEqual([
            { field: 'billingAddress', message: LABELS.validationCountryUnknown }
        ]);
    });

    it('lists the currencies a plan can be sold in', () => {
        expect(currenciesFor(SEATS_PLAN, defaults())).toEqual(['USD', 'EUR']);
        expect(currenciesFor(undefined, defaults())).toEqual(['USD', 'EUR', 'GBP']);
        expect(currenciesFor(SEATS_PLAN, defaults({ supportedCurrencies: [] }))).toEqual(['USD', 'EUR']);
    });
});
