import { createElement } from 'lwc';
import ZuoraBackfill, { POLL_MS } from 'c/zuoraBackfill';
import startRun from '@salesforce/apex/BackfillController.startRun';
import getProgress from '@salesforce/apex/BackfillController.getProgress';
import getDecisions from '@salesforce/apex/BackfillController.getDecisions';
import reviewDecision from '@salesforce/apex/BackfillController.reviewDecision';
import applyApproved from '@salesforce/apex/BackfillController.applyApproved';
import resumeRun from '@salesforce/apex/BackfillController.resumeRun';
import exportCsv from '@salesforce/apex/BackfillController.exportCsv';
import { asMock, byDataId, cleanDom, flushPromises, listenForToasts } from '../../../../../test/jest-utils';
import {
    BACKFILL_RUN_ID as RUN_ID,
    backfillDecision,
    backfillProgress
} from '../../../../../test/fixtures/zuora-fixtures';

jest.mock(
    '@salesforce/apex/BackfillController.startRun',
    () => require('../../../../../test/jest-utils/apex-mocks').apexMethod(),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/BackfillController.getProgress',
    () => require('../../../../../test/jest-utils/apex-mocks').apexMethod(),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/BackfillController.getDecisions',
    () => require('../../../../../test/jest-utils/apex-mocks').apexMethod(),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/BackfillController.reviewDecision',
    () => require('../../../../../test/jest-utils/apex-mocks').apexMethod(),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/BackfillController.applyApproved',
    () => require('../../../../../test/jest-utils/apex-mocks').apexMethod(),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/BackfillController.resumeRun',
    () => require('../../../../../test/jest-utils/apex-mocks').apexMethod(),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/BackfillController.exportCsv',
    () => require('../../../../../test/jest-utils/apex-mocks').apexMethod(),
    { virtual: true }
);

const progressMock = asMock(getProgress);
const decisionsMock = asMock(getDecisions);
const progress = backfillProgress;
const decision = backfillDecision;

type Button = HTMLElement & { disabled?: boolean; label?: string };

async function render(): Promise<HTMLElement> {
    const element = createElement('c-zuora-backfill', { is: ZuoraBackfill });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function button(element: HTMLElement, id: string): Button {
    return byDataId<Button>(element, id)!;
}

async function click(element: HTMLElement, id: string): Promise<void> {
    button(element, id).click();
    await flushPromises();
}

describe('c-zuora-backfill', () => {
    beforeEach(() => {
        jest.clearAllMocks();
        progressMock.mockResolvedValue(progress());
        decisionsMock.mockResolvedValue([decision()]);
    });

    afterEach(() => {
        cleanDom();
        jest.useRealTimers();
    });

    it('explains that nothing has run yet and offers a dry run', async () => {
        progressMock.mockResolvedValue(progress({ runId: null, canApply: false }));
        const element = await render();
        expect(byDataId(element, 'no-run')).not.toBeNull();
        expect(decisionsMock).not.toHaveBeenCalled();
        expect(button(element, 'start-dry-run').disabled).toBe(false);
        expect(byDataId(element, 'apply')).toBeNull();
    });

    it('shows progress counts, the review list and accessible live status', async () => {
        const element = await render();
        expect(progressMock).toHaveBeenCalledWith({ runId: null });
        expect(decisionsMock).toHaveBeenCalledWith({ runId: RUN_ID, reviewStatus: 'Needs review' });
        const counts = Array.from(element.shadowRoot!.querySelectorAll('[data-id="counts"] dd')).map(
            (dd) => dd.textContent
        );
        expect(counts).toEqual(['2', '60', '40', '5', '14', '1', '6', '0', '0']);
        expect(element.shadowRoot!.querySelector('[role="status"]')).not.toBeNull();
        expect(element.shadowRoot!.querySelectorAll('[data-id="review-item"]')).toHaveLength(1);
        expect(button(element, 'approve').disabled).toBe(true);
        expect(button(element, 'apply').disabled).toBe(false);
        expect(button(element, 'resume').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('starts a dry run, disables the buttons in flight and toasts', async () => {
        let resolve: (p: BackfillProgress) => void = () => undefined;
        asMock(startRun).mockReturnValue(new Promise((r) => (resolve = r)));
        const element = await render();
        const toasts = listenForToasts(element);
        await click(element, 'start-dry-run');
        expect(startRun).toHaveBeenCalledWith({ mode: 'DryRun' });
        expect(button(element, 'start-apply').disabled).toBe(true);
        expect(button(element, 'refresh').disabled).toBe(true);
        resolve(progress({ status: 'Running', active: true }));
        await flushPromises();
        expect(toasts[0].variant).toBe('success');
        expect(button(element, 'refresh').disabled).toBe(false);
    });

    it('starts an applying run', async () => {
        asMock(startRun).mockResolvedValue(progress({ mode: 'Apply' }));
        const element = await render();
        await click(element, 'start-apply');
        expect(startRun).toHaveBeenCalledWith({ mode: 'Apply' });
    });

    it('toasts the reason when a start is refused', async () => {
        asMock(startRun).mockRejectedValue({ body: { message: 'Backfill run BF-0001 is still working.' } });
        const element = await render();
        const toasts = listenForToasts(element);
        await click(element, 'start-dry-run');
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error' })]);
        expect(toasts[0].message).toContain('still working');
        expect(button(element, 'start-dry-run').disabled).toBe(false);
    });

    it('approves an ambiguous match only with a chosen candidate', async () => {
        asMock(reviewDecision).mockResolvedValue(decision({ reviewStatus: 'Approved', canReview: false }));
        const element = await render();
        const toasts = listenForToasts(element);
        const combobox = byDataId(element, 'choose')!;
        combobox.dispatchEvent(new CustomEvent('change', { detail: { value: '001000000000002AAA' } }));
        await flushPromises();
        expect(button(element, 'approve').disabled).toBe(false);
        decisionsMock.mockResolvedValue([]);
        await click(element, 'approve');
        expect(reviewDecision).toHaveBeenCalledWith({
            decisionId: 'a0C000000000001AAA',
            accountId: '001000000000002AAA',
            reviewStatus: 'Approved'
        });
        expect(toasts[0].variant).toBe('success');
        expect(byDataId(element, 'review-none')).not.toBeNull();
    });

    it('approves a second link without candidates and rejects with a toast on failure', async () => {
        decisionsMock.mockResolvedValue([
            decision({ decision: 'Already linked elsewhere', candidates: [], accountId: '001000000000003AAA' })
        ]);
        asMock(reviewDecision).mockRejectedValueOnce(new Error('This decision does not exist.'));
        const element = await render();
        const toasts = listenForToasts(element);
        expect(byDataId(element, 'choose')).toBeNull();
        expect(button(element, 'approve').disabled).toBe(false);
        await click(element, 'reject');
        expect(reviewDecision).toHaveBeenCalledWith({
            decisionId: 'a0C000000000001AAA',
            accountId: null,
            reviewStatus: 'Rejected'
        });
        expect(toasts[0].variant).toBe('error');
        asMock(reviewDecision).mockResolvedValue(decision({ canReview: false }));
        await click(element, 'approve');
        expect(toasts[1].variant).toBe('success');
    });

    it('applies the approved matches and resumes a failed run', async () => {
        asMock(applyApproved).mockResolvedValue(progress({ status: 'Running', active: true }));
        const element = await render();
        await click(element, 'apply');
        expect(applyApproved).toHaveBeenCalledWith({ runId: RUN_ID });

        progressMock.mockResolvedValue(
            progress({ status: 'Failed', canApply: false, canResume: true, lastError: 'Zuora is busy' })
        );
        await click(element, 'refresh');
        expect(byDataId(element, 'last-error')!.textContent).toBe('Zuora is busy');
        asMock(resumeRun).mockResolvedValue(progress({ status: 'Running', active: true }));
        await click(element, 'resume');
        expect(resumeRun).toHaveBeenCalledWith({ runId: RUN_ID });
    });

    it('exports the decisions as a CSV download', async () => {
        asMock(exportCsv).mockResolvedValue('Decision\r\n"BD-1"\r\n');
        const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
        const element = await render();
        const toasts = listenForToasts(element);
        await click(element, 'export');
        expect(exportCsv).toHaveBeenCalledWith({ runId: RUN_ID });
        expect(clicked).toHaveBeenCalledTimes(1);
        expect(toasts[0].variant).toBe('success');
        clicked.mockRestore();
    });

    it('shows a load error', async () => {
        progressMock.mockRejectedValue({ body: { message: 'You do not have access to Zuora backfill runs.' } });
        const element = await render();
        expect(byDataId(element, 'load-error')!.textContent).toContain('do not have access');
    });

    it('polls while a run works, shows the retry time and stops when disconnected', async () => {
        jest.useFakeTimers();
        progressMock.mockResolvedValue(
            progress({ status: 'Waiting', active: true, canApply: false, nextRetryAt: '2026-12-01T08:00:00.000Z' })
        );
        const element = await render();
        expect(byDataId(element, 'retry')).not.toBeNull();
        expect(button(element, 'start-dry-run').disabled).toBe(true);
        expect(progressMock).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(POLL_MS);
        await flushPromises();
        expect(progressMock).toHaveBeenCalledTimes(2);
        document.body.removeChild(element);
        jest.advanceTimersByTime(POLL_MS * 3);
        await flushPromises();
        expect(progressMock).toHaveBeenCalledTimes(2);
    });
});
