import '../../../../../test/jest-utils/provisioning';
import ZuoraProvisioningDuplicates from 'c/zuoraProvisioningDuplicates';
import { LABELS } from 'c/zuoraLabels';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import { asMock, byDataId, cleanDom, flushPromises } from '../../../../../test/jest-utils';
import { renderStep } from '../../../../../test/jest-utils/step-components';
import {
    ACCOUNT_ID,
    apexError,
    duplicatesFound,
    noDuplicates,
    zuoraAccountSummary
} from '../../../../../test/fixtures/zuora-fixtures';

jest.mock(
    '@salesforce/label/c.Zuora_Dup_Lookup_Error',
    () => require('../../../../../test/jest-utils/custom-labels').labelModule('Zuora_Dup_Lookup_Error'),
    { virtual: true }
);

const duplicatesMock = asMock(checkDuplicates);

function render(props: Record<string, unknown>) {
    return renderStep('c-zuora-provisioning-duplicates', ZuoraProvisioningDuplicates, props, ['checked', 'confirm']);
}

describe('c-zuora-provisioning-duplicates', () => {
    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
    });

    it('checks the Account once and reports the answer as `checked`', async () => {
        duplicatesMock.mockResolvedValue(noDuplicates());
        const { log } = await render({ recordId: ACCOUNT_ID });
        expect(duplicatesMock).toHaveBeenCalledTimes(1);
        expect(duplicatesMock).toHaveBeenCalledWith({ accountId: ACCOUNT_ID, billToContactId: null });
        expect(log).toEqual([{ type: 'checked', detail: { result: noDuplicates() } }]);
    });

    it('reports a failed check as `checked` with the error in words', async () => {
        duplicatesMock.mockRejectedValue(apexError('Duplicate rules are not readable.'));
        const { log } = await render({ recordId: ACCOUNT_ID });
        expect(log).toEqual([{ type: 'checked', detail: { error: 'Duplicate rules are not readable.' } }]);
    });

    it('shows a spinner while the check runs', async () => {
        duplicatesMock.mockReturnValue(new Promise(() => undefined));
        const { element } = await render({ recordId: ACCOUNT_ID });
        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('waits for the record id, and does not check again once the parent has the answer', async () => {
        duplicatesMock.mockResolvedValue(noDuplicates());
        const { element } = await render({});
        expect(duplicatesMock).not.toHaveBeenCalled();
        element.recordId = ACCOUNT_ID;
        await flushPromises();
        expect(duplicatesMock).toHaveBeenCalledTimes(1);
        cleanDom();
        await render({ recordId: ACCOUNT_ID, result: noDuplicates() });
        await render({ recordId: ACCOUNT_ID, error: 'offline' });
        expect(duplicatesMock).toHaveBeenCalledTimes(1);
    });

    it('says when nothing matches, and shows the error of a failed check', async () => {
        let { element } = await render({ recordId: ACCOUNT_ID, result: noDuplicates() });
        expect(byDataId(element, 'no-matches')!.textContent).toBe(LABELS.dupNone);
        expect(byDataId(element, 'confirm-duplicates')).toBeNull();
        cleanDom();
        ({ element } = await render({ recordId: ACCOUNT_ID, error: 'offline' }));
        expect(byDataId(element, 'duplicates-error')!.getAttribute('role')).toBe('alert');
        expect(byDataId(element, 'duplicates-error')!.textContent).toBe('offline');
        expect(byDataId(element, 'no-matches')).toBeNull();
    });

    it('lists the matches and reports the confirmation as `confirm`', async () => {
        const result = { ...duplicatesFound(), zuoraAccounts: [zuoraAccountSummary()] };
        const { element, log } = await render({ recordId: ACCOUNT_ID, result });
        expect(byDataId(element, 'candidates')).not.toBeNull();
        expect(byDataId(element, 'zuora-accounts')).not.toBeNull();
        const confirm = byDataId(element, 'confirm-duplicates')!;
        const outside = jest.fn();
        document.body.addEventListener('change', outside);
        confirm.dispatchEvent(new CustomEvent('change', { detail: { checked: true }, bubbles: true, composed: true }));
        document.body.removeEventListener('change', outside);
        expect(log).toEqual([{ type: 'confirm', detail: { checked: true } }]);
        expect(outside).not.toHaveBeenCalled();
    });

    it('says when Zuora could not be searched', async () => {
        const { element } = await render({
            recordId: ACCOUNT_ID,
            result: noDuplicates({ zuoraLookupError: 'Zuora timed out' })
        });
        expect(byDataId(element, 'zuora-lookup-error')!.textContent).toContain('Zuora timed out');
        expect(byDataId(element, 'no-matches')).toBeNull();
    });

    it('is accessible', async () => {
        const { element } = await render({ recordId: ACCOUNT_ID, result: duplicatesFound() });
        await expect(element).toBeAccessible();
    });
});
