import ZuoraProvisioningProgress from 'c/zuoraProvisioningProgress';
import { LABELS } from 'c/zuoraLabels';
import { byDataId, cleanDom } from '../../../../../test/jest-utils';
import { renderStep } from '../../../../../test/jest-utils/step-components';
import { attempt, failedAttempt, succeededAttempt } from '../../../../../test/fixtures/zuora-fixtures';

jest.mock(
    '@salesforce/label/c.Zuora_Next_Retry',
    () => require('../../../../../test/jest-utils/custom-labels').labelModule('Zuora_Next_Retry'),
    { virtual: true }
);

function render(props: Record<string, unknown>) {
    return renderStep('c-zuora-provisioning-progress', ZuoraProvisioningProgress, props);
}

describe('c-zuora-provisioning-progress', () => {
    afterEach(() => cleanDom());

    it('shows the status while Zuora works', async () => {
        const { element } = await render({ status: attempt({ status: 'Running' }) });
        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
        expect(byDataId(element, 'progress')).not.toBeNull();
        expect(byDataId(element, 'reused')).toBeNull();
        expect(byDataId(element, 'next-retry')).toBeNull();
        expect(byDataId(element, 'result')).toBeNull();
    });

    it('says when an open attempt was reused and when the next automatic try is', async () => {
        const nextRetryAt = '2026-12-01T10:15:00.000Z';
        const { element } = await render({
            status: attempt({ status: 'Retrying', nextRetryAt, reusedExistingAttempt: true })
        });
        expect(byDataId(element, 'reused')!.textContent).toBe(LABELS.reusedAttempt);
        const retry = byDataId(element, 'next-retry')!;
        expect(retry.textContent!.startsWith(`${LABELS.nextRetry} `)).toBe(true);
        expect((retry.querySelector('lightning-formatted-date-time') as unknown as { value: string }).value).toBe(
            nextRetryAt
        );
    });

    it('explains when polling gave up, also before any status arrived', async () => {
        const { element } = await render({ timedOut: true });
        expect(byDataId(element, 'progress')!.textContent).toBe(LABELS.progressTimeout);
    });

    it('shows the outcome once finished: success in green, failure in red', async () => {
        let { element } = await render({ status: succeededAttempt(), finished: true });
        expect(byDataId(element, 'result')!.className).toBe('slds-text-color_success');
        expect(byDataId(element, 'progress')).toBeNull();
        cleanDom();
        ({ element } = await render({ status: failedAttempt(), finished: true }));
        expect(byDataId(element, 'result')!.className).toBe('slds-text-color_error');
        expect(byDataId(element, 'result')!.textContent).toBe(LABELS.resultFailed);
    });

    it('is accessible', async () => {
        const { element } = await render({ status: attempt() });
        await expect(element).toBeAccessible();
    });
});
