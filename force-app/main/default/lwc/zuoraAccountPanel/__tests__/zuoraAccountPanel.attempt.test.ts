// c-zuora-account-panel with an open provisioning attempt (the rest: zuoraAccountPanel.test.ts).
// The Apex mocks of the inline c-zuora-provisioning child (first, so they are registered before the panel loads
// the child), then the panel's own Apex mocks and render.
import '../../../../../test/jest-utils/provisioning';
import { renderAccountPanel as render } from '../../../../../test/jest-utils/account-panel';
import { LABELS } from 'c/zuoraLabels';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getLinkState from '@salesforce/apex/ZuoraAccountController.getLinkState';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import { asMock, asTestWire, byDataId, cleanDom, flushPromises, listenForToasts } from '../../../../../test/jest-utils';
import { ACCOUNT_ID, ATTEMPT_ID, attempt, linked, pending } from '../../../../../test/fixtures/zuora-fixtures';

const linkState = asTestWire<AccountLinkState>(getLinkState);
const statusMock = asMock(getProvisioningStatus);

describe('c-zuora-account-panel — open provisioning attempt', () => {
    beforeEach(() => {
        asMock(checkDuplicates).mockResolvedValue({ candidates: [], zuoraAccounts: [] });
    });

    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('open provisioning attempt', () => {
        it('shows progress and polls until Zuora succeeds, then toasts and refreshes', async () => {
            jest.useFakeTimers();
            statusMock.mockResolvedValueOnce(attempt({ status: 'Retrying' })).mockResolvedValueOnce(
                attempt({
                    status: 'Succeeded',
                    zuoraAccountNumber: 'A00000042',
                    zuoraSubscriptionNumber: 'S00000077'
                })
            );
            const element = render();
            const toasts = listenForToasts(element);
            linkState.emit(pending('Running'));
            await flushPromises();
            const progress = byDataId(element, 'progress')!;
            expect(progress.textContent).toContain(LABELS.provisioningInProgress);
            expect(byDataId(element, 'create')).toBeNull();
            expect(statusMock).not.toHaveBeenCalled();

            jest.advanceTimersByTime(3000);
            await flushPromises();
            expect(statusMock).toHaveBeenCalledWith({ attemptId: ATTEMPT_ID });
            expect(toasts).toHaveLength(0);

            jest.advanceTimersByTime(4500);
            await flushPromises();
            expect(statusMock).toHaveBeenCalledTimes(2);
            expect(toasts).toEqual([{ title: LABELS.createdTitle, message: LABELS.resultSuccess, variant: 'success' }]);
            expect(refreshApex).toHaveBeenCalled();
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: ACCOUNT_ID }]);

            jest.advanceTimersByTime(60000);
            await flushPromises();
            expect(statusMock).toHaveBeenCalledTimes(2);
        });

        it('toasts the failure in words when the attempt fails', async () => {
            jest.useFakeTimers();
            statusMock.mockResolvedValue(attempt({ status: 'Failed', message: 'The rate plan has expired.' }));
            const element = render();
            const toasts = listenForToasts(element);
            linkState.emit(pending('Pending'));
            await flushPromises();
            jest.advanceTimersByTime(3000);
            await flushPromises();
            expect(toasts).toEqual([{ title: LABELS.failedTitle, message: LABELS.resultFailed, variant: 'error' }]);
        });

        it('keeps polling after a failed poll and gives up after ten minutes with an explanation', async () => {
            jest.useFakeTimers();
            statusMock.mockRejectedValue({ body: { message: 'Network glitch' } });
            const element = render();
            linkState.emit(pending('Running'));
            await flushPromises();
            for (
                let i = 0;
                i < 60 && !byDataId(element, 'progress')!.textContent!.includes(LABELS.progressTimeout);
                i++
            ) {
                jest.advanceTimersByTime(20000);
                // eslint-disable-next-line no-await-in-loop -- each poll is scheduled only after the previous one settled
                await flushPromises();
            }
            expect(byDataId(element, 'progress')!.textContent).toContain(LABELS.progressTimeout);
            const calls = statusMock.mock.calls.length;
            expect(calls).toBeGreaterThan(5);
            jest.advanceTimersByTime(120000);
            await flushPromises();
            expect(statusMock.mock.calls.length).toBe(calls);
        });

        it('stops polling when the panel is removed from the page', async () => {
            jest.useFakeTimers();
            statusMock.mockResolvedValue(attempt({ status: 'Running' }));
            const element = render();
            linkState.emit(pending('Running'));
            await flushPromises();
            document.body.removeChild(element);
            jest.advanceTimersByTime(60000);
            await flushPromises();
            expect(statusMock).not.toHaveBeenCalled();
        });

        it('stops polling when the refreshed state shows the attempt has ended', async () => {
            jest.useFakeTimers();
            statusMock.mockResolvedValue(attempt({ status: 'Running' }));
            const element = render();
            linkState.emit(pending('Running'));
            await flushPromises();
            linkState.emit(linked());
            await flushPromises();
            jest.advanceTimersByTime(60000);
            await flushPromises();
            expect(statusMock).not.toHaveBeenCalled();
            expect(byDataId(element, 'progress')).toBeNull();
        });

        it('is accessible while showing progress', async () => {
            const element = render();
            linkState.emit(pending('Running'));
            await flushPromises();
            await expect(element).toBeAccessible();
        });
    });
});
