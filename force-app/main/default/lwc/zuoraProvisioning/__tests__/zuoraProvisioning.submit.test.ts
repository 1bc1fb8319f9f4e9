/**
 * The wizard shell from the review step on: submit, progress while Zuora works, polling and the outcome.
 */
import { atReviewStep, click, el, heading, useWizardLifecycle } from '../../../../../test/jest-utils/provisioning';
import { LABELS } from 'c/zuoraLabels';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import startProvisioning from '@salesforce/apex/ZuoraAccountController.startProvisioning';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import { asMock, flushPromises, listenForToasts } from '../../../../../test/jest-utils';
import {
    ACCOUNT_ID,
    ATTEMPT_ID,
    CONTACT_ID,
    attempt,
    emailMatch,
    isoDate,
    noDuplicates
} from '../../../../../test/fixtures/zuora-fixtures';

const duplicatesMock = asMock(checkDuplicates);
const startMock = asMock(startProvisioning);
const statusMock = asMock(getProvisioningStatus);

describe('c-zuora-provisioning — review, submit and progress', () => {
    useWizardLifecycle();

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
