/**
 * Issue 13, defects a user saw in the real browser (preview) that the first jest suite did not catch (1–6; 7–13
 * in zuoraProvisioning.layout.test.ts). Each `describe` names the defect; labels whose wording matters are the
 * real values from CustomLabels.labels-meta.xml.
 */
import '../../../../../test/jest-utils/provisioning-labels';
import {
    atPlanStep,
    atReviewStep,
    catalogWire,
    change,
    click,
    contactsWire,
    el,
    field,
    renderProvisioning,
    spy,
    useWizardLifecycle
} from '../../../../../test/jest-utils/provisioning';
import { LABELS } from 'c/zuoraLabels';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import startProvisioning from '@salesforce/apex/ZuoraAccountController.startProvisioning';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import { asMock, deepActiveElement, deepQuery, flushPromises } from '../../../../../test/jest-utils';
import {
    ACCOUNT_ID,
    CONTACT_ID,
    SEATS_PLAN,
    attempt,
    catalog,
    contacts,
    succeededAttempt
} from '../../../../../test/fixtures/zuora-fixtures';

const refreshMock = asMock(refreshApex);
const startMock = asMock(startProvisioning);
const statusMock = asMock(getProvisioningStatus);
const render = renderProvisioning;

describe('c-zuora-provisioning — issue 13 defects', () => {
    useWizardLifecycle();

    describe('defect 1: the space before the retry time', () => {
        it('keeps the space between "Next automatic try at" and the time', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Pending' }));
            statusMock.mockResolvedValue(attempt({ status: 'Retrying', nextRetryAt: '2026-11-20T14:35:00.000Z' }));
            const element = await atReviewStep();
            jest.useFakeTimers();
            await click(element, 'submit');
            jest.advanceTimersByTime(2000);
            await flushPromises();

            const time = el(element, 'next-retry').querySelector('lightning-formatted-date-time')!;
            expect((time as unknown as { value: string }).value).toBe('2026-11-20T14:35:00.000Z');
            const before = time.previousSibling!.textContent!;
            expect(LABELS.nextRetry).toMatch(/try at$/);
            expect(before.endsWith(`${LABELS.nextRetry} `)).toBe(true);
        });
    });

    describe('defect 2: field errors are cleared once fixed', () => {
        it('sets the message on the field at Next and clears it when the user picks a plan', async () => {
            const element = await atPlanStep();
            await change(element, 'billToContactId', CONTACT_ID);
            const plan = field(element, 'productRatePlanId');
            const setValidity = spy(plan, 'setCustomValidity');
            const report = spy(plan, 'reportValidity');

            await click(element, 'next-plan');
            expect(setValidity).toHaveBeenLastCalledWith(LABELS.validationPlan);
            expect(LABELS.validationPlan).toBe('Choose a product rate plan.');

            await change(element, 'productRatePlanId', SEATS_PLAN.ratePlanId);
            expect(setValidity).toHaveBeenLastCalledWith('');
            expect(report.mock.invocationCallOrder.at(-1)!).toBeGreaterThan(
                setValidity.mock.invocationCallOrder.at(-1)!
            );
        });

        it('marks a field the user emptied after coming back from the review', async () => {
            const element = await atReviewStep();
            await click(element, 'back');
            await change(element, 'quantity', '');
            // Still on the plan step with a missing quantity: Next refuses and marks the field.
            const quantity = field(element, 'quantity');
            const setValidity = spy(quantity, 'setCustomValidity');
            await click(element, 'next-plan');
            expect(setValidity).toHaveBeenLastCalledWith(LABELS.validationQuantity);
        });
    });

    describe('defect 5: no catalog or no contacts is an error state with Try again, Next disabled', () => {
        it('shows a spinner and a disabled Next until contacts and catalog have both answered', async () => {
            const element = await render();
            catalogWire.emit(catalog());
            await flushPromises();
            await click(element, 'next-duplicates');
            expect(deepQuery(element, 'lightning-spinner')).not.toBeNull();
            expect(el(element, 'next-plan').disabled).toBe(true);
            expect(el(element, 'no-contacts')).toBeNull();
        });

        it('replaces the form by the catalog error and Try again, which reads both again', async () => {
            const element = await render();
            contactsWire.emit(contacts());
            catalogWire.error({ message: 'Zuora catalog unavailable.' });
            await flushPromises();
            await click(element, 'next-duplicates');

            expect(el(element, 'plan-unavailable').getAttribute('role')).toBe('alert');
            expect(el(element, 'catalog-error').textContent!.trim()).toBe('Zuora catalog unavailable.');
            expect(deepQuery(element, '[data-field]')).toBeNull();
            expect(el(element, 'next-plan').disabled).toBe(true);
            await click(element, 'next-plan');
            expect(el(element, 'errors')).toBeNull();
            await expect(element).toBeAccessible();

            // refreshApex resolves once the wires have provisioned again: here the catalog answers this time.
            refreshMock.mockImplementationOnce(async () => catalogWire.emit(catalog()));
            await click(element, 'retry-plan');
            expect(refreshMock).toHaveBeenCalledTimes(2);
            expect(el(element, 'plan-unavailable')).toBeNull();
            expect(field(element, 'productRatePlanId')).not.toBeNull();
            expect(el(element, 'next-plan').disabled).toBe(false);
            // The Try again button is gone with the error: the focus starts over at the step heading.
            expect(deepActiveElement(element)).toBe(el(element, 'step-heading'));
        });

        it('says there are no contacts, keeps Next disabled, and ignores a second Try again while one runs', async () => {
            let finishRefresh!: () => void;
            const refreshing = new Promise<void>((resolve) => (finishRefresh = resolve));
            refreshMock.mockReturnValueOnce(refreshing).mockReturnValueOnce(refreshing);
            const element = await render();
            contactsWire.emit([]);
            catalogWire.emit(catalog());
            await flushPromises();
            await click(element, 'next-duplicates');
            expect(el(element, 'no-contacts').textContent!.trim()).toBe(LABELS.noContacts);
            expect(el(element, 'next-plan').disabled).toBe(true);

            const retry = el(element, 'retry-plan');
            retry.click();
            retry.click();
            await flushPromises();
            expect(el(element, 'retrying')).not.toBeNull();
            expect(el(element, 'retry-plan')).toBe(retry);
            expect(el(element, 'next-plan').disabled).toBe(true);
            finishRefresh();
            await flushPromises();
            expect(refreshMock).toHaveBeenCalledTimes(2);
            expect(el(element, 'retrying')).toBeNull();
            expect(el(element, 'no-contacts')).not.toBeNull();
        });

        it('shows the refresh error when Try again itself fails', async () => {
            refreshMock.mockRejectedValueOnce({ body: { message: 'Session expired.' } });
            const element = await render();
            contactsWire.error({ message: 'No access to contacts.' });
            catalogWire.emit({ plans: [], defaults: catalog().defaults });
            await flushPromises();
            await click(element, 'next-duplicates');
            expect(el(element, 'contacts-error').textContent!.trim()).toBe('No access to contacts.');
            expect(el(element, 'no-plans').textContent!.trim()).toBe(LABELS.noPlans);

            await click(element, 'retry-plan');
            expect(el(element, 'catalog-error').textContent!.trim()).toBe('Session expired.');
            expect(el(element, 'retry-plan')).not.toBeNull();
        });
    });

    describe('defect 6: the done step stays in the panel; the record page is told once', () => {
        it('shows the done step of an immediate success and reports `complete` only on Close', async () => {
            startMock.mockResolvedValue(succeededAttempt());
            const element = await atReviewStep({ embedded: true });
            const completed = jest.fn();
            element.addEventListener('complete', completed);

            await click(element, 'submit');
            expect(el(element, 'result')).not.toBeNull();
            expect(completed).not.toHaveBeenCalled();
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: ACCOUNT_ID }]);

            await click(element, 'close');
            expect(completed).toHaveBeenCalledTimes(1);
            expect((completed.mock.calls[0][0] as CustomEvent<ProvisioningStatus>).detail.status).toBe('Succeeded');
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
        });

        it('tells the record page once after polling to success', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Pending' }));
            statusMock.mockResolvedValue(succeededAttempt());
            const element = await atReviewStep({ embedded: true });
            jest.useFakeTimers();
            await click(element, 'submit');
            expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
            jest.advanceTimersByTime(2000);
            await flushPromises();
            expect(el(element, 'result')).not.toBeNull();
            await click(element, 'close');
            document.body.removeChild(element);
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
        });

        it('tells the record page once when the flow is closed or removed while Zuora still works', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Running' }));
            statusMock.mockResolvedValue(attempt({ status: 'Running' }));
            const element = await atReviewStep();
            await click(element, 'submit');
            await click(element, 'close');
            document.body.removeChild(element);
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);

            const second = await atReviewStep();
            await click(second, 'submit');
            document.body.removeChild(second);
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(2);
        });
    });
});
